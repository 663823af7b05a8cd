import {html, LitElement, nothing} from 'lit';
import {format, type LauncherStrings} from '../../i18n/index.js';
import {launcherEn} from '../../i18n/launcher.js';
import {tokens} from '../shared/tokens.styles.js';
import {identityImage} from '../shared/identity.js';
import {chatIcon, closeIcon} from '../shared/icon.js';
import {styles} from './coze-launcher.styles.js';

/** What a launcher needs from the chat it opens (`<coze-chat>` provides it). */
export interface LauncherTarget extends HTMLElement {
  readonly open: boolean;
  readonly unread: number;
  readonly icon?: string;
  readonly strings: LauncherStrings;
  readonly panelElement?: HTMLElement | null;
  toggle(): Promise<boolean>;
}

/**
 * The button that opens and closes a chat panel. `<coze-chat>` renders one in
 * floating mode; one can also be placed anywhere in the page with
 * `for="<id of a coze-chat>"`. Shows how many answers arrived while closed.
 *
 * @summary The floating chat button.
 * @tag coze-launcher
 *
 * @slot icon - Replaces the button's icon while the panel is closed.
 *
 * @csspart button - The button.
 * @csspart badge - The unread count.
 * @csspart icon - The bot's icon; the chat glyph when there is none or it fails to load.
 * @cssprop --coze-launcher-size - Diameter of the button (default `3.5em`).
 */
export class CozeLauncher extends LitElement {
  static override styles = [tokens, styles];
  static override shadowRootOptions = {...LitElement.shadowRootOptions, delegatesFocus: true};
  // Declared here rather than with decorators: the first chunk every page loads stays smaller.
  static override properties = {
    for: {reflect: true},
    target: {attribute: false},
    tick: {state: true, attribute: false},
  };
  // The accessors exist as soon as the class does, as they did with decorators (before `define`).
  static {
    this.finalize();
  }

  /** Id of the `<coze-chat>` this button opens, when it is not rendered by one. */
  for = '';

  /** The chat this button opens; set by `<coze-chat>` for its own launcher, else found from `for`. */
  target?: LauncherTarget | null;

  private tick = 0;

  #listening?: LauncherTarget;
  readonly #refresh = () => this.tick++;

  get #chat(): LauncherTarget | null {
    if (this.target) return this.target;
    if (!this.for) return null;
    const root = this.getRootNode() as Document | ShadowRoot;
    return (root.getElementById?.(this.for) ??
      document.getElementById(this.for)) as LauncherTarget | null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A target defined later in the page: look again once the document has loaded.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', this.#refresh, {once: true});
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listen(null);
  }

  protected override willUpdate(): void {
    this.#listen(this.#chat);
  }

  #listen(chat: LauncherTarget | null) {
    if (chat === this.#listening) return;
    for (const type of ['coze-show', 'coze-hide', 'coze-unread-change']) {
      this.#listening?.removeEventListener(type, this.#refresh);
      chat?.addEventListener(type, this.#refresh);
    }
    this.#listening = chat ?? undefined;
  }

  #handleClick() {
    void this.#chat?.toggle();
  }

  protected override updated(): void {
    // Point assistive technology at the panel even across shadow roots.
    const button = this.renderRoot.querySelector('button') as
      (HTMLButtonElement & {ariaControlsElements?: Element[] | null}) | null;
    const panel = this.#chat?.panelElement;
    if (button && 'ariaControlsElements' in button) {
      button.ariaControlsElements = panel ? [panel] : null;
    }
  }

  protected override render() {
    const chat = this.#chat;
    const strings = chat?.strings ?? launcherEn;
    const open = chat?.open ?? false;
    const unread = open ? 0 : (chat?.unread ?? 0);
    const base = open ? strings.closeChat : strings.openChat;
    const label = unread ? format(strings.unread, {label: base, count: String(unread)}) : base;
    return html`
      <button
        part="button"
        type="button"
        aria-label=${label}
        title=${label}
        aria-expanded=${open ? 'true' : 'false'}
        @click=${this.#handleClick}
      >
        ${open ? closeIcon : html`<slot name="icon">${identityImage({host: this, src: chat?.icon, name: '', part: 'icon', fallback: chatIcon})}</slot>`}
        ${unread ? html`<span part="badge" class="badge" aria-hidden="true">${unread}</span>` : nothing}
      </button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'coze-launcher': CozeLauncher;
  }
}
