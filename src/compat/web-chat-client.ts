import type {CozeChat} from '../elements/coze-chat/coze-chat.js';
import {toChatSettings} from './options.js';
import type {WebChatClientOptions} from './types.js';

const prefix = '[CozeWebSDK.WebChatClient]';

/**
 * Drop-in for the official Coze Chat SDK's `CozeWebSDK.WebChatClient`: takes
 * the same options object, and puts a configured `<coze-chat>` into the page,
 * in `ui.chatBot.el` (inline), in the legacy top-level `el` (floating), or at
 * the end of `document.body` (floating).
 *
 * Problems with the options are reported with `console.error`, one line each;
 * the options object itself (and so the token) is never logged. When the
 * options cannot work (no token, `auth.type: 'unauth'`), nothing is mounted.
 *
 * @example
 * const client = new WebChatClient({
 *   config: {botId: '7500000000000000001'},
 *   auth: {type: 'token', token: '…', onRefreshToken: () => fetchTokenFromMyServer()},
 *   ui: {asstBtn: {isNeed: false}},
 * });
 * button.onclick = () => client.showChatBot();
 */
export class WebChatClient {
  /** Every client that is mounted and not yet destroyed. */
  static clients: WebChatClient[] = [];

  #element?: CozeChat;

  constructor(options: WebChatClientOptions) {
    const {properties, mount, errors, rejected} = toChatSettings(options);
    for (const error of errors) console.error(`${prefix} ${error}`);
    if (rejected) return;
    const element = document.createElement('coze-chat');
    Object.assign(element, properties);
    // Like the official panel, an inline chat fills the element the page sized for it.
    if (mount.inline) {
      element.style.height = '100%';
      // Shown from the start; hideChatBot() hides it (after the hooks), as the official panel in `el`.
      element.open = true;
    }
    this.#element = element;
    const parent = mount.el ?? mount.legacyEl ?? document.body;
    if (parent) {
      parent.append(element);
    } else {
      // A snippet in <head> runs before <body> exists: mount once it does (unless destroyed by then).
      const mountLater = () => this.#element === element && document.body.append(element);
      document.addEventListener('DOMContentLoaded', mountLater, {once: true});
    }
    WebChatClient.clients.push(this);
  }

  /** Addition: the `<coze-chat>` this client put into the page (for its events and methods); none once destroyed. */
  get element(): CozeChat | undefined {
    return this.#element;
  }

  /** Opens the chat panel; resolves to whether it opened (`onBeforeShow` may veto). */
  showChatBot(): Promise<boolean> {
    return this.#show(true);
  }

  /** Closes the chat panel; resolves to whether it closed (`onBeforeHide` may veto). */
  hideChatBot(): Promise<boolean> {
    return this.#show(false);
  }

  /** Shows or hides the panel; an inline chat, which has no panel to close, is hidden itself. */
  async #show(open: boolean): Promise<boolean> {
    const element = this.#element;
    if (!element) return false;
    const done = await (open ? element.show() : element.hide());
    if (done && element.mode === 'inline') element.hidden = !open;
    return done;
  }

  /** Removes the widget from the page and forgets this client. Safe to call twice. */
  destroy(): void {
    this.#element?.remove();
    this.#element = undefined;
    WebChatClient.clients = WebChatClient.clients.filter((client) => client !== this);
  }

  /** The current access token, from `auth.token` or `auth.onRefreshToken`; `undefined` when nothing is mounted. */
  async getToken(): Promise<string | undefined> {
    return this.#element ? this.#element.getToken() : undefined;
  }
}
