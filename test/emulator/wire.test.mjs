// Wire format of the emulator: framing, CORS, envelopes, auth errors.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {call, chatBody, parseEvents, startEmulator} from './helpers.mjs';

describe('emulator wire format', () => {
  let server;
  before(async () => {
    server = await startEmulator();
  });
  after(() => server.close());

  it('streams /v3/chat with no space after the colon and a quoted [DONE]', async () => {
    const res = await fetch(
      `${server.base}/v3/chat`,
      call('tok-framing', chatBody('hello emulator'))
    );
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.match(res.headers.get('x-tt-logid'), /^\d{14}[0-9A-F]{18}$/);
    const text = await res.text();
    assert.ok(text.endsWith('event:done\ndata:"[DONE]"\n\n'));
    for (const line of text.split('\n').filter(Boolean)) {
      assert.match(line, /^(event:\S|data:[{"])/, `bad line: ${line}`);
    }
    const events = parseEvents(text);
    assert.deepEqual(
      events.map((e) => e.event).filter((name, i, all) => name !== all[i - 1]),
      [
        'conversation.chat.created',
        'conversation.chat.in_progress',
        'conversation.message.delta',
        'conversation.message.completed',
        'conversation.chat.completed',
        'done',
      ]
    );
    const deltas = events.filter((e) => e.event === 'conversation.message.delta');
    assert.ok(deltas.length > 5);
    assert.ok(deltas.every((e) => e.data.id === deltas[0].data.id && e.data.role === 'assistant'));
    const completed = events.filter((e) => e.event === 'conversation.message.completed');
    const [answer, verbose, ...followUps] = completed.map((e) => e.data);
    assert.equal(answer.type, 'answer');
    assert.equal(answer.content, deltas.map((e) => e.data.content).join(''));
    assert.match(answer.content, /^You said: \*\*hello emulator\*\*/);
    assert.equal(verbose.type, 'verbose');
    assert.equal(JSON.parse(verbose.content).msg_type, 'generate_answer_finish');
    assert.equal(followUps.length, 3);
    assert.ok(followUps.every((m) => m.type === 'follow_up'));

    const created = events[0].data;
    assert.match(created.id, /^\d{19}$/);
    assert.ok(BigInt(created.id) > 2n ** 53n);
    assert.equal(created.inserted_additional_messages.length, 1);
    const chatDone = events.find((e) => e.event === 'conversation.chat.completed').data;
    assert.equal(chatDone.status, 'completed');
    assert.ok(chatDone.usage.token_count > 0);
  });

  it('answers a CORS preflight with 204 and the allowed headers', async () => {
    const res = await fetch(`${server.base}/v3/chat`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:1234',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
    assert.equal(
      res.headers.get('access-control-allow-headers'),
      'Authorization, Content-Type, Accept-Language, X-Coze-Client-User-Agent'
    );
    assert.match(res.headers.get('access-control-allow-methods'), /DELETE/);
    assert.equal(res.headers.get('access-control-expose-headers'), 'x-tt-logid');
    assert.ok(res.headers.get('access-control-max-age'));
    const log = await (await fetch(`${server.base}/__emulator/requests`)).json();
    const preflight = log.find((e) => e.method === 'OPTIONS');
    assert.equal(preflight.headers['access-control-request-headers'], 'authorization,content-type');
    assert.equal(preflight.status, 204);
  });

  it('rejects an expired token with a 200 JSON 4100, also on /v3/chat', async () => {
    for (const [path, body] of [
      ['/v3/chat', chatBody('hi')],
      ['/v1/bots/1', undefined],
    ]) {
      const res = await fetch(server.base + path, call('token-expired-1', body));
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /^application\/json/);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      const json = await res.json();
      assert.equal(json.code, 4100);
      assert.equal(json.msg, 'authentication is invalid');
      assert.equal(json.detail.logid, res.headers.get('x-tt-logid'));
    }
  });

  it('answers a missing token with HTTP 401 and code 4100', async () => {
    const res = await fetch(`${server.base}/v1/bots/1`);
    assert.equal(res.status, 401);
    assert.equal((await res.json()).code, 4100);
  });

  it('validates /v3/chat like Coze', async () => {
    const missingUser = await fetch(
      `${server.base}/v3/chat`,
      call('t', {...chatBody('x'), user_id: ''})
    );
    assert.equal((await missingUser.json()).code, 4000);
    const noMessages = await fetch(
      `${server.base}/v3/chat`,
      call('t', chatBody('x', {additional_messages: []}))
    );
    assert.equal((await noMessages.json()).code, 4000);
    const unknown = await fetch(
      `${server.base}/v3/chat?conversation_id=123`,
      call('t', chatBody('x'))
    );
    assert.equal((await unknown.json()).code, 4001);
    const unpublished = await fetch(`${server.base}/v1/bots/unpublished-1`, call('t'));
    assert.equal((await unpublished.json()).code, 4015);
  });

  it('returns the bot profile with onboarding', async () => {
    const json = await (
      await fetch(`${server.base}/v1/bots/7400000000000000001`, call('t'))
    ).json();
    assert.equal(json.code, 0);
    assert.equal(json.data.name, 'Emulator Bot');
    assert.match(json.data.onboarding_info.prologue, /\{\{user_name\}\}/);
    assert.equal(json.data.onboarding_info.suggested_questions.length, 3);
    const icon = await fetch(json.data.icon_url.replace(/^http:\/\/[^/]+/, server.base));
    assert.equal(icon.headers.get('content-type'), 'image/svg+xml');
  });

  it('logs requests with selected headers and parsed bodies, filtered by token', async () => {
    await fetch(`${server.base}/v1/conversation/create`, {
      ...call('tok-log-42', {bot_id: '1'}),
      headers: {
        Authorization: 'Bearer tok-log-42',
        'Content-Type': 'application/json',
        'Accept-Language': 'zh',
        'X-Other': 'not logged',
      },
    });
    const log = await (await fetch(`${server.base}/__emulator/requests?token=log-42`)).json();
    assert.equal(log.length, 1);
    assert.deepEqual(log[0].body, {bot_id: '1'});
    assert.equal(log[0].path, '/v1/conversation/create');
    assert.equal(log[0].status, 200);
    assert.equal(log[0].headers['accept-language'], 'zh');
    assert.equal(log[0].headers['x-other'], undefined);
  });

  it('shapes the scripted failures', async () => {
    const ask = (q) => fetch(`${server.base}/v3/chat`, call('tok-fail', chatBody(q)));

    const auth = await ask('please fail auth');
    assert.match(auth.headers.get('content-type'), /^application\/json/);
    assert.equal((await auth.json()).code, 4100);

    const http500 = await ask('fail 500');
    assert.equal(http500.status, 500);
    assert.equal((await http500.json()).code, 5000);

    assert.equal((await (await ask('fail busy')).json()).code, 4016);

    const bare = await ask('fail bare');
    assert.match(bare.headers.get('content-type'), /^text\/event-stream/);
    assert.equal(await bare.text(), '{"code":4100,"msg":"authentication is invalid"}');

    const errorEvent = parseEvents(await (await ask('fail event')).text());
    assert.equal(errorEvent.at(-1).event, 'error');
    assert.equal(errorEvent.at(-1).data.code, 4028);
    assert.equal(errorEvent.filter((e) => e.event === 'conversation.message.delta').length, 3);

    const failed = parseEvents(await (await ask('fail chat')).text()).at(-1);
    assert.equal(failed.event, 'conversation.chat.failed');
    assert.equal(failed.data.status, 'failed');
    assert.equal(failed.data.last_error.code, 5000);

    const bareFailed = parseEvents(await (await ask('fail chatbare')).text()).at(-1);
    assert.deepEqual(Object.keys(bareFailed.data), ['code', 'msg']);
    assert.equal(bareFailed.data.code, '720702204');
  });

  it('streams reasoning before the answer for "think"', async () => {
    const events = parseEvents(
      await (await fetch(`${server.base}/v3/chat`, call('t', chatBody('think about it')))).text()
    );
    const deltas = events
      .filter((e) => e.event === 'conversation.message.delta')
      .map((e) => e.data);
    const firstAnswer = deltas.findIndex((d) => d.content !== '');
    assert.ok(firstAnswer > 0);
    assert.ok(deltas.slice(0, firstAnswer).every((d) => d.reasoning_content && d.content === ''));
    assert.ok(deltas.slice(firstAnswer).every((d) => !('reasoning_content' in d)));
    const answer = events.find((e) => e.event === 'conversation.message.completed').data;
    assert.equal(answer.reasoning_content, undefined);
  });

  it('sends function_call and tool_response before the answer for "tool"', async () => {
    const events = parseEvents(
      await (await fetch(`${server.base}/v3/chat`, call('t', chatBody('use a tool')))).text()
    );
    const types = events
      .filter((e) => e.event.startsWith('conversation.message.'))
      .map((e) => e.data.type)
      .filter((t, i, all) => t !== all[i - 1]);
    assert.deepEqual(types.slice(0, 3), ['function_call', 'tool_response', 'answer']);
    const call0 = JSON.parse(events.find((e) => e.data.type === 'function_call').data.content);
    assert.equal(call0.name, 'weather-get');
  });

  it('streams /v1/workflows/chat with one space after the colon and a debug_url done', async () => {
    const res = await fetch(
      `${server.base}/v1/workflows/chat`,
      call('t', {
        workflow_id: '7400000000000000077',
        app_id: '7400000000000000078',
        parameters: {},
        additional_messages: [{role: 'user', content: 'hello flow', content_type: 'text'}],
      })
    );
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const text = await res.text();
    for (const line of text.split('\n').filter(Boolean)) assert.match(line, /^(event|data): \S/);
    const blocks = text.trim().split('\n\n');
    const last = blocks.at(-1).split('\n');
    assert.equal(last[0], 'event: done');
    assert.match(
      JSON.parse(last[1].slice('data: '.length)).debug_url,
      /^https:\/\/www\.coze\.cn\/work_flow\?/
    );
    assert.ok(!text.includes('"bot_id"'));
  });
});
