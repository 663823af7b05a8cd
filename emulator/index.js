// @ts-check
/**
 * A local stand-in for the Coze OpenAPI (api.coze.cn): the same endpoints, envelopes, error
 * shapes and event-stream framing, with a scripted bot. Mount `handle` on a Node HTTP server or
 * `koa()` in `@web/dev-server` / `@web/test-runner`.
 */
import {fileURLToPath} from 'node:url';
import {createIdSource} from './ids.js';
import {handleInspect} from './inspect.js';
import {OAUTH_TOKEN_PATH, createOAuth, exchangeToken} from './oauth.js';
import {createRequestLog} from './request-log.js';
import {handleApi} from './routes.js';
import {createStore} from './store.js';

/**
 * @typedef {object} EmulatorOptions
 * @property {URL | string} [fixturesDir] folder served by `/__emulator/fixture/*`
 *   (default: `test/fixtures/` of this project)
 * @property {number} [speed] multiplies every delay; 0 streams as fast as possible (default 1)
 * @property {import('./oauth.js').OAuthKey[]} [oauthKeys] OAuth apps' public keys the token
 *   exchange (`POST /api/permission/oauth2/token`) verifies JWTs against
 */

/**
 * @typedef {object} Emulator
 * @property {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse)
 *   => Promise<boolean>} handle answers a request if the emulator owns its path; resolves true
 *   if it did (once the response is complete), false otherwise
 * @property {() => (ctx: any, next: () => Promise<unknown>) => Promise<void>} koa the same as
 *   Koa middleware; other paths go to `next()`
 * @property {() => void} reset forgets conversations, chats, files, minted tokens, the request
 *   log and any clock advance
 * @property {(key: import('./oauth.js').OAuthKey) => void} addOAuthKey registers one more public key
 * @property {() => number} now the emulator's clock in ms (real time plus any advance made with
 *   `POST /__emulator/clock`); give it to a token handler so both agree on expiry
 */

/**
 * True for paths the emulator answers: `/v1/*`, `/v3/*`, `/__emulator/*` and the OAuth token
 * endpoint `/api/permission/oauth2/token`.
 * @param {string} pathname
 */
export function ownsPath(pathname) {
  return /^\/(v1|v3|__emulator)(\/|$)/.test(pathname) || pathname === OAUTH_TOKEN_PATH;
}

/**
 * @param {EmulatorOptions} [options]
 * @returns {Emulator}
 */
export function createEmulator(options = {}) {
  const newId = createIdSource();
  const dir = options.fixturesDir ?? new URL('../test/fixtures/', import.meta.url);
  const clock = {advanceMs: 0};
  const now = () => Date.now() + clock.advanceMs;
  const oauth = createOAuth(() => Math.floor(now() / 1000));
  for (const key of options.oauthKeys ?? []) oauth.addKey(key);
  /** @type {import('./exchange.js').EmulatorState} */
  const state = {
    store: createStore(newId),
    oauth,
    clock,
    log: createRequestLog(),
    newId,
    speed: options.speed ?? 1,
    fixturesDir: dir instanceof URL ? fileURLToPath(dir) : dir,
    profiles: new Map(),
    hungTimes: new Map(),
  };

  const reset = () => {
    state.store.clear();
    state.log.clear();
    state.oauth.clear();
    state.profiles.clear();
    state.hungTimes.clear();
    clock.advanceMs = 0;
  };

  /** @type {Emulator['handle']} */
  const handle = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    if (!ownsPath(url.pathname)) return false;
    if (url.pathname === OAUTH_TOKEN_PATH) {
      await exchangeToken(state.oauth, req, res, state.log.add(req, url));
    } else if (url.pathname.startsWith('/__emulator')) {
      await handleInspect(state, req, res, url, reset);
    } else {
      await handleApi(state, req, res, url);
    }
    return true;
  };

  return {
    handle,
    koa() {
      return async (ctx, next) => {
        const url = new URL(ctx.req.url ?? '/', 'http://emulator.invalid');
        if (!ownsPath(url.pathname)) {
          await next();
          return;
        }
        ctx.respond = false;
        await handle(ctx.req, ctx.res);
      };
    },
    reset,
    addOAuthKey: (key) => oauth.addKey(key),
    now,
  };
}
