import type {ConversationData} from '../api/types.js';
import type {StoreHost} from './store-host.js';
import {isLoadError, loadErrorLeft, type ChatMessage, type ConversationSummary} from './types.js';
import {isAbort, toChatError} from './chat-error.js';
import {nameFromQuestion, ownedBy} from './ownership.js';

const pageSize = 20;

export function toSummary(c: {
  id: string;
  name?: string;
  updated_at?: number;
  created_at?: number;
}): ConversationSummary {
  return {id: c.id, name: c.name ?? '', updatedAt: Number(c.updated_at ?? c.created_at ?? 0)};
}

/**
 * The reader's conversation list (`snapshot.conversations`): its pages, renames and deletes, and
 * the names untitled conversations get from their first question.
 */
export class Conversations {
  readonly #host: StoreHost;
  /** Conversations with no name yet: the first question names them. */
  readonly #untitled = new Set<string>();

  constructor(host: StoreHost) {
    this.#host = host;
  }

  /** Notes a conversation that the first question should name (where conversations are listed). */
  untitled(conversation: ConversationData): void {
    if (this.#host.target().conversations && !conversation.name)
      this.#untitled.add(conversation.id);
  }

  /** Puts a conversation at the top of a loaded list (new, or just used). */
  listed(summary: ConversationSummary): void {
    const host = this.#host;
    const list = host.snapshot.conversations;
    if (!list) return;
    const old = list.items.find((c) => c.id === summary.id);
    const entry = {...summary, name: summary.name || old?.name || ''};
    host.update({
      conversations: {...list, items: [entry, ...list.items.filter((c) => c.id !== summary.id)]},
    });
  }

  async load(more = false): Promise<void> {
    const host = this.#host;
    const target = host.target();
    if (!target.conversations) return;
    const list = host.snapshot.conversations;
    if (list?.loading || (more && !list?.hasMore)) return;
    const have = more ? (list?.items ?? []) : [];
    // The entries already shown stay while the first page loads again (focus stays on them).
    const shown = list?.items ?? [];
    host.update({conversations: {items: shown, hasMore: list?.hasMore ?? false, loading: true}});
    try {
      const {userId} = host.options.config();
      const page = await target.conversations(
        Math.floor(have.length / pageSize) + 1,
        pageSize,
        host.life
      );
      // Only the reader's own: with a shared token, Coze lists every visitor's.
      const items = [
        ...have,
        ...page.conversations
          .filter((c) => ownedBy(c, userId))
          .map(toSummary)
          .filter((c) => !have.some((h) => h.id === c.id)),
      ];
      items.sort((a, b) => b.updatedAt - a.updatedAt);
      host.update({
        conversations: {items, hasMore: page.hasMore, loading: false},
        // The list is here: its earlier failure no longer needs a Retry.
        ...(isLoadError(host.snapshot.error)
          ? {error: loadErrorLeft(host.snapshot.error, ['conversations'])}
          : {}),
      });
    } catch (error) {
      host.update({
        conversations: {items: shown, hasMore: list?.hasMore ?? false, loading: false},
      });
      if (!isAbort(error)) host.fail(toChatError(error), 'conversations');
    }
  }

  /** Changes one entry of a loaded list. */
  #change(id: string, name: string, onlyUnnamed: boolean): void {
    const host = this.#host;
    const list = host.snapshot.conversations;
    if (!list?.items.some((c) => c.id === id)) return;
    host.update({
      conversations: {
        ...list,
        items: list.items.map((c) => (c.id === id && !(onlyUnnamed && c.name) ? {...c, name} : c)),
      },
    });
  }

  async rename(id: string, name: string): Promise<void> {
    const host = this.#host;
    const trimmed = name.trim().slice(0, 100);
    if (!trimmed) return;
    try {
      await host.options.backend.renameConversation(id, trimmed, {signal: host.life});
      this.#change(id, trimmed, false);
    } catch (error) {
      host.fail(toChatError(error));
      throw error;
    }
  }

  async delete(id: string): Promise<void> {
    const host = this.#host;
    try {
      await host.options.backend.deleteConversation(id, {signal: host.life});
    } catch (error) {
      host.fail(toChatError(error));
      throw error;
    }
    const list = host.snapshot.conversations;
    if (list) host.update({conversations: {...list, items: list.items.filter((c) => c.id !== id)}});
    // The next question starts a new conversation.
    if (id === host.snapshot.conversationId) host.show(undefined);
  }

  /** Drops a conversation Coze no longer has; the transcript (and the question) stay shown. */
  forget(id: string): void {
    const host = this.#host;
    this.#untitled.delete(id);
    const list = host.snapshot.conversations;
    host.update({
      conversationId: undefined,
      sectionId: undefined,
      ...(list ? {conversations: {...list, items: list.items.filter((c) => c.id !== id)}} : {}),
    });
  }

  /** Names an untitled conversation after its first question, as the official widget does. */
  nameAfter(id: string | undefined, question: ChatMessage): void {
    if (!id || !this.#untitled.delete(id)) return;
    const name = nameFromQuestion(question);
    if (!name) return;
    this.#host.options.backend.renameConversation(id, name).then(
      () => this.#change(id, name, true),
      // A name is a convenience: a failure to set it costs the reader nothing.
      () => undefined
    );
  }
}
