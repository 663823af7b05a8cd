// @ts-check
/** Replays fixture files byte for byte over HTTP, optionally in small, delayed chunks. */
import {readFile, readdir} from 'node:fs/promises';
import path from 'node:path';
import {writeHead} from './http.js';
import {EVENT_STREAM_TYPE} from './sse.js';

/** @typedef {import('node:http').ServerResponse} Response */

/**
 * The absolute path of a fixture, or null when the name tries to leave the fixtures folder.
 * @param {string} dir absolute fixtures folder
 * @param {string} name relative path, `/`-separated
 */
export function resolveFixture(dir, name) {
  if (!name || name.includes('\0') || name.includes('\\')) return null;
  const segments = name.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return null;
  const full = path.resolve(dir, ...segments);
  const root = path.resolve(dir) + path.sep;
  return full.startsWith(root) ? full : null;
}

/**
 * The content type a fixture is served with by default.
 * @param {string} file
 */
export function fixtureContentType(file) {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'application/json';
  if (ext === '.sse' || ext === '.txt') return EVENT_STREAM_TYPE;
  return 'application/octet-stream';
}

/**
 * Every fixture file under `dir` (relative `/`-separated paths, sorted), without the notes
 * about where they come from (`*.md`).
 * @param {string} dir absolute fixtures folder
 * @returns {Promise<string[]>}
 */
export async function listFixtures(dir) {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.md'))
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')
    )
    .sort();
}

/**
 * Reads a fixture, or returns null when it does not exist.
 * @param {string} file absolute path
 */
export async function readFixture(file) {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

/**
 * Sends bytes as a 200 response, `chunk` bytes per write with `delayMs` between writes; `sizes`
 * (write lengths, used in turn and cycled) overrides `chunk`, so a test can choose where every
 * chunk boundary falls. Each write leaves the event loop before the next, so it goes out as its
 * own packet. Stops early if the client goes away.
 * @param {Response} res
 * @param {Buffer} bytes
 * @param {{type: string, chunk?: number, sizes?: readonly number[], delayMs?: number,
 *   headers?: Record<string, string>}} options
 */
export async function sendChunked(
  res,
  bytes,
  {type, chunk = 0, sizes = [], delayMs = 0, headers = {}}
) {
  res.socket?.setNoDelay(true);
  writeHead(res, 200, {'Content-Type': type, 'Cache-Control': 'no-store', ...headers});
  const whole = chunk > 0 ? chunk : bytes.length || 1;
  const lengths = sizes.filter((n) => Number.isInteger(n) && n > 0);
  for (let at = 0, i = 0; at < bytes.length; i++) {
    if (res.destroyed) return;
    if (at > 0 && delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    else if (at > 0 && lengths.length) await new Promise((r) => setImmediate(r));
    if (res.destroyed) return;
    const size = lengths.length ? lengths[i % lengths.length] : whole;
    res.write(bytes.subarray(at, at + size));
    at += size;
  }
  res.end();
}

/**
 * Write lengths from a `sizes=3,17,1` query parameter (at most 4,096 of them, each 1 to 1 MB);
 * empty when absent or malformed.
 * @param {string | null} value
 * @returns {number[]}
 */
export function parseSizes(value) {
  if (!value) return [];
  const sizes = value.split(',').slice(0, 4096).map(Number);
  return sizes.every((n) => Number.isInteger(n) && n > 0 && n <= 1 << 20) ? sizes : [];
}
