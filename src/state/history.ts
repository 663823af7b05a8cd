import type {StoreHost} from './store-host.js';
import {isAbort, toChatError} from './chat-error.js';
import {fromHistory, type Thumbnails} from './transcript.js';
import {thumbnailFor} from './thumbnails.js';

/**
 * The shown conversation's history: its first page, older pages on demand, and the signal
 * that ends both when another conversation is shown.
 */
export class History {
  readonly #host: StoreHost;
  readonly #thumbnail: Thumbnails;
  /** Aborted when another conversation is shown (and on reload and dispose). */
  #view = new AbortController();
  #olderCursor?: string | undefined;
  /** The conversation whose first page failed: Retry loads it again. */
  #failedFirst?: string | undefined;

  constructor(host: StoreHost) {
    this.#host = host;
    this.#thumbnail = (fileId) => thumbnailFor(host.options.storage, fileId);
  }

  /** The shown conversation's signal. */
  get view(): AbortSignal {
    return this.#view.signal;
  }

  /** The signal of a newly shown conversation; the previous one's requests are aborted. */
  next(): AbortSignal {
    this.#view.abort();
    this.#view = new AbortController();
    return this.#view.signal;
  }

  /** Starts over for another conversation (or none), keeping the shown one's requests. */
  reset(): void {
    this.#olderCursor = undefined;
    this.#failedFirst = undefined;
  }

  /** Runs the shown conversation's failed load again: its first page, else the older one. */
  retry(): Promise<void> {
    const id = this.#host.snapshot.conversationId;
    if (!id) return Promise.resolve();
    return id === this.#failedFirst ? this.load(id, this.view) : this.older();
  }

  get #pageSize(): number {
    return this.#host.options.pageSize ?? 20;
  }

  /** The first page of a conversation's history, above anything already shown. */
  async load(conversationId: string, signal: AbortSignal): Promise<void> {
    const host = this.#host;
    try {
      const page = await host.options.backend.listMessages(
        conversationId,
        {order: 'desc', limit: this.#pageSize, includeMiddleMessage: true},
        {signal}
      );
      if (signal.aborted || host.snapshot.conversationId !== conversationId) return;
      this.#failedFirst = undefined;
      this.#olderCursor = page.lastId;
      // A question sent while the page was on its way may be in it already: it is shown once.
      const shown = new Set(host.snapshot.messages.map((m) => m.id).filter(Boolean));
      const history = fromHistory(page.messages, this.#thumbnail).filter(
        (m) => !m.id || !shown.has(m.id)
      );
      const sectionId = host.snapshot.sectionId ?? history.findLast((m) => m.sectionId)?.sectionId;
      host.update({
        messages: [...history, ...host.snapshot.messages],
        hasOlder: page.hasMore,
        ...(sectionId ? {sectionId} : {}),
      });
    } catch (error) {
      if (isAbort(error) || host.snapshot.conversationId !== conversationId) return;
      this.#failedFirst = conversationId;
      host.fail(toChatError(error), 'history');
    }
  }

  async older(): Promise<void> {
    const host = this.#host;
    const {conversationId, hasOlder, loadingOlder} = host.snapshot;
    if (!conversationId || !hasOlder || loadingOlder) return;
    host.update({loadingOlder: true});
    try {
      const page = await host.options.backend.listMessages(
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
      const older = fromHistory(page.messages, this.#thumbnail);
      host.update({
        messages: [...older, ...host.snapshot.messages],
        hasOlder: page.hasMore,
        loadingOlder: false,
      });
    } catch (error) {
      if (isAbort(error)) return;
      host.update({loadingOlder: false});
      host.fail(toChatError(error), 'history');
    }
  }
}
