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

  it('replays a fixture in the write sizes a test chose, and lists the fixtures', async () => {
    const expected = await readFile(new URL('chat-text.sse', fixtures));
    const res = await fetch(`${server.base}/__emulator/fixture/chat-text.sse?sizes=1,300,7`);
    const reader = res.body.getReader();
    const parts = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
    assert.deepEqual(Buffer.concat(parts), expected);
    assert.ok(parts.length > 1, 'several chunks');
    const list = await (await fetch(`${server.base}/__emulator/fixtures`)).json();
    assert.ok(list.includes('chat-text.sse') && list.includes('real-capture/reasoning-bot-zh.sse'));
    assert.ok(!list.some((f) => f.endsWith('.md')));
  });

  it('hostile say and hostile stream answer what a broken model or server would send', async () => {
    const vector = '<img src=x onerror=alert(1)> fail auth';
    const said = parseEvents(
      await (
        await fetch(
          `${server.base}/v3/chat`,
          call('tok-say', chatBody(`hostile say answer/3 ${vector}`))
        )
      ).text()
    );
    const joined = said
      .filter((e) => e.event === 'conversation.message.delta')
      .map((e) => e.data.content)
      .join('');
    assert.equal(joined, vector);
    const raw = await (
      await fetch(`${server.base}/v3/chat`, call('tok-raw', chatBody('hostile stream cr')))
    ).text();
    assert.ok(raw.includes('\r') && !raw.includes('\n'));
    assert.ok(raw.includes('Framed with CR alone.'));
  });

  it('hangs the requests a hang-<group> token names, and /__emulator/hang, until the client gives up', async () => {
    for (const [url, init] of [
      [`${server.base}/v1/bots/7500000000000000001`, call('tok-hang-profile')],
      [`${server.base}/v1/conversations?bot_id=1`, call('tok-hang-list')],
      [`${server.base}/__emulator/hang`, {}],
    ]) {
      const outcome = await fetch(url, {...init, signal: AbortSignal.timeout(150)}).then(
        () => 'answered',
        (err) => err.name
      );
      assert.equal(outcome, 'TimeoutError', url);
    }
    // Other groups answer as usual.
    const bot = await fetch(`${server.base}/v1/bots/7500000000000000001`, call('tok-hang-list'));
    assert.equal((await bot.json()).code, 0);
  });

  it('serves the profile texts a test set for a bot id', async () => {
    const set = await fetch(`${server.base}/__emulator/profile`, {
      method: 'POST',
      body: JSON.stringify({bot_id: 'b-text', name: '<b>x</b>', suggested_questions: ['q']}),
    });
    assert.equal(set.status, 200);
    const bot = await (await fetch(`${server.base}/v1/bots/b-text`, call('tok-profile'))).json();
    assert.equal(bot.data.name, '<b>x</b>');
    assert.deepEqual(bot.data.onboarding_info.suggested_questions, ['q']);
    const bad = await fetch(`${server.base}/__emulator/profile`, {
      method: 'POST',
      body: '{"name":1}',
    });
    assert.equal(bad.status, 400);
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
