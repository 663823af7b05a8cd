// @ts-check
/**
 * `object_string` message contents: reading the JSON array, Coze's rules for mixing its items,
 * and what the attached files are, for the bot's answer.
 */
import {isPlainObject} from '../http.js';

/**
 * One element of an `object_string` array.
 * @typedef {object} ObjectItem
 * @property {'text' | 'file' | 'image' | 'audio'} type
 * @property {string} [text]
 * @property {string} [file_id]
 * @property {string} [file_url]
 */

/**
 * An attachment as the bot describes it.
 * @typedef {object} Attachment
 * @property {'file' | 'image' | 'audio'} type
 * @property {string} name the uploaded file's name, or the last part of its URL
 * @property {number} [bytes] known for uploaded files
 */

const ITEM_TYPES = new Set(['text', 'file', 'image', 'audio']);

/**
 * The items of an `object_string` content, or a reason string when it is not a JSON array of
 * well-formed items.
 * @param {string} content
 * @returns {ObjectItem[] | string}
 */
export function parseObjectItems(content) {
  let parsed;
  try {
    parsed = JSON.parse(content);
  } catch {
    return 'object_string content must be a JSON array string';
  }
  if (!Array.isArray(parsed)) return 'object_string content must be a JSON array string';
  /** @type {ObjectItem[]} */
  const items = [];
  for (const [i, item] of parsed.entries()) {
    if (!isPlainObject(item)) return `object_string item ${i} must be an object`;
    const {type, text, file_id: fileId, file_url: fileUrl} = item;
    if (typeof type !== 'string' || !ITEM_TYPES.has(type)) {
      return `object_string item ${i}: type must be text, file, image or audio`;
    }
    if (type === 'text') {
      if (typeof text !== 'string') return `object_string item ${i}: a text item needs text`;
      items.push({type, text});
      continue;
    }
    const id = typeof fileId === 'string' && fileId ? fileId : undefined;
    const url = typeof fileUrl === 'string' && fileUrl ? fileUrl : undefined;
    if (!id && !url) return `object_string item ${i}: a ${type} item needs file_id or file_url`;
    items.push({
      type: /** @type {ObjectItem['type']} */ (type),
      ...(id ? {file_id: id} : {}),
      ...(url ? {file_url: url} : {}),
    });
  }
  return items;
}

/**
 * Coze's mixing rules: at least one item, at most one text item, and a text item only alongside
 * a file or an image (text alone is sent as `content_type: "text"`). Returns the broken rule, or
 * null. (Coze also wants a lone file or image next to a plain-text message; the emulator does
 * not check that.)
 * @param {ObjectItem[]} items
 * @returns {string | null}
 */
export function mixingProblem(items) {
  if (items.length === 0) return 'object_string content is an empty array';
  const texts = items.filter((it) => it.type === 'text').length;
  if (texts > 1) return 'an object_string message may hold at most one text item';
  if (texts === 1 && !items.some((it) => it.type === 'file' || it.type === 'image')) {
    return 'a text item needs a file or image item alongside; send text alone with content_type "text"';
  }
  return null;
}

/**
 * The first `file_id` of these messages that names no uploaded file, if any.
 * @param {{content: string, content_type: string}[]} messages
 * @param {(id: string) => boolean} exists
 * @returns {string | undefined}
 */
export function unknownFileId(messages, exists) {
  for (const message of messages) {
    if (message.content_type !== 'object_string') continue;
    const items = parseObjectItems(message.content);
    if (typeof items === 'string') continue;
    for (const item of items) {
      if (item.file_id && !exists(item.file_id)) return item.file_id;
    }
  }
  return undefined;
}

/**
 * What the non-text items are: names and sizes from the file store, or the URL's last part.
 * @param {ObjectItem[]} items
 * @param {(id: string) => {file_name: string, bytes: number} | undefined} lookup
 * @returns {Attachment[]}
 */
export function describeItems(items, lookup) {
  /** @type {Attachment[]} */
  const out = [];
  for (const item of items) {
    if (item.type === 'text') continue;
    const file = item.file_id ? lookup(item.file_id) : undefined;
    if (file) {
      out.push({type: item.type, name: file.file_name, bytes: file.bytes});
    } else {
      const url = item.file_url ?? '';
      const tail = url.split(/[?#]/)[0].split('/').filter(Boolean).at(-1);
      out.push({type: item.type, name: tail || url || `unknown ${item.type}`});
    }
  }
  return out;
}
