/**
 * Wire types of the Coze OpenAPI, as the widget uses them. Field names are
 * Coze's own (snake_case); ids are decimal strings longer than 2^53 and are
 * never turned into numbers.
 */
import type {ProfileExtras} from './bot-profile.js';

export type {
  BackgroundImage,
  BotBackground,
  InputType,
  ProfileExtras,
  ShortcutCommand,
  ShortcutParameter,
} from './bot-profile.js';

export type ChatStatus =
  'created' | 'in_progress' | 'completed' | 'failed' | 'requires_action' | 'canceled';

export type MessageRole = 'user' | 'assistant';

export type MessageType =
  | 'question'
  | 'answer'
  | 'function_call'
  | 'tool_output'
  | 'tool_response'
  | 'follow_up'
  | 'verbose'
  | 'knowledge'
  | '';

export type ContentType = 'text' | 'object_string' | 'card' | 'audio';

export interface CozeErrorBody {
  code: number;
  msg: string;
}

export interface ToolCall {
  id: string;
  type: 'function' | 'reply_message' | string;
  function: {name: string; arguments: string};
}

export interface RequiredAction {
  type: string;
  submit_tool_outputs?: {tool_calls: ToolCall[]};
}

/** The Chat object carried by `conversation.chat.*` events. */
export interface CozeChat {
  id: string;
  conversation_id: string;
  bot_id?: string;
  created_at?: number;
  completed_at?: number;
  failed_at?: number;
  status: ChatStatus;
  last_error?: CozeErrorBody | null;
  required_action?: RequiredAction;
  usage?: {token_count: number; output_count: number; input_count: number};
  section_id?: string;
  inserted_additional_messages?: Array<{id: string}>;
  meta_data?: Record<string, string>;
}

/** A message as streamed by `conversation.message.*` or listed by the message list. */
export interface CozeMessage {
  id: string;
  conversation_id: string;
  bot_id?: string;
  chat_id?: string;
  role: MessageRole;
  type: MessageType;
  content: string;
  content_type: ContentType;
  meta_data?: Record<string, string>;
  created_at?: number;
  updated_at?: number;
  section_id?: string;
  reasoning_content?: string;
}

/** A message the client sends (`additional_messages`). */
export interface EnterMessage {
  role: MessageRole;
  type?: 'question' | 'answer';
  content: string;
  content_type: 'text' | 'object_string';
  meta_data?: Record<string, string>;
}

export interface ConversationData {
  id: string;
  name?: string;
  created_at?: number;
  updated_at?: number;
  last_section_id?: string;
  connector_id?: string;
  meta_data?: Record<string, string>;
  creator_id?: string;
}

/** Bot profile from `GET /v1/bots/{id}`, reduced to what the widget shows. */
export interface BotInfo extends ProfileExtras {
  id: string;
  name: string;
  iconUrl?: string;
  description?: string;
  prologue?: string;
  suggestedQuestions: string[];
}

/** App profile from `GET /v1/apps/{app_id}`, reduced to what the widget shows. */
export interface AppInfo {
  id: string;
  name: string;
  iconUrl?: string;
  description?: string;
}

/**
 * A chatflow's role from `GET /v1/workflows/{workflow_id}`: the name, avatar
 * and onboarding the chat shows for it.
 */
export interface WorkflowInfo {
  id: string;
  name?: string;
  iconUrl?: string;
  prologue?: string;
  suggestedQuestions: string[];
}

export interface MessagePage {
  messages: CozeMessage[];
  firstId?: string;
  lastId?: string;
  hasMore: boolean;
}

export interface ConversationPage {
  conversations: ConversationData[];
  hasMore: boolean;
}

/** One typed event read from a streaming chat response. */
export type CozeStreamEvent =
  | {
      event:
        | 'conversation.chat.created'
        | 'conversation.chat.in_progress'
        | 'conversation.chat.completed'
        | 'conversation.chat.requires_action';
      chat: CozeChat;
    }
  | {
      event:
        | 'conversation.message.delta'
        | 'conversation.message.completed'
        | 'conversation.audio.delta';
      message: CozeMessage;
    }
  /** `conversation.chat.failed`, whichever shape it came in; `chat` is absent for the bare `{code,msg}` shape. */
  | {event: 'conversation.chat.failed'; chat?: CozeChat; error: CozeErrorBody}
  /** `event:error`, or a bare JSON `{code,msg}` body found inside the stream. */
  | {event: 'error'; error: CozeErrorBody}
  /** End of stream; `debugUrl` from `/v1/workflows/chat`. */
  | {event: 'done'; debugUrl?: string}
  /** An event name the client does not know; kept for logging, never fatal. */
  | {event: 'unknown'; name: string; data: string};

export interface RequestOptions {
  signal?: AbortSignal;
}

/** Options of `uploadFile`. */
export interface UploadOptions extends RequestOptions {
  /**
   * Called as the request body goes out, with the bytes sent so far and the
   * body's total size (the file plus a few hundred bytes of multipart framing);
   * the last call has `loaded === total`. Setting it switches the upload to
   * `XMLHttpRequest`, since `fetch` reports no upload progress. After a token
   * refresh the upload starts over, and so does the progress.
   */
  onProgress?: (loaded: number, total: number) => void;
}

/** The page's result for one tool call of `required_action`. */
export interface ToolOutput {
  /** `id` of the tool call in `required_action.submit_tool_outputs.tool_calls`. */
  tool_call_id: string;
  /** The result as a string (JSON-encode structured results). */
  output: string;
}

/** A chat paused in `requires_action` and the outputs that continue it. */
export interface SubmitToolOutputsRequest {
  conversationId: string;
  chatId: string;
  toolOutputs: ToolOutput[];
}

/** Body of `POST /v3/chat` (the client adds `stream: true`). */
export interface ChatRequest {
  botId: string;
  userId: string;
  conversationId?: string;
  additionalMessages: EnterMessage[];
  connectorId?: string;
  parameters?: Record<string, unknown>;
  customVariables?: Record<string, string>;
  /** A shortcut command to run, sent as `shortcut_command`. */
  shortcutCommand?: ShortcutCommandRun;
}

/** `shortcut_command` of `/v3/chat`: each parameter value is a serialised object_string array. */
export interface ShortcutCommandRun {
  commandId: string;
  parameters?: Record<string, string>;
}

/** Body of `POST /v1/workflows/chat`: one turn of an app's chatflow (always streamed). */
export interface WorkflowChatRequest {
  workflowId: string;
  appId: string;
  /** Sent as `ext.user_id`. */
  userId: string;
  /** Sent in the body (not the query, as for `/v3/chat`). */
  conversationId?: string;
  /** The last one is this turn's input; to answer a question node, send the reply here. */
  additionalMessages: EnterMessage[];
  /** Start-node inputs; `{}` is sent when absent. */
  parameters?: Record<string, unknown>;
  /** Channel; default `'999'` (Chat SDK). */
  connectorId?: string;
  /** App version to run, sent as `version` (as the official widget does for apps). */
  appVersion?: string;
}

/** A file uploaded with `POST /v1/files/upload`; use `id` as `file_id` in an `object_string` item. */
export interface CozeFile {
  id: string;
  bytes: number;
  created_at: number;
  file_name: string;
}

/** The new context section returned by `POST /v1/conversations/{id}/clear`. */
export interface ContextSection {
  /** The new section id. */
  id: string;
  conversation_id: string;
}

/** Like / unlike on an answer (`POST /v1/conversations/{id}/messages/{id}/feedback`). */
export interface MessageFeedback {
  feedbackType: 'like' | 'unlike';
  /** Preset reason tags, at most 10 of at most 30 characters. */
  reasonTypes?: string[];
  /** Free text, at most 250 characters. */
  comment?: string;
}
