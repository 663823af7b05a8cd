// @ts-check
/** Replays fixture files byte for byte over HTTP, optionally in small, delayed chunks. */
import {readFile} from 'node:fs/promises';
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
 * Sends bytes as a 200 response, `chunk` bytes per write with `delayMs` between writes.
 * Stops early if the client goes away.
 * @param {Response} res
 * @param {Buffer} bytes
 * @param {{type: string, chunk?: number, delayMs?: number, headers?: Record<string, string>}} options
 */
export async function sendChunked(res, bytes, {type, chunk = 0, delayMs = 0, headers = {}}) {
  res.socket?.setNoDelay(true);
  writeHead(res, 200, {'Content-Type': type, 'Cache-Control': 'no-store', ...headers});
  const size = chunk > 0 ? chunk : bytes.length || 1;
  for (let at = 0; at < bytes.length; at += size) {
    if (res.destroyed) return;
    if (at > 0 && delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    if (res.destroyed) return;
    res.write(bytes.subarray(at, at + size));
  }
  res.end();
}
