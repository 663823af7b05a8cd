/// <reference types="mocha" />
import {expect} from '@open-wc/testing';
import {isInterrupt} from '../../src/api/chatflow.js';
import type {CozeClient} from '../../src/api/client.js';
import type {CozeStreamEvent, WorkflowChatRequest} from '../../src/api/types.js';
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
import type {ChatEvent, LoggedRequest, MessageEvent} from './helpers.js';

const APP = '7498300000000000001';
const WORKFLOW = '7498300000000000002';
const SIZE_QUESTION = 'Which size do you need: S, M or L?';

function ask(text: string, extra: Partial<WorkflowChatRequest> = {}): WorkflowChatRequest {
  return {
    workflowId: WORKFLOW,
    appId: APP,
    userId: 'user_flow_tests',
    additionalMessages: [{role: 'user', content: text, content_type: 'text'}],
    ...extra,
  };
}

function flowRequests(log: LoggedRequest[]): LoggedRequest[] {
  return log.filter((r) => r.method === 'POST' && r.path === '/v1/workflows/chat');
}

/** The conversation a stream ran in, from its `conversation.chat.created`. */
function conversationOf(events: readonly CozeStreamEvent[]): string {
  const created = events.find((e) => e.event === 'conversation.chat.created') as ChatEvent;
  return created.chat.conversation_id;
}

/** The app's default conversation, as the widget gets it. */
function defaultConversation(client: CozeClient, userId = 'user_flow_tests') {
  return client.createConversation({
    appId: APP,
    workflowId: WORKFLOW,
    conversationName: 'Default',
    getOrCreate: true,
    userId,
  });
}

describe('CozeClient app mode against the emulator', () => {
  describe('profiles', () => {
    it('getAppInfo: name, icon and description; version and connector in the query', async () => {
      const token = uniqueToken('app');
      const client = clientFor({token});
      const info = await client.getAppInfo(APP, {version: '1.2.0'});
      expect(info.id).to.equal(APP);
      expect(info.name).to.equal('Emulator App');
      expect(info.iconUrl).to.match(/\/__emulator\/app-icon\.svg$/);
      expect(info.description).to.be.a('string').and.not.equal('');
      await client.getAppInfo(APP);

      const [withVersion, plain] = await loggedRequests(token);
      expect(withVersion!.method).to.equal('GET');
      expect(withVersion!.path).to.equal(`/v1/apps/${APP}`);
      expect(withVersion!.query).to.deep.equal({version: '1.2.0', connector_id: '999'});
      expect(withVersion!.body).to.equal(null);
      expect(plain!.query).to.deep.equal({connector_id: '999'});
    });

    it('getAppInfo: an unpublished app is a 4200 CozeApiError', async () => {
      const err = await failure(
        clientFor({token: uniqueToken('noapp')}).getAppInfo('unpublished_app')
      );
      expect(err.kind).to.equal('api');
      expect(err.code).to.equal(4200);
      expect(err.message).to.match(/published/);
    });

    it('getWorkflowInfo: the chatflow role with prologue and suggestions', async () => {
      const token = uniqueToken('role');
      const info = await clientFor({token}).getWorkflowInfo(WORKFLOW, {connectorId: '1024'});
      expect(info.id).to.equal(WORKFLOW);
      expect(info.name).to.equal('Emulator Chatflow');
      expect(info.iconUrl).to.match(/\/__emulator\/chatflow-icon\.svg$/);
      expect(info.prologue).to.match(
        /^Hello \{\{user_name\}\}, I am a chatflow running in the emulator\./
      );
      expect(info.suggestedQuestions).to.have.length(3);
      expect(info.suggestedQuestions[0]).to.contain('size');
      const [request] = await loggedRequests(token);
      expect(request!.path).to.equal(`/v1/workflows/${WORKFLOW}`);
      expect(request!.query).to.deep.equal({connector_id: '1024'});
    });

    it('getWorkflowInfo: without a role, falls back to the workflow detail', async () => {
      const info = await clientFor({token: uniqueToken('plain')}).getWorkflowInfo('plain_flow');
      expect(info).to.deep.equal({
        id: 'plain_flow',
        name: 'emulator_chatflow',
        iconUrl: `${location.origin}/__emulator/chatflow-icon.svg`,
        suggestedQuestions: [],
      });
    });

    it('getWorkflowInfo: an unpublished chatflow is a 4200 CozeApiError', async () => {
      const err = await failure(
        clientFor({token: uniqueToken('noflow')}).getWorkflowInfo('unpublished_flow')
      );
      expect(err.code).to.equal(4200);
    });
  });

  describe('conversations', () => {
    it('get-or-create returns the same conversation twice, with app fields and no bot_id', async () => {
      const token = uniqueToken('goc');
      const client = clientFor({token});
      const first = await defaultConversation(client);
      const second = await defaultConversation(client);
      expect(first.id).to.match(/^\d{19}$/);
      expect(second.id).to.equal(first.id);
      expect(first.name).to.equal('Default');
      const fresh = await client.createConversation({
        appId: APP,
        workflowId: WORKFLOW,
        conversationName: 'Trip to Paris',
        getOrCreate: false,
        userId: 'user_flow_tests',
      });
      expect(fresh.id).not.to.equal(first.id);

      const [request] = await loggedRequests(token);
      expect(request!.path).to.equal('/v1/conversation/create');
      expect(request!.body).to.deep.equal({
        app_id: APP,
        workflow_id: WORKFLOW,
        conversation_name: 'Default',
        get_or_create: true,
        connector_id: '999',
        user_id: 'user_flow_tests',
      });
    });
  });

  describe('streamWorkflowChat', () => {
    it('streams a chatflow answer: one-space framing read, final text, debugUrl on done', async () => {
      const token = uniqueToken('flow');
      const client = clientFor({token});
      const conversation = await defaultConversation(client);
      const result = await collect(
        client.streamWorkflowChat(ask('Hello chatflow', {conversationId: conversation.id}))
      );
      expect(result.error).to.equal(undefined);
      const names = runs(result.events);
      expect(names.map((n) => n.replace(/×\d+$/, ''))).to.deep.equal([
        'conversation.chat.created',
        'conversation.chat.in_progress',
        'conversation.message.delta',
        'conversation.message.completed',
        'conversation.chat.completed',
        'done',
      ]);
      // The answer, the verbose finish and three follow-ups.
      expect(names[3]).to.equal('conversation.message.completed×5');
      const {deltas, completed} = answer(result.events);
      expect(completed).to.match(/^You said: \*\*Hello chatflow\*\*/);
      expect(deltas).to.equal(completed);
      const created = result.events[0] as ChatEvent;
      expect(created.chat.conversation_id).to.equal(conversation.id);
      expect(created.chat).not.to.have.property('bot_id');
      expect(created.chat.section_id).to.be.a('string');
      const done = result.events.at(-1)!;
      expect(done.event).to.equal('done');
      const debugUrl = new URL((done as {debugUrl?: string}).debugUrl ?? '');
      expect(debugUrl.origin + debugUrl.pathname).to.equal('https://www.coze.cn/work_flow');
      expect(debugUrl.searchParams.get('execute_id')).to.equal(created.chat.id);
      expect(debugUrl.searchParams.get('workflow_id')).to.equal(WORKFLOW);
    });

    it('sends conversation_id in the body, parameters as an object, app and workflow ids, ext.user_id', async () => {
      const token = uniqueToken('flowwire');
      const client = clientFor({token}, {lang: 'zh-CN'});
      const conversation = await defaultConversation(client, 'user_wire');
      await collect(
        client.streamWorkflowChat(
          ask('first', {conversationId: conversation.id, userId: 'user_wire'})
        )
      );
      await collect(
        client.streamWorkflowChat(
          ask('second', {
            conversationId: conversation.id,
            userId: 'user_wire',
            parameters: {city: 'Paris', nested: {days: 3}},
            connectorId: '1024',
            appVersion: '0.0.7',
          })
        )
      );

      const [first, second, ...others] = flowRequests(await loggedRequests(token));
      expect(others).to.have.length(0);
      expect(first!.query).to.deep.equal({});
      expect(first!.headers['content-type']).to.equal('application/json');
      expect(first!.headers['accept-language']).to.equal('zh');
      expect(first!.body).to.deep.equal({
        workflow_id: WORKFLOW,
        app_id: APP,
        additional_messages: [{role: 'user', content: 'first', content_type: 'text'}],
        parameters: {},
        conversation_id: conversation.id,
        connector_id: '999',
        ext: {user_id: 'user_wire'},
      });
      const body = second!.body as Record<string, unknown>;
      expect(body.parameters).to.deep.equal({city: 'Paris', nested: {days: 3}});
      expect(body.connector_id).to.equal('1024');
      // The app's version goes as `version`, as the official widget sends it for apps.
      expect(body.version).to.equal('0.0.7');
      expect(body).not.to.have.property('workflow_version');
      expect(body).not.to.have.property('bot_id');
      expect(body).not.to.have.property('stream');
    });

    it('a question node ends with done and no chat.completed; the reply resumes the flow', async () => {
      const client = clientFor({token: uniqueToken('size')});
      const asked = await collect(client.streamWorkflowChat(ask('I want a jacket, what size?')));
      expect(asked.error).to.equal(undefined);
      const names = runs(asked.events);
      expect(names).not.to.include('conversation.chat.completed');
      expect(names.at(-1)).to.equal('done');
      expect(names.at(-2)).to.equal('conversation.message.completed×3');
      expect(answer(asked.events).completed).to.equal(SIZE_QUESTION);
      const messages = asked.events
        .filter((e): e is MessageEvent => e.event === 'conversation.message.completed')
        .map((e) => e.message);
      expect(messages.map((m) => isInterrupt(m))).to.deep.equal([false, true, false]);
      expect((asked.events.at(-1) as {debugUrl?: string}).debugUrl).to.match(/^https:/);

      const conversationId = conversationOf(asked.events);
      const resumed = await collect(
        client.streamWorkflowChat(ask('M', {conversationId, userId: 'user_flow_tests'}))
      );
      expect(resumed.error).to.equal(undefined);
      expect(conversationOf(resumed.events)).to.equal(conversationId);
      expect(runs(resumed.events)).to.include('conversation.chat.completed');
      expect(answer(resumed.events).completed).to.match(/^Noted: size M\. /);
      const resumedMessages = resumed.events.filter(
        (e): e is MessageEvent => e.event === 'conversation.message.completed'
      );
      expect(resumedMessages.some((e) => isInterrupt(e.message))).to.equal(false);

      const history = await client.listMessages(conversationId, {order: 'asc'});
      const lines = history.messages.map((m) => `${m.role}: ${m.content}`);
      expect(lines).to.have.length(4);
      expect(lines.slice(0, 3)).to.deep.equal([
        'user: I want a jacket, what size?',
        `assistant: ${SIZE_QUESTION}`,
        'user: M',
      ]);
      expect(lines[3]).to.match(/^assistant: Noted: size M\. /);
    });

    it('fail chat: conversation.chat.failed with a string code ends the stream without throwing', async () => {
      const client = clientFor({token: uniqueToken('flowfail')});
      const result = await collect(client.streamWorkflowChat(ask('please fail chat')));
      expect(result.error).to.equal(undefined);
      expect(result.events).to.have.length(1);
      const [failed] = result.events;
      if (failed?.event !== 'conversation.chat.failed') throw new Error(`got ${failed?.event}`);
      expect(failed.chat).to.equal(undefined);
      expect(failed.error.code).to.equal(720702204);
      expect(failed.error.msg).to.equal('conversation name does not exist');
    });

    it('an expired token is refreshed once and the workflow call retried once', async () => {
      const id = uniqueToken('flowrefresh');
      const {calls, onRefreshToken} = refresher(`fresh_${id}`);
      const client = clientFor({token: `expired_${id}`, onRefreshToken});
      const result = await collect(client.streamWorkflowChat(ask('hello after refresh')));
      expect(result.error).to.equal(undefined);
      expect(runs(result.events)[0]).to.equal('conversation.chat.created');
      expect(calls).to.deep.equal([`expired_${id}`]);
      const requests = flowRequests(await loggedRequests(id));
      expect(requests.map((r) => r.headers.authorization)).to.deep.equal([
        `Bearer expired_${id}`,
        `Bearer fresh_${id}`,
      ]);
      expect(requests[1]!.body).to.deep.equal(requests[0]!.body);
    });

    it('a rejection before streaming is thrown as a CozeApiError', async () => {
      const client = clientFor({token: uniqueToken('flowreject')});
      const err = await failure(
        collect(client.streamWorkflowChat(ask('fail busy'))).then((r) => Promise.reject(r.error))
      );
      expect(err.code).to.equal(4016);
      expect(err.logId).to.be.a('string').and.not.equal('');
    });

    it('aborting mid-stream throws AbortError and the emulator sees the client hang up', async () => {
      const token = uniqueToken('flowabort');
      const client = clientFor({token});
      const controller = new AbortController();
      const seen: CozeStreamEvent[] = [];
      let error: unknown;
      try {
        for await (const event of client.streamWorkflowChat(ask('slow'), {
          signal: controller.signal,
        })) {
          seen.push(event);
          if (event.event === 'conversation.message.delta') controller.abort();
        }
      } catch (err) {
        error = err;
      }
      expect((error as DOMException).name).to.equal('AbortError');
      expect(seen.filter((e) => e.event === 'conversation.message.delta')).to.have.length(1);
      await until(async () => flowRequests(await loggedRequests(token))[0]?.clientAborted === true);
    });
  });

  describe('cross-origin', () => {
    const otherOrigin = () => location.origin.replace('127.0.0.1', 'localhost');

    it('loads the profiles, the conversation and a chatflow answer from a second origin', async () => {
      expect(otherOrigin()).not.to.equal(location.origin);
      const token = uniqueToken('flowcors');
      const client = clientFor({token}, {apiBase: otherOrigin(), lang: 'en'});
      const [app, role, conversation] = await Promise.all([
        client.getAppInfo(APP),
        client.getWorkflowInfo(WORKFLOW),
        defaultConversation(client),
      ]);
      expect(app.name).to.equal('Emulator App');
      expect(role.name).to.equal('Emulator Chatflow');
      const result = await collect(
        client.streamWorkflowChat(ask('Hello across origins', {conversationId: conversation.id}))
      );
      expect(result.error).to.equal(undefined);
      expect(runs(result.events).at(-1)).to.equal('done');
      expect(answer(result.events).completed).to.contain('Hello across origins');

      const log = await loggedRequests(token);
      expect(log.map((r) => `${r.method} ${r.path.replace(/\d{19}/, 'ID')}`)).to.have.members([
        'GET /v1/apps/ID',
        'GET /v1/workflows/ID',
        'POST /v1/conversation/create',
        'POST /v1/workflows/chat',
      ]);
      for (const request of log) {
        expect(request.headers.origin).to.equal(location.origin);
        expect(request.headers).not.to.have.property('cookie');
      }
    });
  });
});
