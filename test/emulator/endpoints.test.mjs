// The less central endpoints: non-streaming chat, retrieve, clear, rename, delete, feedback, upload.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {call, chatBody, parseEvents, startEmulator} from './helpers.mjs';

describe('emulator endpoints', () => {
  let server;
  before(async () => {
    server = await startEmulator();
  });
  after(() => server.close());

  const json = async (path, token, body, method) =>
    (await fetch(server.base + path, call(token, body, method))).json();

  it('runs a stream:false chat in the background, visible through retrieve', async () => {
    const started = await json('/v3/chat', 't', chatBody('quietly', {stream: false}));
    assert.equal(started.code, 0);
    assert.ok(['created', 'in_progress'].includes(started.data.status));
    const {id, conversation_id: conversationId} = started.data;
    const query = `conversation_id=${conversationId}&chat_id=${id}`;
    let chat;
    for (let i = 0; i < 50; i++) {
      chat = (await json(`/v3/chat/retrieve?${query}`, 't')).data;
      if (chat.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(chat.status, 'completed');
    const produced = await json(`/v3/chat/message/list?${query}`, 't');
    assert.deepEqual(
      produced.data.map((m) => m.type),
      ['answer', 'verbose', 'follow_up', 'follow_up', 'follow_up']
    );
  });

  it('rejects cancel of an unknown chat with 4000', async () => {
    const reply = await json('/v3/chat/cancel', 't', {conversation_id: '1', chat_id: '2'});
    assert.equal(reply.code, 4000);
  });

  it('does not save a turn with auto_save_history:false', async () => {
    const res = await fetch(
      `${server.base}/v3/chat`,
      call('t', chatBody('forget', {auto_save_history: false}))
    );
    const events = parseEvents(await res.text());
    assert.equal(events[0].data.inserted_additional_messages, undefined);
    const page = await json(
      `/v1/conversation/message/list?conversation_id=${events[0].data.conversation_id}`,
      't',
      {}
    );
    assert.deepEqual(page.data, []);
    assert.equal(page.first_id, '');
  });

  it('renames, clears and deletes a conversation', async () => {
    const {data: conv} = await json('/v1/conversation/create', 't', {
      bot_id: 'b',
      messages: [{role: 'user', content: 'seeded', content_type: 'text'}],
    });
    const renamed = await json(`/v1/conversations/${conv.id}`, 't', {name: 'Trip'}, 'PUT');
    assert.equal(renamed.data.name, 'Trip');
    const cleared = await json(`/v1/conversations/${conv.id}/clear`, 't', undefined, 'POST');
    assert.notEqual(cleared.data.id, conv.last_section_id);
    const page = await json(`/v1/conversation/message/list?conversation_id=${conv.id}`, 't', {});
    assert.equal(page.data[0].content, 'seeded');
    assert.equal((await json(`/v1/conversations/${conv.id}`, 't', undefined, 'DELETE')).code, 0);
    assert.equal(
      (await json(`/v1/conversation/retrieve?conversation_id=${conv.id}`, 't')).code,
      4001
    );
  });

  it('takes feedback on answers only', async () => {
    const events = parseEvents(
      await (await fetch(`${server.base}/v3/chat`, call('t', chatBody('hi')))).text()
    );
    const answer = events.find((e) => e.event === 'conversation.message.completed').data;
    const path = `/v1/conversations/${answer.conversation_id}/messages`;
    assert.equal(
      (await json(`${path}/${answer.id}/feedback`, 't', {feedback_type: 'like'})).code,
      0
    );
    assert.equal(
      (await json(`${path}/${answer.id}/feedback`, 't', {feedback_type: 'meh'})).code,
      4000
    );
    const question = events[0].data.inserted_additional_messages[0].id;
    assert.equal(
      (await json(`${path}/${question}/feedback`, 't', {feedback_type: 'like'})).code,
      4000
    );
  });

  it('uploads a file from multipart form data', async () => {
    const form = new FormData();
    form.append('file', new Blob(['hello file'], {type: 'text/plain'}), 'note.txt');
    const res = await fetch(`${server.base}/v1/files/upload`, {
      method: 'POST',
      headers: {Authorization: 'Bearer tok-upload'},
      body: form,
    });
    const reply = await res.json();
    assert.equal(reply.code, 0);
    assert.equal(reply.data.file_name, 'note.txt');
    assert.equal(reply.data.bytes, 10);
    assert.match(reply.data.id, /^\d{19}$/);
    const [entry] = await (
      await fetch(`${server.base}/__emulator/requests?token=tok-upload`)
    ).json();
    assert.deepEqual(entry.body, {
      multipart: true,
      parts: [{name: 'file', filename: 'note.txt', content_type: 'text/plain', bytes: 10}],
    });
    const again = await json(`/v1/files/retrieve?file_id=${reply.data.id}`, 't');
    assert.equal(again.data.file_name, 'note.txt');
  });

  it('answers unknown API paths with 404 and CORS', async () => {
    const res = await fetch(`${server.base}/v1/nope`, call('t'));
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });
});
