import type {CozeChat} from '../elements/coze-chat/coze-chat.js';
import type {WebChatClientOptions} from './types.js';
import {isRecord} from '../api/json.js';

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
  | 'newConversationButton'
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

type Bag = Record<string, unknown>;
/** Describes a wrong value at `path`; returns `undefined`, so a reader can `return report(…)`. */
type Report = (path: string, expected: string, value: unknown) => undefined;
/** Validates (and converts) one option value; `undefined` means "leave the property alone". */
type Read = (value: unknown, path: string, report: Report) => unknown;

const check =
  (expected: string, test: (v: unknown) => boolean, convert = (v: unknown): unknown => v): Read =>
  (v, path, report) =>
    test(v) ? convert(v) : report(path, expected, v);

const text = check('a string', (v) => typeof v === 'string');
const flag = check('true or false', (v) => typeof v === 'boolean');
/** `isNeed…: false` → `no…: true` (and `true` → `false`, so an explicit opt-in is kept). */
const off = check(
  'true or false',
  (v) => typeof v === 'boolean',
  (v) => !v
);
const fn = check('a function', (v) => typeof v === 'function');
const object = check('an object', isRecord);
/** An element node, recognised without touching DOM globals. */
const element = check('an element', (v) => isRecord(v) && v.nodeType === 1);
/** Ids are strings; a small integer is fine, but Coze's 19-digit ids lose digits as numbers. */
const id = check(
  'a string (a 19-digit id loses digits as a number)',
  (v) => typeof v === 'string' || Number.isSafeInteger(v),
  String
);
const oneOf = (...allowed: string[]) =>
  check(allowed.map((a) => `'${a}'`).join(' or '), (v) => allowed.includes(v as string));
const lang = check("'en' or 'zh-CN'", (v) => typeof v === 'string' && /^(en|zh)(-|$)/i.test(v));

/** `{name: {text, link?}}`; a bad entry is reported and dropped, the rest kept. */
const links: Read = (v, path, report) => {
  if (!isRecord(v)) return report(path, 'an object', v);
  const out: Bag = {};
  for (const [name, e] of Object.entries(v)) {
    if (
      isRecord(e) &&
      typeof e.text === 'string' &&
      (e.link === undefined || typeof e.link === 'string')
    ) {
      out[name] = e.link === undefined ? {text: e.text} : {text: e.text, link: e.link};
    } else {
      report(`${path}.${name}`, '{text, link}', e);
    }
  }
  return out;
};

/** `{title, placeholder, tags: [{label, isNeedDetail}]}`; bad parts are reported and dropped. */
const panel: Read = (v, path, report) => {
  if (!isRecord(v)) return report(path, 'an object', v);
  const out: Bag = {};
  for (const key of ['title', 'placeholder']) {
    const value = v[key] === undefined ? undefined : text(v[key], `${path}.${key}`, report);
    if (value !== undefined) out[key] = value;
  }
  if (v.tags !== undefined) {
    const tags: Bag[] = [];
    if (Array.isArray(v.tags)) out.tags = tags;
    else report(`${path}.tags`, 'an array', v.tags);
    for (const [i, t] of (Array.isArray(v.tags) ? v.tags : []).entries()) {
      if (
        isRecord(t) &&
        typeof t.label === 'string' &&
        [undefined, true, false].includes(t.isNeedDetail as boolean)
      ) {
        tags.push(
          t.isNeedDetail === undefined
            ? {label: t.label}
            : {label: t.label, isNeedDetail: t.isNeedDetail}
        );
      } else {
        report(`${path}.tags[${i}]`, '{label, isNeedDetail}', t);
      }
    }
  }
  return out;
};

/**
 * Official option paths (alternatives separated by spaces, the first one set
 * wins; legacy `componentProps` come last) → property → reader. The bot's background picture,
 * default input type and shortcut commands come from its profile, as in the official widget;
 * `noBackground`, `noShortcuts`, `readonly`, `placeholder` and `defaultText` have no official
 * key and are not invented here (set them on `client.element`).
 */
const table: Array<[paths: string, property: ChatPropertyName, read: Read]> = [
  ['config.type', 'type', oneOf('bot', 'app')],
  ['config.botInfo.botId config.botId config.bot_id', 'botId', id],
  ['config.appInfo.appId', 'appId', id],
  ['config.appInfo.workflowId', 'workflowId', id],
  ['config.appInfo.version', 'appVersion', text],
  ['config.apiBase', 'apiBase', text],
  ['config.connectorId auth.connectorId', 'connectorId', id],
  ['auth.token', 'token', text],
  ['auth.onRefreshToken', 'onRefreshToken', fn],
  ['userInfo.id', 'userId', id],
  ['userInfo.url', 'userAvatar', text],
  ['userInfo.nickname', 'userNickname', text],
  ['ui.base.icon componentProps.icon', 'icon', text],
  ['ui.base.layout componentProps.layout', 'layout', oneOf('pc', 'mobile')],
  ['ui.base.lang componentProps.lang', 'lang', lang],
  ['ui.base.zIndex componentProps.zIndex', 'zIndex', check('an integer', Number.isInteger)],
  ['ui.asstBtn.isNeed', 'noLauncher', off],
  ['ui.header.isShow', 'noHeader', off],
  ['ui.header.isNeedClose', 'noClose', off],
  ['ui.footer.isShow', 'noFooter', off],
  ['ui.footer.expressionText', 'footerText', text],
  ['ui.footer.linkvars', 'footerLinks', links],
  ['ui.chatBot.title componentProps.title', 'chatTitle', text],
  ['ui.chatBot.uploadable componentProps.uploadable', 'noUpload', off],
  [
    'ui.chatBot.width componentProps.width',
    'width',
    check('a positive number of pixels', (v) => typeof v === 'number' && v > 0 && v < Infinity),
  ],
  ['ui.chatBot.isNeedAudio', 'noAudio', off],
  ['ui.chatBot.isNeedFunctionCallMessage', 'noFunctionCalls', off],
  ['ui.chatBot.isNeedAddNewConversation', 'newConversationButton', flag],
  ['ui.chatBot.isNeedQuote', 'quote', flag],
  ['ui.chatBot.isNeedClearContext', 'noClearContext', off],
  ['ui.chatBot.feedback.isNeedFeedback', 'feedback', flag],
  ['ui.chatBot.feedback.feedbackPanel', 'feedbackPanel', panel],
  ['ui.chatBot.onShow', 'onShow', fn],
  ['ui.chatBot.onHide', 'onHide', fn],
  ['ui.chatBot.onBeforeShow', 'onBeforeShow', fn],
  ['ui.chatBot.onBeforeHide', 'onBeforeHide', fn],
  ['ui.conversations.isNeed', 'conversations', flag],
];

/** "a string", "an object", "an array", "null": what a wrong value was, without echoing it. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  const t = typeof v;
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

/**
 * Maps the official Chat SDK options onto `<coze-chat>` properties. Pure: reads
 * `options` and touches nothing else. Unknown keys (and `config.isIframe`) are
 * ignored; a value of the wrong type is left out and described in `errors`.
 */
export function toChatSettings(options: WebChatClientOptions): ChatSettings {
  const errors: string[] = [];
  const properties: Bag = {};
  const mount: ChatSettings['mount'] = {inline: false};
  const o: unknown = options;
  if (!isRecord(o)) {
    const example = `{config: {type: 'bot', botId: '…'}, auth: {type: 'token', token}}`;
    return {
      properties: {},
      mount,
      errors: [`options: expected an object like ${example}.`],
      rejected: true,
    };
  }
  let rejected = !isRecord(o.config);

  const report: Report = (path, expected, v) => {
    // A wrong string for a list of allowed strings is "another value", not "a string".
    const got = typeof v === 'string' && expected.startsWith("'") ? 'another value' : kindOf(v);
    errors.push(`${path}: expected ${expected}, got ${got}; ignored.`);
    return undefined;
  };

  /** The value at a dotted path; a section of the wrong type is reported once and reads as absent. */
  const sections = new Set<string>();
  const at = (path: string): unknown => {
    let value: unknown = o;
    const keys = path.split('.');
    for (const [i, key] of keys.entries()) {
      if (value === undefined || value === null) return undefined;
      if (!isRecord(value)) {
        const section = keys.slice(0, i).join('.');
        if (!sections.has(section)) report(section, 'an object', value);
        sections.add(section);
        return undefined;
      }
      value = value[key];
    }
    return value;
  };

  /** Reads the first of `paths` that is set; returns the converted value, or `undefined`. */
  const read = (paths: string, convert: Read): unknown => {
    for (const path of paths.split(' ')) {
      const value = at(path);
      if (value !== undefined) return convert(value, path, report);
    }
    return undefined;
  };
  const take = (paths: string, property: ChatPropertyName, convert: Read) => {
    const value = read(paths, convert);
    if (value !== undefined) properties[property] = value;
  };

  if (rejected) errors.push(`config: is required, e.g. config: {type: 'bot', botId: '…'}.`);
  for (const [paths, property, convert] of table) take(paths, property, convert);

  // The start-node inputs of the chatflow in use.
  const app = properties.type === 'app';
  take(
    app
      ? 'config.appInfo.parameters config.botInfo.parameters'
      : 'config.botInfo.parameters config.appInfo.parameters',
    'parameters',
    object
  );
  if (!rejected && app && !(properties.appId && properties.workflowId)) {
    errors.push(`config.appInfo: appId and workflowId are required when config.type is 'app'.`);
  } else if (!rejected && !app && !properties.botId) {
    errors.push(
      `config.botId: is required (or config.botInfo.botId), e.g. config: {type: 'bot', botId: '…'}.`
    );
  }

  // Only tokens: Coze's OpenAPI has no anonymous access.
  const type = at('auth.type');
  const fix = `Set auth: {type: 'token', token, onRefreshToken} (mint short-lived tokens on your server).`;
  if (type !== undefined && type !== 'token') {
    const named = typeof type === 'string' && /^\w{1,20}$/.test(type) ? ` '${type}'` : '';
    errors.push(`auth.type${named} is not supported: Coze's OpenAPI needs a token. ${fix}`);
    rejected = true;
  } else if (!properties.token && !properties.onRefreshToken) {
    errors.push(`auth: a token is required: Coze's OpenAPI has no anonymous access. ${fix}`);
    rejected = true;
  }

  // Where the widget goes: inline in ui.chatBot.el, or floating inside the legacy el.
  const el = read('ui.chatBot.el', element) as HTMLElement | undefined;
  if (el) {
    mount.el = el;
    mount.inline = true;
    properties.mode = 'inline';
  }
  const legacyEl = read('el', element) as HTMLElement | undefined;
  if (legacyEl) mount.legacyEl = legacyEl;

  return {properties: properties as ChatProperties, mount, errors, rejected};
}
