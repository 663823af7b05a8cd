import type {CozeClient} from '../api/client.js';
import type {
  BotInfo,
  CozeChat,
  CozeMessage,
  CozeStreamEvent,
  EnterMessage,
  ShortcutCommandRun,
  ToolCall,
} from '../api/types.js';
import {
  emptySnapshot,
  LocalErrorCode,
  type ChatActions,
  type ChatError,
  type ChatMessage,
  type ChatSnapshot,
  type ConversationSummary,
  type FeedbackDetails,
  type MessageFile,
  type QuotedReply,
  type SendOptions,
  type ToolCallRequest,
  type ToolOutput,
} from './types.js';
import {
  assistantFromCoze,
  attachToolOutput,
  fromHistory,
  isToolResponse,
  newKey,
  toEnterMessage,
  userMessage,
} from './transcript.js';
import {rememberThumbnail} from './thumbnails.js';
import {isConversationGone, nameFromQuestion, ownedBy, ownerTag} from './ownership.js';

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

/** The app conversation the official widget uses. */
const appConversationName = 'Default';

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
  /** Runs a callback before the next paint; `requestAnimationFrame` by default. */
  scheduleFrame?: (callback: () => void) => void;
  /** Messages per history page. */
  pageSize?: number;
  /** Awaited before the first load reads the config (e.g. to learn the user id from the token). */
  prepare?: () => Promise<void>;
}

interface Turn {
  controller: AbortController;
  userKey: string;
  conversationId?: string;
  chatId?: string;
  /** Keys of the assistant messages this turn produced, by Coze message id. */
  answers: Map<string, string>;
  /** Local function calls the bot is waiting for. */
  toolCalls?: ToolCall[];
  /** The reader stopped the turn before its chat id arrived; called once it does. */
  stopping?: () => void;
  /** The reader has seen the turn end (a stopped turn ends before its stream does). */
  finished?: boolean;
}

const conversationPageSize = 20;
/** Resuming looks for the reader's latest conversation in this many pages of 50 at most. */
const resumePages = 4;
/**
 * How long a stopped stream is read on for its chat id when Stop came before its first event.
 * Coze goes on answering a chat whose stream was dropped, and refuses the next question in
 * that conversation (4016) until it ends; only a cancel by id stops it.
 */
const stopGraceMs = 5000;

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Coze's code for "too many requests". */
const rateLimited = 4013;

/** Turns anything thrown by the client into the error a reader is shown. */
export function toChatError(error: unknown): ChatError {
  if (error && typeof error === 'object' && 'code' in error) {
    const e = error as {code: number; message?: string; logId?: string; kind?: string};
    const status = (error as {status?: number}).status;
    const code =
      e.kind === 'network'
        ? LocalErrorCode.network
        : e.kind === 'interrupted'
          ? LocalErrorCode.interrupted
          : e.kind === 'timeout'
            ? LocalErrorCode.timeout
            : e.kind === 'http'
              ? // HTTP 429 without a Coze body is the rate limit, as code 4013 is.
                status === 429
                ? rateLimited
                : LocalErrorCode.http
              : Number(e.code);
    return {code, message: e.message ?? '', ...(e.logId ? {logId: e.logId} : {})};
  }
  return {
    code: LocalErrorCode.network,
    message: error instanceof Error ? error.message : String(error),
  };
}

function toSummary(c: {
  id: string;
  name?: string;
  updated_at?: number;
  created_at?: number;
}): ConversationSummary {
  return {id: c.id, name: c.name ?? '', updatedAt: Number(c.updated_at ?? c.created_at ?? 0)};
}

function parseArguments(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/**
 * The conversation state of one widget: bot profile, history, the streaming
 * answer and its failures. Plain TypeScript; publishes immutable snapshots,
 * coalescing stream deltas to at most one snapshot per animation frame.
 */
export class ConversationStore {
  readonly actions: ChatActions;
  #snapshot: ChatSnapshot = emptySnapshot;
  readonly #listeners = new Set<(snapshot: ChatSnapshot) => void>();
  readonly #options: StoreOptions;
  /** Aborted on reload and dispose: every request made for this bot and user. */
  #life = new AbortController();
  /** Aborted when another conversation is shown (and with `#life`): the shown one's history. */
  #view = new AbortController();
  /** Loads of the profile and conversation in flight; `status` is derived from it and the turn. */
  #loads = 0;
  #turn?: Turn;
  /** The cancel of the last stopped chat, while Coze has not confirmed it. */
  #canceling?: Promise<void>;
  #olderCursor?: string;
  #initialized?: Promise<void>;
  /** Conversations with no name yet: the first question names them. */
  readonly #untitled = new Set<string>();
  /** Deltas not yet published, by message key. */
  readonly #pending = new Map<string, {content: string; reasoning: string}>();
  #frameRequested = false;

  constructor(options: StoreOptions) {
    this.#options = options;
    this.actions = Object.freeze({
      send: (text: string, sendOptions?: SendOptions) => {
        if (!this.canSend(text, sendOptions)) return false;
        void this.send(text, sendOptions);
        return true;
      },
      cancel: () => this.cancel(),
      retry: (key?: string) => this.retry(key),
      loadOlder: () => this.loadOlder(),
      regenerate: () => this.regenerate(),
      uploadFile: (file: File, o?: Parameters<ChatActions['uploadFile']>[1]) =>
        this.uploadFile(file, o),
      transcribe: (audio: Blob, signal?: AbortSignal) =>
        this.#options.backend.transcribe(audio, undefined, {signal}),
      setQuote: (quote: QuotedReply | undefined) => this.#update({quote}),
      feedback: (key: string, type: 'like' | 'unlike' | undefined, details?: FeedbackDetails) =>
        this.feedback(key, type, details),
      clearContext: () => this.clearContext(),
      newConversation: () => this.newConversation(),
      loadConversations: (more?: boolean) => this.loadConversations(more),
      openConversation: (id: string) => this.openConversation(id),
      renameConversation: (id: string, name: string) => this.renameConversation(id, name),
      deleteConversation: (id: string) => this.deleteConversation(id),
    });
  }

  get snapshot(): ChatSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: (snapshot: ChatSnapshot) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Loads the bot profile, the latest conversation and its recent history, once. */
  init(): Promise<void> {
    this.#initialized ??= this.#load();
    return this.#initialized;
  }

  /** Forgets everything and loads again (e.g. after the bot or user changed). */
  reload(): Promise<void> {
    this.#abortAll();
    this.#turn = undefined;
    this.#pending.clear();
    this.#olderCursor = undefined;
    // Loading from the first snapshot on: the aborted turn must not make it look idle.
    this.#publish({...emptySnapshot, status: 'loading'});
    this.#initialized = this.#load();
    return this.#initialized;
  }

  /**
   * Stops everything in flight (the profile, lists, history, the streaming answer) and starts
   * nothing more on its own; what is shown stays. A load it cut short runs again on `init()`.
   */
  dispose(): void {
    if (this.#loads) this.#initialized = undefined;
    // Coze is asked to stop the answer too, as on "stop".
    void this.cancel();
    this.#abortAll();
  }

  #abortAll(): void {
    this.#life.abort();
    this.#view.abort();
    this.#turn?.controller.abort();
    this.#life = new AbortController();
    this.#view = new AbortController();
  }

  /** The signal of a newly shown conversation; the previous one's requests are aborted. */
  #newView(): AbortSignal {
    this.#view.abort();
    this.#view = new AbortController();
    return this.#view.signal;
  }

  /** The one place `status` is decided: streaming while a turn runs, loading while a load does. */
  #settle(): void {
    const status = this.#turn ? 'streaming' : this.#loads ? 'loading' : 'idle';
    if (status !== this.#snapshot.status) this.#update({status});
  }

  /** Whether `send(text)` would send: there is text (or a file) and no answer is streaming. */
  canSend(text: string, options?: SendOptions): boolean {
    return Boolean(text.trim() || options?.files?.length) && !this.#turn;
  }

  /** Sends a question with its files and the pending quote; resolves when the answer has finished, failed or stopped. */
  async send(text: string, options?: SendOptions): Promise<void> {
    const question = text.trim();
    if (!this.canSend(question, options)) return;
    const files = options?.files ?? [];
    for (const file of files) if (file.previewUrl) rememberThumbnail(file.fileId, file.previewUrl);
    const user = userMessage(question, files, this.#snapshot.quote, options?.shortcut);
    this.#update({messages: [...this.#snapshot.messages, user], quote: undefined});
    const current = this.#snapshot.conversations?.items.find(
      (c) => c.id === this.#snapshot.conversationId
    );
    if (current) this.#listed({...current, updatedAt: Math.floor(Date.now() / 1000)});
    await this.#run(user);
  }

  /** Asks the last question again, replacing its answer. */
  async regenerate(): Promise<void> {
    const last = this.#snapshot.messages.findLast((m) => m.role === 'user');
    if (last) await this.retry(last.key);
  }

  async uploadFile(
    file: File,
    options: {
      onProgress?: (loaded: number, total: number) => void;
      signal?: AbortSignal;
      previewUrl?: string;
    } = {}
  ): Promise<MessageFile> {
    const {onProgress, signal, previewUrl} = options;
    const uploaded = await this.#options.backend.uploadFile(file, file.name, {
      signal: signal ? AbortSignal.any([signal, this.#life.signal]) : this.#life.signal,
      ...(onProgress ? {onProgress} : {}),
    });
    return {
      fileId: uploaded.id,
      name: file.name,
      size: file.size,
      kind: file.type.startsWith('image/') ? 'image' : 'file',
      ...(previewUrl ? {previewUrl} : {}),
    };
  }

  async feedback(
    key: string,
    type: 'like' | 'unlike' | undefined,
    details: FeedbackDetails = {}
  ): Promise<void> {
    const message = this.#snapshot.messages.find((m) => m.key === key);
    const conversationId = this.#snapshot.conversationId;
    if (!message?.id || !conversationId) return;
    const before = message.feedback;
    this.#replace(key, (m) => ({...m, feedback: type}));
    try {
      const options = {signal: this.#life.signal};
      if (type) {
        await this.#options.backend.sendFeedback(
          conversationId,
          message.id,
          {
            feedbackType: type,
            ...(details.reasons?.length ? {reasonTypes: [...details.reasons]} : {}),
            ...(details.comment ? {comment: details.comment} : {}),
          },
          options
        );
      } else {
        await this.#options.backend.deleteFeedback(conversationId, message.id, options);
      }
    } catch (error) {
      this.#replace(key, (m) => ({...m, feedback: before}));
      this.#fail(toChatError(error));
      throw error;
    }
  }

  /** Starts a new context section; the messages above stay, behind a divider. */
  async clearContext(): Promise<void> {
    const conversationId = this.#snapshot.conversationId;
    if (!conversationId || this.#turn) return;
    try {
      const section = await this.#options.backend.clearContext(conversationId, {
        signal: this.#life.signal,
      });
      this.#update({sectionId: section.id, followUps: [], error: undefined});
    } catch (error) {
      this.#fail(toChatError(error));
    }
  }

  /** Starts a new, empty conversation (created on Coze right away, so it can be listed); resolves to its id. */
  async newConversation(): Promise<string | undefined> {
    await this.#abortTurn();
    // Only the conversation being shown is dropped: the profile still loads.
    const signal = this.#newView();
    try {
      const created = await this.#create(signal, true);
      if (this.#options.config().type === 'bot' && !created.name) this.#untitled.add(created.id);
      this.#showConversation(created.id, created.last_section_id);
      this.#listed(toSummary(created));
      return created.id;
    } catch (error) {
      if (!isAbort(error)) this.#fail(toChatError(error));
      return undefined;
    }
  }

  /** Puts a conversation at the top of a loaded list (new, or just used). */
  #listed(summary: ConversationSummary): void {
    const list = this.#snapshot.conversations;
    if (!list) return;
    const old = list.items.find((c) => c.id === summary.id);
    const entry = {...summary, name: summary.name || old?.name || ''};
    this.#update({
      conversations: {...list, items: [entry, ...list.items.filter((c) => c.id !== summary.id)]},
    });
  }

  async loadConversations(more = false): Promise<void> {
    const config = this.#options.config();
    if (config.type !== 'bot') return;
    const list = this.#snapshot.conversations;
    if (list?.loading || (more && !list?.hasMore)) return;
    const have = more ? (list?.items ?? []) : [];
    // The entries already shown stay while the first page loads again (focus stays on them).
    const shown = list?.items ?? [];
    this.#update({conversations: {items: shown, hasMore: list?.hasMore ?? false, loading: true}});
    try {
      const page = await this.#options.backend.listConversations(
        {
          botId: config.botId,
          connectorId: config.connectorId,
          userId: config.userId,
          pageNum: Math.floor(have.length / conversationPageSize) + 1,
          pageSize: conversationPageSize,
        },
        {signal: this.#life.signal}
      );
      // Only the reader's own: with a shared token, Coze lists every visitor's.
      const items = [
        ...have,
        ...page.conversations
          .filter((c) => ownedBy(c, config.userId))
          .map(toSummary)
          .filter((c) => !have.some((h) => h.id === c.id)),
      ];
      items.sort((a, b) => b.updatedAt - a.updatedAt);
      this.#update({conversations: {items, hasMore: page.hasMore, loading: false}});
    } catch (error) {
      this.#update({
        conversations: {items: shown, hasMore: list?.hasMore ?? false, loading: false},
      });
      if (!isAbort(error)) this.#fail(toChatError(error));
    }
  }

  async openConversation(id: string): Promise<void> {
    if (id === this.#snapshot.conversationId) return;
    await this.#abortTurn();
    const signal = this.#newView();
    this.#showConversation(id);
    await this.#loadHistory(id, signal);
  }

  async renameConversation(id: string, name: string): Promise<void> {
    const trimmed = name.trim().slice(0, 100);
    if (!trimmed) return;
    try {
      await this.#options.backend.renameConversation(id, trimmed, {signal: this.#life.signal});
      const list = this.#snapshot.conversations;
      if (list) {
        this.#update({
          conversations: {
            ...list,
            items: list.items.map((c) => (c.id === id ? {...c, name: trimmed} : c)),
          },
        });
      }
    } catch (error) {
      this.#fail(toChatError(error));
      throw error;
    }
  }

  async deleteConversation(id: string): Promise<void> {
    try {
      await this.#options.backend.deleteConversation(id, {signal: this.#life.signal});
    } catch (error) {
      this.#fail(toChatError(error));
      throw error;
    }
    const list = this.#snapshot.conversations;
    if (list)
      this.#update({conversations: {...list, items: list.items.filter((c) => c.id !== id)}});
    // The next question starts a new conversation.
    if (id === this.#snapshot.conversationId) this.#showConversation(undefined);
  }

  /** Empties the transcript for another conversation (or none yet). */
  #showConversation(id: string | undefined, sectionId?: string): void {
    this.#pending.clear();
    this.#olderCursor = undefined;
    this.#update({
      conversationId: id,
      messages: [],
      followUps: [],
      hasOlder: false,
      error: undefined,
      quote: undefined,
      sectionId,
    });
    if (id) this.#options.notify?.({type: 'conversation', conversationId: id});
  }

  async retry(key?: string): Promise<void> {
    if (this.#turn) return;
    const messages = this.#snapshot.messages;
    const index = key
      ? messages.findIndex((m) => m.key === key)
      : messages.findLastIndex((m) => m.status === 'error' || m.status === 'canceled');
    if (index < 0) return;
    let userIndex = index;
    while (userIndex >= 0 && messages[userIndex].role !== 'user') userIndex--;
    if (userIndex < 0) return;
    const {error: _dropped, ...question} = messages[userIndex];
    const user: ChatMessage = {...question, status: 'complete', key: newKey()};
    // The failed turn (its question and answers) leaves; the question is asked again at the end.
    let end = messages.findIndex((m, i) => i > userIndex && m.role === 'user');
    if (end < 0) end = messages.length;
    const kept = [...messages.slice(0, userIndex), ...messages.slice(end), user];
    this.#update({messages: kept, error: undefined});
    await this.#run(user);
  }

  /** Stops the answer being written, on Coze too. */
  async cancel(): Promise<void> {
    const turn = this.#turn;
    if (!turn || turn.controller.signal.aborted) return;
    if (turn.chatId) return this.#abortTurn(turn);
    // Stopped before the stream named its chat: the reader sees it stopped at once, while the
    // stream is read on (showing nothing) until it names the chat, which is then canceled.
    const named = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, stopGraceMs);
      turn.stopping = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#finishTurn(turn, undefined, true);
    const stopped = named.then(() => this.#abortTurn(turn));
    // The next question waits for it: Coze refuses one while a chat runs in the conversation.
    this.#canceling = stopped;
    await stopped;
  }

  /** Ends the turn at once: the conversation is being left (or the chat removed). */
  async #abortTurn(turn = this.#turn): Promise<void> {
    if (!turn) return;
    turn.controller.abort();
    if (!turn.conversationId || !turn.chatId) return;
    // The next question in this conversation waits for it: Coze refuses one while a chat runs.
    const canceling = this.#options.backend.cancelChat(turn.conversationId, turn.chatId).then(
      () => undefined,
      // The answer is already stopped locally; a failed cancel changes nothing the reader sees.
      () => undefined
    );
    this.#canceling = canceling;
    await canceling;
    if (this.#canceling === canceling) this.#canceling = undefined;
  }

  async loadOlder(): Promise<void> {
    const {conversationId, hasOlder, loadingOlder} = this.#snapshot;
    if (!conversationId || !hasOlder || loadingOlder) return;
    this.#update({loadingOlder: true});
    try {
      const page = await this.#options.backend.listMessages(
        conversationId,
        {
          order: 'desc',
          limit: this.#pageSize,
          afterId: this.#olderCursor,
          includeMiddleMessage: true,
        },
        {signal: this.#view.signal}
      );
      this.#olderCursor = page.lastId ?? this.#olderCursor;
      const older = fromHistory(page.messages);
      this.#update({
        messages: [...older, ...this.#snapshot.messages],
        hasOlder: page.hasMore,
        loadingOlder: false,
      });
    } catch (error) {
      if (isAbort(error)) return;
      this.#update({loadingOlder: false});
      this.#fail(toChatError(error));
    }
  }

  get #pageSize(): number {
    return this.#options.pageSize ?? 20;
  }

  async #load(): Promise<void> {
    const signal = this.#life.signal;
    // A conversation shown meanwhile (e.g. `newConversation()` on page load) wins over the latest one.
    const view = this.#view.signal;
    this.#loads++;
    this.#update({error: undefined});
    this.#settle();
    try {
      await this.#options.prepare?.();
      const {bot, conversationId, sectionId} = await this.#profileAndConversation(signal);
      if (signal.aborted) return;
      this.#update({bot});
      if (conversationId && !this.#snapshot.conversationId && !view.aborted) {
        this.#update({conversationId, ...(sectionId ? {sectionId} : {})});
        this.#options.notify?.({type: 'conversation', conversationId});
        await this.#loadHistory(conversationId, view);
      }
    } catch (error) {
      if (isAbort(error)) return;
      this.#fail(toChatError(error));
      // Let a later call try again.
      this.#initialized = undefined;
    } finally {
      this.#loads--;
      this.#settle();
    }
  }

  /**
   * The profile shown in the panel and the conversation to resume. A bot:
   * its latest conversation, if any. An app: the chatflow's role (falling
   * back to the app's name and icon) and its `Default` conversation.
   */
  async #profileAndConversation(
    signal: AbortSignal
  ): Promise<{bot: BotInfo; conversationId?: string; sectionId?: string}> {
    const {backend} = this.#options;
    const config = this.#options.config();
    const {connectorId} = config;
    if (config.type === 'bot') {
      const [bot, latest] = await Promise.all([
        backend.getBotInfo(config.botId, {signal}),
        this.#latestOwned(config.botId, signal),
      ]);
      if (latest && !latest.name) this.#untitled.add(latest.id);
      return {bot, conversationId: latest?.id, sectionId: latest?.last_section_id};
    }
    const {appId, workflowId, appVersion} = config;
    const [app, flow, conversation] = await Promise.all([
      backend.getAppInfo(
        appId,
        {connectorId, ...(appVersion ? {version: appVersion} : {})},
        {signal}
      ),
      backend.getWorkflowInfo(workflowId, {connectorId}, {signal}),
      this.#appConversation(signal),
    ]);
    const iconUrl = flow.iconUrl ?? app.iconUrl;
    const bot: BotInfo = {
      id: appId,
      name: flow.name || app.name,
      suggestedQuestions: flow.suggestedQuestions,
      ...(iconUrl ? {iconUrl} : {}),
      ...(flow.prologue ? {prologue: flow.prologue} : {}),
      ...(app.description ? {description: app.description} : {}),
    };
    return {bot, conversationId: conversation.id, sectionId: conversation.last_section_id};
  }

  /** The reader's most recently used conversation with the bot, if any. */
  async #latestOwned(botId: string, signal: AbortSignal) {
    const {userId, connectorId} = this.#options.config();
    for (let pageNum = 1; pageNum <= resumePages; pageNum++) {
      const page = await this.#options.backend.listConversations(
        {botId, connectorId, userId, pageNum, pageSize: 50},
        {signal}
      );
      const mine = page.conversations.find((c) => ownedBy(c, userId));
      if (mine || !page.hasMore) return mine;
    }
    return undefined;
  }

  /**
   * The app's `Default` conversation, when it is the reader's; else (a token shared by many
   * readers) the reader's own one, named after the user id.
   */
  async #appConversation(signal: AbortSignal) {
    const created = await this.#create(signal, false);
    if (ownedBy(created, this.#options.config().userId)) return created;
    return this.#create(signal, false, true);
  }

  /** The first page of a conversation's history, above anything already shown. */
  async #loadHistory(conversationId: string, signal: AbortSignal): Promise<void> {
    try {
      const page = await this.#options.backend.listMessages(
        conversationId,
        {order: 'desc', limit: this.#pageSize, includeMiddleMessage: true},
        {signal}
      );
      if (signal.aborted || this.#snapshot.conversationId !== conversationId) return;
      this.#olderCursor = page.lastId;
      const history = fromHistory(page.messages);
      const sectionId = this.#snapshot.sectionId ?? history.findLast((m) => m.sectionId)?.sectionId;
      this.#update({
        messages: [...history, ...this.#snapshot.messages],
        hasOlder: page.hasMore,
        ...(sectionId ? {sectionId} : {}),
      });
    } catch (error) {
      if (!isAbort(error)) this.#fail(toChatError(error));
    }
  }

  async #ensureConversation(signal: AbortSignal): Promise<string> {
    await this.init();
    const existing = this.#snapshot.conversationId;
    if (existing) return existing;
    const bot = this.#options.config().type === 'bot';
    const created = bot ? await this.#create(signal, false) : await this.#appConversation(signal);
    if (bot && !created.name) this.#untitled.add(created.id);
    this.#update({
      conversationId: created.id,
      ...(created.last_section_id ? {sectionId: created.last_section_id} : {}),
    });
    this.#listed(toSummary(created));
    this.#options.notify?.({type: 'conversation', conversationId: created.id});
    return created.id;
  }

  /**
   * Creates a conversation tagged with the reader's user id: for an app, its `Default` one
   * (the reader's own `Default <user id>` with `personal`) unless a fresh one is asked for.
   */
  #create(signal: AbortSignal, fresh: boolean, personal = false) {
    const config = this.#options.config();
    const {userId, connectorId} = config;
    const metaData = ownerTag(userId);
    return this.#options.backend.createConversation(
      config.type === 'bot'
        ? {botId: config.botId, connectorId, userId, metaData}
        : {
            appId: config.appId,
            workflowId: config.workflowId,
            connectorId,
            userId,
            metaData,
            conversationName: fresh
              ? `Conversation ${new Date().toISOString()}`
              : personal
                ? `${appConversationName} ${userId}`.slice(0, 100)
                : appConversationName,
            getOrCreate: !fresh,
          },
      {signal}
    );
  }

  async #run(user: ChatMessage): Promise<void> {
    const turn: Turn = {controller: new AbortController(), userKey: user.key, answers: new Map()};
    this.#turn = turn;
    // A chat stopped just before is still being canceled on Coze: this one waits for that.
    const previous = this.#canceling;
    const signal = turn.controller.signal;
    this.#update({followUps: [], error: undefined});
    this.#settle();
    let failure: ChatError | undefined;
    let canceled = false;
    try {
      let conversationId = await this.#ensureConversation(signal);
      turn.conversationId = conversationId;
      await previous;
      const message = toEnterMessage(user.content, user.files, user.quote);
      let events: AsyncIterable<CozeStreamEvent> | undefined = this.#stream(
        conversationId,
        message,
        signal,
        user.shortcut
      );
      let renewed = false;
      while (events && !failure) {
        try {
          for await (const event of events) {
            failure = this.#apply(turn, event);
            if (event.event === 'conversation.chat.created') this.#nameIfUntitled(turn, user);
            if (failure || event.event === 'done') break;
          }
        } catch (error) {
          // The conversation is gone (deleted, or not this token's): a new one takes the question.
          if (renewed || turn.chatId || !isConversationGone(error)) throw error;
          renewed = true;
          this.#forgetConversation(conversationId);
          conversationId = await this.#ensureConversation(signal);
          turn.conversationId = conversationId;
          events = this.#stream(conversationId, message, signal, user.shortcut);
          continue;
        }
        if (failure) break;
        const next = await this.#runTools(turn, signal);
        if ('failure' in next) failure = next.failure;
        else events = next.events;
      }
    } catch (error) {
      // However the stream ended, a turn the reader stopped counts as stopped.
      if (isAbort(error) || turn.controller.signal.aborted) canceled = true;
      else failure = toChatError(error);
    } finally {
      if (turn.controller.signal.aborted) canceled = true;
      // The stream ended while a Stop waited for its chat id: nothing is left to wait for.
      turn.stopping?.();
      this.#finishTurn(turn, failure, canceled);
    }
  }

  /** Drops a conversation Coze no longer has; the transcript (and the question) stay shown. */
  #forgetConversation(id: string): void {
    this.#untitled.delete(id);
    const list = this.#snapshot.conversations;
    this.#update({
      conversationId: undefined,
      sectionId: undefined,
      ...(list ? {conversations: {...list, items: list.items.filter((c) => c.id !== id)}} : {}),
    });
  }

  /** Names an untitled conversation after its first question, as the official widget does. */
  #nameIfUntitled(turn: Turn, user: ChatMessage): void {
    const id = turn.conversationId;
    if (!id || !this.#untitled.delete(id)) return;
    const name = nameFromQuestion(user);
    if (!name) return;
    this.#options.backend.renameConversation(id, name).then(
      () => {
        const list = this.#snapshot.conversations;
        if (!list?.items.some((c) => c.id === id)) return;
        this.#update({
          conversations: {
            ...list,
            items: list.items.map((c) => (c.id === id && !c.name ? {...c, name} : c)),
          },
        });
      },
      // A name is a convenience: a failure to set it costs the reader nothing.
      () => undefined
    );
  }

  /**
   * After a stream that ended waiting for local functions: runs them through
   * the page and streams the rest of the answer; undefined when nothing waits.
   */
  async #runTools(
    turn: Turn,
    signal: AbortSignal
  ): Promise<{events: AsyncIterable<CozeStreamEvent> | undefined} | {failure: ChatError}> {
    const calls = turn.toolCalls;
    turn.toolCalls = undefined;
    if (!calls?.length || !turn.conversationId || !turn.chatId) return {events: undefined};
    const requests = calls.map((c) => ({
      id: c.id,
      name: c.function.name,
      arguments: parseArguments(c.function.arguments),
    }));
    const cards = requests.map((r) => this.#localToolCard(turn, r));
    const outputs = this.#options.runTools?.(requests);
    // Nobody on the page answered: the reader is told which function the bot wanted.
    if (!outputs) {
      this.#settleToolCards(cards);
      return {
        failure: {
          code: LocalErrorCode.unsupported,
          message: requests.map((r) => r.name).join(', '),
        },
      };
    }
    let results: readonly ToolOutput[] | undefined;
    try {
      results = await outputs;
    } finally {
      this.#settleToolCards(cards, results);
    }
    signal.throwIfAborted();
    const events = this.#options.backend.submitToolOutputs(
      {
        conversationId: turn.conversationId,
        chatId: turn.chatId,
        toolOutputs: results.map((r) => ({tool_call_id: r.toolCallId, output: r.output})),
      },
      {signal}
    );
    return {events};
  }

  /** Shows a function the page is asked to run as a tool card (running until it answers). */
  #localToolCard(turn: Turn, request: ToolCallRequest): {key: string; id: string} {
    const key = `local-tool:${request.id}`;
    const args = request.arguments;
    const card: ChatMessage = {
      key,
      role: 'assistant',
      type: 'function_call',
      content: '',
      contentType: 'text',
      status: 'streaming',
      ...(turn.chatId ? {chatId: turn.chatId} : {}),
      tool: {
        name: request.name,
        arguments: typeof args === 'string' ? args : JSON.stringify(args, null, 2),
        local: true,
      },
    };
    this.#update({messages: [...this.#snapshot.messages, card]});
    return {key, id: request.id};
  }

  /** The page answered (or could not): each card gets its output, or is marked failed. */
  #settleToolCards(
    cards: readonly {key: string; id: string}[],
    results?: readonly ToolOutput[]
  ): void {
    for (const {key, id} of cards) {
      const output = results?.find((r) => r.toolCallId === id)?.output;
      this.#replace(key, (m) => ({
        ...m,
        status: 'complete',
        tool: {...m.tool!, ...(output !== undefined ? {output} : {failed: true})},
      }));
    }
  }

  #stream(
    conversationId: string,
    message: EnterMessage,
    signal: AbortSignal,
    shortcutCommand?: ShortcutCommandRun
  ): AsyncIterable<CozeStreamEvent> {
    const config = this.#options.config();
    const {userId, connectorId, parameters} = config;
    const additionalMessages = [message];
    const common = {
      userId,
      connectorId,
      conversationId,
      additionalMessages,
      ...(parameters ? {parameters} : {}),
    };
    return config.type === 'bot'
      ? this.#options.backend.streamChat(
          {...common, botId: config.botId, ...(shortcutCommand ? {shortcutCommand} : {})},
          {signal}
        )
      : this.#options.backend.streamWorkflowChat(
          {
            ...common,
            appId: config.appId,
            workflowId: config.workflowId,
            ...(config.appVersion ? {appVersion: config.appVersion} : {}),
          },
          {signal}
        );
  }

  /** Applies one stream event; returns the error when the event ends the turn in failure. */
  #apply(turn: Turn, event: CozeStreamEvent): ChatError | undefined {
    if (turn.stopping) {
      // Stopped: only the chat id matters now, to cancel it on Coze.
      const chat = 'chat' in event ? event.chat : undefined;
      if (chat?.id) {
        turn.chatId = chat.id;
        turn.stopping();
      }
      return undefined;
    }
    switch (event.event) {
      case 'conversation.chat.created':
      case 'conversation.chat.in_progress':
        this.#noteChat(turn, event.chat);
        return undefined;
      case 'conversation.message.delta':
        if (
          event.message.role === 'assistant' &&
          event.message.type === 'answer' &&
          event.message.content_type !== 'card'
        ) {
          this.#delta(turn, event.message);
        }
        return undefined;
      case 'conversation.message.completed':
        this.#completed(turn, event.message);
        return undefined;
      case 'conversation.chat.requires_action': {
        // A chatflow question node asks the reader (its question was streamed as an answer):
        // the turn ends and the reply is the next question. Local plugins are not run here.
        this.#noteChat(turn, event.chat);
        const calls = event.chat.required_action?.submit_tool_outputs?.tool_calls ?? [];
        const functions = calls.filter((call) => call.type !== 'reply_message');
        if (functions.length) turn.toolCalls = functions;
        return undefined;
      }
      case 'conversation.chat.failed':
      case 'error':
        return {code: Number(event.error.code) || 0, message: event.error.msg};
      default:
        return undefined;
    }
  }

  #noteChat(turn: Turn, chat: CozeChat): void {
    turn.chatId = chat.id;
    if (chat.section_id && chat.section_id !== this.#snapshot.sectionId)
      this.#update({sectionId: chat.section_id});
    const inserted = chat.inserted_additional_messages?.at(-1)?.id;
    if (inserted) this.#replace(turn.userKey, (m) => ({...m, id: inserted, chatId: chat.id}));
    if (chat.conversation_id && chat.conversation_id !== this.#snapshot.conversationId) {
      turn.conversationId = chat.conversation_id;
      this.#update({conversationId: chat.conversation_id});
      this.#options.notify?.({type: 'conversation', conversationId: chat.conversation_id});
    }
  }

  #answerKey(turn: Turn, message: CozeMessage): string {
    const existing = turn.answers.get(message.id);
    if (existing) return existing;
    // Empty: the first delta's text and reasoning are added by #delta like every other.
    const created = assistantFromCoze(
      {...message, content: '', reasoning_content: ''},
      'streaming'
    );
    turn.answers.set(message.id, created.key);
    this.#update({messages: [...this.#snapshot.messages, created]});
    return created.key;
  }

  #delta(turn: Turn, message: CozeMessage): void {
    const key = this.#answerKey(turn, message);
    let pending = this.#pending.get(key);
    if (!pending) {
      const current = this.#snapshot.messages.find((m) => m.key === key);
      pending = {content: current?.content ?? '', reasoning: current?.reasoning ?? ''};
      this.#pending.set(key, pending);
    }
    pending.content += message.content;
    if (message.reasoning_content) pending.reasoning += message.reasoning_content;
    this.#requestFrame();
  }

  #completed(turn: Turn, message: CozeMessage): void {
    if (message.role !== 'assistant') return;
    if (message.type === 'follow_up') {
      this.#update({followUps: [...this.#snapshot.followUps, message.content]});
      return;
    }
    if (isToolResponse(message)) {
      this.#update({messages: attachToolOutput(this.#snapshot.messages, message)});
      return;
    }
    if (message.type === 'function_call') {
      const call = assistantFromCoze(message, 'complete');
      turn.answers.set(message.id, call.key);
      this.#update({messages: [...this.#snapshot.messages, call]});
      return;
    }
    if (message.type !== 'answer') return;
    const key = this.#answerKey(turn, message);
    this.#flush();
    const done = this.#replace(key, (m) => {
      const read = assistantFromCoze(message, 'complete', {
        ...m,
        content: message.content,
        contentType: message.content_type,
        status: 'complete',
      });
      // Reasoning arrives in deltas; a completed message rarely repeats it.
      return message.reasoning_content ? {...read, reasoning: message.reasoning_content} : read;
    });
    this.#update({completedAnswers: this.#snapshot.completedAnswers + 1});
    if (done) this.#options.notify?.({type: 'answer', message: done});
  }

  #finishTurn(turn: Turn, failure: ChatError | undefined, canceled: boolean): void {
    if (turn.finished) return;
    turn.finished = true;
    this.#flush();
    if (this.#turn === turn) this.#turn = undefined;
    const open = [...turn.answers.values()].filter(
      (key) => this.#snapshot.messages.find((m) => m.key === key)?.status === 'streaming'
    );
    if (canceled) {
      for (const key of open) this.#replace(key, (m) => ({...m, status: 'canceled'}));
      if (!turn.answers.size) this.#replace(turn.userKey, (m) => ({...m, status: 'canceled'}));
    } else if (failure) {
      if (open.length) {
        // Keep what arrived, marked as failed.
        for (const key of open)
          this.#replace(key, (m) => ({...m, status: 'error', error: failure}));
      } else if (!turn.answers.size) {
        this.#replace(turn.userKey, (m) => ({...m, status: 'error', error: failure}));
      }
    } else if (open.length) {
      // The stream ended cleanly but never completed these messages: keep them as they are.
      for (const key of open) this.#replace(key, (m) => ({...m, status: 'complete'}));
    }
    this.#settle();
    if (failure) this.#fail(failure);
  }

  #fail(error: ChatError): void {
    this.#update({error});
    this.#options.notify?.({type: 'error', error});
  }

  #replace(key: string, change: (m: ChatMessage) => ChatMessage): ChatMessage | undefined {
    let changed: ChatMessage | undefined;
    const messages = this.#snapshot.messages.map((m) =>
      m.key === key ? (changed = change(m)) : m
    );
    if (changed) this.#update({messages});
    return changed;
  }

  #requestFrame(): void {
    if (this.#frameRequested) return;
    this.#frameRequested = true;
    const schedule = this.#options.scheduleFrame ?? ((cb) => requestAnimationFrame(() => cb()));
    schedule(() => {
      this.#frameRequested = false;
      this.#flush();
    });
  }

  /** Publishes accumulated deltas as one snapshot. */
  #flush(): void {
    if (!this.#pending.size) return;
    const pending = new Map(this.#pending);
    this.#pending.clear();
    const messages = this.#snapshot.messages.map((m) => {
      const p = pending.get(m.key);
      if (!p) return m;
      return {...m, content: p.content, ...(p.reasoning ? {reasoning: p.reasoning} : {})};
    });
    this.#update({messages});
  }

  #update(change: Partial<ChatSnapshot>): void {
    this.#publish({...this.#snapshot, ...change});
  }

  #publish(snapshot: ChatSnapshot): void {
    this.#snapshot = Object.freeze(snapshot);
    for (const listener of this.#listeners) listener(this.#snapshot);
  }
}
