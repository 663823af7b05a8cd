import type {EnterMessage, RequestOptions} from './types.js';

/** The parameters of the client's calls, as its callers pass them. */

export interface ListConversationsParams extends RequestOptions {
  botId: string;
  /** Channel; default `'999'` (Chat SDK). */
  connectorId?: string;
  userId?: string;
  pageNum?: number;
  pageSize?: number;
  sortOrder?: 'ASC' | 'DESC';
  /** `updated_at` (default: most recently used first) or `created_at`. */
  sortField?: 'updated_at' | 'created_at';
}

export interface CreateConversationParams extends RequestOptions {
  /** The bot the conversation belongs to; omitted from the body when absent (app conversations). */
  botId?: string;
  /** Channel; default `'999'` (Chat SDK). */
  connectorId?: string;
  userId?: string;
  name?: string;
  messages?: EnterMessage[];
  /** App mode: the app the conversation belongs to. */
  appId?: string;
  /** App mode: the chatflow that will run in it. */
  workflowId?: string;
  /** App mode: the conversation's name within the app (the official widget uses `'Default'`). */
  conversationName?: string;
  /** App mode: return the existing conversation of that name instead of making a second one. */
  getOrCreate?: boolean;
  /** Key/value pairs kept with the conversation (at most 16; keys ≤ 64, values ≤ 512 characters). */
  metaData?: Record<string, string>;
}

export interface AppInfoParams {
  /** App version to describe; the latest published one when absent. */
  version?: string;
  /** Channel; default `'999'` (Chat SDK). */
  connectorId?: string;
}

export interface WorkflowInfoParams {
  /** Channel; default `'999'` (Chat SDK). */
  connectorId?: string;
}

export interface ListMessagesParams extends RequestOptions {
  order?: 'asc' | 'desc';
  limit?: number;
  beforeId?: string;
  afterId?: string;
  /** Also list the bot's plugin calls and results (`function_call`, `tool_response`). */
  includeMiddleMessage?: boolean;
}
