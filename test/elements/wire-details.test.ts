/// <reference types="mocha" />
// What the widget sends and how it reads Coze where the official widget gets the details right:
// rate limits, channel errors, a gone conversation, an answer that goes quiet, naming, history.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {ContextConsumer} from '@lit/context';
import {LitElement} from 'lit';
import {chatActionsContext} from '../../src/state/context.js';
import type {ChatActions} from '../../src/state/types.js';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {deep, lastRow, loggedRequests, messages, mountChat, uniqueToken} from './helpers.js';

const BOT = '7500000000000000001';

/** Reaches the chat's actions through context, as its parts do. */
class WireActionsProbe extends LitElement {
  readonly #actions = new ContextConsumer(this, {context: chatActionsContext});
  get actions(): ChatActions {
    return this.#actions.value!;
  }
}
customElements.define('wire-details-actions-probe', WireActionsProbe);

/** The conversation ids of the logged `/v3/chat` requests, in order. */
async function chatConversations(token: string): Promise<string[]> {
  return (await loggedRequests(token))
    .filter((r) => r.path === '/v3/chat')
    .map((r) => r.query.conversation_id ?? '');
}

const errorShown = (chat: CozeChat) =>
  deep(chat, 'coze-message-list', '[part~="error"]')?.textContent ?? '';

/** An authorised JSON call to the emulator, as the site's own code might make. */
async function api(token: string, path: string, body?: unknown, method = body ? 'POST' : 'GET') {
  const response = await fetch(path, {
    method,
    headers: {Authorization: `Bearer ${token}`, 'Content-Type': 'application/json'},
    ...(body === undefined ? {} : {body: JSON.stringify(body)}),
  });
  return (await response.json()) as {code: number; data: Record<string, unknown>};
}

describe('<coze-chat> wire details', () => {
  for (const [trigger, why] of [
    ['fail 429', 'HTTP 429 without a Coze code'],
    ['fail rate', 'code 4013'],
  ] as const) {
    it(`shows the rate-limit text for ${why}, with Retry`, async () => {
      const chat = await mountChat(uniqueToken('rate'), {mode: 'inline'});
      await chat.send(trigger);
      expect(errorShown(chat)).to.contain('Too many requests');
      expect(deep(chat, 'coze-message-list', '[part~="retry-button"]')).to.exist;
    });
  }

  it('says so when the bot is not published to the Chat SDK channel (702242003)', async () => {
    const chat = await mountChat(uniqueToken('channel'), {
      mode: 'inline',
      botId: `${BOT}-api-only`,
    });
    await waitUntil(() => errorShown(chat), 'the load failed', {timeout: 5000});
    expect(errorShown(chat)).to.contain('not published to the Chat SDK channel');
  });

  it('says so when the bot is not published to this channel (4015)', async () => {
    const chat = await mountChat(uniqueToken('unpublished'), {
      mode: 'inline',
      botId: `${BOT}-unpublished`,
    });
    await waitUntil(() => errorShown(chat), 'the load failed', {timeout: 5000});
    expect(errorShown(chat)).to.contain('not published to this channel');
  });

  it('starts a new conversation, keeping the question, when Coze no longer has the one shown', async () => {
    const token = uniqueToken('gone');
    const chat = await mountChat(token, {mode: 'inline'});
    await chat.send('first question');
    const [first] = await chatConversations(token);
    expect(first).to.match(/^\d{19}$/);
    expect((await api(token, `/v1/conversations/${first}`, undefined, 'DELETE')).code).to.equal(0);

    await chat.send('second question');
    expect(lastRow(chat).dataset.status).to.equal('complete');
    expect(lastRow(chat).textContent).to.contain('second question');
    const chats = (await loggedRequests(token)).filter((r) => r.path === '/v3/chat');
    const ids = chats.map((r) => r.query.conversation_id);
    expect(ids).to.have.length(3);
    expect(ids[1]).to.equal(first);
    expect(ids[2]).to.match(/^\d{19}$/);
    expect(ids[2]).not.to.equal(first);
    const creates = (await loggedRequests(token)).filter(
      (r) => r.path === '/v1/conversation/create'
    );
    expect(creates).to.have.length(2);
    const asked = (chats[2].body as {additional_messages: Array<{content: string}>})
      .additional_messages[0].content;
    expect(asked).to.equal('second question');
    // The reader's question is shown once, answered; no error is left.
    expect(messages(chat).filter((m) => m.textContent?.includes('second question'))).to.have.length(
      2
    );
    expect(errorShown(chat)).to.equal('');
  });

  it('fails a send whose answer goes quiet for longer than stream-timeout, keeping what arrived', async () => {
    const token = uniqueToken('quiet');
    const chat = await fixture<CozeChat>(
      html`<coze-chat
        mode="inline"
        bot-id=${BOT}
        token=${token}
        api-base=${location.origin}
        user-id=${`u-${token}`}
        stream-timeout="0.06"
      ></coze-chat>`
    );
    // `slow` streams a delta every 120 ms: more than 60 ms of silence each time.
    await chat.send('slow');
    expect(errorShown(chat)).to.contain('Coze stopped answering');
    expect(deep(chat, 'coze-message-list', '[part~="retry-button"]')).to.exist;
    expect(messages(chat)[0].textContent).to.contain('slow');
    const [request] = (await loggedRequests(token)).filter((r) => r.path === '/v3/chat');
    await waitUntil(
      async () =>
        (await loggedRequests(token)).find((r) => r.seq === request.seq)?.clientAborted === true,
      'the quiet stream was closed'
    );
  });

  it('names an untitled conversation after its first question', async () => {
    const token = uniqueToken('name');
    const chat = await mountChat(token, {mode: 'inline'});
    await chat.send('  What is the   weather in Paris?  ');
    const [id] = await chatConversations(token);
    await waitUntil(
      async () => (await loggedRequests(token)).some((r) => r.method === 'PUT'),
      'renamed'
    );
    const put = (await loggedRequests(token)).find((r) => r.method === 'PUT')!;
    expect(put.path).to.equal(`/v1/conversations/${id}`);
    expect(put.body).to.deep.equal({name: 'What is the weather in Paris?'});
    // Only once: the next question leaves the name alone.
    await chat.send('and tomorrow?');
    expect((await loggedRequests(token)).filter((r) => r.method === 'PUT')).to.have.length(1);
  });

  it('shows an assistant message listed with an empty type as an answer', async () => {
    const token = uniqueToken('typeless');
    const userId = `u-${token}`;
    const created = await api(token, '/v1/conversation/create', {
      bot_id: BOT,
      connector_id: '999',
      meta_data: {chat_user: userId},
      messages: [
        {role: 'user', content: 'a question from elsewhere', content_type: 'text'},
        {role: 'assistant', content: 'an answer without a type', content_type: 'text'},
      ],
    });
    expect(created.code).to.equal(0);
    const page = await api(
      token,
      `/v1/conversation/message/list?conversation_id=${String(created.data.id)}`,
      {}
    );
    expect((page.data as unknown as Array<{type: string}>).map((m) => m.type)).to.deep.equal([
      '',
      '',
    ]);
    const chat = await mountChat(token, {mode: 'inline', userId});
    await waitUntil(() => messages(chat).length === 2, 'history shown', {timeout: 5000});
    expect(messages(chat).map((m) => m.dataset.role)).to.deep.equal(['user', 'assistant']);
    expect(lastRow(chat).textContent).to.contain('an answer without a type');
  });

  it("keeps a long quote's meta_data within Coze's 512 characters once JSON-encoded", async () => {
    const token = uniqueToken('quote');
    const chat = await mountChat(token, {mode: 'inline'});
    await waitUntil(() => deep(chat, 'coze-message-list', '.prologue'), 'loaded');
    // 400 characters of code: quotes, backslashes and newlines each take two once encoded.
    const code = 'if (a == "b\\n") {\n  x = "\\t";\n}\n'.repeat(14).slice(0, 400);
    const probe = document.createElement('wire-details-actions-probe') as WireActionsProbe;
    chat.append(probe);
    await waitUntil(() => probe.actions, 'the probe got the actions');
    probe.actions.setQuote({text: code});
    await chat.send('what does this do?');
    expect(lastRow(chat).dataset.status).to.equal('complete');
    const [request] = (await loggedRequests(token)).filter((r) => r.path === '/v3/chat');
    const [message] = (
      request.body as {additional_messages: Array<{meta_data: {chat_quote: string}}>}
    ).additional_messages;
    const meta = message.meta_data.chat_quote;
    expect(meta.length).to.be.at.most(512);
    expect(JSON.stringify({text: code}).length).to.be.above(512);
    expect(code.startsWith((JSON.parse(meta) as {text: string}).text)).to.equal(true);
  });
});
