/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {CozeApiError} from '../../src/api/errors.js';
import type {ChatRequest, CozeStreamEvent, EnterMessage} from '../../src/api/types.js';
import {
  answer,
  clientFor,
  collect,
  failure,
  loggedRequests,
  refresher,
  runs,
  uniqueToken,
  until,
} from './helpers.js';
import type {ChatEvent} from './helpers.js';
import type {LoggedRequest} from './helpers.js';

const BOT = '7498100000000000002';

/** Headers a request may carry; everything else the browser adds is not ours. */
const OWN_HEADERS = new Set(['authorization', 'content-type', 'accept-language']);
/** Headers the browser adds by itself and the emulator logs. */
const BROWSER_HEADERS = new Set(['origin', 'referer']);

function ask(text: string, extra: Partial<ChatRequest> = {}): ChatRequest {
  return {
    botId: BOT,
    userId: 'user_api_tests',
    additionalMessages: [{role: 'user', content: text, content_type: 'text'}],
    ...extra,
  };
}

function chatRequests(log: LoggedRequest[]): LoggedRequest[] {
  return log.filter((r) => r.method === 'POST' && r.path === '/v3/chat');
}

function assertOnlyAllowedHeaders(request: LoggedRequest): void {
  for (const name of Object.keys(request.headers)) {
    expect(
      OWN_HEADERS.has(name) || BROWSER_HEADERS.has(name),
      `unexpected header ${name}`
    ).to.equal(true);
  }
  expect(request.headers).not.to.have.property('cookie');
}

describe('CozeClient against the emulator', () => {
  before(() => {
    // A cookie for this origin: requests must not carry it (credentials: 'omit').
    document.cookie = 'coze_api_test_session=should-not-be-sent; path=/';
  });

  after(() => {
    document.cookie = 'coze_api_test_session=; path=/; max-age=0';
  });

  describe('requests on the wire', () => {
    it('streams a chat: bot_id, user_id, stream, question and conversation_id in the query only', async () => {
      const token = uniqueToken('wire');
      const client = clientFor({token}, {lang: 'zh-CN'});
      const conversation = await client.createConversation({botId: BOT, userId: 'user_wire'});
      expect(conversation.id).to.be.a('string').and.match(/^\d+$/);

      const result = await collect(
        client.streamChat(ask('Hello from the wire test', {conversationId: conversation.id}))
      );
      expect(result.error).to.equal(undefined);
      const names = runs(result.events);
      expect(names[0]).to.equal('conversation.chat.created');
      expect(names.at(-1)).to.equal('done');
      expect(names).to.include('conversation.chat.completed');
      const {deltas, completed} = answer(result.events);
      expect(completed).to.contain('Hello from the wire test');
      expect(deltas).to.equal(completed);
      const created = result.events[0] as ChatEvent;
      expect(created.chat.conversation_id).to.equal(conversation.id);

      const [request, ...others] = chatRequests(await loggedRequests(token));
      expect(others).to.have.length(0);
      expect(request!.query).to.deep.equal({conversation_id: conversation.id});
      const body = request!.body as Record<string, unknown>;
      expect(body).not.to.have.property('conversation_id');
      expect(body.bot_id).to.equal(BOT);
      expect(body.user_id).to.be.a('string').and.not.equal('');
      expect(body.stream).to.equal(true);
      expect(body.connector_id).to.equal('999');
      const messages = body.additional_messages as EnterMessage[];
      expect(messages.at(-1)).to.deep.include({role: 'user', content: 'Hello from the wire test'});
      expect(request!.headers.authorization).to.equal(`Bearer ${token}`);
      expect(request!.headers['content-type']).to.equal('application/json');
      expect(request!.headers['accept-language']).to.equal('zh');
      assertOnlyAllowedHeaders(request!);
    });

    it('sends GETs without a body or Content-Type, and Accept-Language en for other languages', async () => {
      const token = uniqueToken('bot');
      const client = clientFor({token}, {lang: 'fr'});
      const info = await client.getBotInfo(BOT);
      expect(info.id).to.equal(BOT);
      expect(info.name).to.equal('Emulator Bot');
      expect(info.iconUrl).to.be.a('string');
      expect(info.prologue).to.contain('{{user_name}}');
      expect(info.suggestedQuestions.length).to.be.greaterThan(0);
      const [request] = await loggedRequests(token);
      expect(request!.method).to.equal('GET');
      expect(request!.path).to.equal(`/v1/bots/${BOT}`);
      expect(request!.headers).not.to.have.property('content-type');
      expect(request!.headers['accept-language']).to.equal('en');
      assertOnlyAllowedHeaders(request!);
    });

    it('sets no Accept-Language of its own when no language is set, and encodes ids in paths', async () => {
      const token = uniqueToken('path');
      const client = clientFor({token});
      const info = await client.getBotInfo('bot/with space');
      expect(info.id).to.equal('bot/with space');
      const [request] = await loggedRequests(token);
      expect(request!.path).to.equal('/v1/bots/bot%2Fwith%20space');
      // The browser may add its own default; we add none of ours.
      expect(request!.headers['accept-language'] ?? '').not.to.match(/^(zh|en)$/);
    });

    it('lists conversations with the documented query', async () => {
      const token = uniqueToken('list');
      const userId = uniqueToken('owner');
      const client = clientFor({token});
      const a = await client.createConversation({botId: BOT, userId, name: 'first'});
      const b = await client.createConversation({botId: BOT, userId, name: 'second'});
      const page = await client.listConversations({botId: BOT, userId});
      expect(page.conversations.map((c) => c.id)).to.include.members([a.id, b.id]);
      expect(page.hasMore).to.equal(false);
      const request = (await loggedRequests(token)).find((r) => r.path === '/v1/conversations')!;
      expect(request.query).to.deep.equal({
        bot_id: BOT,
        connector_id: '999',
        page_num: '1',
        page_size: '20',
        sort_order: 'DESC',
        // Most recently used first, as the official widget lists them.
        sort_field: 'updated_at',
        user_id: userId,
      });
      const create = (await loggedRequests(token)).find(
        (r) => r.path === '/v1/conversation/create'
      )!;
      expect(create.body).to.deep.include({bot_id: BOT, connector_id: '999', name: 'first'});
    });

    it('pages messages with afterId (order desc), ids kept as strings', async () => {
      const token = uniqueToken('paging');
      const client = clientFor({token});
      const messages: EnterMessage[] = [1, 2, 3, 4, 5].map((n) => ({
        role: n % 2 ? 'user' : 'assistant',
        type: n % 2 ? 'question' : 'answer',
        content: `message ${n}`,
        content_type: 'text',
      }));
      const conversation = await client.createConversation({botId: BOT, messages});
      const first = await client.listMessages(conversation.id, {limit: 2});
      expect(first.messages.map((m) => m.content)).to.deep.equal(['message 5', 'message 4']);
      expect(first.hasMore).to.equal(true);
      expect(first.firstId).to.equal(first.messages[0]!.id);
      expect(first.lastId).to.be.a('string').and.equal(first.messages[1]!.id);
      const second = await client.listMessages(conversation.id, {limit: 2, afterId: first.lastId!});
      expect(second.messages.map((m) => m.content)).to.deep.equal(['message 3', 'message 2']);
      const third = await client.listMessages(conversation.id, {limit: 2, afterId: second.lastId!});
      expect(third.messages.map((m) => m.content)).to.deep.equal(['message 1']);
      expect(third.hasMore).to.equal(false);

      const lists = (await loggedRequests(token)).filter(
        (r) => r.path === '/v1/conversation/message/list'
      );
      expect(lists).to.have.length(3);
      expect(lists[0]!.query).to.deep.equal({conversation_id: conversation.id});
      expect(lists[0]!.body).to.deep.equal({order: 'desc', limit: 2});
      expect(lists[1]!.body).to.deep.equal({order: 'desc', limit: 2, after_id: first.lastId});
    });
  });

  describe('conversation housekeeping', () => {
    it('renames, clears context, gives feedback, uploads a file and deletes', async () => {
      const token = uniqueToken('house');
      const client = clientFor({token});
      const conversation = await client.createConversation({
        botId: BOT,
        messages: [
          {role: 'user', type: 'question', content: 'q', content_type: 'text'},
          {role: 'assistant', type: 'answer', content: 'a', content_type: 'text'},
        ],
      });
      const renamed = await client.renameConversation(conversation.id, 'Renamed');
      expect(renamed.name).to.equal('Renamed');

      const section = await client.clearContext(conversation.id);
      expect(section.conversation_id).to.equal(conversation.id);
      expect(section.id).to.be.a('string').and.not.equal('');

      const {messages} = await client.listMessages(conversation.id);
      const reply = messages.find((m) => m.type === 'answer')!;
      await client.sendFeedback(conversation.id, reply.id, {
        feedbackType: 'unlike',
        reasonTypes: ['Inaccurate'],
        comment: 'wrong city',
      });
      await client.deleteFeedback(conversation.id, reply.id);

      const file = await client.uploadFile(
        new Blob(['hello file'], {type: 'text/plain'}),
        'note.txt'
      );
      expect(file.id).to.be.a('string').and.not.equal('');
      expect(file.file_name).to.equal('note.txt');
      expect(file.bytes).to.equal(10);

      await client.deleteConversation(conversation.id);
      const gone = await failure(client.listMessages(conversation.id));
      expect(gone.code).to.equal(4001);

      const log = await loggedRequests(token);
      const feedback = log.filter((r) => r.path.endsWith('/feedback'));
      expect(feedback.map((r) => r.method)).to.deep.equal(['POST', 'DELETE']);
      expect(feedback[0]!.path).to.equal(
        `/v1/conversations/${conversation.id}/messages/${reply.id}/feedback`
      );
      expect(feedback[0]!.body).to.deep.equal({
        feedback_type: 'unlike',
        reason_types: ['Inaccurate'],
        comment: 'wrong city',
      });
      const rename = log.find((r) => r.method === 'PUT')!;
      expect(rename.body).to.deep.equal({name: 'Renamed'});
      const upload = log.find((r) => r.path === '/v1/files/upload')!;
      expect(upload.headers['content-type']).to.match(/^multipart\/form-data; boundary=/);
      for (const request of log) assertOnlyAllowedHeaders(request);
    });
  });

  describe('token refresh', () => {
    it('refreshes an expired token once and retries once', async () => {
      const id = uniqueToken('refresh');
      const {calls, onRefreshToken} = refresher(`fresh_${id}`);
      const client = clientFor({token: `expired_${id}`, onRefreshToken});
      const info = await client.getBotInfo(BOT);
      expect(info.name).to.equal('Emulator Bot');
      expect(calls).to.deep.equal([`expired_${id}`]);
      const log = await loggedRequests(id);
      expect(log.map((r) => r.headers.authorization)).to.deep.equal([
        `Bearer expired_${id}`,
        `Bearer fresh_${id}`,
      ]);
      // Later calls use the new token straight away.
      await client.getBotInfo(BOT);
      expect(calls).to.have.length(1);
      expect(await loggedRequests(id)).to.have.length(3);
    });

    it('refreshes and retries the streaming call before yielding any event', async () => {
      const id = uniqueToken('stream_refresh');
      const {calls, onRefreshToken} = refresher(`fresh_${id}`);
      const client = clientFor({token: `expired_${id}`, onRefreshToken});
      const result = await collect(client.streamChat(ask('hello after refresh')));
      expect(result.error).to.equal(undefined);
      expect(runs(result.events)[0]).to.equal('conversation.chat.created');
      expect(result.events.filter((e) => e.event === 'error')).to.have.length(0);
      expect(calls).to.have.length(1);
      const chats = chatRequests(await loggedRequests(id));
      expect(chats.map((r) => r.headers.authorization)).to.deep.equal([
        `Bearer expired_${id}`,
        `Bearer fresh_${id}`,
      ]);
    });

    it('gets the first token from onRefreshToken when none is set', async () => {
      const id = uniqueToken('lazy');
      const {calls, onRefreshToken} = refresher(`lazy_${id}`);
      const client = clientFor({onRefreshToken});
      await client.getBotInfo(BOT);
      expect(calls).to.deep.equal(['']);
      expect((await loggedRequests(id))[0]!.headers.authorization).to.equal(`Bearer lazy_${id}`);
    });

    it('shares one refresh between concurrent requests', async () => {
      const id = uniqueToken('concurrent');
      const {calls, onRefreshToken} = refresher(`fresh_${id}`, 50);
      const client = clientFor({token: `expired_${id}`, onRefreshToken});
      const results = await Promise.all([
        client.getBotInfo(BOT),
        client.listConversations({botId: BOT}),
        collect(client.streamChat(ask('concurrent hello'))),
      ]);
      expect(results[0].name).to.equal('Emulator Bot');
      expect(results[2].error).to.equal(undefined);
      expect(calls).to.have.length(1);
      const log = await loggedRequests(id);
      expect(log.filter((r) => r.headers.authorization === `Bearer expired_${id}`)).to.have.length(
        3
      );
      expect(log.filter((r) => r.headers.authorization === `Bearer fresh_${id}`)).to.have.length(3);
    });

    it('surfaces a second auth failure after the refresh instead of looping', async () => {
      const id = uniqueToken('loop');
      const {calls, onRefreshToken} = refresher((n) => `still_expired_${n}_${id}`);
      const client = clientFor({token: `expired_${id}`, onRefreshToken});
      const err = await failure(client.getBotInfo(BOT));
      expect(err.kind).to.equal('api');
      expect(err.code).to.equal(4100);
      expect(err.logId).to.be.a('string').and.not.equal('');
      expect(calls).to.have.length(1);
      expect(await loggedRequests(id)).to.have.length(2);

      const streamErr = await failure(
        collect(client.streamChat(ask('hi'))).then((r) => Promise.reject(r.error))
      );
      expect(streamErr.code).to.equal(4100);
      expect(calls).to.have.length(2);
      expect(chatRequests(await loggedRequests(id))).to.have.length(2);
    });

    it('fails at once with the Coze error when there is nothing to refresh with', async () => {
      const id = uniqueToken('norefresh');
      const client = clientFor({token: `expired_${id}`});
      const err = await failure(client.getBotInfo(BOT));
      expect(err.code).to.equal(4100);
      expect(err.message).to.equal('authentication is invalid');
      expect(await loggedRequests(id)).to.have.length(1);
    });

    it('reports a missing token without any request', async () => {
      const client = clientFor({});
      const err = await failure(client.getBotInfo(BOT));
      expect(err.code).to.equal(4100);
      expect(err.message).to.match(/No token/);
    });

    it('treats a bare auth error at the start of the stream like a rejection', async () => {
      const id = uniqueToken('bare');
      const {calls, onRefreshToken} = refresher(`fresh_${id}`);
      const client = clientFor({token: `tok_${id}`, onRefreshToken});
      const result = await collect(client.streamChat(ask('fail bare')));
      expect(result.events).to.deep.equal([]);
      expect((result.error as CozeApiError).code).to.equal(4100);
      // One refresh and one retry, which failed the same way.
      expect(calls).to.have.length(1);
      expect(chatRequests(await loggedRequests(id))).to.have.length(2);
    });
  });

  describe('failures', () => {
    it('fail cut: yields the partial deltas, then throws kind interrupted', async () => {
      const token = uniqueToken('cut');
      const result = await collect(clientFor({token}).streamChat(ask('fail cut')));
      const {deltas, completed} = answer(result.events);
      expect(deltas.length).to.be.greaterThan(0);
      expect('Let me look into that for you, one moment while I'.startsWith(deltas)).to.equal(true);
      expect(completed).to.equal(undefined);
      expect(result.error).to.be.instanceOf(CozeApiError);
      const err = result.error as CozeApiError;
      expect(err.kind).to.equal('interrupted');
      expect(err.logId).to.be.a('string');
    });

    it('fail 500: HTTP 500 becomes a CozeApiError with status 500', async () => {
      const token = uniqueToken('500');
      const result = await collect(clientFor({token}).streamChat(ask('fail 500')));
      expect(result.events).to.deep.equal([]);
      const err = result.error as CozeApiError;
      expect(err).to.be.instanceOf(CozeApiError);
      expect(['api', 'http']).to.include(err.kind);
      expect(err.status).to.equal(500);
      expect(err.code).to.equal(5000);
    });

    it('fail busy: rejected with code 4016', async () => {
      const token = uniqueToken('busy');
      const result = await collect(clientFor({token}).streamChat(ask('fail busy')));
      const err = result.error as CozeApiError;
      expect(err).to.be.instanceOf(CozeApiError);
      expect(err.kind).to.equal('api');
      expect(err.code).to.equal(4016);
      expect(err.message).to.match(/already in progress/);
    });

    it('fail event: an error event ends the stream', async () => {
      const result = await collect(
        clientFor({token: uniqueToken('event')}).streamChat(ask('fail event'))
      );
      expect(result.error).to.equal(undefined);
      const last = result.events.at(-1)!;
      expect(last.event).to.equal('error');
    });

    it('fail chat: conversation.chat.failed with last_error ends the stream', async () => {
      const result = await collect(
        clientFor({token: uniqueToken('chatfail')}).streamChat(ask('fail chat'))
      );
      expect(result.error).to.equal(undefined);
      const last = result.events.at(-1) as Extract<
        CozeStreamEvent,
        {event: 'conversation.chat.failed'}
      >;
      expect(last.event).to.equal('conversation.chat.failed');
      expect(last.error.code).to.equal(5000);
      expect(last.chat?.status).to.equal('failed');
    });

    it('a non-Coze 404 becomes kind http', async () => {
      const client = clientFor(
        {token: uniqueToken('http')},
        {apiBase: `${location.origin}/__no_such_api`}
      );
      const err = await failure(client.getBotInfo(BOT));
      expect(err.kind).to.equal('http');
      expect(err.status).to.equal(404);
      expect(err.message).to.match(/HTTP 404/);
    });

    it('an unreachable apiBase becomes kind network with a readable message', async () => {
      const token = uniqueToken('network');
      const client = clientFor({token}, {apiBase: 'http://127.0.0.1:1'});
      const err = await failure(client.getBotInfo(BOT));
      expect(err.kind).to.equal('network');
      expect(err.message).to.contain('http://127.0.0.1:1');
      expect(err.message).to.match(/could not reach/i);
      const streamed = await collect(client.streamChat(ask('hi')));
      expect((streamed.error as CozeApiError).kind).to.equal('network');
    });

    it('never puts the token in an error message', async () => {
      const token = uniqueToken('secret');
      const errors: CozeApiError[] = [];
      errors.push(
        await failure(clientFor({token}, {apiBase: 'http://127.0.0.1:1'}).getBotInfo(BOT))
      );
      errors.push(await failure(clientFor({token: `expired_${token}`}).getBotInfo(BOT)));
      const cut = await collect(clientFor({token}).streamChat(ask('fail cut')));
      errors.push(cut.error as CozeApiError);
      const busy = await collect(clientFor({token}).streamChat(ask('fail busy')));
      errors.push(busy.error as CozeApiError);
      errors.push(
        await failure(
          clientFor({
            token: `expired_${token}`,
            onRefreshToken: () => `expired_again_${token}`,
          }).getBotInfo(BOT)
        )
      );
      errors.push(
        await failure(
          clientFor({
            token: `expired_${token}`,
            onRefreshToken: (old) => {
              throw new Error(`could not renew ${old}`);
            },
          }).getBotInfo(BOT)
        )
      );
      expect(errors).to.have.length(6);
      for (const err of errors) {
        expect(err).to.be.instanceOf(CozeApiError);
        expect(err.message, err.message).not.to.contain(token);
        expect(String(err)).not.to.contain(token);
      }
    });
  });

  describe('abort and cancel', () => {
    it('aborting mid-stream throws AbortError and the emulator sees the client hang up', async () => {
      const token = uniqueToken('abort');
      const controller = new AbortController();
      const events: CozeStreamEvent[] = [];
      let caught: unknown;
      try {
        for await (const event of clientFor({token}).streamChat(ask('slow'), {
          signal: controller.signal,
        })) {
          events.push(event);
          if (events.filter((e) => e.event === 'conversation.message.delta').length === 2)
            controller.abort();
        }
      } catch (err) {
        caught = err;
      }
      expect(caught).to.be.instanceOf(DOMException);
      expect((caught as DOMException).name).to.equal('AbortError');
      expect(events.some((e) => e.event === 'done')).to.equal(false);
      await until(async () => chatRequests(await loggedRequests(token))[0]?.clientAborted === true);
    });

    it('aborting before the answer starts rejects with AbortError, without any request', async () => {
      const id = uniqueToken('preabort');
      const {calls, onRefreshToken} = refresher(`lazy_${id}`);
      const client = clientFor({onRefreshToken});
      const controller = new AbortController();
      controller.abort();
      const result = await collect(client.streamChat(ask('hi'), {signal: controller.signal}));
      expect(result.error).to.be.instanceOf(DOMException);
      expect((result.error as DOMException).name).to.equal('AbortError');
      let caught: unknown;
      try {
        await client.getBotInfo(BOT, {signal: controller.signal});
      } catch (err) {
        caught = err;
      }
      expect((caught as DOMException).name).to.equal('AbortError');
      expect(calls).to.deep.equal([]);
      expect(await loggedRequests(id)).to.deep.equal([]);
    });

    it('breaking out of the loop hangs up the connection', async () => {
      const token = uniqueToken('break');
      for await (const event of clientFor({token}).streamChat(ask('slow'))) {
        if (event.event === 'conversation.message.delta') break;
      }
      await until(async () => chatRequests(await loggedRequests(token))[0]?.clientAborted === true);
    });

    it('cancelChat sends {conversation_id, chat_id}; a second cancel (4104) resolves quietly', async () => {
      const token = uniqueToken('cancel');
      const client = clientFor({token});
      const controller = new AbortController();
      const stream = client.streamChat(ask('slow'), {signal: controller.signal});
      const first = await stream.next();
      const created = first.value as ChatEvent;
      expect(created.event).to.equal('conversation.chat.created');
      const {id: chatId, conversation_id: conversationId} = created.chat;

      const canceled = await client.cancelChat(conversationId, chatId);
      expect(canceled?.status).to.equal('canceled');
      expect(canceled?.id).to.equal(chatId);
      controller.abort();
      await collect(stream);

      const again = await client.cancelChat(conversationId, chatId);
      expect(again).to.equal(undefined);

      const cancels = (await loggedRequests(token)).filter((r) => r.path === '/v3/chat/cancel');
      expect(cancels).to.have.length(2);
      expect(cancels[0]!.body).to.deep.equal({conversation_id: conversationId, chat_id: chatId});
      expect(cancels[0]!.query).to.deep.equal({});
      expect(cancels[0]!.headers['content-type']).to.equal('application/json');
    });
  });

  describe('cross-origin', () => {
    const otherOrigin = () => location.origin.replace('127.0.0.1', 'localhost');

    it('runs on a second origin (localhost vs 127.0.0.1)', () => {
      expect(location.hostname).to.equal('127.0.0.1');
      expect(otherOrigin()).not.to.equal(location.origin);
    });

    it('streams a full chat cross-origin, with an Origin header and no cookie', async () => {
      const token = uniqueToken('cors');
      const client = clientFor({token}, {apiBase: otherOrigin(), lang: 'en'});
      const info = await client.getBotInfo(BOT);
      expect(info.name).to.equal('Emulator Bot');
      const result = await collect(client.streamChat(ask('Hello across origins')));
      expect(result.error).to.equal(undefined);
      expect(runs(result.events).at(-1)).to.equal('done');
      const {deltas, completed} = answer(result.events);
      expect(completed).to.contain('Hello across origins');
      expect(deltas).to.equal(completed);

      const log = await loggedRequests(token);
      const chat = chatRequests(log);
      expect(chat).to.have.length(1);
      expect(chat[0]!.headers.origin).to.equal(location.origin);
      expect(chat[0]!.headers).not.to.have.property('cookie');
      assertOnlyAllowedHeaders(chat[0]!);
    });

    it('reads the logid of a cross-origin rejection', async () => {
      const client = clientFor(
        {token: `expired_${uniqueToken('corslog')}`},
        {apiBase: otherOrigin()}
      );
      const err = await failure(client.getBotInfo(BOT));
      expect(err.code).to.equal(4100);
      expect(err.logId).to.be.a('string').and.not.equal('');
    });
  });
});
