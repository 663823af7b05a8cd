import type {Lang, Strings} from '../i18n/index.js';

/** Display settings shared by the parts of one `<coze-chat>`. */
export interface UiConfig {
  readonly lang: Lang;
  readonly strings: Strings;
  /** Title shown for the bot: `chat-title`, else the bot's name. */
  readonly botName: string;
  readonly botIcon?: string;
  readonly userAvatar?: string;
  readonly userNickname?: string;
}
