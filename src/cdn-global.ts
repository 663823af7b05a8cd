/**
 * Entry of the classic-script build: registers the elements and exposes the
 * public classes on `window.CozeChatElements`.
 */
import * as api from './index.js';

declare global {
  interface Window {
    CozeChatElements?: typeof api;
  }
}

window.CozeChatElements ??= api;
