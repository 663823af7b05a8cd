/** The element classes, without registering them (see `define.ts`). */
export {CozeChat, type ChatMode, type VisibilityHook} from './coze-chat/coze-chat.js';
export {CozeLauncher, type LauncherTarget} from './coze-launcher/coze-launcher.js';
export {CozeMessageList} from './coze-message-list/coze-message-list.js';
export {CozeComposer} from './coze-composer/coze-composer.js';
export {CozeConversationList} from './coze-conversation-list/coze-conversation-list.js';
