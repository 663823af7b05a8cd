import type {BackgroundImage} from '../api/types.js';
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
  /** Which conversation features are on (from `<coze-chat>`'s options). */
  readonly features: Features;
  /** Hosts an answer's images load from without a click (see `image-hosts`). */
  readonly imageHosts: readonly string[];
  /** The input's placeholder, instead of the language's. */
  readonly placeholder?: string;
  /** Text the input starts with. */
  readonly defaultText?: string;
  /** The bot's background picture for the layout in use (none with `no-background`). */
  readonly background?: BackgroundImage;
  /** The card shown after "unlike". */
  readonly feedbackPanel: {
    readonly title?: string;
    readonly placeholder?: string;
    readonly tags?: readonly {readonly label: string; readonly isNeedDetail?: boolean}[];
  };
}

export interface Features {
  readonly upload: boolean;
  readonly audio: boolean;
  readonly functionCalls: boolean;
  readonly quote: boolean;
  readonly feedback: boolean;
  readonly clearContext: boolean;
  readonly newConversation: boolean;
  readonly conversations: boolean;
  /** The bot's shortcut commands above the input. */
  readonly shortcuts: boolean;
  /** `readonly`: the transcript is for reading and copying; nothing in it asks or sends. */
  readonly readOnly: boolean;
}

export const defaultFeatures: Features = {
  upload: true,
  audio: true,
  functionCalls: true,
  quote: false,
  feedback: false,
  clearContext: true,
  newConversation: false,
  conversations: false,
  shortcuts: true,
  readOnly: false,
};
