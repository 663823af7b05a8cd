import type {BotInfo, ContentType, MessageType, ShortcutCommandRun} from '../api/types.js';

export type MessageStatus = 'streaming' | 'complete' | 'error' | 'canceled';

/** Why a turn failed, as the reader should learn it. */
export interface ChatError {
  /** Coze error code, or a negative local code (see `LocalErrorCode`). */
  readonly code: number;
  /** The server's message (or a local one); the element localises known codes. */
  readonly message: string;
  readonly logId?: string;
}

/** A load Retry can run again on its own: the bot's profile, the reader's conversations, the shown conversation's history. */
export type LoadKind = 'profile' | 'conversations' | 'history';

/** The error of loads that failed, with which ones they were (what Retry runs again). */
export interface LoadError extends ChatError {
  readonly loads: readonly LoadKind[];
}

/** Whether an error is a load's (and so offers Retry for that load). */
export function isLoadError(error: ChatError | undefined): error is LoadError {
  return error !== undefined && 'loads' in error;
}

/**
 * What stays shown of an error once another action clears it: a load's error (its Retry is
 * still wanted), less the loads given; anything else goes.
 */
export function loadErrorLeft(
  error: ChatError | undefined,
  done: readonly LoadKind[] = []
): LoadError | undefined {
  if (!isLoadError(error)) return undefined;
  const loads = error.loads.filter((load) => !done.includes(load));
  return loads.length ? {...error, loads} : undefined;
}

/** Codes for failures that did not come from Coze's `{code,msg}`. */
export const LocalErrorCode = {
  network: -1,
  interrupted: -2,
  http: -3,
  unsupported: -4,
  /** The answer stream sent nothing for longer than its idle timeout. */
  timeout: -5,
  /** Coze answered, but with data of a shape it does not send. */
  malformed: -6,
  /** The page's `coze-tool-call` handler failed (rejected, or answered something unusable). */
  toolFailed: -7,
  /** Anything else that went wrong in the widget itself. */
  unexpected: -8,
  /** The page's local function did not answer in time (the message names it). */
  toolTimeout: -9,
} as const;

/** A file attached to a user message. */
export interface MessageFile {
  /** Coze's file id (from `/v1/files/upload`). */
  readonly fileId: string;
  readonly name: string;
  /** Size in bytes, when known. */
  readonly size?: number;
  readonly kind: 'image' | 'file';
  /** A small image to show (data: URL), when one is at hand in this browser. */
  readonly previewUrl?: string;
}

/** An answer (or part of one) quoted into the next question. */
export interface QuotedReply {
  readonly text?: string;
  readonly imageUrl?: string;
}

/** A plugin or tool the bot called, with what it returned. */
export interface ToolUse {
  readonly name: string;
  /** The arguments, pretty-printed. */
  readonly arguments?: string;
  readonly thought?: string;
  /** The tool's response, once it arrived. */
  readonly output?: string;
  /** A function the page ran (`coze-tool-call`), not a plugin Coze ran. */
  readonly local?: boolean;
  /** It ended without a result: the page had no handler, or the handler failed. */
  readonly failed?: boolean;
}

/** A local function call the bot asks the page to run (`requires_action`). */
export interface ToolCallRequest {
  readonly id: string;
  readonly name: string;
  /** The parsed arguments (the raw string when it is not JSON). */
  readonly arguments: unknown;
}

export interface ToolOutput {
  readonly toolCallId: string;
  readonly output: string;
}

/** One message in the transcript. Replaced, never mutated. */
export interface ChatMessage {
  /** Stable key for rendering; never changes for the life of the message. */
  readonly key: string;
  /** Coze's message id, once known. */
  readonly id?: string;
  readonly role: 'user' | 'assistant';
  readonly type: MessageType;
  readonly content: string;
  readonly contentType: ContentType;
  readonly reasoning?: string;
  readonly status: MessageStatus;
  readonly chatId?: string;
  readonly createdAt?: number;
  /** The context section the message belongs to (changes after "clear context"). */
  readonly sectionId?: string;
  /** Set when status is `error`. */
  readonly error?: ChatError;
  /** User messages: files sent with the text. */
  readonly files?: readonly MessageFile[];
  /** User messages: the answer quoted into this question. */
  readonly quote?: QuotedReply;
  /** User messages: the shortcut command this question runs (asked again with it on Retry). */
  readonly shortcut?: ShortcutCommandRun;
  /** Answers: the reader's feedback. */
  readonly feedback?: 'like' | 'unlike';
  /** `function_call` messages: the call and its response. */
  readonly tool?: ToolUse;
  /** Question-node answers: the choices offered (`content` holds the question). */
  readonly options?: readonly string[];
}

export type ChatStatus = 'idle' | 'loading' | 'streaming';

/** The immutable state `<coze-chat>` provides to its parts. */
export interface ChatSnapshot {
  readonly status: ChatStatus;
  readonly messages: readonly ChatMessage[];
  /** Suggested follow-up questions for the last answer. */
  readonly followUps: readonly string[];
  readonly bot?: BotInfo;
  readonly conversationId?: string;
  /** The error shown in the panel, if the last action failed (a `LoadError` when a load did). */
  readonly error?: ChatError | LoadError;
  /** Older history exists on the server. */
  readonly hasOlder: boolean;
  readonly loadingOlder: boolean;
  /** Bumped each time an answer completes; drives the one live announcement per answer. */
  readonly completedAnswers: number;
  /** The current context section; messages of an earlier one sit above a divider. */
  readonly sectionId?: string;
  /** The reply quoted into the next question. */
  readonly quote?: QuotedReply;
  /** The reader's conversations, when the list has been loaded. */
  readonly conversations?: ConversationList;
}

export interface ConversationSummary {
  readonly id: string;
  readonly name: string;
  /** Unix seconds. */
  readonly updatedAt: number;
}

export interface ConversationList {
  readonly items: readonly ConversationSummary[];
  readonly hasMore: boolean;
  readonly loading: boolean;
}

/** Details sent with "unlike". */
export interface FeedbackDetails {
  readonly reasons?: readonly string[];
  readonly comment?: string;
}

export interface SendOptions {
  readonly files?: readonly MessageFile[];
  /** Runs one of the bot's shortcut commands (sent as `shortcut_command`); the text is its question. */
  readonly shortcut?: ShortcutCommandRun;
}

/** The stable actions object `<coze-chat>` provides to its parts. */
export interface ChatActions {
  /** Sends a question (with files, and the pending quote); false when nothing was sent (empty, an answer is streaming, or vetoed). */
  send(text: string, options?: SendOptions): boolean;
  /** Stops the answer being streamed. */
  cancel(): Promise<void>;
  /** Sends the question of a failed or stopped turn again (the last one when no key is given). */
  retry(key?: string): Promise<void>;
  /**
   * Runs failed loads again (the Retry of a `LoadError`): each kind given, and nothing else;
   * what is shown stays, and what the load brings is shown as on a first load.
   */
  reload(...loads: LoadKind[]): Promise<void>;
  /** Loads a page of older history. */
  loadOlder(): Promise<void>;
  /** Asks the last question again, replacing its answer. */
  regenerate(): Promise<void>;
  /** Uploads a file for the next question; reports progress as it goes. */
  uploadFile(
    file: File,
    options?: {
      onProgress?: (loaded: number, total: number) => void;
      signal?: AbortSignal;
      previewUrl?: string;
    }
  ): Promise<MessageFile>;
  /** Turns recorded speech (WAV) into text. */
  transcribe(audio: Blob, signal?: AbortSignal): Promise<string>;
  /** Sets (or, with undefined, removes) the reply quoted into the next question. */
  setQuote(quote: QuotedReply | undefined): void;
  /** Likes or unlikes an answer, or (undefined) takes the feedback back. */
  feedback(
    key: string,
    type: 'like' | 'unlike' | undefined,
    details?: FeedbackDetails
  ): Promise<void>;
  /** Starts a new context section: the bot forgets what came before. */
  clearContext(): Promise<void>;
  /** Starts a new, empty conversation; resolves to its id (undefined when it could not be created). */
  newConversation(): Promise<string | undefined>;
  /** Loads the first page of conversations, or (more) the next one. */
  loadConversations(more?: boolean): Promise<void>;
  /** Shows another conversation. */
  openConversation(id: string): Promise<void>;
  renameConversation(id: string, name: string): Promise<void>;
  deleteConversation(id: string): Promise<void>;
}

export const emptySnapshot: ChatSnapshot = Object.freeze({
  status: 'idle',
  messages: Object.freeze([]) as readonly ChatMessage[],
  followUps: Object.freeze([]) as readonly string[],
  hasOlder: false,
  loadingOlder: false,
  completedAnswers: 0,
});

export type {BotInfo};
