// Over 400 lines on purpose: the one owner of the snapshot, its lifetime and `status`, whose
// public actions (one per ChatActions member, each with its guard) must all read and write
// that state in one place; the jobs behind them live in turn-runner, history and conversations.
import {chatTarget} from './target.js';
import type {StoreHost, StoreOptions} from './store-host.js';
import {
  emptySnapshot,
  isLoadError,
  loadErrorLeft,
  type ChatActions,
  type ChatError,
  type ChatMessage,
  type ChatSnapshot,
  type FeedbackDetails,
  type LoadKind,
  type MessageFile,
  type QuotedReply,
  type SendOptions,
} from './types.js';
import {isAbort, toChatError} from './chat-error.js';
import {ChatBusyError} from './errors.js';
import {Conversations, toSummary} from './conversations.js';
import {History} from './history.js';
import {TurnRunner} from './turn-runner.js';

export type {ChatBackend, StoreConfig, StoreNotice, StoreOptions} from './store-host.js';
export {toChatError} from './chat-error.js';

/**
 * The conversation state of one widget: bot profile, history, the streaming
 * answer and its failures. Plain TypeScript; publishes immutable snapshots,
 * coalescing stream deltas to at most one snapshot per animation frame.
 *
 * The store owns the snapshot, its lifetime (init, reload, dispose) and `status`; its parts
 * do one job each: the turn runner (`turn-runner.ts`), the history (`history.ts`), the
 * conversation list (`conversations.ts`); the bot or app it talks to is a `ChatTarget`.
 */
export class ConversationStore {
  readonly actions: ChatActions;
  #snapshot: ChatSnapshot = emptySnapshot;
  readonly #listeners = new Set<(snapshot: ChatSnapshot) => void>();
  readonly #options: StoreOptions;
  /** Aborted on reload and dispose: every request made for this bot and user. */
  #life = new AbortController();
  /** Loads of the profile and conversation in flight; `status` is derived from it and the turn. */
  #loads = 0;
  #initialized?: Promise<void> | undefined;
  /** The lookup of the conversation to resume answered (so Retry need not run it again). */
  #resumed = false;
  readonly #history: History;
  readonly #lists: Conversations;
  readonly #turns: TurnRunner;
  /** What the parts see: kept in step with the snapshot and the lifetime's signal. */
  readonly #host: StoreHost;

  constructor(options: StoreOptions) {
    this.#options = options;
    const host: StoreHost = {
      options,
      snapshot: emptySnapshot,
      life: this.#life.signal,
      target: () => chatTarget(options.backend, options.config()),
      update: (change) => this.#update(change),
      replace: (key, change) => this.#replace(key, change),
      fail: (error, load) => this.#fail(error, load),
      notify: (notice) => options.notify?.(notice),
      show: (id, sectionId) => this.#show(id, sectionId),
      settle: () => this.#settle(),
    };
    this.#host = host;
    this.#history = new History(host);
    this.#lists = new Conversations(host);
    this.#turns = new TurnRunner(host, this.#lists, (signal) => this.#ensureConversation(signal));
    this.actions = Object.freeze({
      send: (text: string, sendOptions?: SendOptions) => {
        if (!this.canSend(text, sendOptions)) return false;
        void this.send(text, sendOptions);
        return true;
      },
      cancel: () => this.cancel(),
      retry: (key?: string) => this.retry(key),
      reload: (...loads: LoadKind[]) => this.reload(...loads),
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

  /**
   * Forgets everything and loads again (e.g. after the bot or user changed). Given load kinds
   * (the Retry of a failed load), runs only those again and keeps what is shown: the profile,
   * the conversation to resume (when none is shown yet) and the list when it was loaded, the
   * shown conversation's history.
   */
  reload(...loads: LoadKind[]): Promise<void> {
    if (loads.length) return this.#retryLoads(loads);
    this.#abortAll();
    this.#turns.reset();
    this.#history.reset();
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
    this.#history.next();
    this.#turns.abort();
    this.#life = new AbortController();
    this.#host.life = this.#life.signal;
  }

  /** The one place `status` is decided: streaming while a turn runs, loading while a load does. */
  #settle(): void {
    const status = this.#turns.busy ? 'streaming' : this.#loads ? 'loading' : 'idle';
    if (status !== this.#snapshot.status) this.#update({status});
  }

  /** Whether `send(text)` would send: there is text (or a file) and no answer is streaming. */
  canSend(text: string, options?: SendOptions): boolean {
    return Boolean(text.trim() || options?.files?.length) && !this.#turns.busy;
  }

  /** Whether an answer is being written (or its local functions run). */
  get busy(): boolean {
    return this.#turns.busy;
  }

  /**
   * Sends a question with its files and the pending quote; resolves when the answer has
   * finished, failed or stopped. Nothing to send (no text, no file) does nothing; while an
   * answer is being written it rejects with a `ChatBusyError` and sends nothing.
   */
  async send(text: string, options?: SendOptions): Promise<void> {
    const question = text.trim();
    if (!this.canSend(question, options)) {
      if (this.#turns.busy && (question || options?.files?.length)) throw new ChatBusyError();
      return;
    }
    await this.#turns.send(question, options);
  }

  /** Asks the last question again, replacing its answer. */
  async regenerate(): Promise<void> {
    const last = this.#snapshot.messages.findLast((m) => m.role === 'user');
    if (last) await this.retry(last.key);
  }

  retry(key?: string): Promise<void> {
    return this.#turns.retry(key);
  }

  /** Stops the answer being written, on Coze too. */
  cancel(): Promise<void> {
    return this.#turns.cancel();
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
    const life = this.#life.signal;
    const uploaded = await this.#options.backend.uploadFile(file, file.name, {
      signal: signal ? AbortSignal.any([signal, life]) : life,
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
      // Shown at once; sent once Coze has kept the answer (its chat may still be writing
      // suggestions).
      const signal = this.#life.signal;
      await this.#turns.saved(key);
      if (signal.aborted) return;
      const {backend} = this.#options;
      const options = {signal};
      if (type) {
        await backend.sendFeedback(
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
        await backend.deleteFeedback(conversationId, message.id, options);
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
    if (!conversationId || this.#turns.busy) return;
    try {
      const section = await this.#options.backend.clearContext(conversationId, {
        signal: this.#life.signal,
      });
      this.#update({
        sectionId: section.id,
        followUps: [],
        error: loadErrorLeft(this.#snapshot.error),
      });
    } catch (error) {
      this.#fail(toChatError(error));
    }
  }

  /** Starts a new, empty conversation (created on Coze right away, so it can be listed); resolves to its id. */
  async newConversation(): Promise<string | undefined> {
    await this.#turns.end();
    // Only the conversation being shown is dropped: the profile still loads.
    const signal = this.#history.next();
    try {
      const created = await this.#host.target().fresh(signal);
      this.#lists.untitled(created);
      this.#show(created.id, created.last_section_id);
      this.#lists.listed(toSummary(created));
      return created.id;
    } catch (error) {
      if (!isAbort(error)) this.#fail(toChatError(error));
      return undefined;
    }
  }

  loadConversations(more = false): Promise<void> {
    return this.#lists.load(more);
  }

  async openConversation(id: string): Promise<void> {
    if (id === this.#snapshot.conversationId) return;
    await this.#turns.end();
    const signal = this.#history.next();
    this.#show(id);
    await this.#history.load(id, signal);
  }

  renameConversation(id: string, name: string): Promise<void> {
    return this.#lists.rename(id, name);
  }

  deleteConversation(id: string): Promise<void> {
    return this.#lists.delete(id);
  }

  loadOlder(): Promise<void> {
    return this.#history.older();
  }

  /** Empties the transcript for another conversation (or none yet). */
  #show(id: string | undefined, sectionId?: string): void {
    this.#turns.dropPending();
    this.#history.reset();
    this.#update({
      conversationId: id,
      messages: [],
      followUps: [],
      hasOlder: false,
      // A failed profile or list still offers its Retry; another conversation's history does not.
      error: loadErrorLeft(this.#snapshot.error, ['history']),
      quote: undefined,
      sectionId,
    });
    if (id) this.#options.notify?.({type: 'conversation', conversationId: id});
  }

  /**
   * The first load: the profile and the conversation to resume, side by side, so a hung
   * profile never delays the resume (nor a hung lookup the profile); each fails on its own.
   */
  async #load(): Promise<void> {
    const signal = this.#life.signal;
    // A conversation shown meanwhile (e.g. `newConversation()` on page load) wins over the latest one.
    const view = this.#history.view;
    this.#update({error: undefined});
    const done = await this.#loading(async () => {
      await this.#options.prepare?.();
      const loaded = await Promise.all([this.#loadProfile(signal), this.#resume(signal, view)]);
      return loaded.every(Boolean);
    });
    // Let a later call try again.
    if (!done) this.#initialized = undefined;
  }

  /** Runs a load while `status` says loading; resolves false when it failed (shown as `kind`). */
  async #loading(run: () => Promise<boolean>, kind?: LoadKind): Promise<boolean> {
    this.#loads++;
    this.#settle();
    try {
      return await run();
    } catch (error) {
      if (!isAbort(error)) this.#fail(toChatError(error), kind);
      return false;
    } finally {
      this.#loads--;
      this.#settle();
    }
  }

  /** The bot's (or app's) profile: the title, icon, prologue and suggestions. */
  #loadProfile(signal: AbortSignal): Promise<boolean> {
    return this.#loading(async () => {
      const bot = await this.#host.target().profile(signal);
      if (!signal.aborted) this.#update({bot});
      return true;
    }, 'profile');
  }

  /** The latest conversation and its history, unless another conversation is shown by then. */
  #resume(signal: AbortSignal, view: AbortSignal): Promise<boolean> {
    this.#resumed = false;
    return this.#loading(async () => {
      const conversation = await this.#host.target().latest(signal);
      this.#resumed = true;
      if (conversation) this.#lists.untitled(conversation);
      const conversationId = conversation?.id;
      if (signal.aborted || !conversationId || this.#snapshot.conversationId || view.aborted)
        return true;
      const sectionId = conversation.last_section_id;
      this.#update({conversationId, ...(sectionId ? {sectionId} : {})});
      this.#options.notify?.({type: 'conversation', conversationId});
      await this.#history.load(conversationId, view);
      return true;
    }, 'conversations');
  }

  /** Runs failed loads again, each kind at most once, and takes their error away first. */
  async #retryLoads(loads: readonly LoadKind[]): Promise<void> {
    if (isLoadError(this.#snapshot.error))
      this.#update({error: loadErrorLeft(this.#snapshot.error, loads)});
    const signal = this.#life.signal;
    const runs: Promise<unknown>[] = [];
    if (loads.includes('profile')) runs.push(this.#loadProfile(signal));
    if (loads.includes('conversations')) {
      if (!this.#resumed && !this.#snapshot.conversationId)
        runs.push(this.#resume(signal, this.#history.view));
      if (this.#snapshot.conversations) runs.push(this.#lists.load());
    }
    if (loads.includes('history')) runs.push(this.#history.retry());
    await Promise.all(runs);
  }

  /**
   * The conversation a question goes into: the one shown, else a new one, at once. A load in
   * flight (the profile, the latest conversation, its history) is not waited for: it may hang
   * until its own timeout, and fails on its own; a conversation it finds later is not shown
   * over the one the question went into.
   */
  async #ensureConversation(signal: AbortSignal): Promise<string> {
    void this.init();
    // With a token-url and no user-id, the first token says whose conversation this is.
    await this.#options.prepare?.();
    const existing = this.#snapshot.conversationId;
    if (existing) return existing;
    // The latest conversation, if a load is still looking for it, is not shown any more.
    if (this.#loads) this.#history.next();
    const created = await this.#host.target().conversation(signal);
    this.#lists.untitled(created);
    this.#update({
      conversationId: created.id,
      ...(created.last_section_id ? {sectionId: created.last_section_id} : {}),
    });
    this.#lists.listed(toSummary(created));
    this.#options.notify?.({type: 'conversation', conversationId: created.id});
    return created.id;
  }

  /** Shows an error; a load's joins the loads already failed, so one Retry runs them all again. */
  #fail(error: ChatError, load?: LoadKind): void {
    const shown = this.#snapshot.error;
    const before = isLoadError(shown) ? shown.loads : [];
    this.#update({
      error: load ? {...error, loads: before.includes(load) ? before : [...before, load]} : error,
    });
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

  #update(change: Partial<ChatSnapshot>): void {
    this.#publish({...this.#snapshot, ...change});
  }

  #publish(snapshot: ChatSnapshot): void {
    this.#snapshot = this.#host.snapshot = Object.freeze(snapshot);
    for (const listener of this.#listeners) listener(this.#snapshot);
  }
}
