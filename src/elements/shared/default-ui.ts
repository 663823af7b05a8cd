import {en} from '../../i18n/en.js';
import {DEFAULT_IMAGE_HOSTS} from '../../markdown/image-hosts.js';
import {defaultFeatures, type UiConfig} from '../../state/ui-config.js';

/** What a part shows before (or without) a `<coze-chat>` around it. */
export const defaultUi: UiConfig = {
  lang: 'en',
  strings: en,
  botName: en.botName,
  features: defaultFeatures,
  imageHosts: DEFAULT_IMAGE_HOSTS,
  feedbackPanel: {},
};
