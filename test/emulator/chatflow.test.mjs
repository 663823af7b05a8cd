// App mode in the emulator: app and chatflow profiles, named conversations, chatflow turns.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {call, parseEvents, startEmulator} from './helpers.mjs';

const APP = '7400000000000000301';
const WORKFLOW = '7400000000000000302';

/** The body of a `/v1/workflows/chat` request asking `question`. */
function flowBody(question, extra = {}) {
  return {
    workflow_id: WORKFLOW,
    app_id: APP,
    additional_messages: [{role: 'user', content: question, content_type: 'text'}],
    parameters: {},
    connector_id: '999',
    ext: {user_id: 'user-flow'},
    ...extra,
  };
}

/** Events of a chatflow stream (its `event: ` / `data: ` framing read as well). */
const flowEvents = (text) => parseEvents(text.replace(/^(event|data): /gm, '$1:'));

/** The content of the first completed answer. */
const answerOf = (events) =>
  events.find((e) => e.event === 'conversation.message.completed' && e.data.type === 'answer')?.data
    .content;

/** Event names with runs collapsed: `conversation.message.delta` once per run. */
const names = (events) => events.map((e) => e.event).filter((name, i, all) => name !== all[i - 1]);

/** The types of a stream's completed messages; verbose ones as `verbose:<msg_type>`. */
const completedKinds = (events) =>
  events
    .filter((e) => e.event === 'conversation.message.completed')
    .map((e) =>
      e.data.type === 'verbose' ? `verbose:${JSON.parse(e.data.content).msg_type}` : e.data.type
    );

describe('emulator app mode', () => {
  let server;
  const flow = async (token, question, extra) =>
    flowEvents(
      await (
        await fetch(`${server.base}/v1/workflows/chat`, call(token, flowBody(question, extra)))
      ).text()
    );
  const create = async (token, body) =>
    (await fetch(`${server.base}/v1/conversation/create`, call(token, body))).json();

  before(async () => {
    server = await startEmulator();
  });
  after(() => server.close());

  it('describes the app; an unpublished app is 4200', async () => {
    const res = await fetch(
      `${server.base}/v1/apps/${APP}?version=1.2.0&connector_id=999`,
      call('tok-app')
    );
    const body = await res.json();
    assert.equal(body.code, 0);
    assert.equal(body.data.app_id, APP);
    assert.equal(body.data.name, 'Emulator App');
    assert.equal(body.data.version, '1.2.0');
    assert.ok(body.data.description);
    assert.match(body.data.icon_url, /^http:\/\/127\.0\.0\.1:\d+\/__emulator\/app-icon\.svg$/);
    const icon = await fetch(body.data.icon_url);
    assert.equal(icon.headers.get('content-type'), 'image/svg+xml');

    const missing = await (await fetch(`${server.base}/v1/apps/unpublished_1`, call('t'))).json();
    assert.equal(missing.code, 4200);
    assert.ok(missing.msg);
  });

  it('serves the chatflow role with its onboarding', async () => {
    const body = await (
      await fetch(`${server.base}/v1/workflows/${WORKFLOW}?connector_id=999`, call('tok-role'))
    ).json();
    assert.equal(body.code, 0);
    assert.equal(body.data.workflow_detail.workflow_id, WORKFLOW);
    const {role} = body.data;
    assert.equal(role.name, 'Emulator Chatflow');
    assert.match(role.avatar.image_url, /\/__emulator\/chatflow-icon\.svg$/);
    assert.match(
      role.onboarding_info.prologue,
      /^Hello \{\{user_name\}\}, I am a chatflow running in the emulator\./
    );
    assert.equal(role.onboarding_info.suggested_questions.length, 3);
    assert.match(role.onboarding_info.suggested_questions[0], /size/);

    const plain = await (await fetch(`${server.base}/v1/workflows/plain_1`, call('t'))).json();
    assert.deepEqual(Object.keys(plain.data), ['workflow_detail']);
    assert.equal(plain.data.workflow_detail.workflow_name, 'emulator_chatflow');

    const missing = await (
      await fetch(`${server.base}/v1/workflows/unpublished_9`, call('t'))
    ).json();
    assert.equal(missing.code, 4200);
  });

  it('get_or_create returns the same conversation for the same owner, app and name', async () => {
    const named = (extra = {}) => ({
      app_id: APP,
      workflow_id: WORKFLOW,
      conversation_name: 'Default',
      get_or_create: true,
      connector_id: '999',
      ...extra,
    });
    const first = await create('tok-goc', named());
    assert.equal(first.code, 0);
    assert.match(first.data.id, /^\d{19}$/);
    assert.equal(first.data.name, 'Default');
    assert.equal(first.data.connector_id, '999');
    assert.equal((await create('tok-goc', named())).data.id, first.data.id);

    const others = [
      await create('tok-goc', named({conversation_name: 'Second'})),
      await create('tok-goc-other', named()),
      await create('tok-goc', named({app_id: '7400000000000000399'})),
      await create('tok-goc', named({get_or_create: false})),
    ];
    const ids = new Set([first.data.id, ...others.map((o) => o.data.id)]);
    assert.equal(ids.size, 5);

    // The owner is the token's identity: user_id changes nothing, as on Coze.
    assert.equal((await create('tok-goc', named({user_id: 'alice'}))).data.id, others[3].data.id);
    // get_or_create:false made a newer "Default": that one is found from now on.
    const newest = others[3].data.id;
    assert.equal((await create('tok-goc', named())).data.id, newest);

    const bad = await create('tok-goc', {get_or_create: true, conversation_name: 'Default'});
    assert.equal(bad.code, 4000);
  });

  it('streams a chatflow turn with one space after each colon, in the conversation from the body', async () => {
    const conversation = (await create('tok-flow', {app_id: APP, conversation_name: 'Default'}))
      .data;
    const res = await fetch(
      `${server.base}/v1/workflows/chat`,
      call('tok-flow', flowBody('hello flow', {conversation_id: conversation.id}))
    );
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const text = await res.text();
    for (const line of text.split('\n').filter(Boolean)) {
      assert.match(line, /^(event: [a-z][a-z._]*|data: [{"].*)$/, `bad line: ${line}`);
      assert.doesNotMatch(line, /^(event|data): {2}/);
    }
    const events = flowEvents(text);
    assert.deepEqual(names(events), [
      'conversation.chat.created',
      'conversation.chat.in_progress',
      'conversation.message.delta',
      'conversation.message.completed',
      'conversation.chat.completed',
      'done',
    ]);
    const chat = events[0].data;
    assert.equal(chat.conversation_id, conversation.id);
    assert.equal(chat.bot_id, undefined);
    assert.equal(chat.section_id, conversation.last_section_id);
    for (const e of events.filter((x) => x.event.startsWith('conversation.message.'))) {
      assert.equal(e.data.bot_id, undefined);
      assert.equal(e.data.section_id, conversation.last_section_id);
    }
    assert.match(answerOf(events), /^You said: \*\*hello flow\*\*/);
    const done = events.at(-1).data;
    const link = new URL(done.debug_url);
    assert.equal(link.origin + link.pathname, 'https://www.coze.cn/work_flow');
    assert.equal(link.searchParams.get('execute_id'), chat.id);
    assert.equal(link.searchParams.get('workflow_id'), WORKFLOW);
    assert.match(link.searchParams.get('space_id'), /^\d+$/);
  });

  it('validates /v1/workflows/chat like Coze', async () => {
    const rejected = async (body) =>
      (await (await fetch(`${server.base}/v1/workflows/chat`, call('t', body))).json()).code;
    const base = flowBody('hi');
    const without = (key) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key));
    assert.equal(await rejected(without('workflow_id')), 4000);
    assert.equal(await rejected({...base, parameters: '{}'}), 4000);
    assert.equal(await rejected(without('app_id')), 4000);
    assert.equal(await rejected({...base, bot_id: '7400000000000000001'}), 4000);
    assert.equal(await rejected({...base, additional_messages: []}), 4000);
    assert.equal(await rejected({...base, conversation_id: '7499999999999999999'}), 4001);
    assert.equal(await rejected({...base, workflow_id: 'unpublished_flow'}), 4200);
    // A library chatflow run inside a bot names bot_id instead.
    const viaBot = await flow('t', 'hi', {app_id: undefined, bot_id: '7400000000000000001'});
    assert.equal(viaBot.at(-1).event, 'done');
    // `parameters` may be left out (the start node then gets none).
    const noParameters = await fetch(
      `${server.base}/v1/workflows/chat`,
      call('t', without('parameters'))
    );
    assert.equal(flowEvents(await noParameters.text()).at(-1).event, 'done');
  });

  it('pauses on the size question, then resumes with the reply in the same conversation', async () => {
    const asked = await flow('tok-size', 'I want a jacket, what size?');
    assert.deepEqual(names(asked), [
      'conversation.chat.created',
      'conversation.chat.in_progress',
      'conversation.message.delta',
      'conversation.message.completed',
      'done',
    ]);
    assert.deepEqual(completedKinds(asked), [
      'answer',
      'verbose:interrupt',
      'verbose:generate_answer_finish',
    ]);
    const completed = asked.filter((e) => e.event === 'conversation.message.completed');
    assert.equal(completed[0].data.content, 'Which size do you need: S, M or L?');
    assert.equal(JSON.parse(completed[1].data.content).data, '');
    const finish = JSON.parse(JSON.parse(completed[2].data.content).data);
    assert.equal(finish.finish_reason, 1);
    assert.ok(asked.at(-1).data.debug_url);
    const conversationId = asked[0].data.conversation_id;
    const askedChat = asked[0].data.id;

    // The question was a chat of its own: retrieve shows it waiting, cancel is refused.
    const retrieved = await (
      await fetch(
        `${server.base}/v3/chat/retrieve?conversation_id=${conversationId}&chat_id=${askedChat}`,
        call('tok-size')
      )
    ).json();
    assert.equal(retrieved.data.status, 'requires_action');
    const cancel = await fetch(
      `${server.base}/v3/chat/cancel`,
      call('tok-size', {conversation_id: conversationId, chat_id: askedChat})
    );
    assert.equal((await cancel.json()).code, 4104);

    const unclear = await flow('tok-size', 'purple please', {conversation_id: conversationId});
    assert.deepEqual(completedKinds(unclear).slice(-2), [
      'verbose:interrupt',
      'verbose:generate_answer_finish',
    ]);
    assert.match(answerOf(unclear), /^Sorry/);

    const resumed = await flow('tok-size', 'M', {conversation_id: conversationId});
    assert.equal(resumed[0].data.conversation_id, conversationId);
    assert.notEqual(resumed[0].data.id, askedChat);
    assert.ok(names(resumed).includes('conversation.chat.completed'));
    assert.equal(resumed.at(-1).event, 'done');
    assert.match(answerOf(resumed), /^Noted: size M\. /);

    // Answered: the next "M" is an ordinary message again.
    const after = await flow('tok-size', 'M', {conversation_id: conversationId});
    assert.match(answerOf(after), /^You said/);

    const history = await (
      await fetch(
        `${server.base}/v1/conversation/message/list?conversation_id=${conversationId}`,
        call('tok-size', {order: 'asc'})
      )
    ).json();
    assert.deepEqual(
      history.data.filter((m) => m.type === 'answer').map((m) => m.content.slice(0, 12)),
      ['Which size d', 'Sorry, I did', 'Noted: size ', 'You said: **']
    );
  });

  it('"fail chat" sends only conversation.chat.failed with a bare string code', async () => {
    const events = await flow('tok-fail', 'fail chat');
    assert.equal(events.length, 1);
    assert.equal(events[0].event, 'conversation.chat.failed');
    assert.deepEqual(Object.keys(events[0].data), ['code', 'msg']);
    assert.equal(events[0].data.code, '720702204');
  });

  it('reuses the bot triggers, and its help lists the size question', async () => {
    const markdown = await flow('t', 'show me some markdown');
    assert.match(answerOf(markdown), /^## Markdown/);
    const help = await flow('t', 'help');
    const text = answerOf(help);
    assert.match(text, /`size`/);
    assert.match(text, /`fail chat`/);
    const bare = await fetch(`${server.base}/v1/workflows/chat`, call('t', flowBody('fail auth')));
    assert.equal((await bare.json()).code, 4100);
  });

  it('logs the app-mode requests', async () => {
    await fetch(`${server.base}/v1/apps/${APP}`, call('tok-logged'));
    await fetch(`${server.base}/v1/workflows/${WORKFLOW}`, call('tok-logged'));
    await flow('tok-logged', 'hello');
    const log = await (await fetch(`${server.base}/__emulator/requests?token=tok-logged`)).json();
    assert.deepEqual(
      log.map((r) => `${r.method} ${r.path} ${r.status}`),
      [
        `GET /v1/apps/${APP} 200`,
        `GET /v1/workflows/${WORKFLOW} 200`,
        'POST /v1/workflows/chat 200',
      ]
    );
    assert.deepEqual(log[2].body.parameters, {});
  });
});
