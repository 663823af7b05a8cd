// @ts-check
/** Request-shape checks shared by the API handlers. Each failure becomes Coze's 4000 reply. */
import {isPlainObject} from '../http.js';

/**
 * The JSON body as an object (`{}` when the body was empty), or null when it is not an object.
 * @param {unknown} body
 * @returns {Record<string, unknown> | null}
 */
export function bodyObject(body) {
  if (body === undefined) return {};
  return isPlainObject(body) ? body : null;
}

/**
 * A non-empty string field, or '' when absent or of another type. Numbers are accepted and
 * converted, since clients sometimes send ids unquoted.
 * @param {Record<string, unknown>} source
 * @param {string} key
 */
export function stringField(source, key) {
  const value = source[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return '';
}

/**
 * A `map<string,string>` field such as `meta_data`; undefined when absent, null when malformed.
 * @param {Record<string, unknown>} source
 * @param {string} key
 * @returns {Record<string, string> | undefined | null}
 */
export function stringMapField(source, key) {
  const value = source[key];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) return null;
  /** @type {Record<string, string>} */
  const map = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') return null;
    map[k] = v;
  }
  return map;
}
