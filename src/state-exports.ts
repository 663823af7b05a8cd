/**
 * The state layer's public face, exported by both entries (`index.ts` and the CDN's `cdn.ts`):
 * the three contexts a custom part consumes and the types of what they carry.
 */
export {chatActionsContext, chatStateContext, chatUiContext} from './state/context.js';
export type {
  ChatActions,
  ChatError,
  ChatMessage,
  ChatSnapshot,
  MessageStatus,
} from './state/types.js';
export type {UiConfig} from './state/ui-config.js';
export type {Lang, Strings} from './i18n/index.js';
