// Over 400 lines on purpose: one element whose list, keyboard model and in-place rename and
// delete share the same rows and focus; its styles are in their own file.
import {html, LitElement, nothing} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {state} from 'lit/decorators.js';
import {ContextConsumer} from '@lit/context';
import {repeat} from 'lit/directives/repeat.js';
import {chatActionsContext, chatStateContext, chatUiContext} from '../../state/context.js';
import {
  emptySnapshot,
  isLoadError,
  type ChatSnapshot,
  type ConversationSummary,
} from '../../state/types.js';
import {errorText} from '../shared/error-text.js';
import type {UiConfig} from '../../state/ui-config.js';
import {format} from '../../i18n/index.js';
import {CozeConversationSelectEvent} from '../../events/coze-conversation-select-event.js';
import {tokens} from '../shared/tokens.styles.js';
import {defaultUi} from '../shared/default-ui.js';
import {deleteIcon, plusIcon, renameIcon} from './icons.js';
import {groupConversations, type ConversationGroup} from './groups.js';
import {styles} from './coze-conversation-list.styles.js';

/** Coze's limit on a conversation's name. */
const maxNameLength = 100;

/**
 * The reader's conversations with the bot, newest first under Today, Last 30
 * days and Older: open one, start a new one, rename or delete one (both
 * confirmed inline), and page through older ones. Loads the list when it is
 * connected and each time it is shown again. Reads the state of the nearest
 * `<coze-chat>` through context. Up and Down arrows (and Home/End) move
 * between conversations; Tab reaches the focused one's Rename and Delete. In a
 * `readonly` chat it only lists and opens: no New, Rename or Delete.
 *
 * @summary A Coze chat's conversation list: browse, resume, create, rename, delete.
 * @tag coze-conversation-list
 *
 * @event {CozeConversationSelectEvent} coze-conversation-select - The reader opened a conversation, or started a new one, from the list (`detail.conversationId`); `<coze-chat>` switches back to the chat.
 *
 * @csspart conversation-list - The list (a `<nav>`), scrolling when long.
 * @csspart new-button - Starts a new conversation.
 * @csspart group - The conversations of one period (Today, Last 30 days, Older).
 * @csspart group-heading - The heading of a group.
 * @csspart conversation - One conversation; `aria-current="true"` on the one shown.
 * @csspart rename-button - Turns a conversation's name into a form to rename it.
 * @csspart delete-button - Asks whether to delete a conversation.
 * @csspart rename-form - The inline form that renames a conversation.
 * @csspart rename-input - The name field of the rename form.
 * @csspart save-button - Saves the new name.
 * @csspart cancel-button - Leaves a rename or a delete without changing anything.
 * @csspart confirm-delete - The inline question before a conversation is deleted.
 * @csspart confirm-delete-button - Deletes the conversation for good.
 * @csspart load-more - Loads the next page of conversations.
 * @csspart loading - Shown while the first page loads.
 * @csspart empty - Shown when there are no conversations.
 * @csspart error - Shown when the list did not load, with why.
 * @csspart retry-button - Loads the list again after it failed.
 */
export class CozeConversationList extends LitElement {
  static override styles = [tokens, styles];

  readonly #state = new ContextConsumer(this, {context: chatStateContext, subscribe: true});
  readonly #actions = new ContextConsumer(this, {
    context: chatActionsContext,
    subscribe: true,
    callback: () => this.#loadIfWanted(),
  });
  readonly #ui = new ContextConsumer(this, {context: chatUiContext, subscribe: true});

  /** The conversation whose name is being edited. */
  @state() private renaming?: string;
  /** The conversation whose deletion awaits confirmation. */
  @state() private confirmingDelete?: string;
  /** The conversation being renamed or deleted on Coze right now. */
  @state() private pending?: string;
  /** A new conversation is being created. */
  @state() private creating = false;
  /** The conversation that takes Tab focus in the list (roving tabindex). */
  @state() private activeId?: string;

  #observer?: IntersectionObserver;
  #shown = false;
  #wantsLoad = false;
  /** A load was started since the element was connected. */
  #loaded = false;

  /** Loads the first page of conversations again. */
  refresh(): Promise<void> {
    return this.#actions.value?.loadConversations() ?? Promise.resolve();
  }

  /**
   * Focuses the conversation that takes Tab focus (the one shown, by default), or the New button,
   * or else (read-only, nothing listed yet) the list itself, from which Down reaches the first.
   */
  override focus(options?: FocusOptions): void {
    const target =
      this.renderRoot?.querySelector<HTMLElement>('[part~="conversation"][tabindex="0"]') ??
      this.renderRoot?.querySelector<HTMLElement>('[part~="new-button"], nav');
    if (target) target.focus(options);
    else super.focus(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Fires on connect and whenever the element is shown or hidden (display: none).
    this.#observer = new IntersectionObserver(() => this.#handleVisibilityChange());
    this.#observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#shown = false;
    this.#loaded = false;
  }

  #handleVisibilityChange() {
    const shown = this.checkVisibility();
    if (shown && !this.#shown) {
      this.#wantsLoad = true;
      this.#loadIfWanted();
    }
    this.#shown = shown;
  }

  #loadIfWanted() {
    const actions = this.#actions.value;
    if (!this.#wantsLoad || !actions) return;
    this.#wantsLoad = false;
    // Shown again (a layout change, the page's own toggle), the list loads again, but a failure
    // on screen waits for its Retry: no load the reader did not ask for replaces it.
    if (this.#loaded && this.#failed(this.#state.value)) return;
    this.#loaded = true;
    void actions.loadConversations();
  }

  #failed(snapshot: ChatSnapshot | undefined) {
    const error = snapshot?.error;
    return isLoadError(error) && error.loads.includes('conversations') ? error : undefined;
  }

  /** Loads the list again after it failed; focus, whose button leaves with the error, goes to New. */
  async #handleRetryClick() {
    const retried = this.#actions.value?.reload('conversations');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="new-button"]')?.focus();
    await retried;
  }

  #select(conversationId: string) {
    this.dispatchEvent(new CozeConversationSelectEvent({conversationId}));
  }

  #entry(id: string): HTMLElement | null {
    return this.renderRoot.querySelector(`li[data-id="${CSS.escape(id)}"] [part~="conversation"]`);
  }

  #focusEntryOrNew(id: string | undefined) {
    const target =
      (id && this.#entry(id)) || this.renderRoot.querySelector<HTMLElement>('[part~="new-button"]');
    target?.focus();
  }

  /** The conversations in the order they are shown. */
  #shownItems(): ConversationSummary[] {
    const items = this.#state.value?.conversations?.items ?? [];
    return groupConversations(items, new Date()).flatMap((g) => g.items);
  }

  #handleEntryClick(item: ConversationSummary) {
    this.activeId = item.id;
    void this.#actions.value?.openConversation(item.id);
    this.#select(item.id);
  }

  async #handleNewClick() {
    const actions = this.#actions.value;
    if (!actions || this.creating) return;
    this.creating = true;
    const before = this.#state.value?.conversationId;
    try {
      await actions.newConversation();
    } finally {
      this.creating = false;
    }
    const after = this.#state.value?.conversationId;
    if (after && after !== before) {
      this.activeId = after;
      this.#select(after);
    }
  }

  async #handleLoadMoreClick(event: Event) {
    const list = this.#state.value?.conversations;
    const actions = this.#actions.value;
    if (!actions || !list || list.loading) return;
    const button = event.currentTarget as HTMLElement;
    const hadFocus = this.shadowRoot?.activeElement === button;
    const known = new Set(list.items.map((c) => c.id));
    await actions.loadConversations(true);
    await this.updateComplete;
    if (!hadFocus) return;
    // Keyboard readers continue with the first conversation that came in.
    const first = this.#shownItems().find((c) => !known.has(c.id));
    if (first) {
      this.activeId = first.id;
      await this.updateComplete;
      this.#entry(first.id)?.focus();
    }
  }

  async #handleRenameClick(item: ConversationSummary) {
    if (this.pending) return;
    this.confirmingDelete = undefined;
    this.renaming = item.id;
    this.activeId = item.id;
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('[part~="rename-input"]');
    input?.focus();
    input?.select();
  }

  async #handleRenameSubmit(event: SubmitEvent, item: ConversationSummary) {
    event.preventDefault();
    const actions = this.#actions.value;
    if (!actions || this.pending) return;
    const input = (event.currentTarget as HTMLFormElement).querySelector('input')!;
    const name = input.value.trim().slice(0, maxNameLength);
    if (!name) return;
    if (name !== item.name) {
      this.pending = item.id;
      try {
        await actions.renameConversation(item.id, name);
      } catch {
        // The chat shows the error; the form stays for another try.
        input.focus();
        return;
      } finally {
        this.pending = undefined;
      }
    }
    await this.#closeRename(item.id);
  }

  async #closeRename(id: string) {
    this.renaming = undefined;
    await this.updateComplete;
    this.#entry(id)?.focus();
  }

  #handleFormKeydown(event: KeyboardEvent, id: string) {
    if (event.key !== 'Escape') return;
    // The panel closes on Escape; here Escape only leaves the form.
    event.stopPropagation();
    event.preventDefault();
    if (this.pending) return;
    if (this.renaming === id) void this.#closeRename(id);
    else void this.#closeConfirm(id);
  }

  async #handleDeleteClick(item: ConversationSummary) {
    if (this.pending) return;
    this.renaming = undefined;
    this.confirmingDelete = item.id;
    this.activeId = item.id;
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>('[part~="confirm-delete"] [part~="cancel-button"]')
      ?.focus();
  }

  async #handleConfirmDeleteClick(item: ConversationSummary) {
    const actions = this.#actions.value;
    if (!actions || this.pending) return;
    const items = this.#shownItems();
    const index = items.findIndex((c) => c.id === item.id);
    const next = items[index + 1] ?? items[index - 1];
    this.pending = item.id;
    try {
      await actions.deleteConversation(item.id);
    } catch {
      this.pending = undefined;
      await this.#closeConfirm(item.id);
      return;
    }
    this.pending = undefined;
    this.confirmingDelete = undefined;
    this.activeId = next?.id;
    await this.updateComplete;
    this.#focusEntryOrNew(next?.id);
  }

  async #closeConfirm(id: string) {
    this.confirmingDelete = undefined;
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(`li[data-id="${CSS.escape(id)}"] [part~="delete-button"]`)
      ?.focus();
  }

  #handleListFocusin(event: FocusEvent) {
    const row = (event.target as Element).closest?.('li[data-id]');
    const id = row?.getAttribute('data-id');
    if (id && id !== this.activeId) this.activeId = id;
  }

  #handleListKeydown(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as Element;
    // Arrows belong to the name field, and the delete question keeps focus until answered.
    if (target.closest('form, [part~="confirm-delete"]')) return;
    const id = target.closest('li[data-id]')?.getAttribute('data-id');
    // From the New button or the list itself, Down goes to the first conversation.
    const onNew = target.matches('[part~="new-button"], nav');
    if (!id && !onNew) return;
    const items = this.#shownItems();
    if (!items.length) return;
    const index = id ? items.findIndex((c) => c.id === id) : -1;
    let to: number;
    switch (event.key) {
      case 'ArrowDown':
        to = Math.min(index + 1, items.length - 1);
        break;
      case 'ArrowUp':
        if (onNew) return;
        to = Math.max(index - 1, 0);
        break;
      case 'Home':
        to = 0;
        break;
      case 'End':
        to = items.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    const next = items[to]!;
    this.activeId = next.id;
    this.#entry(next.id)?.focus();
  }

  protected override render() {
    const snapshot = this.#state.value ?? emptySnapshot;
    const ui = this.#ui.value ?? defaultUi;
    const strings = ui.strings;
    const list = snapshot.conversations;
    const items = list?.items ?? [];
    const loading = list?.loading ?? false;
    const readOnly = ui.features.readOnly;
    const groups = groupConversations(items, new Date());
    const failed = this.#failed(snapshot);
    const tabbable =
      [this.activeId, snapshot.conversationId].find((id) => id && items.some((c) => c.id === id)) ??
      groups[0]?.items[0]?.id;
    return html`<nav
      part="conversation-list"
      aria-label=${strings.conversations}
      aria-busy=${loading ? 'true' : 'false'}
      tabindex="-1"
      @keydown=${this.#handleListKeydown}
      @focusin=${this.#handleListFocusin}
    >
      ${
        readOnly
          ? nothing
          : html`<button
              part="new-button"
              class="new"
              type="button"
              aria-disabled=${this.creating ? 'true' : 'false'}
              @click=${this.#handleNewClick}
            >
              ${plusIcon}<span>${strings.newConversation}</span>
            </button>`
      }
      ${groups.map((group) => this.#renderGroup(group, ui, snapshot.conversationId, tabbable))}
      ${loading && !items.length ? html`<p part="loading" class="note" role="status">${strings.loading}</p>` : nothing}
      ${list && !loading && !items.length && !failed ? html`<p part="empty" class="note">${strings.noConversations}</p>` : nothing}
      ${
        failed && !loading
          ? html`<div part="error" class="note error" role="alert">
              <span id="list-error"
                >${strings.conversationsFailed} ${errorText(strings, failed)}</span
              >
              <button
                part="retry-button"
                class="retry"
                type="button"
                aria-describedby="list-error"
                @click=${this.#handleRetryClick}
              >
                ${strings.retry}
              </button>
            </div>`
          : nothing
      }
      ${list?.hasMore ? this.#renderLoadMore(ui, loading) : nothing}
    </nav>`;
  }

  #renderGroup(
    group: ConversationGroup,
    ui: UiConfig,
    current: string | undefined,
    tabbable: string | undefined
  ) {
    const headingId = `group-${group.key}`;
    return html`<section part="group" class="group">
      <h3 part="group-heading" id=${headingId}>${ui.strings[group.key]}</h3>
      <ul aria-labelledby=${headingId}>
        ${repeat(
          group.items,
          (c) => c.id,
          (c) => this.#renderEntry(c, ui, c.id === current, c.id === tabbable)
        )}
      </ul>
    </section>`;
  }

  #renderEntry(item: ConversationSummary, ui: UiConfig, current: boolean, tabbable: boolean) {
    const strings = ui.strings;
    const name = item.name || strings.untitled;
    const nameId = `name-${item.id}`;
    const confirming = this.confirmingDelete === item.id;
    if (this.renaming === item.id) {
      return html`<li class="row" data-id=${item.id} ?data-current=${current}>
        ${this.#renderRenameForm(item, ui)}
      </li>`;
    }
    const busy = this.pending === item.id;
    return html`<li class="row" data-id=${item.id} ?data-current=${current}>
      <div class="line">
        <button
          part="conversation"
          class="entry"
          type="button"
          tabindex=${tabbable ? 0 : -1}
          aria-current=${ifDefined(current ? 'true' : undefined)}
          @click=${() => this.#handleEntryClick(item)}
        >
          <span class="name" id=${nameId}>${name}</span>
        </button>
        ${
          confirming || ui.features.readOnly
            ? nothing
            : html`<span class="actions">
                <button
                  part="rename-button"
                  class="icon-button"
                  type="button"
                  tabindex=${tabbable ? 0 : -1}
                  aria-describedby=${nameId}
                  @click=${() => this.#handleRenameClick(item)}
                >
                  ${renameIcon}<span class="visually-hidden">${strings.rename}</span>
                </button>
                <button
                  part="delete-button"
                  class="icon-button"
                  type="button"
                  tabindex=${tabbable ? 0 : -1}
                  aria-describedby=${nameId}
                  @click=${() => this.#handleDeleteClick(item)}
                >
                  ${deleteIcon}<span class="visually-hidden">${strings.delete}</span>
                </button>
              </span>`
        }
      </div>
      ${confirming ? this.#renderConfirm(item, name, ui, busy) : nothing}
    </li>`;
  }

  #renderRenameForm(item: ConversationSummary, ui: UiConfig) {
    const strings = ui.strings;
    const busy = this.pending === item.id;
    return html`<form
      part="rename-form"
      class="rename"
      aria-busy=${busy ? 'true' : 'false'}
      @submit=${(e: SubmitEvent) => this.#handleRenameSubmit(e, item)}
      @keydown=${(e: KeyboardEvent) => this.#handleFormKeydown(e, item.id)}
    >
      <label class="visually-hidden" for="rename-input">${strings.renameLabel}</label>
      <input
        id="rename-input"
        part="rename-input"
        type="text"
        autocomplete="off"
        required
        maxlength=${maxNameLength}
        .value=${item.name}
      />
      <span class="form-actions">
        <button
          part="save-button"
          class="primary"
          type="submit"
          aria-disabled=${busy ? 'true' : 'false'}
        >
          ${strings.save}
        </button>
        <button part="cancel-button" type="button" @click=${() => this.#closeRename(item.id)}>
          ${strings.cancel}
        </button>
      </span>
    </form>`;
  }

  #renderConfirm(item: ConversationSummary, name: string, ui: UiConfig, busy: boolean) {
    const strings = ui.strings;
    const textId = `confirm-${item.id}`;
    return html`<div
      part="confirm-delete"
      class="confirm"
      role="group"
      aria-labelledby=${textId}
      aria-busy=${busy ? 'true' : 'false'}
      @keydown=${(e: KeyboardEvent) => this.#handleFormKeydown(e, item.id)}
    >
      <p id=${textId}>${format(strings.confirmDelete, {name})}</p>
      <span class="form-actions">
        <button
          part="confirm-delete-button"
          class="danger"
          type="button"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => this.#handleConfirmDeleteClick(item)}
        >
          ${strings.delete}
        </button>
        <button
          part="cancel-button"
          type="button"
          @click=${() => !busy && this.#closeConfirm(item.id)}
        >
          ${strings.cancel}
        </button>
      </span>
    </div>`;
  }

  #renderLoadMore(ui: UiConfig, loading: boolean) {
    return html`<button
      part="load-more"
      class="load-more"
      type="button"
      aria-disabled=${loading ? 'true' : 'false'}
      @click=${this.#handleLoadMoreClick}
    >
      ${loading ? ui.strings.loading : ui.strings.loadMore}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'coze-conversation-list': CozeConversationList;
  }
}
