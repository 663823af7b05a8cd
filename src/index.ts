/**
 * coze-chat-elements: importing this module registers `<coze-chat>`,
 * `<coze-launcher>`, `<coze-message-list>` and `<coze-composer>`.
 */
import './define.js';

export * from './elements/index.js';
export * from './events/index.js';
export type {
  ChatActions,
  ChatError,
  ChatMessage,
  ChatSnapshot,
  MessageStatus,
} from './state/types.js';
export {chatActionsContext, chatStateContext, chatUiContext} from './state/context.js';
export type {UiConfig} from './state/ui-config.js';
export type {Lang, Strings} from './i18n/index.js';
export type {TokenProvider} from './api/auth.js';
export {ChatBusyError} from './state/errors.js';
export {WebChatClient, type WebChatClientOptions} from './compat/index.js';
