// @ts-check
/** Small HTTP helpers shared by every route: CORS, JSON envelopes, request bodies, bearer tokens. */

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */

/** Request headers a browser may send cross-origin. Anything else fails the preflight, as on Coze. */
export const ALLOWED_REQUEST_HEADERS = [
  'Authorization',
  'Content-Type',
  'Accept-Language',
  'X-Coze-Client-User-Agent',
];

/** CORS headers put on every response under a path the emulator owns, errors included. */
export const CORS_HEADERS = Object.freeze({
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS.join(', '),
  'Access-Control-Expose-Headers': 'x-tt-logid',
  'Access-Control-Max-Age': '3600',
});

/** Largest request body read into memory (uploads included). */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * Writes the status line and headers, always with CORS.
 * @param {Response} res
 * @param {number} status
 * @param {Record<string, string>} [headers]
 */
export function writeHead(res, status, headers = {}) {
  res.writeHead(status, {...CORS_HEADERS, ...headers});
}

/**
 * Sends a complete JSON response.
 * @param {Response} res
 * @param {number} status
 * @param {unknown} body
 * @param {string} [logid] also sent as the `x-tt-logid` header
 */
export function sendJson(res, status, body, logid) {
  const text = JSON.stringify(body);
  /** @type {Record<string, string>} */
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  };
  if (logid) headers['x-tt-logid'] = logid;
  writeHead(res, status, headers);
  res.end(text);
}

/**
 * The success envelope `{code:0, msg:"", data, detail:{logid}}`.
 * @param {unknown} data
 * @param {string} logid
 */
export function successBody(data, logid) {
  return {code: 0, msg: '', data, detail: {logid}};
}

/**
 * The error envelope `{code, msg, detail:{logid}}` (no `data`, like Coze's).
 * @param {number} code
 * @param {string} msg
 * @param {string} logid
 */
export function errorBody(code, msg, logid) {
  return {code, msg, detail: {logid}};
}

/**
 * Reads the whole request body. Rejects when it exceeds `limit` bytes.
 * @param {Request} req
 * @param {number} [limit]
 * @returns {Promise<Buffer>}
 */
export function readBody(req, limit = MAX_BODY_BYTES) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Parses a JSON body. An empty body counts as "no body" (`value: undefined`).
 * @param {Buffer} raw
 * @returns {{ok: true, value: unknown} | {ok: false}}
 */
export function parseJson(raw) {
  const text = raw.toString('utf8').trim();
  if (text === '') return {ok: true, value: undefined};
  try {
    return {ok: true, value: JSON.parse(text)};
  } catch {
    return {ok: false};
  }
}

/**
 * The bearer token from `Authorization`, or `''` when there is none.
 * @param {Request} req
 */
export function bearerToken(req) {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.*)$/i.exec(header.trim());
  return match ? match[1].trim() : '';
}

/**
 * True when the body is multipart (file uploads).
 * @param {Request} req
 */
export function isMultipart(req) {
  return /^multipart\//i.test(req.headers['content-type'] ?? '');
}

/**
 * A plain object, i.e. a JSON object (not an array, not null).
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
