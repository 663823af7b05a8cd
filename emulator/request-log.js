// @ts-check
/** The inspection log of API requests, read by tests through `GET /__emulator/requests`. */

/** Request headers copied into a log entry (lower-case names), when present. */
const LOGGED_HEADERS = [
  'authorization',
  'content-type',
  'accept-language',
  'origin',
  'cookie',
  'referer',
  'x-coze-client-user-agent',
  'access-control-request-headers',
  'access-control-request-method',
];

/** Entries kept; the oldest are dropped beyond this. */
export const MAX_LOG_ENTRIES = 5000;

/**
 * @typedef {object} LogEntry
 * @property {number} seq
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} query
 * @property {Record<string, string>} headers
 * @property {unknown} body parsed JSON, `{multipart: true, parts: [{name, filename?,
 *   content_type?, bytes}]}`, or `null`
 * @property {number | null} status HTTP status, once the response head is written
 * @property {boolean} [clientAborted] the client hung up before the response finished
 * @property {number} [closedAfter] the newest `seq` when the response ended or was cut: a
 *   request with a higher one arrived after it (absent while the response is open)
 */

export function createRequestLog() {
  /** @type {LogEntry[]} */
  let entries = [];
  let seq = 0;
  return {
    /** The newest entry's sequence number. */
    get seq() {
      return seq;
    },
    /**
     * Adds an entry for a request and returns it, to be completed as the response goes out.
     * @param {import('node:http').IncomingMessage} req
     * @param {URL} url
     * @returns {LogEntry}
     */
    add(req, url) {
      /** @type {Record<string, string>} */
      const headers = {};
      for (const name of LOGGED_HEADERS) {
        const value = req.headers[name];
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      /** @type {LogEntry} */
      const entry = {
        seq: ++seq,
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        body: null,
        status: null,
      };
      entries.push(entry);
      if (entries.length > MAX_LOG_ENTRIES) entries = entries.slice(-MAX_LOG_ENTRIES);
      return entry;
    },
    /**
     * Entries whose Authorization header contains `token` (all when it is empty), optionally
     * only those after sequence number `since`.
     * @param {string} [token]
     * @param {number} [since]
     */
    find(token, since = 0) {
      return entries.filter(
        (e) => e.seq > since && (!token || (e.headers.authorization ?? '').includes(token))
      );
    },
    clear() {
      entries = [];
    },
  };
}

/** @typedef {ReturnType<typeof createRequestLog>} RequestLog */
