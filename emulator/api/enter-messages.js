// @ts-check
/** Checks the `additional_messages` / `messages` a client sends, and reads the question out of one. */
import {isPlainObject} from '../http.js';

/**
 * @typedef {object} EnterMessage
 * @property {'user' | 'assistant'} role
 * @property {string} type
 * @property {string} content
 * @property {string} content_type
 * @property {Record<string, string>} meta_data
 */

/** Content types a client may send (`card` and `audio` are output-only). */
const INPUT_CONTENT_TYPES = new Set(['text', 'object_string']);
/** Message types a client may send with history saving on. */
const INPUT_TYPES = new Set(['', 'question', 'answer']);

/**
 * Validates a list of entered messages. Returns them normalised, or a reason string.
 * @param {unknown} value
 * @returns {EnterMessage[] | string}
 */
export function enterMessages(value) {
  if (!Array.isArray(value)) return 'messages must be an array';
  /** @type {EnterMessage[]} */
  const out = [];
  for (const [i, item] of value.entries()) {
    if (!isPlainObject(item)) return `message ${i} must be an object`;
    const {role, type = '', content = '', content_type: contentType = 'text'} = item;
    if (role !== 'user' && role !== 'assistant')
      return `message ${i}: role must be user or assistant`;
    if (typeof type !== 'string' || !INPUT_TYPES.has(type)) return `message ${i}: unsupported type`;
    if (type === 'question' && role !== 'user')
      return `message ${i}: a question must come from the user`;
    if (typeof content !== 'string') return `message ${i}: content must be a string`;
    if (typeof contentType !== 'string' || !INPUT_CONTENT_TYPES.has(contentType)) {
      return `message ${i}: content_type must be text or object_string`;
    }
    if (contentType === 'object_string' && typeof objectItems(content) === 'string') {
      return `message ${i}: object_string content must be a JSON array string`;
    }
    /** @type {Record<string, string>} */
    const metaData = {};
    if (isPlainObject(item.meta_data)) {
      for (const [k, v] of Object.entries(item.meta_data)) metaData[k] = String(v);
    }
    out.push({role, type, content, content_type: contentType, meta_data: metaData});
  }
  return out;
}

/**
 * The items of an `object_string` content, or a reason string when it is not a JSON array.
 * @param {string} content
 * @returns {Record<string, unknown>[] | string}
 */
function objectItems(content) {
  let parsed;
  try {
    parsed = JSON.parse(content);
  } catch {
    return 'not JSON';
  }
  if (!Array.isArray(parsed) || !parsed.every(isPlainObject)) return 'not an array of objects';
  return parsed;
}

/**
 * The question's text and how many files/images came with it.
 * @param {EnterMessage} message
 */
export function readQuestion(message) {
  if (message.content_type !== 'object_string') return {text: message.content, attachments: 0};
  const items = objectItems(message.content);
  if (typeof items === 'string') return {text: '', attachments: 0};
  const text = items
    .filter((it) => it.type === 'text' && typeof it.text === 'string')
    .map((it) => /** @type {string} */ (it.text))
    .join('\n');
  return {text, attachments: items.filter((it) => it.type !== 'text').length};
}
