/**
 * Entry of the classic-script build: registers the elements and exposes the
 * public classes on `window.CozeChatElements`, and the compat facade on
 * `window.CozeWebSDK.WebChatClient`.
 */
import * as api from './index.js';

declare global {
  interface Window {
    CozeChatElements?: typeof api;
    /** The official Chat SDK's global, for pages switching from its script. */
    CozeWebSDK?: {WebChatClient: typeof api.WebChatClient};
  }
}

window.CozeChatElements ??= api;
window.CozeWebSDK ??= {WebChatClient: api.WebChatClient};
