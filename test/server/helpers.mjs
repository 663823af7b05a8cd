// Shared helpers for the token handler's tests: an RSA key pair, an emulator that knows its public
// key, and readers for what the emulator saw.
import {generateKeyPairSync} from 'node:crypto';
import {createServer} from 'node:http';
import {createEmulator} from '../../emulator/index.js';

export const APP_ID = '1180000000001';
export const KEY_ID = 'kid-test-1';

/** A fresh 2048-bit RSA key pair as PEM: PKCS#8 private, SPKI public. */
export function keyPair() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: {type: 'pkcs8', format: 'pem'},
    publicKeyEncoding: {type: 'spki', format: 'pem'},
  });
}

/**
 * An emulator on 127.0.0.1:0 knowing `publicKey` as `KEY_ID` of `APP_ID`.
 * @param {string} publicKey
 */
export async function startEmulator(publicKey) {
  const emulator = createEmulator({
    speed: 0,
    oauthKeys: [{appId: APP_ID, keyId: KEY_ID, publicKey}],
  });
  const server = createServer((req, res) => {
    emulator.handle(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address();
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    emulator,
    /** Requests the emulator logged for the token exchange, oldest first. */
    async exchanges() {
      const log = await (await fetch(`${base}/__emulator/requests`)).json();
      return log.filter((entry) => entry.path === '/api/permission/oauth2/token');
    },
    /** Moves the emulator's token clock forward. */
    async advance(seconds) {
      await fetch(`${base}/__emulator/clock`, {
        method: 'POST',
        body: JSON.stringify({advance_seconds: seconds}),
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/** A JWT's decoded header and claims. */
export function decodeJwt(jwt) {
  const [header, claims] = jwt
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
  return {header, claims};
}

/** A request as the widget's token-url fetch makes it, for the site user in the `user` cookie. */
export function tokenRequest(user, path = '/coze-token') {
  return new Request(`https://site.example${path}`, {
    headers: user ? {cookie: `user=${user}`} : {},
  });
}

/** The site's session lookup used in these tests: the `user` cookie. */
export function userFromCookie(request) {
  return /(?:^|;\s*)user=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
}
