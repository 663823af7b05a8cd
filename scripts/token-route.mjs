// The site's token endpoint for the demo and the browser tests: coze-chat-elements/server's
// handler (from dist/, built by `npm start` and `npm test`), with an OAuth key pair the emulator
// knows, answering `token-url` requests for the session the request names.
import {generateKeyPairSync} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';

/** The emulated OAuth app and its key's id. */
export const DEMO_APP_ID = '1180000000042';
export const DEMO_KEY_ID = 'demo-key-1';

/** A fresh RSA key pair as PEM (PKCS#8 private, SPKI public). */
export function newKeyPair() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: {type: 'pkcs8', format: 'pem'},
    publicKeyEncoding: {type: 'spki', format: 'pem'},
  });
}

/**
 * The key pair kept in `file` (JSON), made at the first start. The file is git-ignored: a real
 * private key belongs in the site's secrets, never in a repository.
 * @param {string} file
 */
export function storedKeyPair(file) {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const pair = newKeyPair();
  mkdirSync(dirname(file), {recursive: true});
  writeFileSync(file, JSON.stringify(pair), {mode: 0o600});
  return pair;
}

/**
 * Koa middleware answering `GET <path>` with the token handler. The emulator is told the public
 * key; the handler exchanges JWTs with the emulator on the same origin and shares its clock.
 * @param {object} options
 * @param {import('../emulator/index.js').Emulator} options.emulator
 * @param {{privateKey: string, publicKey: string}} options.keys
 * @param {string} options.path
 * @param {(request: Request) => string | undefined} options.sessionName the signed-in site user
 * @param {number} [options.durationSeconds]
 */
export function tokenRoute({emulator, keys, path, sessionName, durationSeconds}) {
  emulator.addOAuthKey({appId: DEMO_APP_ID, keyId: DEMO_KEY_ID, publicKey: keys.publicKey});
  /** @type {Map<string, Promise<(request: Request) => Promise<Response>>>} */
  const handlers = new Map();
  const handlerFor = (origin) => {
    let handler = handlers.get(origin);
    if (!handler) {
      handler = import('../dist/server/index.js').then(({createTokenHandler}) =>
        createTokenHandler({
          appId: DEMO_APP_ID,
          keyId: DEMO_KEY_ID,
          privateKey: keys.privateKey,
          apiBase: origin,
          sessionName,
          now: emulator.now,
          ...(durationSeconds ? {durationSeconds} : {}),
        })
      );
      handler.catch(() => handlers.delete(origin));
      handlers.set(origin, handler);
    }
    return handler;
  };
  return async (ctx, next) => {
    if (ctx.path !== path) return next();
    const origin = `${ctx.protocol}://${ctx.host}`;
    let handle;
    try {
      handle = await handlerFor(origin);
    } catch {
      ctx.status = 503;
      ctx.body = {error: 'not_built', message: 'Run `npm run build` for the token handler.'};
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(ctx.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const response = await handle(new Request(origin + ctx.url, {method: ctx.method, headers}));
    ctx.status = response.status;
    ctx.type = response.headers.get('content-type') ?? 'application/json';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await response.text();
  };
}
