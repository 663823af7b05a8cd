// The token handler (coze-chat-elements/server) against the emulator's OAuth endpoint, over HTTP.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {verify} from 'node:crypto';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, beforeEach, describe, it} from 'node:test';
import {createTokenHandler, toNodeListener} from '../../dist/server/index.js';
import {
  APP_ID,
  KEY_ID,
  decodeJwt,
  keyPair,
  startEmulator,
  tokenRequest,
  userFromCookie,
} from './helpers.mjs';

const {privateKey, publicKey} = keyPair();
const BOT = '7400000000000000001';

describe('token handler', () => {
  let server;
  /** Every line the handler logged in the current test. */
  let logged;
  before(async () => {
    server = await startEmulator(publicKey);
  });
  after(() => server.close());
  beforeEach(() => {
    server.emulator.reset();
    logged = [];
  });

  const handlerWith = (options = {}) =>
    createTokenHandler({
      appId: APP_ID,
      keyId: KEY_ID,
      privateKey,
      apiBase: server.base,
      sessionName: userFromCookie,
      now: () => server.emulator.now(),
      log: (line) => logged.push(line),
      ...options,
    });

  /** No answer body nor log line holds a key, a JWT or an access token. */
  function assertNoSecret(texts, extra = []) {
    const keyBody = privateKey.split('\n')[5];
    for (const text of [...texts, ...logged]) {
      assert.doesNotMatch(text, /BEGIN|PRIVATE KEY/, text);
      assert.ok(!text.includes(keyBody), `key material in: ${text}`);
      assert.doesNotMatch(text, /eyJ[\w-]+\.[\w-]+/, `a JWT in: ${text}`);
      assert.doesNotMatch(text, /czs_\w+/, `a token in: ${text}`);
      for (const secret of extra) assert.ok(!text.includes(secret), `a secret in: ${text}`);
    }
  }

  it('signs an RS256 JWT with the right claims, exchanges it once and answers the token', async () => {
    const handler = handlerWith();
    const response = await handler(tokenRequest('ada'));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = await response.json();
    assert.deepEqual(Object.keys(body).sort(), ['access_token', 'expires_in', 'user_id']);
    assert.match(body.access_token, /^czs_/);
    assert.equal(body.user_id, 'ada');
    const nowS = Math.floor(Date.now() / 1000);
    assert.ok(Math.abs(body.expires_in - (nowS + 900)) <= 2, `expires_in ${body.expires_in}`);

    const [exchange] = await server.exchanges();
    assert.equal(exchange.method, 'POST');
    assert.equal(exchange.status, 200);
    assert.deepEqual(exchange.body, {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      duration_seconds: 900,
    });
    const jwt = exchange.headers.authorization.replace(/^Bearer /, '');
    const [head, payload, signature] = jwt.split('.');
    assert.ok(
      verify(
        'sha256',
        Buffer.from(`${head}.${payload}`),
        publicKey,
        Buffer.from(signature, 'base64url')
      ),
      'the signature verifies with the public key'
    );
    const {header, claims} = decodeJwt(jwt);
    assert.deepEqual(header, {alg: 'RS256', typ: 'JWT', kid: KEY_ID});
    assert.equal(claims.iss, APP_ID);
    assert.equal(claims.aud, 'api.coze.cn');
    assert.equal(claims.session_name, 'ada');
    assert.ok(Math.abs(claims.iat - nowS) <= 2);
    assert.ok(claims.exp > claims.iat && claims.exp - claims.iat <= 3600);
    assert.match(claims.jti, /^[0-9a-f-]{36}$/);

    // The token works, and is Ada's: the emulator knows it as the app's session "ada".
    const list = await fetch(`${server.base}/v1/conversations?bot_id=${BOT}`, {
      headers: {Authorization: `Bearer ${body.access_token}`},
    });
    assert.equal((await list.json()).code, 0);
  });

  it('aims the JWT at api.coze.com for a coze.com API base, and narrows it to botIds', async () => {
    // Nothing listens on this address; only the JWT and body matter here.
    const seen = [];
    const sink = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        seen.push({auth: req.headers.authorization, body: JSON.parse(text)});
        res.writeHead(200, {'Content-Type': 'application/json'});
        res.end(
          JSON.stringify({
            access_token: 'czs_sink',
            expires_in: Math.floor(Date.now() / 1000) + 900,
          })
        );
      });
    });
    await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));
    try {
      // The audience follows the host name; a proxy path in front of Coze keeps its prefix.
      const com = handlerWith({apiBase: 'https://api.coze.com', botIds: [BOT]});
      assert.equal(typeof com, 'function');
      const local = handlerWith({
        apiBase: `http://127.0.0.1:${sink.address().port}/coze`,
        botIds: [BOT],
      });
      assert.equal((await local(tokenRequest('ada'))).status, 200);
      assert.equal(decodeJwt(seen[0].auth.slice(7)).claims.aud, 'api.coze.cn');
      assert.deepEqual(seen[0].body.scope, {
        account_permission: {permission_list: ['Connector.botChat']},
        attribute_constraint: {connector_bot_chat_attribute: {bot_id_list: [BOT]}},
      });
    } finally {
      sink.close();
    }
    // Against the emulator, a narrowed token may chat with its bot only.
    const narrowed = await (await handlerWith({botIds: [BOT]})(tokenRequest('ada'))).json();
    const other = await fetch(`${server.base}/v1/conversations?bot_id=7400000000000000002`, {
      headers: {Authorization: `Bearer ${narrowed.access_token}`},
    });
    assert.equal((await other.json()).code, 4101);
  });

  it('makes one exchange for concurrent requests of one session, one per session', async () => {
    const handler = handlerWith();
    const answers = await Promise.all(
      ['ada', 'ada', 'ada', 'ada', 'grace', 'ada', 'grace'].map(async (user) =>
        (await handler(tokenRequest(user))).json()
      )
    );
    const ada = answers.filter((a) => a.user_id === 'ada');
    const grace = answers.filter((a) => a.user_id === 'grace');
    assert.equal(new Set(ada.map((a) => a.access_token)).size, 1);
    assert.equal(new Set(grace.map((a) => a.access_token)).size, 1);
    assert.notEqual(ada[0].access_token, grace[0].access_token);
    assert.equal((await server.exchanges()).length, 2);
    // Later requests are served from the cache.
    await handler(tokenRequest('ada'));
    assert.equal((await server.exchanges()).length, 2);
  });

  it('exchanges a new JWT once the cached token is about to expire', async () => {
    const handler = handlerWith({durationSeconds: 600});
    const first = await (await handler(tokenRequest('ada'))).json();
    await server.advance(500); // 100 s left: still handed out
    assert.equal(
      (await (await handler(tokenRequest('ada'))).json()).access_token,
      first.access_token
    );
    await server.advance(50); // 50 s left: inside the margin, so a new one
    const second = await (await handler(tokenRequest('ada'))).json();
    assert.notEqual(second.access_token, first.access_token);
    assert.ok(second.expires_in > first.expires_in);
    const exchanges = await server.exchanges();
    assert.equal(exchanges.length, 2);
    const jtis = exchanges.map((e) => decodeJwt(e.headers.authorization.slice(7)).claims.jti);
    assert.notEqual(jtis[0], jtis[1]);
    // The old token then expires on the emulator: 4100.
    await server.advance(60);
    const old = await fetch(`${server.base}/v1/conversations?bot_id=${BOT}`, {
      headers: {Authorization: `Bearer ${first.access_token}`},
    });
    assert.equal((await old.json()).code, 4100);
  });

  it('answers 401 no_session when nobody is signed in, without calling Coze', async () => {
    const handler = handlerWith();
    const response = await handler(tokenRequest(undefined));
    assert.equal(response.status, 401);
    const body = await response.json();
    assert.equal(body.error, 'no_session');
    assert.match(body.message, /signed-in/);
    assert.equal((await server.exchanges()).length, 0);
    const thrown = await handlerWith({
      sessionName: () => {
        throw new Error('session store down: cookie=secret-cookie-value');
      },
    })(tokenRequest('ada'));
    assert.equal(thrown.status, 500);
    const thrownText = await thrown.text();
    assert.match(thrownText, /session_error/);
    assertNoSecret([thrownText], ['secret-cookie-value']);
  });

  it('refuses a private key that is not PKCS#8 at creation, and one that cannot sign at request time', async () => {
    assert.throws(
      () => handlerWith({privateKey: 'not a key'}),
      (error) =>
        error instanceof TypeError &&
        /PKCS#8/.test(error.message) &&
        !/not a key/.test(error.message)
    );
    const rsaPkcs1 = privateKey.replace(/PRIVATE KEY/g, 'RSA PRIVATE KEY');
    assert.throws(() => handlerWith({privateKey: rsaPkcs1}), /PKCS#8/);
    const garbled = privateKey.replace(/(\n)[A-Za-z0-9+/]{20}/, '$1AAAAAAAAAAAAAAAAAAAA');
    const response = await handlerWith({privateKey: garbled})(tokenRequest('ada'));
    assert.equal(response.status, 500);
    const text = await response.text();
    assert.equal(JSON.parse(text).error, 'key_error');
    assert.equal(logged.length, 1);
    assertNoSecret([text], [garbled.split('\n')[3]]);
    assert.equal((await server.exchanges()).length, 0);
  });

  it("reports a Coze refusal as 502 with Coze's reason, never the JWT", async () => {
    // A key Coze does not know: the emulator refuses the signature.
    const stranger = keyPair().privateKey;
    const response = await handlerWith({privateKey: stranger})(tokenRequest('ada'));
    assert.equal(response.status, 502);
    const text = await response.text();
    const body = JSON.parse(text);
    assert.equal(body.error, 'coze_rejected');
    assert.match(body.message, /HTTP 401 \(invalid_client: the JWT signature does not match/);
    const [exchange] = await server.exchanges();
    const jwt = exchange.headers.authorization.slice(7);
    assertNoSecret([text], [jwt, stranger.split('\n')[2]]);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /^\[coze-token\] 502 coze_rejected/);

    // An unknown kid and a wrong app id are refused too.
    const wrongKid = await (await handlerWith({keyId: 'kid-unknown'})(tokenRequest('ada'))).json();
    assert.match(wrongKid.message, /no public key with kid kid-unknown/);
    const wrongApp = await (await handlerWith({appId: '999'})(tokenRequest('ada'))).json();
    assert.match(wrongApp.message, /iss/);
  });

  it('reports an unreachable Coze as 502 and a silent one as 504, within the timeout', async () => {
    const closed = createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = closed.address().port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = await handlerWith({apiBase: `http://127.0.0.1:${port}`})(
      tokenRequest('ada')
    );
    assert.equal(unreachable.status, 502);
    assert.equal((await unreachable.json()).error, 'coze_unreachable');

    const silent = createServer(() => {});
    await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const response = await handlerWith({
        apiBase: `http://127.0.0.1:${silent.address().port}`,
        timeoutMs: 300,
      })(tokenRequest('ada'));
      assert.equal(response.status, 504);
      assert.equal((await response.json()).error, 'coze_timeout');
      assert.ok(Date.now() - started < 3000);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
    assertNoSecret([]);
  });

  it('checks its options when created', () => {
    assert.throws(() => handlerWith({appId: ''}), /appId is required/);
    assert.throws(() => handlerWith({keyId: undefined}), /keyId is required/);
    assert.throws(() => handlerWith({sessionName: undefined}), /sessionName/);
    assert.throws(() => handlerWith({durationSeconds: 86400}), /durationSeconds/);
    assert.throws(() => handlerWith({apiBase: 'api.coze.cn'}), /absolute URL/);
    assert.throws(() => handlerWith({botIds: [1]}), /botIds/);
  });

  it('runs on node:http through toNodeListener', async () => {
    const listener = toNodeListener(handlerWith());
    const site = createServer((req, res) => listener(req, res));
    await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${site.address().port}/coze-token`;
      const ok = await fetch(url, {headers: {cookie: 'user=grace'}});
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal((await ok.json()).user_id, 'grace');
      const anonymous = await fetch(url);
      assert.equal(anonymous.status, 401);
      const put = await fetch(url, {method: 'PUT', body: 'x', headers: {cookie: 'user=grace'}});
      assert.equal(put.status, 405);
    } finally {
      site.close();
    }
  });

  it('runs as `coze-chat-elements token-server` from the package bin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coze-token-'));
    const keyFile = join(dir, 'private.pem');
    writeFileSync(keyFile, privateKey);
    const child = spawn(process.execPath, [
      'dist/server/cli.js',
      'token-server',
      '--app-id',
      APP_ID,
      '--key-id',
      KEY_ID,
      '--private-key-file',
      keyFile,
      '--api-base',
      server.base,
      '--port',
      '0',
    ]);
    try {
      const address = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /http:\/\/[\d.]+:\d+\/coze-token/.exec(out);
          if (match) resolve(match[0]);
        });
        child.on('exit', (code) => reject(new Error(`token-server exited with ${code}`)));
      });
      const answer = await (await fetch(`${address}?session=ada`)).json();
      assert.equal(answer.user_id, 'ada');
      assert.match(answer.access_token, /^czs_/);
      assert.equal((await fetch(address)).status, 401);
    } finally {
      child.kill();
    }
    const bad = spawn(process.execPath, ['dist/server/cli.js', 'token-server', '--app-id', APP_ID]);
    let err = '';
    bad.stderr.on('data', (chunk) => (err += chunk));
    const code = await new Promise((resolve) => bad.on('exit', resolve));
    assert.equal(code, 2);
    assert.match(err, /--key-id is required/);
  });
});
