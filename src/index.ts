/**
 * coze-chat-elements: importing this module registers `<coze-chat>`,
 * `<coze-launcher>`, `<coze-message-list>` and `<coze-composer>`.
 */
import './define.js';

export * from './elements/index.js';
export * from './events/index.js';
export * from './state-exports.js';
export type {TokenProvider} from './api/auth.js';
export {ChatBusyError} from './state/errors.js';
export {WebChatClient, type WebChatClientOptions} from './compat/index.js';
