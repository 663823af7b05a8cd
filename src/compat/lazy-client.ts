import type {CozeChat} from '../elements/coze-chat/coze-chat.js';
import type {WebChatClient as Client} from './web-chat-client.js';
import type {WebChatClientOptions} from './types.js';

/**
 * `WebChatClient` as the ES module CDN entry exports it: the same methods, with the facade's
 * code (the mapping of the official options) in a chunk of its own, loaded when a client is
 * made. The chat is mounted once that chunk has arrived (see `ready`); the methods wait for it.
 * The classic script and the npm package export the facade itself, which mounts at once.
 */
export class WebChatClient {
  readonly #client: Promise<Client>;
  #loaded?: Client;
  #destroyed = false;

  constructor(options: WebChatClientOptions) {
    this.#client = import('./web-chat-client.js').then(({WebChatClient: Facade}) => {
      const client = new Facade(options);
      this.#loaded = client;
      if (this.#destroyed) client.destroy();
      return client;
    });
  }

  /** Settles once the facade's code has arrived and the chat is mounted. */
  get ready(): Promise<void> {
    return this.#client.then(() => undefined);
  }

  /** The `<coze-chat>` this client put into the page; none before `ready` or once destroyed. */
  get element(): CozeChat | undefined {
    return this.#loaded?.element;
  }

  /** Opens the chat panel; resolves to whether it opened (`onBeforeShow` may veto). */
  async showChatBot(): Promise<boolean> {
    return (await this.#client).showChatBot();
  }

  /** Closes the chat panel; resolves to whether it closed (`onBeforeHide` may veto). */
  async hideChatBot(): Promise<boolean> {
    return (await this.#client).hideChatBot();
  }

  /** Removes the widget from the page (now, or as soon as it is mounted). Safe to call twice. */
  destroy(): void {
    this.#destroyed = true;
    this.#loaded?.destroy();
  }

  /** The current access token; `undefined` when nothing is mounted. */
  async getToken(): Promise<string | undefined> {
    return (await this.#client).getToken();
  }
}
