// @ts-check
/** Checks the `additional_messages` / `messages` a client sends, and reads the question out of one. */
import {isPlainObject} from '../http.js';
import {mixingProblem, parseObjectItems} from './object-string.js';

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
    if (contentType === 'object_string') {
      const items = parseObjectItems(content);
      const problem = typeof items === 'string' ? items : mixingProblem(items);
      if (problem) return `message ${i}: ${problem}`;
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
 * The question's text and the file/image/audio items that came with it.
 * @param {EnterMessage} message
 * @returns {{text: string, items: import('./object-string.js').ObjectItem[]}}
 */
export function readQuestion(message) {
  if (message.content_type !== 'object_string') return {text: message.content, items: []};
  const items = parseObjectItems(message.content);
  if (typeof items === 'string') return {text: '', items: []};
  const text = items
    .filter((it) => it.type === 'text')
    .map((it) => it.text ?? '')
    .join('\n');
  return {text, items: items.filter((it) => it.type !== 'text')};
}
