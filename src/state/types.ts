import type {BotInfo, ContentType, MessageType} from '../api/types.js';

export type MessageStatus = 'streaming' | 'complete' | 'error' | 'canceled';

/** Why a turn failed, as the reader should learn it. */
export interface ChatError {
  /** Coze error code, or a negative local code (see `LocalErrorCode`). */
  readonly code: number;
  /** The server's message (or a local one); the element localises known codes. */
  readonly message: string;
  readonly logId?: string;
}

/** Codes for failures that did not come from Coze's `{code,msg}`. */
export const LocalErrorCode = {
  network: -1,
  interrupted: -2,
  http: -3,
  unsupported: -4,
} as const;

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
  /** Set when status is `error`. */
  readonly error?: ChatError;
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
  /** The error shown in the panel, if the last action failed. */
  readonly error?: ChatError;
  /** Older history exists on the server. */
  readonly hasOlder: boolean;
  readonly loadingOlder: boolean;
  /** Bumped each time an answer completes; drives the one live announcement per answer. */
  readonly completedAnswers: number;
}

/** The stable actions object `<coze-chat>` provides to its parts. */
export interface ChatActions {
  /** Sends a question; false when nothing was sent (empty, an answer is streaming, or vetoed). */
  send(text: string): boolean;
  /** Stops the answer being streamed. */
  cancel(): Promise<void>;
  /** Sends the question of a failed or stopped turn again (the last one when no key is given). */
  retry(key?: string): Promise<void>;
  /** Loads a page of older history. */
  loadOlder(): Promise<void>;
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
