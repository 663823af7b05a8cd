import type {CozeClient} from '../api/client.js';
import type {ChatTarget} from './target.js';
import type {KeyValueStorage} from './storage.js';
import type {
  ChatError,
  ChatMessage,
  ChatSnapshot,
  LoadKind,
  ToolCallRequest,
  ToolOutput,
} from './types.js';

/** What the store needs from the Coze client. */
export type ChatBackend = Pick<
  CozeClient,
  | 'getBotInfo'
  | 'getAppInfo'
  | 'getWorkflowInfo'
  | 'listConversations'
  | 'createConversation'
  | 'renameConversation'
  | 'deleteConversation'
  | 'clearContext'
  | 'listMessages'
  | 'streamChat'
  | 'streamWorkflowChat'
  | 'submitToolOutputs'
  | 'cancelChat'
  | 'sendFeedback'
  | 'deleteFeedback'
  | 'uploadFile'
  | 'transcribe'
>;

/** Who the store chats with and as whom; read at each request so changes apply. */
export type StoreConfig = {
  userId: string;
  connectorId: string;
  parameters?: Record<string, unknown>;
} & (
  | {type: 'bot'; botId: string}
  /** A Coze app: one chatflow, in the app's conversation named `Default`. */
  | {type: 'app'; appId: string; workflowId: string; appVersion?: string}
);

/** Things the store tells its owner, which `<coze-chat>` turns into DOM events. */
export type StoreNotice =
  | {type: 'answer'; message: ChatMessage}
  | {type: 'error'; error: ChatError}
  | {type: 'conversation'; conversationId: string};

export interface StoreOptions {
  backend: ChatBackend;
  config: () => StoreConfig;
  notify?: (notice: StoreNotice) => void;
  /**
   * Runs the local functions a bot asks for (`requires_action`); resolves to
   * their outputs, or returns undefined when the page does not handle them.
   */
  runTools?: (calls: readonly ToolCallRequest[]) => Promise<readonly ToolOutput[]> | undefined;
  /** How long (ms) the page may take to answer `runTools` before the turn fails; default 60 000. */
  toolTimeout?: () => number | undefined;
  /** Runs a callback before the next paint; `requestAnimationFrame` by default. */
  scheduleFrame?: (callback: () => void) => void;
  /** Messages per history page. */
  pageSize?: number;
  /** Awaited before the first load reads the config (e.g. to learn the user id from the token). */
  prepare?: () => Promise<void>;
  /**
   * Keeps previews of the images the reader sent, so history can show them (`localStorage` in
   * a browser, given by the element); without it, history shows those images as file chips.
   */
  storage?: KeyValueStorage;
}

/**
 * What the store's parts (the turn runner, the history, the conversation list) share: the one
 * snapshot, changed only through `update`, and the store's lifetime.
 */
export interface StoreHost {
  readonly options: StoreOptions;
  snapshot: ChatSnapshot;
  /** Aborted on reload and dispose: every request made for this bot and user. */
  life: AbortSignal;
  /** Who the chat is with, as the config says now. */
  target(): ChatTarget;
  update(change: Partial<ChatSnapshot>): void;
  /** Replaces one message by key; returns the new one (undefined when the key is gone). */
  replace(key: string, change: (m: ChatMessage) => ChatMessage): ChatMessage | undefined;
  /** Shows an error to the reader and tells the owner; a load's error says which load it was (Retry runs it again). */
  fail(error: ChatError, load?: LoadKind): void;
  notify(notice: StoreNotice): void;
  /** Empties the transcript for another conversation (or none yet). */
  show(conversationId: string | undefined, sectionId?: string): void;
  /** Decides `status` again after a turn or a load started or ended. */
  settle(): void;
}
