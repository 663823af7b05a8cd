/**
 * Reading and writing the structured `content` strings Coze puts in messages:
 * `object_string` arrays, plugin calls and results, question-node options and
 * cards. Pure functions; no DOM.
 */
import {isRecord, record, str} from './json.js';

/** One element of an `object_string` message. */
export interface ObjectStringItem {
  type: 'text' | 'file' | 'image' | 'audio';
  /** For `type: 'text'`. */
  text?: string;
  /** An id from `uploadFile`. */
  file_id?: string;
  /** A public URL, instead of `file_id`. */
  file_url?: string;
}

/** A `function_call` message's content: the plugin the bot called and with what. */
export interface FunctionCall {
  /** `<plugin>-<api>`, e.g. `weather-getForecast`. */
  name: string;
  /** The call's arguments (an object; `{}` when absent or unreadable). */
  arguments: Record<string, unknown>;
  /** The plugin's id, as a decimal string (Coze writes it as a bare number too large for JS). */
  pluginId?: string;
  /** Why the model called it, when Coze says. */
  thought?: string;
}

/** A question node's answer: the question and the options a person can pick from. */
export interface QuestionOptions {
  question: string;
  options: string[];
}

const ITEM_TYPES: ReadonlySet<string> = new Set(['text', 'file', 'image', 'audio']);

/**
 * Serialises items as `object_string` content, enforcing Coze's mixing rules
 * (which it otherwise answers with code 4000): at least one item; at most one
 * `text` item; a `text` item only alongside a `file` or `image` (for text
 * alone use `content_type: 'text'`); every file/image/audio item with a
 * `file_id` or `file_url`. Throws an `Error` naming the broken rule.
 */
export function toObjectString(items: readonly ObjectStringItem[]): string {
  if (items.length === 0) throw new Error('object_string needs at least one item.');
  const clean = items.map((item, i) => {
    if (!ITEM_TYPES.has(item.type)) {
      throw new Error(`object_string item ${i}: type must be text, file, image or audio.`);
    }
    if (item.type === 'text') {
      if (typeof item.text !== 'string')
        throw new Error(`object_string item ${i}: text is missing.`);
      return {type: item.type, text: item.text};
    }
    if (!item.file_id && !item.file_url) {
      throw new Error(
        `object_string item ${i}: a ${item.type} item needs a file_id or a file_url.`
      );
    }
    const out: ObjectStringItem = {type: item.type};
    if (item.file_id) out.file_id = item.file_id;
    if (item.file_url) out.file_url = item.file_url;
    return out;
  });
  const texts = clean.filter((item) => item.type === 'text').length;
  if (texts > 1) throw new Error('object_string allows at most one text item.');
  if (texts === 1 && !clean.some((item) => item.type === 'file' || item.type === 'image')) {
    throw new Error(
      "object_string: a text item needs a file or image alongside; send text alone with content_type 'text'."
    );
  }
  return JSON.stringify(clean);
}

/**
 * The items of an `object_string` content, or `undefined` when it is not a
 * JSON array. Elements that are not items of a known type are left out.
 */
export function parseObjectString(content: string): ObjectStringItem[] | undefined {
  const value = parse(content, '[');
  if (!Array.isArray(value)) return undefined;
  const items: ObjectStringItem[] = [];
  for (const element of value as unknown[]) {
    if (!isRecord(element) || typeof element.type !== 'string' || !ITEM_TYPES.has(element.type))
      continue;
    const item: ObjectStringItem = {type: element.type as ObjectStringItem['type']};
    const text = str(element.text);
    const fileId = idString(element.file_id);
    const fileUrl = str(element.file_url);
    if (text !== undefined) item.text = text;
    if (fileId) item.file_id = fileId;
    if (fileUrl) item.file_url = fileUrl;
    items.push(item);
  }
  return items;
}

/**
 * A `function_call` message's content, e.g.
 * `{"name":"weather-get","arguments":{…},"plugin_id":7400…,"thought":"…"}`;
 * `undefined` when it is not such an object. `arguments` may also come as a
 * JSON string of an object.
 */
export function parseFunctionCall(content: string): FunctionCall | undefined {
  const value = parse(content, '{');
  if (!isRecord(value)) return undefined;
  const name = str(value.name);
  if (!name) return undefined;
  const call: FunctionCall = {name, arguments: argumentsOf(value.arguments)};
  const pluginId = exactId(content, 'plugin_id', value.plugin_id);
  const thought = str(value.thought);
  if (pluginId) call.pluginId = pluginId;
  if (thought) call.thought = thought;
  return call;
}

/**
 * A `tool_response` message's content as text: its `response_for_model` when
 * Coze wrapped the result (`{"content_type":1,"response_for_model":"…"}`),
 * else the content itself.
 */
export function parseToolResponse(content: string): {text: string} {
  const value = parse(content, '{');
  if (isRecord(value) && typeof value.response_for_model === 'string') {
    return {text: value.response_for_model};
  }
  return {text: content};
}

/**
 * A question node's answer, whose content is a JSON object
 * `{"question": "…", "options": [{"name": "…"}, …]}` (options may also be
 * plain strings); `undefined` for any other content.
 */
export function parseQuestionOptions(content: string): QuestionOptions | undefined {
  const value = parse(content, '{');
  if (!isRecord(value)) return undefined;
  const question = str(value.question)?.trim();
  if (!question || !Array.isArray(value.options)) return undefined;
  const options = (value.options as unknown[])
    .map((option) => (typeof option === 'string' ? option : str(record(option).name)))
    .filter((option): option is string => typeof option === 'string' && option.trim() !== '');
  return {question, options};
}

/** Keys whose string values are a card's readable text, in any nesting. */
const CARD_TEXT_KEYS: ReadonlySet<string> = new Set([
  'title',
  'subtitle',
  'header',
  'text',
  'content',
  'description',
  'desc',
]);

/** How deep a card is searched, and how many pieces of text are kept. */
const CARD_MAX_DEPTH = 12;
const CARD_MAX_PIECES = 20;

/**
 * Readable text for a `card` answer, for a widget without Coze's card
 * renderer: the card's title and text fields (`title`, `subtitle`, `header`,
 * `text`, `content`, `description`, `desc`, at any depth, including inside
 * nested JSON strings), one per line, without repeats. `undefined` when the
 * content is not JSON or has none of them; raw JSON is never returned.
 */
export function parseCard(content: string): string | undefined {
  const value = parse(content, '{') ?? parse(content, '[');
  if (value === undefined) return undefined;
  const pieces: string[] = [];
  collectCardText(value, 0, pieces);
  return pieces.length ? pieces.join('\n') : undefined;
}

function collectCardText(value: unknown, depth: number, pieces: string[]): void {
  if (depth > CARD_MAX_DEPTH || pieces.length >= CARD_MAX_PIECES) return;
  if (Array.isArray(value)) {
    for (const element of value) collectCardText(element, depth + 1, pieces);
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string') {
      const nested = parse(field, '{') ?? parse(field, '[');
      if (nested !== undefined) {
        collectCardText(nested, depth + 1, pieces);
        continue;
      }
      const text = field.trim();
      if (CARD_TEXT_KEYS.has(key) && text && !pieces.includes(text)) {
        if (pieces.length < CARD_MAX_PIECES) pieces.push(text);
      }
    } else {
      collectCardText(field, depth + 1, pieces);
    }
  }
}

/** `JSON.parse` of a text that starts with `opener` (after whitespace); else or on failure `undefined`. */
function parse(text: string, opener: '{' | '['): unknown {
  if (!text.trimStart().startsWith(opener)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function argumentsOf(value: unknown): Record<string, unknown> {
  if (isRecord(value)) return value;
  if (typeof value === 'string') {
    const parsed = parse(value, '{');
    if (isRecord(parsed)) return parsed;
  }
  return {};
}

/**
 * An id field as a decimal string. Coze writes some ids as bare numbers longer
 * than 2^53, which `JSON.parse` rounds, so the digits are taken from the raw
 * JSON text (the occurrence of `"key": digits` that parsed to the same value).
 */
function exactId(json: string, key: string, parsed: unknown): string | undefined {
  if (typeof parsed !== 'number' || !Number.isInteger(parsed)) return idString(parsed);
  for (const match of json.matchAll(new RegExp(`"${key}"\\s*:\\s*(\\d+)`, 'g'))) {
    if (Number(match[1]) === parsed) return match[1];
  }
  return Number.isSafeInteger(parsed) ? String(parsed) : undefined;
}

/** An id given as a string, or as a number small enough to be exact. */
function idString(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}
