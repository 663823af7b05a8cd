/** The `CozeWebSDK.WebChatClient` facade: the official Chat SDK's options object, on `<coze-chat>`. */
export {WebChatClient} from './web-chat-client.js';
export {toChatSettings, type ChatProperties, type ChatSettings} from './options.js';
export type * from './types.js';
