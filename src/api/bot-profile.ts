/**
 * The parts of a bot's profile (`GET /v1/bots/{bot_id}`) beyond its name and
 * onboarding: shortcut commands, background images and the default input
 * type. Read once here, where the wire data enters; pure, no DOM.
 */
import {isRecord, record, str} from './json.js';

/** One parameter ("component") of a shortcut command. */
export interface ShortcutParameter {
  /** The key in `shortcut_command.parameters` and the `{{name}}` in the query template. */
  readonly name: string;
  readonly description?: string;
  readonly defaultValue?: string;
  /** `text` (typed), `select` (one of `options`) or `file` (an upload; `options` names the kinds). */
  readonly type: 'text' | 'select' | 'file';
  readonly options: readonly string[];
  /** Hidden parameters are not asked for; their default is sent. */
  readonly hidden: boolean;
}

/** A shortcut command the bot offers (`shortcut_commands[]`). */
export interface ShortcutCommand {
  readonly id: string;
  /** The button's label. */
  readonly name: string;
  /** The command as typed, e.g. `/translate`. */
  readonly command: string;
  readonly description?: string;
  /** The question it asks, with `{{name}}` for each parameter. */
  readonly queryTemplate?: string;
  readonly iconUrl?: string;
  /** `query` sends at once; `panel` asks for its parameters first. */
  readonly sendType: 'query' | 'panel';
  readonly parameters: readonly ShortcutParameter[];
}

/** A background image and the colour it was designed with. */
export interface BackgroundImage {
  readonly url: string;
  readonly themeColor?: string;
}

/** The bot's backgrounds for wide (web) and narrow (mobile) layouts. */
export interface BotBackground {
  readonly web?: BackgroundImage;
  readonly mobile?: BackgroundImage;
}

/** How the reader answers by default: typing, speaking, or a voice call. */
export type InputType = 'text' | 'voice' | 'call';

/** What of the profile the widget uses besides name, icon and onboarding. */
export interface ProfileExtras {
  shortcuts?: readonly ShortcutCommand[];
  background?: BotBackground;
  defaultInputType?: InputType;
}

const parameterTypes = new Set(['text', 'select', 'file']);
const inputTypes = new Set<string>(['text', 'voice', 'call']);

function parameter(raw: unknown): ShortcutParameter | undefined {
  if (!isRecord(raw)) return undefined;
  const name = str(raw.name);
  if (!name) return undefined;
  const type = str(raw.type);
  const description = str(raw.description);
  const defaultValue = str(raw.default_value);
  return {
    name,
    type: type && parameterTypes.has(type) ? (type as ShortcutParameter['type']) : 'text',
    options: Array.isArray(raw.options)
      ? raw.options.filter((o): o is string => typeof o === 'string' && o !== '')
      : [],
    hidden: raw.is_hide === true,
    ...(description ? {description} : {}),
    ...(defaultValue ? {defaultValue} : {}),
  };
}

function command(raw: unknown): ShortcutCommand | undefined {
  if (!isRecord(raw)) return undefined;
  const id = str(raw.id) ?? (typeof raw.id === 'number' ? String(raw.id) : undefined);
  const name = str(raw.name) ?? str(raw.command);
  if (!id || !name) return undefined;
  const parameters = (Array.isArray(raw.components) ? raw.components : [])
    .map(parameter)
    .filter((p): p is ShortcutParameter => Boolean(p));
  const sendType = str(raw.send_type);
  const asks = parameters.some((p) => !p.hidden);
  const description = str(raw.description);
  const queryTemplate = str(raw.query_template);
  const iconUrl = str(raw.icon_url);
  return {
    id,
    name,
    command: str(raw.command) ?? '',
    // Profiles without `send_type` ask only when there is something to ask.
    sendType: sendType === 'query' || (sendType !== 'panel' && !asks) ? 'query' : 'panel',
    parameters,
    ...(description ? {description} : {}),
    ...(queryTemplate ? {queryTemplate} : {}),
    ...(iconUrl ? {iconUrl} : {}),
  };
}

function image(raw: unknown): BackgroundImage | undefined {
  const url = str(record(raw).image_url);
  if (!url || !/^https?:/i.test(url)) return undefined;
  const themeColor = str(record(raw).theme_color);
  return {url, ...(themeColor ? {themeColor} : {})};
}

/** Reads the shortcut commands, background and default input type of a bot profile's `data`. */
export function profileExtras(data: Record<string, unknown>): ProfileExtras {
  const extras: ProfileExtras = {};
  const shortcuts = (Array.isArray(data.shortcut_commands) ? data.shortcut_commands : [])
    .map(command)
    .filter((c): c is ShortcutCommand => Boolean(c));
  if (shortcuts.length) extras.shortcuts = shortcuts;
  const backgrounds = record(data.background_image_info);
  const web = image(backgrounds.web_background_image);
  const mobile = image(backgrounds.mobile_background_image);
  if (web || mobile) extras.background = {...(web ? {web} : {}), ...(mobile ? {mobile} : {})};
  const input = str(data.default_user_input_type);
  if (input && inputTypes.has(input)) extras.defaultInputType = input as InputType;
  return extras;
}
