/**
 * Entry of the ES module CDN build (`dist/cdn/coze-chat-elements.js`): registers
 * `<coze-chat>` and `<coze-launcher>` and renders the launcher. The rest (the
 * panel, the API client and the store, markdown, the parts, the conversation
 * list, other languages) arrives as chunks from the same directory when a chat
 * is about to be used: see `CozeChat`.
 */
import {CozeChat} from './elements/coze-chat/coze-chat.js';
import {CozeLauncher} from './elements/coze-launcher/coze-launcher.js';

// `coze-chat` goes first so the parts inside it find their context provider when they upgrade.
for (const [tag, element] of [
  ['coze-chat', CozeChat],
  ['coze-launcher', CozeLauncher],
] as const) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

export {CozeChat, CozeLauncher};
export * from './events/coze-visibility-events.js';
export * from './state-exports.js';
export {WebChatClient} from './compat/lazy-client.js';
