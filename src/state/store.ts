import type {
  AppInfo,
  BotInfo,
  ChatRequest,
  WorkflowChatRequest,
  WorkflowInfo,
  ConversationData,
  ConversationPage,
  CozeChat,
  CozeMessage,
  CozeStreamEvent,
  MessagePage,
  RequestOptions,
} from '../api/types.js';
import {
  emptySnapshot,
  LocalErrorCode,
  type ChatActions,
  type ChatError,
  type ChatMessage,
  type ChatSnapshot,
} from './types.js';

/** What the store needs from the Coze client (`CozeClient` provides it). */
export interface ChatBackend {
  getBotInfo(botId: string, options?: RequestOptions): Promise<BotInfo>;
  listConversations(
    query: {botId: string; connectorId?: string; userId?: string; pageSize?: number},
    options?: RequestOptions
  ): Promise<ConversationPage>;
  createConversation(
    body: {
      botId?: string;
      connectorId?: string;
      userId?: string;
      appId?: string;
      workflowId?: string;
      conversationName?: string;
      getOrCreate?: boolean;
    },
    options?: RequestOptions
  ): Promise<ConversationData>;
  getAppInfo(appId: string, query: {version?: string; connectorId?: string}, options?: RequestOptions): Promise<AppInfo>;
  getWorkflowInfo(workflowId: string, query: {connectorId?: string}, options?: RequestOptions): Promise<WorkflowInfo>;
  streamWorkflowChat(request: WorkflowChatRequest, options?: RequestOptions): AsyncIterable<CozeStreamEvent>;
  listMessages(
    conversationId: string,
    query: {order?: 'asc' | 'desc'; limit?: number; afterId?: string; beforeId?: string},
    options?: RequestOptions
  ): Promise<MessagePage>;
  streamChat(request: ChatRequest, options?: RequestOptions): AsyncIterable<CozeStreamEvent>;
  cancelChat(conversationId: string, chatId: string, options?: RequestOptions): Promise<unknown>;
}

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
  /** Runs a callback before the next paint; `requestAnimationFrame` by default. */
  scheduleFrame?: (callback: () => void) => void;
  /** Messages per history page. */
  pageSize?: number;
}

interface Turn {
  controller: AbortController;
  userKey: string;
  conversationId?: string;
  chatId?: string;
  /** Keys of the assistant messages this turn produced, by Coze message id. */
  answers: Map<string, string>;
}

const shownTypes = new Set(['question', 'answer', '']);

let keySeed = 0;
const newKey = () => `m${++keySeed}`;

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Turns anything thrown by the client into the error a reader is shown. */
export function toChatError(error: unknown): ChatError {
  if (error && typeof error === 'object' && 'code' in error) {
    const e = error as {code: number; message?: string; logId?: string; kind?: string};
    const code =
      e.kind === 'network'
        ? LocalErrorCode.network
        : e.kind === 'interrupted'
          ? LocalErrorCode.interrupted
          : e.kind === 'http'
            ? LocalErrorCode.http
            : Number(e.code);
    return {code, message: e.message ?? '', ...(e.logId ? {logId: e.logId} : {})};
  }
  return {code: LocalErrorCode.network, message: error instanceof Error ? error.message : String(error)};
}

function fromCoze(m: CozeMessage, status: ChatMessage['status'] = 'complete'): ChatMessage {
  return {
    key: newKey(),
    id: m.id,
    role: m.role,
    type: m.type,
    content: m.content,
    contentType: m.content_type,
    status,
    ...(m.chat_id ? {chatId: m.chat_id} : {}),
    ...(m.created_at ? {createdAt: Number(m.created_at)} : {}),
    ...(m.reasoning_content ? {reasoning: m.reasoning_content} : {}),
  };
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
  /** Aborted when the store loads again, so a stale load cannot overwrite a fresh one. */
  #loading = new AbortController();
  #turn?: Turn;
  #olderCursor?: string;
  #initialized?: Promise<void>;
  /** Deltas not yet published, by message key. */
  readonly #pending = new Map<string, {content: string; reasoning: string}>();
  #frameRequested = false;

  constructor(options: StoreOptions) {
    this.#options = options;
    this.actions = Object.freeze({
      send: (text: string) => {
        if (!this.canSend(text)) return false;
        void this.send(text);
        return true;
      },
      cancel: () => this.cancel(),
      retry: (key?: string) => this.retry(key),
      loadOlder: () => this.loadOlder(),
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
    this.#loading.abort();
    this.#loading = new AbortController();
    this.#turn?.controller.abort();
    this.#turn = undefined;
    this.#pending.clear();
    this.#olderCursor = undefined;
    this.#publish(emptySnapshot);
    this.#initialized = this.#load();
    return this.#initialized;
  }

  /** Whether `send(text)` would send: there is text and no answer is streaming. */
  canSend(text: string): boolean {
    return Boolean(text.trim()) && !this.#turn;
  }

  /** Sends a question; resolves when the answer has finished, failed or stopped. */
  async send(text: string): Promise<void> {
    const question = text.trim();
    if (!this.canSend(question)) return;
    const user: ChatMessage = {
      key: newKey(),
      role: 'user',
      type: 'question',
      content: question,
      contentType: 'text',
      status: 'complete',
    };
    this.#update({messages: [...this.#snapshot.messages, user]});
    await this.#run(user);
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
    const user: ChatMessage = {...question, status: 'complete'};
    // The failed turn (its question and answers) leaves; the question is asked again at the end.
    let end = messages.findIndex((m, i) => i > userIndex && m.role === 'user');
    if (end < 0) end = messages.length;
    const kept = [...messages.slice(0, userIndex), ...messages.slice(end), user];
    this.#update({messages: kept, error: undefined});
    await this.#run(user);
  }

  async cancel(): Promise<void> {
    const turn = this.#turn;
    if (!turn) return;
    turn.controller.abort();
    if (turn.conversationId && turn.chatId) {
      try {
        await this.#options.backend.cancelChat(turn.conversationId, turn.chatId);
      } catch {
        // The answer is already stopped locally; a failed cancel changes nothing the reader sees.
      }
    }
  }

  async loadOlder(): Promise<void> {
    const {conversationId, hasOlder, loadingOlder} = this.#snapshot;
    if (!conversationId || !hasOlder || loadingOlder) return;
    this.#update({loadingOlder: true});
    try {
      const page = await this.#options.backend.listMessages(
        conversationId,
        {order: 'desc', limit: this.#pageSize, afterId: this.#olderCursor},
        {signal: this.#loading.signal}
      );
      this.#olderCursor = page.lastId ?? this.#olderCursor;
      const older = this.#toTranscript(page.messages);
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
    const signal = this.#loading.signal;
    this.#update({status: 'loading', error: undefined});
    try {
      const {bot, conversationId} = await this.#profileAndConversation(signal);
      if (signal.aborted) return;
      this.#update({bot});
      if (conversationId) {
        const page = await this.#options.backend.listMessages(
          conversationId,
          {order: 'desc', limit: this.#pageSize},
          {signal}
        );
        if (signal.aborted) return;
        this.#olderCursor = page.lastId;
        this.#update({
          conversationId,
          messages: [...this.#toTranscript(page.messages), ...this.#snapshot.messages],
          hasOlder: page.hasMore,
        });
        this.#options.notify?.({type: 'conversation', conversationId});
      }
      this.#update({status: this.#turn ? 'streaming' : 'idle'});
    } catch (error) {
      if (isAbort(error)) return;
      this.#update({status: 'idle'});
      this.#fail(toChatError(error));
      // Let a later call try again.
      this.#initialized = undefined;
    }
  }

  /**
   * The profile shown in the panel and the conversation to resume. A bot:
   * its latest conversation, if any. An app: the chatflow's role (falling
   * back to the app's name and icon) and its `Default` conversation.
   */
  async #profileAndConversation(signal: AbortSignal): Promise<{bot: BotInfo; conversationId?: string}> {
    const {backend} = this.#options;
    const config = this.#options.config();
    const {userId, connectorId} = config;
    if (config.type === 'bot') {
      const [bot, conversations] = await Promise.all([
        backend.getBotInfo(config.botId, {signal}),
        backend.listConversations({botId: config.botId, connectorId, userId, pageSize: 1}, {signal}),
      ]);
      return {bot, conversationId: conversations.conversations[0]?.id};
    }
    const {appId, workflowId, appVersion} = config;
    const [app, flow, conversation] = await Promise.all([
      backend.getAppInfo(appId, {connectorId, ...(appVersion ? {version: appVersion} : {})}, {signal}),
      backend.getWorkflowInfo(workflowId, {connectorId}, {signal}),
      backend.createConversation(
        {appId, workflowId, connectorId, userId, conversationName: appConversationName, getOrCreate: true},
        {signal}
      ),
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
    return {bot, conversationId: conversation.id};
  }

  /** History pages come newest first; the transcript reads oldest first. */
  #toTranscript(messages: readonly CozeMessage[]): ChatMessage[] {
    return messages
      .filter((m) => shownTypes.has(m.type) && !(m.role === 'assistant' && m.type !== 'answer'))
      .map((m) => fromCoze(m))
      .reverse();
  }

  async #ensureConversation(signal: AbortSignal): Promise<string> {
    await this.init();
    const existing = this.#snapshot.conversationId;
    if (existing) return existing;
    const config = this.#options.config();
    const {userId, connectorId} = config;
    const created = await this.#options.backend.createConversation(
      config.type === 'bot'
        ? {botId: config.botId, connectorId, userId}
        : {
            appId: config.appId,
            workflowId: config.workflowId,
            connectorId,
            userId,
            conversationName: appConversationName,
            getOrCreate: true,
          },
      {signal}
    );
    this.#update({conversationId: created.id});
    this.#options.notify?.({type: 'conversation', conversationId: created.id});
    return created.id;
  }

  async #run(user: ChatMessage): Promise<void> {
    const turn: Turn = {controller: new AbortController(), userKey: user.key, answers: new Map()};
    this.#turn = turn;
    const signal = turn.controller.signal;
    this.#update({status: 'streaming', followUps: [], error: undefined});
    let failure: ChatError | undefined;
    let canceled = false;
    try {
      const conversationId = await this.#ensureConversation(signal);
      turn.conversationId = conversationId;
      const events = this.#stream(conversationId, user, signal);
      for await (const event of events) {
        failure = this.#apply(turn, event);
        if (failure || event.event === 'done') break;
      }
    } catch (error) {
      // However the stream ended, a turn the reader stopped counts as stopped.
      if (isAbort(error) || turn.controller.signal.aborted) canceled = true;
      else failure = toChatError(error);
    } finally {
      if (turn.controller.signal.aborted) canceled = true;
      this.#finishTurn(turn, failure, canceled);
    }
  }

  #stream(conversationId: string, user: ChatMessage, signal: AbortSignal): AsyncIterable<CozeStreamEvent> {
    const config = this.#options.config();
    const {userId, connectorId, parameters} = config;
    const additionalMessages = [{role: 'user' as const, content: user.content, content_type: 'text' as const}];
    const common = {userId, connectorId, conversationId, additionalMessages, ...(parameters ? {parameters} : {})};
    return config.type === 'bot'
      ? this.#options.backend.streamChat({...common, botId: config.botId}, {signal})
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
    switch (event.event) {
      case 'conversation.chat.created':
      case 'conversation.chat.in_progress':
        this.#noteChat(turn, event.chat);
        return undefined;
      case 'conversation.message.delta':
        if (event.message.role === 'assistant' && event.message.type === 'answer') {
          this.#delta(turn, event.message);
        }
        return undefined;
      case 'conversation.message.completed':
        this.#completed(turn, event.message);
        return undefined;
      case 'conversation.chat.requires_action': {
        // A chatflow question node asks the reader (its question was streamed as an answer):
        // the turn ends and the reply is the next question. Local plugins are not run here.
        const calls = event.chat.required_action?.submit_tool_outputs?.tool_calls ?? [];
        return calls.every((call) => call.type === 'reply_message')
          ? undefined
          : {code: LocalErrorCode.unsupported, message: ''};
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
    const created = fromCoze({...message, content: ''}, 'streaming');
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
    if (message.type === 'follow_up') {
      this.#update({followUps: [...this.#snapshot.followUps, message.content]});
      return;
    }
    if (message.role !== 'assistant' || message.type !== 'answer') return;
    const key = this.#answerKey(turn, message);
    this.#flush();
    const done = this.#replace(key, (m) => ({
      ...m,
      content: message.content,
      contentType: message.content_type,
      status: 'complete',
      ...(message.reasoning_content ? {reasoning: message.reasoning_content} : {}),
    }));
    this.#update({completedAnswers: this.#snapshot.completedAnswers + 1});
    if (done) this.#options.notify?.({type: 'answer', message: done});
  }

  #finishTurn(turn: Turn, failure: ChatError | undefined, canceled: boolean): void {
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
        for (const key of open) this.#replace(key, (m) => ({...m, status: 'error', error: failure}));
      } else if (!turn.answers.size) {
        this.#replace(turn.userKey, (m) => ({...m, status: 'error', error: failure}));
      }
    } else if (open.length) {
      // The stream ended cleanly but never completed these messages: keep them as they are.
      for (const key of open) this.#replace(key, (m) => ({...m, status: 'complete'}));
    }
    this.#update({status: this.#turn ? 'streaming' : 'idle'});
    if (failure) this.#fail(failure);
  }

  #fail(error: ChatError): void {
    this.#update({error});
    this.#options.notify?.({type: 'error', error});
  }

  #replace(key: string, change: (m: ChatMessage) => ChatMessage): ChatMessage | undefined {
    let changed: ChatMessage | undefined;
    const messages = this.#snapshot.messages.map((m) => (m.key === key ? (changed = change(m)) : m));
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
