import type {CozeChat} from '../elements/coze-chat/coze-chat.js';
import type {WebChatClientOptions} from './types.js';

/** The `<coze-chat>` properties the official options map onto (API.md §2). */
export type ChatPropertyName =
  | 'type'
  | 'botId'
  | 'appId'
  | 'workflowId'
  | 'appVersion'
  | 'parameters'
  | 'token'
  | 'onRefreshToken'
  | 'apiBase'
  | 'connectorId'
  | 'userId'
  | 'userAvatar'
  | 'userNickname'
  | 'icon'
  | 'layout'
  | 'lang'
  | 'zIndex'
  | 'mode'
  | 'noLauncher'
  | 'noHeader'
  | 'noClose'
  | 'noFooter'
  | 'footerText'
  | 'footerLinks'
  | 'chatTitle'
  | 'noUpload'
  | 'width'
  | 'noAudio'
  | 'noFunctionCalls'
  | 'newConversation'
  | 'quote'
  | 'noClearContext'
  | 'feedback'
  | 'feedbackPanel'
  | 'onShow'
  | 'onHide'
  | 'onBeforeShow'
  | 'onBeforeHide'
  | 'conversations';

export type ChatProperties = Partial<Pick<CozeChat, ChatPropertyName>>;

/** What `toChatSettings` makes of an official options object. */
export interface ChatSettings {
  /** Property values for `<coze-chat>`; only the options that were given (and valid) appear. */
  properties: ChatProperties;
  /**
   * Where the element goes: `el` (from `ui.chatBot.el`) with `inline: true`, else
   * `legacyEl` (the legacy top-level `el`, floating), else `document.body`.
   */
  mount: {el?: HTMLElement; inline: boolean; legacyEl?: HTMLElement};
  /** One sentence per problem, each starting with the option's path; never a value that could be a secret. */
  errors: string[];
  /** True when the options cannot work at all (no usable auth, no `config`): nothing should be mounted. */
  rejected: boolean;
}

type Path = string;
/** An option as found: where it was read from and its value. */
type Found = readonly [path: Path, value: unknown];
type Bag = Record<string, unknown>;

const isRecord = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An element node, recognised without touching DOM globals. */
const isElement = (v: unknown): v is HTMLElement => isRecord(v) && v.nodeType === 1;

/** "a string", "an object", "an array", "null": what a wrong value was, without echoing it. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  const t = typeof v;
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

/**
 * Maps the official Chat SDK options onto `<coze-chat>` properties. Pure: reads
 * `options` and touches nothing else. Unknown keys are ignored; a value of the
 * wrong type is left out and described in `errors`.
 */
export function toChatSettings(options: WebChatClientOptions): ChatSettings {
  const errors: string[] = [];
  const properties: ChatProperties = {};
  const mount: ChatSettings['mount'] = {inline: false};
  let rejected = false;

  const wrong = (path: Path, expected: string, value: unknown) =>
    errors.push(`${path}: expected ${expected}, got ${kindOf(value)}; ignored.`);

  /** An object-valued section; a missing one is empty, a wrong one is reported and empty. */
  const section = (path: Path, value: unknown): Bag => {
    if (value === undefined || value === null) return {};
    if (isRecord(value)) return value;
    wrong(path, 'an object', value);
    return {};
  };

  /** The first candidate that is set (legacy keys come after the current ones). */
  const first = (...candidates: Found[]): Found | undefined =>
    candidates.find(([, v]) => v !== undefined);

  const string = (found: Found | undefined): string | undefined => {
    if (!found) return undefined;
    const [path, v] = found;
    if (typeof v === 'string') return v;
    wrong(path, 'a string', v);
    return undefined;
  };

  const boolean = (found: Found | undefined): boolean | undefined => {
    if (!found) return undefined;
    const [path, v] = found;
    if (typeof v === 'boolean') return v;
    wrong(path, 'true or false', v);
    return undefined;
  };

  const func = <F>(found: Found | undefined): F | undefined => {
    if (!found) return undefined;
    const [path, v] = found;
    if (typeof v === 'function') return v as F;
    wrong(path, 'a function', v);
    return undefined;
  };

  const oneOf = <T extends string>(
    found: Found | undefined,
    allowed: readonly T[]
  ): T | undefined => {
    const v = string(found);
    if (v === undefined) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    errors.push(`${found![0]}: must be ${allowed.map((a) => `'${a}'`).join(' or ')}; ignored.`);
    return undefined;
  };

  /** An id: a string, or a number small enough to be exact (Coze's 19-digit ids are not). */
  const id = (found: Found | undefined): string | undefined => {
    if (!found) return undefined;
    const [path, v] = found;
    if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
    if (typeof v === 'number' && Number.isInteger(v)) {
      errors.push(`${path}: write the id as a string; as a number it has lost digits. Ignored.`);
      return undefined;
    }
    return string(found);
  };

  const set = <K extends ChatPropertyName>(name: K, value: ChatProperties[K] | undefined) => {
    if (value !== undefined) properties[name] = value;
  };
  /** `isNeed…: false` → `no…: true` (and `true` → `false`, so an explicit opt-in is kept). */
  const setOff = (name: ChatPropertyName, value: boolean | undefined) => {
    if (value !== undefined) (properties as Record<string, unknown>)[name] = !value;
  };

  if (!isRecord(options)) {
    return {
      properties,
      mount,
      errors: [
        `options: expected an object like {config: {botId}, auth: {type: 'token', token}}, got ${kindOf(options)}.`,
      ],
      rejected: true,
    };
  }
  const o = options as unknown as Bag;

  // config: what to chat with.
  if (!isRecord(o.config)) {
    errors.push(
      `config: is required, e.g. config: {type: 'bot', botId: '…'}; got ${kindOf(o.config)}.`
    );
    rejected = true;
  }
  const config = section('config', o.config);
  const botInfo = section('config.botInfo', config.botInfo);
  const appInfo = section('config.appInfo', config.appInfo);
  const type = oneOf(first(['config.type', config.type]), ['bot', 'app'] as const);
  set('type', type);

  let botId: string | undefined;
  for (const candidate of [
    ['config.botInfo.botId', botInfo.botId],
    ['config.botId', config.botId],
    ['config.bot_id', config.bot_id],
  ] as const) {
    if (candidate[1] === undefined) continue;
    botId = id(candidate);
    if (botId) break;
  }
  set('botId', botId);
  set('appId', id(first(['config.appInfo.appId', appInfo.appId])));
  set('workflowId', id(first(['config.appInfo.workflowId', appInfo.workflowId])));
  set('appVersion', string(first(['config.appInfo.version', appInfo.version])));
  if (isRecord(o.config)) {
    if (type === 'app' && !(properties.appId && properties.workflowId)) {
      errors.push(`config.appInfo: appId and workflowId are required when config.type is 'app'.`);
    } else if (type !== 'app' && !botId) {
      errors.push(
        `config.botId: is required (or config.botInfo.botId), e.g. config: {type: 'bot', botId: '…'}.`
      );
    }
  }

  // The start-node inputs of the chatflow being run.
  const parameterSources: Found[] = [
    ['config.botInfo.parameters', botInfo.parameters],
    ['config.appInfo.parameters', appInfo.parameters],
  ];
  if (type === 'app') parameterSources.reverse();
  const parameters = first(...parameterSources);
  if (parameters) {
    if (isRecord(parameters[1])) properties.parameters = parameters[1];
    else wrong(parameters[0], 'an object', parameters[1]);
  }
  // config.isIframe: accepted and ignored (the shadow DOM already isolates the widget).
  set('apiBase', string(first(['config.apiBase', config.apiBase])));

  // auth: only tokens; Coze's OpenAPI has no anonymous access.
  const auth = section('auth', o.auth);
  const fix = `Set auth: {type: 'token', token, onRefreshToken} (mint short-lived tokens on your server).`;
  const token = string(first(['auth.token', auth.token]));
  const onRefreshToken = func<ChatProperties['onRefreshToken']>(
    first(['auth.onRefreshToken', auth.onRefreshToken])
  );
  if (auth.type !== undefined && auth.type !== 'token') {
    const named =
      typeof auth.type === 'string' && /^\w{1,20}$/.test(auth.type) ? ` '${auth.type}'` : '';
    errors.push(`auth.type${named} is not supported: Coze's OpenAPI needs a token. ${fix}`);
    rejected = true;
  } else if (!token && !onRefreshToken) {
    errors.push(`auth: a token is required: Coze's OpenAPI has no anonymous access. ${fix}`);
    rejected = true;
  }
  set('token', token);
  set('onRefreshToken', onRefreshToken);
  set(
    'connectorId',
    id(first(['config.connectorId', config.connectorId], ['auth.connectorId', auth.connectorId]))
  );

  // userInfo: who is chatting.
  const user = section('userInfo', o.userInfo);
  set('userId', id(first(['userInfo.id', user.id])));
  set('userAvatar', string(first(['userInfo.url', user.url])));
  set('userNickname', string(first(['userInfo.nickname', user.nickname])));

  // ui, with the legacy componentProps underneath.
  const ui = section('ui', o.ui);
  const legacy = section('componentProps', o.componentProps);
  const base = section('ui.base', ui.base);
  const chatBot = section('ui.chatBot', ui.chatBot);
  /** `ui.<section>.<key>`, else `componentProps.<key>`. */
  const withLegacy = (bag: Bag, path: Path, key: string, legacyKey = key) =>
    first([`${path}.${key}`, bag[key]], [`componentProps.${legacyKey}`, legacy[legacyKey]]);

  set('icon', string(withLegacy(base, 'ui.base', 'icon')));
  set('layout', oneOf(withLegacy(base, 'ui.base', 'layout'), ['pc', 'mobile'] as const));
  const lang = withLegacy(base, 'ui.base', 'lang');
  const langValue = string(lang);
  if (langValue !== undefined) {
    if (/^(en|zh)(-|$)/i.test(langValue)) properties.lang = langValue;
    else errors.push(`${lang![0]}: must be 'en' or 'zh-CN'; ignored.`);
  }
  const zIndex = withLegacy(base, 'ui.base', 'zIndex');
  if (zIndex) {
    if (Number.isInteger(zIndex[1])) properties.zIndex = zIndex[1] as number;
    else wrong(zIndex[0], 'an integer', zIndex[1]);
  }

  setOff(
    'noLauncher',
    boolean(first(['ui.asstBtn.isNeed', section('ui.asstBtn', ui.asstBtn).isNeed]))
  );

  const header = section('ui.header', ui.header);
  setOff('noHeader', boolean(first(['ui.header.isShow', header.isShow])));
  setOff('noClose', boolean(first(['ui.header.isNeedClose', header.isNeedClose])));

  const footer = section('ui.footer', ui.footer);
  setOff('noFooter', boolean(first(['ui.footer.isShow', footer.isShow])));
  set('footerText', string(first(['ui.footer.expressionText', footer.expressionText])));
  if (footer.linkvars !== undefined) {
    const links: NonNullable<ChatProperties['footerLinks']> = {};
    for (const [name, entry] of Object.entries(section('ui.footer.linkvars', footer.linkvars))) {
      const path = `ui.footer.linkvars.${name}`;
      if (!isRecord(entry) || typeof entry.text !== 'string') {
        wrong(path, '{text, link}', isRecord(entry) ? entry.text : entry);
      } else if (entry.link !== undefined && typeof entry.link !== 'string') {
        wrong(`${path}.link`, 'a string', entry.link);
      } else {
        links[name] =
          entry.link === undefined ? {text: entry.text} : {text: entry.text, link: entry.link};
      }
    }
    properties.footerLinks = links;
  }

  set('chatTitle', string(withLegacy(chatBot, 'ui.chatBot', 'title')));
  setOff('noUpload', boolean(withLegacy(chatBot, 'ui.chatBot', 'uploadable')));
  const width = withLegacy(chatBot, 'ui.chatBot', 'width');
  if (width) {
    const w = width[1];
    if (typeof w === 'number' && Number.isFinite(w) && w > 0) properties.width = w;
    else wrong(width[0], 'a positive number of pixels', w);
  }
  if (chatBot.el !== undefined) {
    if (isElement(chatBot.el)) {
      mount.el = chatBot.el;
      mount.inline = true;
      properties.mode = 'inline';
    } else {
      wrong('ui.chatBot.el', 'an element', chatBot.el);
    }
  }
  setOff('noAudio', boolean(first(['ui.chatBot.isNeedAudio', chatBot.isNeedAudio])));
  setOff(
    'noFunctionCalls',
    boolean(first(['ui.chatBot.isNeedFunctionCallMessage', chatBot.isNeedFunctionCallMessage]))
  );
  set(
    'newConversation',
    boolean(first(['ui.chatBot.isNeedAddNewConversation', chatBot.isNeedAddNewConversation]))
  );
  set('quote', boolean(first(['ui.chatBot.isNeedQuote', chatBot.isNeedQuote])));
  setOff(
    'noClearContext',
    boolean(first(['ui.chatBot.isNeedClearContext', chatBot.isNeedClearContext]))
  );

  const feedback = section('ui.chatBot.feedback', chatBot.feedback);
  set('feedback', boolean(first(['ui.chatBot.feedback.isNeedFeedback', feedback.isNeedFeedback])));
  if (feedback.feedbackPanel !== undefined) {
    const panelPath = 'ui.chatBot.feedback.feedbackPanel';
    const panel = section(panelPath, feedback.feedbackPanel);
    const result: NonNullable<ChatProperties['feedbackPanel']> = {};
    const title = string(first([`${panelPath}.title`, panel.title]));
    const placeholder = string(first([`${panelPath}.placeholder`, panel.placeholder]));
    if (title !== undefined) result.title = title;
    if (placeholder !== undefined) result.placeholder = placeholder;
    if (panel.tags !== undefined) {
      if (Array.isArray(panel.tags)) {
        result.tags = [];
        for (const [i, tag] of panel.tags.entries()) {
          const path = `${panelPath}.tags[${i}]`;
          if (!isRecord(tag) || typeof tag.label !== 'string') {
            wrong(path, '{label, isNeedDetail}', isRecord(tag) ? tag.label : tag);
            continue;
          }
          const detail = boolean(first([`${path}.isNeedDetail`, tag.isNeedDetail]));
          result.tags.push(
            detail === undefined ? {label: tag.label} : {label: tag.label, isNeedDetail: detail}
          );
        }
      } else {
        wrong(`${panelPath}.tags`, 'an array', panel.tags);
      }
    }
    properties.feedbackPanel = result;
  }

  set('onShow', func<ChatProperties['onShow']>(first(['ui.chatBot.onShow', chatBot.onShow])));
  set('onHide', func<ChatProperties['onHide']>(first(['ui.chatBot.onHide', chatBot.onHide])));
  set(
    'onBeforeShow',
    func<ChatProperties['onBeforeShow']>(first(['ui.chatBot.onBeforeShow', chatBot.onBeforeShow]))
  );
  set(
    'onBeforeHide',
    func<ChatProperties['onBeforeHide']>(first(['ui.chatBot.onBeforeHide', chatBot.onBeforeHide]))
  );

  set(
    'conversations',
    boolean(
      first(['ui.conversations.isNeed', section('ui.conversations', ui.conversations).isNeed])
    )
  );

  // Legacy top-level el: the floating widget lives inside it instead of <body>.
  if (o.el !== undefined) {
    if (isElement(o.el)) mount.legacyEl = o.el;
    else wrong('el', 'an element', o.el);
  }

  return {properties, mount, errors, rejected};
}
