/**
 * The one owner of a `<coze-chat>`'s lifecycle. It starts the session (loaded on intent, see
 * `chat-session.ts`) once there is something to chat with, passes every change on to it (which
 * reloads when who chats with whom changes), disposes of it when the element has left the page
 * (not when it only moved), and runs every show and hide — `show()`, `hide()`, `toggle()`, the
 * `open` property — through one state machine: the before-hooks run once per real change, a later request supersedes a
 * pending one, and the events follow the change that happened.
 */
import type {PropertyValues, ReactiveController} from 'lit';
import {
  CozeBeforeHideEvent,
  CozeBeforeShowEvent,
  CozeHideEvent,
  CozeShowEvent,
} from '../../events/coze-visibility-events.js';
import {CozeUnreadChangeEvent} from '../../events/coze-unread-change-event.js';
import type {ChatSession} from './chat-session.js';
import type {CozeChat} from './coze-chat.js';

export class SessionController implements ReactiveController {
  /** Answers that arrived while the panel was closed. */
  unread = 0;
  /** A change asked for through `open` and not yet decided, so `updateComplete` covers it. */
  opening?: Promise<boolean>;
  readonly #host: CozeChat;
  readonly #load: () => Promise<ChatSession>;
  #session?: ChatSession;
  /** Whether the panel is shown, as far as hooks and events go; `open` follows it. */
  #shown = false;
  /** The change whose before-hooks are running: whether it shows, and its result. */
  #pending?: [boolean, Promise<boolean>];
  /** Bumped by every request, so a pending change knows it was superseded. */
  #seq = 0;
  /** The last committed change until its event went out; the next one waits for it. */
  #committing?: Promise<void>;
  #opener?: HTMLElement;

  constructor(host: CozeChat, load: () => Promise<ChatSession>) {
    this.#host = host;
    this.#load = async () => (this.#session = await load());
    host.addController(this);
  }

  hostConnected(): void {
    this.#session?.connected();
    if (this.#wanted) void this.start();
  }

  hostDisconnected(): void {
    this.#session?.disconnected();
  }

  /** Called from the chat's `willUpdate`. */
  update(changed: PropertyValues<CozeChat>): void {
    const host = this.#host;
    if (changed.has('open') && host.open !== this.#shown) {
      // Set from outside: it takes the same path as show()/hide(); `open` changes once allowed.
      const want = host.open;
      host.open = this.#shown;
      this.opening = this.request(want);
    }
    this.#session?.update(changed);
    // Not only when the mode changes: a framework binding bot-id from state sets it after the
    // first render, and an inline (or already open) panel must start then.
    if (this.#wanted) void this.start();
  }

  /** Loads the session (once) and starts it: the profile and the conversation load. */
  async start(): Promise<void> {
    (await this.#load()).start();
  }

  /** Shows (`true`) or hides the panel; resolves to whether that is how it ended up. */
  request(want: boolean): Promise<boolean> {
    if (this.#pending?.[0] === want) return this.#pending[1];
    // Anything pending was the opposite: it is superseded (and resolves false).
    const id = ++this.#seq;
    this.#pending = this.opening = undefined;
    if (this.#shown === want) return Promise.resolve(this.#committing).then(() => true);
    const result = this.#transition(want, id);
    this.#pending = [want, result];
    return result;
  }

  /** An answer completed (for the unread count). */
  answered(): void {
    if (!this.#shown && this.#host.mode === 'floating') this.#setUnread(this.unread + 1);
  }

  /** Inline and headless chats run at once; a floating one once shown. */
  get #wanted(): boolean {
    return this.#host.mode !== 'floating' || this.#shown;
  }

  async #transition(want: boolean, id: number): Promise<boolean> {
    const host = this.#host;
    if (this.#committing) await this.#committing;
    let allowed =
      id === this.#seq &&
      host.dispatchEvent(want ? new CozeBeforeShowEvent() : new CozeBeforeHideEvent());
    // Decided only once `request()` has recorded this change as pending, even with no hook.
    await Promise.resolve();
    for (const hook of want
      ? [host.onBeforeShow, host.beforeShow]
      : [host.onBeforeHide, host.beforeHide]) {
      if (!allowed || id !== this.#seq) break;
      try {
        allowed = (await hook?.()) !== false;
      } catch (error) {
        console.error('[coze-chat] a show/hide hook threw; the change goes ahead.', error);
      }
    }
    if (id !== this.#seq) return false;
    this.#pending = this.opening = undefined;
    if (!allowed) return false;
    const committing = this.#commit(want);
    this.#committing = committing;
    await committing;
    if (this.#committing === committing) this.#committing = undefined;
    return true;
  }

  /** Makes the change and tells the page, once the panel has rendered. */
  async #commit(show: boolean): Promise<void> {
    const host = this.#host;
    const hadFocus = host.matches(':focus-within');
    if (show) this.#opener = deepActiveElement() ?? undefined;
    this.#shown = host.open = show;
    if (show) {
      this.#setUnread(0);
      await this.start();
    }
    await host.updateComplete;
    if (show) {
      host.renderRoot.querySelector('coze-composer')?.focus();
      // `coze-show` once the panel has finished growing in, when it is fully there.
      await this.#session?.shown();
    } else if (hadFocus) this.#session?.restoreFocus(this.#opener);
    host.dispatchEvent(show ? new CozeShowEvent() : new CozeHideEvent());
    (show ? host.onShow : host.onHide)?.();
  }

  #setUnread(unread: number): void {
    if (unread === this.unread) return;
    this.unread = unread;
    this.#host.requestUpdate();
    this.#host.dispatchEvent(new CozeUnreadChangeEvent({unread}));
  }
}

/** The focused element, looking through open shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}
