// @ts-check
/** Coze-shaped identifiers: message/chat/conversation ids, log ids, timestamps. */
import {randomBytes} from 'node:crypto';

/** First id handed out. Far above 2^53, so a client that turns ids into numbers breaks visibly. */
export const FIRST_ID = 7500000000000000000n;

/**
 * Returns a function producing 19-digit decimal id strings from a counter.
 * @param {bigint} [start]
 * @returns {() => string}
 */
export function createIdSource(start = FIRST_ID) {
  let next = start;
  return () => String(next++);
}

/**
 * A log id like Coze's: local time `YYYYMMDDhhmmss` followed by 18 upper-case hex digits.
 * @param {Date} [now]
 */
export function newLogId(now = new Date()) {
  const two = (/** @type {number} */ n) => String(n).padStart(2, '0');
  const stamp =
    String(now.getFullYear()) +
    two(now.getMonth() + 1) +
    two(now.getDate()) +
    two(now.getHours()) +
    two(now.getMinutes()) +
    two(now.getSeconds());
  return stamp + randomBytes(9).toString('hex').toUpperCase();
}

/** Current Unix time in seconds, as Coze timestamps are. */
export function nowSeconds() {
  return Math.floor(Date.now() / 1000);
}

/**
 * True for a decimal id string (what Coze accepts as `before_id`/`after_id`).
 * @param {unknown} value
 * @returns {value is string}
 */
export function isIdString(value) {
  return typeof value === 'string' && /^\d{1,20}$/.test(value);
}

/**
 * Orders two decimal id strings numerically (ids are too large for `Number`).
 * @param {string} a
 * @param {string} b
 */
export function compareIds(a, b) {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
