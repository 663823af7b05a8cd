// The emulator is as strict as hosted Coze: conversations belong to the token's identity, and
// meta_data, additional_messages, rate limits and channels are checked as Coze checks them.
import assert from 'node:assert/strict';
import {generateKeyPairSync, randomUUID, sign} from 'node:crypto';
import {createServer} from 'node:http';
import {after, before, describe, it} from 'node:test';
import {createEmulator} from '../../emulator/index.js';
import {call, chatBody, parseEvents} from './helpers.mjs';

const APP_ID = '1180000000009';
const KEY_ID = 'kid-strict';
const BOT = '7400000000000000001';

describe('emulator strictness', () => {
  let base;
  let server;
  const {privateKey, publicKey} = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: {type: 'pkcs8', format: 'pem'},
    publicKeyEncoding: {type: 'spki', format: 'pem'},
  });

  before(async () => {
    const emulator = createEmulator({
      speed: 0,
      oauthKeys: [{appId: APP_ID, keyId: KEY_ID, publicKey}],
    });
    server = createServer((req, res) => {
      emulator.handle(req, res).then((handled) => {
        if (!handled) {
          res.writeHead(404);
          res.end();
        }
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      })
  );

  /** A service token minted for one session name through the JWT exchange. */
  async function mint(sessionName, durationSeconds = 900) {
    const now = Math.floor(Date.now() / 1000);
    const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = {
      iss: APP_ID,
      aud: 'api.coze.cn',
      iat: now,
      exp: now + 600,
      jti: randomUUID(),
      session_name: sessionName,
    };
    const unsigned = `${part({alg: 'RS256', typ: 'JWT', kid: KEY_ID})}.${part(claims)}`;
    const jwt = `${unsigned}.${sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
    const res = await fetch(`${base}/api/permission/oauth2/token`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json'},
      body: JSON.stringify({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        duration_seconds: durationSeconds,
      }),
    });
    assert.equal(res.status, 200);
    return (await res.json()).access_token;
  }

  const json = async (path, token, body, method) =>
    (await fetch(`${base}${path}`, call(token, body, method))).json();
  const chat = async (token, question, {conversationId, extra} = {}) => {
    const query = conversationId ? `?conversation_id=${conversationId}` : '';
    const res = await fetch(`${base}/v3/chat${query}`, call(token, chatBody(question, extra)));
    return res;
  };
  const listIds = async (token) =>
    (await json(`/v1/conversations?bot_id=${BOT}`, token)).data.conversations.map((c) => c.id);

  it('keeps each minted session apart: another session cannot list, read, chat in or change it', async () => {
    const ann = await mint('ann');
    const bob = await mint('bob');
    const created = parseEvents(await (await chat(ann, 'hello from ann')).text())[0].data;
    const id = created.conversation_id;
    assert.deepEqual(await listIds(ann), [id]);
    assert.deepEqual(await listIds(bob), []);
    // A second token for the same session is the same identity: her history is there.
    assert.deepEqual(await listIds(await mint('ann')), [id]);

    const q = `conversation_id=${id}`;
    assert.equal((await json(`/v1/conversation/message/list?${q}`, bob, {})).code, 4001);
    assert.equal((await json(`/v1/conversation/retrieve?${q}`, bob)).code, 4001);
    assert.equal((await (await chat(bob, 'let me in', {conversationId: id})).json()).code, 4001);
    assert.equal((await json(`/v1/conversations/${id}`, bob, {name: 'mine'}, 'PUT')).code, 4001);
    assert.equal((await json(`/v1/conversations/${id}`, bob, undefined, 'DELETE')).code, 4001);
    assert.equal((await json(`/v1/conversations/${id}/clear`, bob, {})).code, 4001);
    const chatQuery = `conversation_id=${id}&chat_id=${created.id}`;
    assert.equal((await json(`/v3/chat/retrieve?${chatQuery}`, bob)).code, 4000);
    assert.equal((await json(`/v3/chat/retrieve?${chatQuery}`, ann)).code, 0);
    // A plain token is another account again.
    assert.equal((await json(`/v1/conversation/retrieve?${q}`, 'pat_someone')).code, 4001);
    const own = await json(`/v1/conversation/message/list?${q}`, ann, {});
    assert.equal(own.data.at(-1).content, 'hello from ann');
  });

  it('owns plain-token conversations by account, whatever user_id says', async () => {
    const first = parseEvents(
      await (await chat('pat_shared', 'one', {extra: {user_id: 'ann'}})).text()
    );
    const id = first[0].data.conversation_id;
    const other = await chat('pat_other', 'two', {conversationId: id, extra: {user_id: 'ann'}});
    assert.equal((await other.json()).code, 4001);
    const sameAccount = await chat('pat_shared.rotated', 'three', {conversationId: id});
    assert.equal(parseEvents(await sameAccount.text()).at(-1).event, 'done');
  });

  it('answers 4100 for a minted token once it has expired', async () => {
    const token = await mint('carol', 60);
    assert.equal((await json(`/v1/conversations?bot_id=${BOT}`, token)).code, 0);
    await fetch(`${base}/__emulator/clock`, {
      method: 'POST',
      body: JSON.stringify({advance_seconds: 61}),
    });
    const res = await fetch(`${base}/v1/conversations?bot_id=${BOT}`, call(token));
    assert.equal((await res.json()).code, 4100);
  });

  it("checks meta_data against Coze's limits with 4003", async () => {
    const create = (meta) => json('/v1/conversation/create', 't', {bot_id: BOT, meta_data: meta});
    const pairs = (n) => Object.fromEntries(Array.from({length: n}, (_, i) => [`k${i}`, 'v']));
    assert.equal((await create(pairs(16))).code, 0);
    assert.equal((await create(pairs(17))).code, 4003);
    assert.equal((await create({['k'.repeat(64)]: 'v'})).code, 0);
    assert.equal((await create({['k'.repeat(65)]: 'v'})).code, 4003);
    assert.equal((await create({k: 'v'.repeat(512)})).code, 0);
    assert.equal((await create({k: 'v'.repeat(513)})).code, 4003);

    const onChat = await chat('t', 'hi', {extra: {meta_data: {k: 'v'.repeat(513)}}});
    assert.equal((await onChat.json()).code, 4003);
    const onMessage = await chat('t', 'hi', {
      extra: {
        additional_messages: [
          {role: 'user', content: 'hi', content_type: 'text', meta_data: {quote: 'q'.repeat(513)}},
        ],
      },
    });
    assert.equal((await onMessage.json()).code, 4003);
  });

  it('takes at most 100 additional_messages (4004), 50 on a chatflow', async () => {
    const messages = (n) =>
      Array.from({length: n}, (_, i) => ({role: 'user', content: `m${i}`, content_type: 'text'}));
    const ok = await chat('t', '', {extra: {additional_messages: messages(100)}});
    assert.equal(parseEvents(await ok.text()).at(-1).event, 'done');
    const over = await chat('t', '', {extra: {additional_messages: messages(101)}});
    assert.equal((await over.json()).code, 4004);
    const flow = await json('/v1/workflows/chat', 't', {
      workflow_id: '7400000000000000201',
      app_id: '7400000000000000301',
      additional_messages: messages(51),
    });
    assert.equal(flow.code, 4004);
  });

  it('limits the rate with code 4013, and with HTTP 429 as a gateway does', async () => {
    const rate = await chat('t', 'fail rate');
    assert.equal(rate.status, 200);
    assert.equal((await rate.json()).code, 4013);
    const gateway = await chat('t', 'fail 429');
    assert.equal(gateway.status, 429);
    assert.equal(gateway.headers.get('access-control-allow-origin'), '*');
    assert.equal(await gateway.text(), 'Too Many Requests');
  });

  it('refuses a bot published to the API only on the Chat SDK channel', async () => {
    const bot = '7400000000000000001-api-only';
    const onApi = await chat('t', 'hi', {extra: {bot_id: bot}});
    assert.equal(parseEvents(await onApi.text()).at(-1).event, 'done');
    const onSdk = await chat('t', 'hi', {extra: {bot_id: bot, connector_id: '999'}});
    assert.equal((await onSdk.json()).code, 4015);
    assert.equal((await json(`/v1/bots/${bot}?connector_id=999`, 't')).code, 702242003);
    assert.equal((await json(`/v1/bots/${bot}?connector_id=1024`, 't')).code, 0);
    const list = await json(`/v1/conversations?bot_id=${bot}&connector_id=999`, 't');
    assert.equal(list.code, 702242003);
    const create = await json('/v1/conversation/create', 't', {bot_id: bot, connector_id: '999'});
    assert.equal(create.code, 702242003);
  });

  it('names only a conversation a chat made itself; created messages keep the type sent', async () => {
    const events = parseEvents(await (await chat('t-names', 'name me please')).text());
    const implicit = events[0].data.conversation_id;
    const made = await json('/v1/conversation/create', 't-names', {
      bot_id: BOT,
      messages: [
        {role: 'user', content: 'q', content_type: 'text'},
        {role: 'assistant', content: 'a', content_type: 'text'},
      ],
    });
    await chat('t-names', 'still untitled', {conversationId: made.data.id});
    const names = Object.fromEntries(
      (await json(`/v1/conversations?bot_id=${BOT}`, 't-names')).data.conversations.map((c) => [
        c.id,
        c.name,
      ])
    );
    assert.deepEqual(names, {[implicit]: 'name me please', [made.data.id]: ''});
    const listed = await json(
      `/v1/conversation/message/list?conversation_id=${made.data.id}`,
      't-names',
      {
        order: 'asc',
      }
    );
    assert.deepEqual(
      listed.data.slice(0, 2).map((m) => [m.role, m.type]),
      [
        ['user', ''],
        ['assistant', ''],
      ]
    );
  });

  it('replays a fixture even when its name contains a keyword', async () => {
    // "reasoning" is a keyword too; the replay wins, byte for byte with the fixture's own ids.
    const res = await chat('t', 'fixture chat-reasoning.sse');
    const text = await res.text();
    assert.match(text, /^event:conversation\.chat\.created\ndata:\{"id":"7498100000000000801"/);
  });
});
