// Conversations and message history kept by the emulator.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {call, chatBody, parseEvents, startEmulator} from './helpers.mjs';

describe('emulator history', () => {
  let server;
  before(async () => {
    server = await startEmulator();
  });
  after(() => server.close());

  /** Runs one chat to the end and returns its events. */
  async function chat(token, question, conversationId) {
    const query = conversationId ? `?conversation_id=${conversationId}` : '';
    const res = await fetch(`${server.base}/v3/chat${query}`, call(token, chatBody(question)));
    return parseEvents(await res.text());
  }

  async function listMessages(token, conversationId, body) {
    const res = await fetch(
      `${server.base}/v1/conversation/message/list?conversation_id=${conversationId}`,
      call(token, body)
    );
    return res.json();
  }

  it('keeps the question and the answer of a finished chat', async () => {
    const events = await chat('tok-hist', 'remember me');
    const created = events[0].data;
    const answer = events.find((e) => e.event === 'conversation.message.completed').data;
    const page = await listMessages('tok-hist', created.conversation_id, {});
    assert.equal(page.code, 0);
    assert.deepEqual(
      page.data.map((m) => [m.role, m.type]),
      [
        ['assistant', 'answer'],
        ['user', 'question'],
      ]
    );
    assert.equal(page.data[0].id, answer.id);
    assert.equal(page.data[0].content, answer.content);
    assert.equal(page.data[1].id, created.inserted_additional_messages[0].id);
    assert.equal(page.data[1].content, 'remember me');
    assert.equal(page.first_id, answer.id);
    assert.equal(page.last_id, page.data[1].id);
    assert.equal(page.has_more, false);
    assert.equal(page.data[0].chat_id, created.id);

    const middle = await listMessages('tok-hist', created.conversation_id, {
      include_middle_message: true,
    });
    // Verbose and follow-up messages are never listed; this chat called no plugin.
    assert.deepEqual(
      middle.data.map((m) => m.type),
      ['answer', 'question']
    );
  });

  it('pages older messages with order desc and after_id, newer with before_id', async () => {
    const first = await chat('tok-page', 'one');
    const conversationId = first[0].data.conversation_id;
    for (const q of ['two', 'three', 'four']) await chat('tok-page', q, conversationId);

    const page1 = await listMessages('tok-page', conversationId, {order: 'desc', limit: 3});
    assert.deepEqual(
      page1.data.map((m) => m.content.replace(/^You said: \*\*(\w+)\*\*[\s\S]*/, 'answer $1')),
      ['answer four', 'four', 'answer three']
    );
    assert.equal(page1.has_more, true);

    const page2 = await listMessages('tok-page', conversationId, {
      order: 'desc',
      limit: 3,
      after_id: page1.last_id,
    });
    assert.deepEqual(
      page2.data.map((m) => m.role),
      ['user', 'assistant', 'user']
    );
    assert.equal(page2.data[0].content, 'three');
    assert.equal(page2.has_more, true);

    const page3 = await listMessages('tok-page', conversationId, {
      order: 'desc',
      limit: 3,
      after_id: page2.last_id,
    });
    assert.deepEqual(
      page3.data.map((m) => m.content.slice(0, 3)),
      ['You', 'one']
    );
    assert.equal(page3.has_more, false);

    const back = await listMessages('tok-page', conversationId, {
      order: 'desc',
      limit: 2,
      before_id: page2.first_id,
    });
    assert.deepEqual(
      back.data.map((m) => m.id),
      page1.data.slice(1).map((m) => m.id)
    );

    const asc = await listMessages('tok-page', conversationId, {order: 'asc', limit: 2});
    assert.equal(asc.data[0].content, 'one');
  });

  it('answers 4001 for an unknown conversation', async () => {
    const page = await listMessages('t', '7499999999999999999', {});
    assert.equal(page.code, 4001);
  });

  it('lists conversations newest first, scoped by token identity, bot and connector', async () => {
    const mk = async (token, body) =>
      (await (await fetch(`${server.base}/v1/conversation/create`, call(token, body))).json()).data;
    const list = async (token, query = '') =>
      (
        await (
          await fetch(`${server.base}/v1/conversations?bot_id=b1&page_size=10${query}`, call(token))
        ).json()
      ).data;
    const a = await mk('tok-owner', {bot_id: 'b1'});
    const b = await mk('tok-owner', {bot_id: 'b1'});
    await mk('tok-owner', {bot_id: 'b2'});
    await mk('tok-owner', {bot_id: 'b1', connector_id: '999'});
    await mk('tok-someone-else', {bot_id: 'b1'});
    const viaUser = await mk('tok-owner', {bot_id: 'b1', user_id: 'alice'});
    assert.match(a.id, /^\d{19}$/);
    assert.equal(a.connector_id, '1024');
    assert.equal(a.last_section_id, a.id);

    await chat('tok-owner', 'bump a', a.id);
    // By creation unless asked otherwise: using `a` does not move it.
    const created = await list('tok-owner');
    assert.deepEqual(
      created.conversations.map((c) => c.id),
      [viaUser.id, b.id, a.id]
    );
    assert.equal(created.has_more, false);
    const used = await list('tok-owner', '&sort_field=updated_at');
    assert.deepEqual(
      used.conversations.map((c) => c.id),
      [a.id, viaUser.id, b.id]
    );
    // Made by conversation/create: untitled until renamed (only a chat without a
    // conversation_id names its new conversation after the question).
    assert.equal(used.conversations[0].name, '');
    const oldest = await list('tok-owner', '&sort_order=ASC');
    assert.equal(oldest.conversations[0].id, a.id);

    // user_id does not choose the owner: another token naming alice sees none of them, while
    // another token of the same account (the text before the first dot) sees them all.
    assert.deepEqual((await list('another-token', '&user_id=alice')).conversations, []);
    assert.equal((await list('tok-owner.second-key')).conversations.length, 3);

    const paged = await (
      await fetch(
        `${server.base}/v1/conversations?bot_id=b1&page_size=2&page_num=1`,
        call('tok-owner')
      )
    ).json();
    assert.equal(paged.data.conversations.length, 2);
    assert.equal(paged.data.has_more, true);
    const badSort = await list('tok-owner', '&sort_field=name');
    assert.equal(badSort, undefined);
  });

  it('forgets everything on reset', async () => {
    const events = await chat('tok-reset', 'hello');
    const conversationId = events[0].data.conversation_id;
    const reset = await fetch(`${server.base}/__emulator/reset`, {method: 'POST'});
    assert.equal(reset.status, 200);
    assert.equal((await listMessages('tok-reset', conversationId, {})).code, 4001);
    const log = await (await fetch(`${server.base}/__emulator/requests`)).json();
    assert.equal(log.length, 1); // the list call made after the reset
  });
});
