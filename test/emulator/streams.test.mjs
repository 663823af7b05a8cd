// Stream control: cancel, cut connections, client hang-ups, busy conversations, fixture replay.
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {after, before, describe, it} from 'node:test';
import {call, chatBody, parseEvents, readEvents, startEmulator} from './helpers.mjs';

const fixtures = new URL('../fixtures/', import.meta.url);

describe('emulator streams', () => {
  let server;
  before(async () => {
    // Slow enough that a stream is still running when the test acts on it.
    server = await startEmulator({speed: 0.25});
  });
  after(() => server.close());

  const log = async (token) =>
    (await fetch(`${server.base}/__emulator/requests?token=${token}`)).json();

  it('cancel stops a slow stream, keeps the question and drops the answer', async () => {
    const res = await fetch(`${server.base}/v3/chat`, call('tok-cancel', chatBody('slow please')));
    let chat;
    let deltas = 0;
    let canceled;
    const events = await readEvents(res, (event, data) => {
      if (event === 'conversation.chat.created') chat = data;
      if (event === 'conversation.message.delta' && ++deltas === 3) {
        canceled = fetch(
          `${server.base}/v3/chat/cancel`,
          call('tok-cancel', {conversation_id: chat.conversation_id, chat_id: chat.id})
        ).then((r) => r.json());
      }
      return false;
    });
    const reply = await canceled;
    assert.equal(reply.code, 0);
    assert.equal(reply.data.status, 'canceled');
    const names = events.map((e) => e.event);
    assert.ok(!names.includes('done') && !names.includes('conversation.chat.completed'));
    assert.ok(deltas < 10, `stream went on for ${deltas} deltas`);

    const page = await (
      await fetch(
        `${server.base}/v1/conversation/message/list?conversation_id=${chat.conversation_id}`,
        call('tok-cancel', {})
      )
    ).json();
    assert.deepEqual(
      page.data.map((m) => m.content),
      ['slow please']
    );

    const again = await fetch(
      `${server.base}/v3/chat/cancel`,
      call('tok-cancel', {conversation_id: chat.conversation_id, chat_id: chat.id})
    );
    assert.equal((await again.json()).code, 4104);
  });

  it('after a cancel, keeps the stream open and silent until the client hangs up', async () => {
    const controller = new AbortController();
    const res = await fetch(`${server.base}/v3/chat`, {
      ...call('tok-linger', chatBody('slow')),
      signal: controller.signal,
    });
    let chat;
    let asked = false;
    const started = Date.now();
    await assert.rejects(
      readEvents(res, (event, data) => {
        if (event === 'conversation.chat.created') chat = data;
        if (event === 'conversation.message.delta' && !asked) {
          asked = true;
          fetch(
            `${server.base}/v3/chat/cancel`,
            call('tok-linger', {conversation_id: chat.conversation_id, chat_id: chat.id})
          ).then(() => setTimeout(() => controller.abort(), 200));
        }
        return false;
      })
    );
    assert.ok(Date.now() - started < 900);
    await new Promise((r) => setTimeout(r, 100));
    const entry = (await log('tok-linger')).find((e) => e.path === '/v3/chat');
    assert.equal(entry.clientAborted, true);
  });

  it('refuses a second chat while one is running (4016)', async () => {
    const res = await fetch(`${server.base}/v3/chat`, call('tok-busy', chatBody('slow')));
    let chat;
    await readEvents(res, (event, data) => {
      if (event === 'conversation.chat.created') chat = data;
      return event === 'conversation.message.delta';
    });
    const second = await fetch(
      `${server.base}/v3/chat?conversation_id=${chat.conversation_id}`,
      call('tok-busy', chatBody('hello'))
    );
    assert.equal((await second.json()).code, 4016);
    await fetch(
      `${server.base}/v3/chat/cancel`,
      call('tok-busy', {conversation_id: chat.conversation_id, chat_id: chat.id})
    );
  });

  it('"fail cut" ends the connection mid-answer without done', async () => {
    const res = await fetch(`${server.base}/v3/chat`, call('tok-cut', chatBody('fail cut')));
    const seen = [];
    await assert.rejects(readEvents(res, (event) => void seen.push(event)));
    assert.ok(seen.includes('conversation.message.delta'));
    assert.ok(!seen.includes('done'));
    const [entry] = await log('tok-cut');
    assert.equal(entry.clientAborted, undefined);
  });

  it('records a client that hangs up mid-stream', async () => {
    const controller = new AbortController();
    const res = await fetch(`${server.base}/v3/chat`, {
      ...call('tok-hangup', chatBody('slow')),
      signal: controller.signal,
    });
    await assert.rejects(
      readEvents(res, (event) => {
        if (event === 'conversation.message.delta') controller.abort();
        return false;
      })
    );
    await new Promise((r) => setTimeout(r, 100));
    const [entry] = await log('tok-hangup');
    assert.equal(entry.clientAborted, true);
    const [complete] = await log('tok-cut');
    assert.equal(complete.clientAborted, undefined);
  });

  it('replays a fixture byte for byte in chunks', async () => {
    const expected = await readFile(new URL('chat-reasoning.sse', fixtures));
    const res = await fetch(`${server.base}/__emulator/fixture/chat-reasoning.sse?chunk=7&delay=0`);
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), expected);

    const json = await fetch(`${server.base}/__emulator/fixture/message-list.json`, {
      method: 'POST',
    });
    assert.equal(json.headers.get('content-type'), 'application/json');
    assert.equal((await json.json()).has_more, true);

    const nested = await fetch(
      `${server.base}/__emulator/fixture/coze-py/chat_failed_resp.txt?type=text/plain`
    );
    assert.equal(nested.headers.get('content-type'), 'text/plain');

    for (const bad of [
      '..%2Fpackage.json',
      'coze-py/..%2F..%2F..%2Fpackage.json',
      '%2Fetc%2Fpasswd',
    ]) {
      const res2 = await fetch(`${server.base}/__emulator/fixture/${bad}`);
      assert.equal(res2.status, 400, bad);
    }
    assert.equal((await fetch(`${server.base}/__emulator/fixture/nope.sse`)).status, 404);
  });

  it('replays a fixture as the /v3/chat answer with "fixture <file>"', async () => {
    const expected = await readFile(new URL('chat-text.sse', fixtures), 'utf8');
    const res = await fetch(`${server.base}/v3/chat`, call('t', chatBody('fixture chat-text.sse')));
    assert.equal(await res.text(), expected);
  });

  it('splits the markdown showcase so its table and code block span deltas', async () => {
    const res = await fetch(`${server.base}/v3/chat`, call('t', chatBody('markdown')));
    const events = parseEvents(await res.text());
    const deltas = events.filter((e) => e.event === 'conversation.message.delta');
    assert.ok(deltas.length > 100);
    assert.ok(
      !deltas.some((e) => e.data.content.includes('```ts') && e.data.content.includes('}\n```'))
    );
  });
});
