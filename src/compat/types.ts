/**
 * The options object of the official Coze Chat SDK
 * (`new CozeWebSDK.WebChatClient(options)`), as documented by Coze, plus the
 * legacy pre-1.0 keys and this package's two additions (`config.apiBase`,
 * `config.connectorId`). Every field is optional except `config`; keys that
 * are not listed here are accepted and ignored.
 */
export interface WebChatClientOptions {
  /** What to chat with: a bot or an app's chatflow. */
  config: WebChatClientConfig;
  /** How to authenticate. Only `type: 'token'` works: Coze's OpenAPI needs a token. */
  auth?: WebChatClientAuth;
  /** The end user: `id` is sent as `user_id`; `url` and `nickname` are shown on their messages. */
  userInfo?: WebChatClientUserInfo;
  /** Look and features. */
  ui?: WebChatClientUi;
  /** @deprecated Pre-1.0 options; merged under `ui.base` / `ui.chatBot` (the `ui` values win). */
  componentProps?: WebChatClientComponentProps;
  /** @deprecated Pre-1.0: the element the floating widget is put into instead of `document.body`. */
  el?: HTMLElement;
}

export interface WebChatClientConfig {
  /** `'bot'` (default) or `'app'`. */
  type?: 'bot' | 'app';
  /** Bot id; `botInfo.botId` takes precedence, then `botId`, then `bot_id`. */
  botId?: string;
  /** Bot id (the older spelling). */
  bot_id?: string;
  botInfo?: {
    botId?: string;
    /** Start-node inputs of a chatflow-mode bot, sent as `parameters`. */
    parameters?: Record<string, unknown>;
  };
  appInfo?: {
    appId?: string;
    workflowId?: string;
    version?: string;
    /** Start-node inputs of the chatflow, sent as `parameters`. */
    parameters?: Record<string, unknown>;
  };
  /** Accepted and ignored: the widget's shadow DOM already isolates it from the page. */
  isIframe?: boolean;
  /** Addition: the Coze OpenAPI base URL (default `https://api.coze.cn`). */
  apiBase?: string;
  /** Addition: the channel id sent to Coze (default `999`, the Chat SDK channel). */
  connectorId?: string;
}

export interface WebChatClientAuth {
  /** `'token'`; implied when a token or `onRefreshToken` is given. */
  type?: 'token' | 'unauth' | (string & {});
  /** The access token. */
  token?: string;
  /** Returns a fresh token when none is set or the current one is rejected. */
  onRefreshToken?: (oldToken?: string) => string | Promise<string>;
  /** The channel id sent to Coze (default `999`). */
  connectorId?: string;
}

export interface WebChatClientUserInfo {
  id?: string;
  /** Avatar URL. */
  url?: string;
  nickname?: string;
}

export interface WebChatClientUi {
  base?: {
    icon?: string;
    layout?: 'pc' | 'mobile';
    lang?: 'en' | 'zh-CN' | (string & {});
    zIndex?: number;
  };
  /** The floating button. */
  asstBtn?: {isNeed?: boolean};
  header?: {isShow?: boolean; isNeedClose?: boolean};
  footer?: {
    isShow?: boolean;
    /** Text with `{{name}}` placeholders filled from `linkvars`. */
    expressionText?: string;
    linkvars?: Record<string, {text: string; link?: string}>;
  };
  chatBot?: WebChatClientChatBot;
  conversations?: {isNeed?: boolean};
}

export interface WebChatClientChatBot {
  title?: string;
  uploadable?: boolean;
  /** Panel width in px (PC layout, floating). */
  width?: number;
  /** Where the panel goes; it fills this element and is always shown. */
  el?: HTMLElement;
  isNeedAudio?: boolean;
  isNeedFunctionCallMessage?: boolean;
  isNeedAddNewConversation?: boolean;
  isNeedQuote?: boolean;
  isNeedClearContext?: boolean;
  feedback?: {
    isNeedFeedback?: boolean;
    feedbackPanel?: {
      title?: string;
      placeholder?: string;
      tags?: Array<{label: string; isNeedDetail?: boolean}>;
    };
  };
  onShow?: () => void;
  onHide?: () => void;
  /** Return `false` (or a Promise of it) to keep the panel closed. */
  onBeforeShow?: () => boolean | void | Promise<boolean | void>;
  /** Return `false` (or a Promise of it) to keep the panel open. */
  onBeforeHide?: () => boolean | void | Promise<boolean | void>;
}

export interface WebChatClientComponentProps {
  title?: string;
  icon?: string;
  lang?: string;
  layout?: 'pc' | 'mobile';
  width?: number;
  zIndex?: number;
  uploadable?: boolean;
}
