import {createContext} from '@lit/context';
import type {ChatActions, ChatSnapshot} from './types.js';
import type {UiConfig} from './ui-config.js';

/** The conversation snapshot; a new object on every change. */
export const chatStateContext = createContext<ChatSnapshot>(Symbol('coze-chat-state'));

/** The stable actions object; the same object for the life of a `<coze-chat>`. */
export const chatActionsContext = createContext<ChatActions>(Symbol('coze-chat-actions'));

/** Display settings (strings, avatars, feature switches); a new object when one changes. */
export const chatUiContext = createContext<UiConfig>(Symbol('coze-chat-ui'));
