// @ts-check
/** One API request being answered: its parsed parts plus reply helpers that also fill the log. */
import {errorBody, sendJson, successBody} from './http.js';

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {import('./request-log.js').LogEntry} LogEntry */

/**
 * What every handler can reach.
 * @typedef {object} EmulatorState
 * @property {import('./store.js').Store} store
 * @property {import('./request-log.js').RequestLog} log
 * @property {() => string} newId
 * @property {number} speed delay multiplier
 * @property {string} fixturesDir absolute directory path
 * @property {import('./oauth.js').OAuth} oauth keys, used JWT ids and minted tokens
 * @property {{advanceMs: number}} clock how far `POST /__emulator/clock` moved the token clock
 * @property {Map<string, ProfileText>} profiles texts `POST /__emulator/profile` set for a bot id
 * @property {Map<string, number>} hungTimes how many requests of a group a `hang<n>-<group>`
 *   token had hang so far (by `<group> <token>`)
 */

/**
 * What a test may put in a bot's profile in place of the emulator's texts.
 * @typedef {{name?: string, description?: string, prologue?: string,
 *   suggested_questions?: string[]}} ProfileText
 */

/**
 * @typedef {object} Exchange
 * @property {Request} req
 * @property {Response} res
 * @property {URL} url
 * @property {Record<string, string>} params path parameters of the matched route
 * @property {unknown} body parsed JSON body (`undefined` when empty)
 * @property {Buffer} rawBody
 * @property {import('./multipart.js').Part[] | null} parts a multipart body's parts (null when
 *   the body is not multipart or is malformed)
 * @property {string} token bearer token (`''` when none)
 * @property {string} identity who the token acts for: conversations belong to it. A minted
 *   token's identity is its app and `session_name`; any other token stands for the account
 *   named by its text up to the first `.` (`pat_a.1` and `pat_a.2` are two tokens of one account).
 * @property {string[] | null} botIds the bots a minted token is narrowed to (null: any)
 * @property {string} logid
 * @property {LogEntry} entry
 * @property {EmulatorState} state
 * @property {boolean} serverCut set when the emulator cut the connection on purpose
 * @property {(data: unknown) => void} ok reply `{code:0, msg:"", data, detail}`
 * @property {(code: number, msg: string, status?: number) => void} fail reply `{code, msg, detail}`
 * @property {(status: number, body: unknown) => void} json reply with any JSON body
 */

/** A token containing this gets every JSON success without its `data` (`{code: 0, msg: ""}`). */
export const NO_DATA_MARK = 'nodata';

/**
 * The account a plain (not minted) token acts for: its text up to the first `.`.
 * @param {string} token
 */
export function plainIdentity(token) {
  return `account:${token.split('.')[0]}`;
}

/**
 * @param {Omit<Exchange, 'ok' | 'fail' | 'json' | 'serverCut' | 'params' | 'identity' | 'botIds'>} parts
 * @returns {Exchange}
 */
export function createExchange(parts) {
  /** @type {Exchange} */
  const ex = {
    ...parts,
    params: {},
    identity: plainIdentity(parts.token),
    botIds: null,
    serverCut: false,
    json(status, body) {
      ex.entry.status = status;
      sendJson(ex.res, status, body, ex.logid);
    },
    ok(data) {
      // A fault for testing clients: a success envelope whose `data` is missing.
      ex.json(200, successBody(ex.token.includes(NO_DATA_MARK) ? undefined : data, ex.logid));
    },
    fail(code, msg, status = 200) {
      ex.json(status, errorBody(code, msg, ex.logid));
    },
  };
  return ex;
}
