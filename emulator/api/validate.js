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

/** Coze's `meta_data` limits: at most 16 pairs, keys up to 64 characters, values up to 512. */
export const META_DATA_LIMITS = {pairs: 16, key: 64, value: 512};

/**
 * Why a `meta_data` map breaks Coze's limits (answered with 4003), or '' when it keeps them.
 * @param {Record<string, string> | undefined} map
 */
export function metaDataProblem(map) {
  if (!map) return '';
  const entries = Object.entries(map);
  if (entries.length > META_DATA_LIMITS.pairs) {
    return `meta_data has ${entries.length} pairs; at most ${META_DATA_LIMITS.pairs} are allowed`;
  }
  for (const [key, value] of entries) {
    if (key.length > META_DATA_LIMITS.key) {
      return `meta_data key ${key.slice(0, 16)}… is longer than ${META_DATA_LIMITS.key} characters`;
    }
    if (value.length > META_DATA_LIMITS.value) {
      return `meta_data value of ${key} is ${value.length} characters; at most ${META_DATA_LIMITS.value} are allowed`;
    }
  }
  return '';
}
