/// <reference types="mocha" />
// One visitor never sees another's chat. With a token shared by the whole site, the widget tags
// the conversations it creates with the user id and lists and resumes only those; with per-user
// tokens from the site's token handler (JWT session_name), Coze itself keeps them apart. A
// "second browser" is a new <coze-chat> after the page's storage was cleared.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import type {CozeConversationList} from '../../src/elements/coze-conversation-list/coze-conversation-list.js';
import {deep, lastRow, loggedRequests, messages, uniqueToken} from './helpers.js';

const BOT = '7500000000000000001';

/** A fresh browser: nothing the widget kept in storage survives. */
function newBrowser(): void {
  localStorage.clear();
  sessionStorage.clear();
}

async function mount(attrs: {token?: string; tokenUrl?: string; userId?: string}) {
  const chat = await fixture<CozeChat>(
    html`<coze-chat
      mode="inline"
      bot-id=${BOT}
      api-base=${location.origin}
      token=${attrs.token ?? ''}
      token-url=${attrs.tokenUrl ?? ''}
      user-id=${attrs.userId ?? ''}
    ></coze-chat>`
  );
  // The profile, the conversation to resume and its history: all loaded.
  await waitUntil(
    () =>
      deep(chat, '[part~="title"]')?.textContent === 'Emulator Bot' &&
      deep(chat, 'coze-message-list', '[part~="message-list"]')?.getAttribute('aria-busy') ===
        'false',
    'loaded',
    {timeout: 5000}
  );
  return chat;
}

/** The ids of the conversations the chat's list shows. */
async function listed(chat: CozeChat): Promise<string[]> {
  const list = document.createElement('coze-conversation-list') as CozeConversationList;
  chat.append(list);
  await list.refresh();
  await waitUntil(
    () => list.shadowRoot?.querySelector('nav')?.getAttribute('aria-busy') === 'false',
    'listed'
  );
  const rows = [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part~="conversation"]')];
  const ids = rows.map((r) => r.closest('li')!.dataset.id!);
  list.remove();
  return ids;
}

/** The conversation ids a token's chats went to, in order. */
async function chattedIn(token: string): Promise<string[]> {
  return (await loggedRequests(token))
    .filter((r) => r.path === '/v3/chat')
    .map((r) => r.query.conversation_id ?? '');
}

const transcript = (chat: CozeChat) => messages(chat).map((m) => m.textContent ?? '');

describe('<coze-chat> session isolation', () => {
  afterEach(newBrowser);

  it('with one shared token, a visitor with another user id never sees, resumes or lists the first one', async () => {
    const token = uniqueToken('shared');
    newBrowser();
    const ann = await mount({token, userId: `ann-${token}`});
    await ann.send("ann's private question");
    expect(lastRow(ann).dataset.status).to.equal('complete');
    const [annConversation] = await chattedIn(token);
    ann.remove();

    newBrowser();
    const bob = await mount({token, userId: `bob-${token}`});
    expect(messages(bob)).to.have.length(0);
    expect(await listed(bob)).to.deep.equal([]);
    // Coze lists ann's conversation to this token all the same: the tag is what keeps it out.
    const lists = (await loggedRequests(token)).filter((r) => r.path === '/v1/conversations');
    expect(lists.length).to.be.greaterThan(0);
    const raw = await fetch(`/v1/conversations?bot_id=${BOT}&connector_id=999`, {
      headers: {Authorization: `Bearer ${token}`},
    });
    const all = ((await raw.json()) as {data: {conversations: unknown[]}}).data.conversations;
    expect(all).to.have.length(1);
    await bob.send("bob's own question");
    expect(transcript(bob).join(' ')).not.to.contain('ann');
    const bobConversation = (await chattedIn(token))[1];
    expect(bobConversation).not.to.equal(annConversation);
    expect(await listed(bob)).to.deep.equal([bobConversation]);
    bob.remove();

    // ann in a second browser: her conversation and its history come back, bob's does not.
    newBrowser();
    const annAgain = await mount({token, userId: `ann-${token}`});
    await waitUntil(() => messages(annAgain).length === 2, 'her history', {timeout: 5000});
    expect(transcript(annAgain)[0]).to.contain("ann's private question");
    expect(await listed(annAgain)).to.deep.equal([annConversation]);
    const creates = (await loggedRequests(token)).filter(
      (r) => r.path === '/v1/conversation/create'
    );
    expect(
      creates.map((r) => (r.body as {meta_data: {chat_user: string}}).meta_data)
    ).to.deep.equal([{chat_user: `ann-${token}`}, {chat_user: `bob-${token}`}]);
  });

  it("through the site's token handler, Coze itself keeps two site users apart, whatever user-id says", async () => {
    const label = uniqueToken('site');
    const annUrl = `/__token?user=ann-${label}`;
    newBrowser();
    // No user-id: the token-url's user_id (the site's user) is the Coze user_id.
    const ann = await mount({tokenUrl: annUrl});
    await ann.send('question only ann may read');
    expect(lastRow(ann).dataset.status).to.equal('complete');
    const annToken = await ann.getToken();
    expect(annToken).to.match(/^czs_/);
    const [annConversation] = await chattedIn(annToken);
    const [asked] = (await loggedRequests(annToken)).filter((r) => r.path === '/v3/chat');
    expect(asked.body).to.deep.include({user_id: `ann-${label}`});
    ann.remove();

    // bob claims ann's user id: the widget's own filter would let her conversations through,
    // but his token is another identity and Coze lists and opens none of them.
    newBrowser();
    const bob = await mount({tokenUrl: `/__token?user=bob-${label}`, userId: `ann-${label}`});
    expect(messages(bob)).to.have.length(0);
    expect(await listed(bob)).to.deep.equal([]);
    const bobToken = await bob.getToken();
    expect(bobToken).to.match(/^czs_/);
    expect(bobToken).not.to.equal(annToken);
    const peek = await fetch(`/v1/conversation/message/list?conversation_id=${annConversation}`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${bobToken}`, 'Content-Type': 'application/json'},
      body: '{}',
    });
    expect(((await peek.json()) as {code: number}).code).to.equal(4001);
    bob.remove();

    // ann on a second browser: her conversation and its history are there.
    newBrowser();
    const again = await mount({tokenUrl: annUrl});
    await waitUntil(() => messages(again).length === 2, 'her history', {timeout: 5000});
    expect(transcript(again)[0]).to.contain('question only ann may read');
    expect(await listed(again)).to.deep.equal([annConversation]);
  });

  it("in app mode with one shared token, a second visitor gets their own conversation, not the first one's Default", async () => {
    const token = uniqueToken('app-shared');
    const app = (userId: string) =>
      fixture<CozeChat>(
        html`<coze-chat
          mode="inline"
          type="app"
          app-id="7500000000000000101"
          workflow-id="7500000000000000102"
          api-base=${location.origin}
          token=${token}
          user-id=${userId}
        ></coze-chat>`
      );
    const loaded = (chat: CozeChat) =>
      waitUntil(
        () =>
          deep(chat, '[part~="title"]')?.textContent === 'Emulator Chatflow' &&
          deep(chat, 'coze-message-list', '[part~="message-list"]')?.getAttribute('aria-busy') ===
            'false',
        'loaded',
        {timeout: 5000}
      );
    newBrowser();
    const ann = await app(`ann-${token}`);
    await loaded(ann);
    await ann.send('ann asks the chatflow');
    expect(lastRow(ann).dataset.status).to.equal('complete');
    ann.remove();

    newBrowser();
    const bob = await app(`bob-${token}`);
    await loaded(bob);
    expect(messages(bob)).to.have.length(0);
    await bob.send('bob asks the chatflow');
    expect(transcript(bob).join(' ')).not.to.contain('ann asks');
    bob.remove();
    const flows = (await loggedRequests(token)).filter((r) => r.path === '/v1/workflows/chat');
    const [annIn, bobIn] = flows.map((r) => (r.body as {conversation_id: string}).conversation_id);
    expect(bobIn).not.to.equal(annIn);

    newBrowser();
    const annAgain = await app(`ann-${token}`);
    await loaded(annAgain);
    await waitUntil(() => messages(annAgain).length === 2, 'her history', {timeout: 5000});
    expect(transcript(annAgain)[0]).to.contain('ann asks the chatflow');
  });

  it('refreshes an expired minted token once through token-url and carries on in the same conversation', async () => {
    const label = uniqueToken('expiry');
    newBrowser();
    const chat = await mount({tokenUrl: `/__token?user=cy-${label}`});
    await chat.send('before the token expires');
    const first = await chat.getToken();
    const exchanges = async () =>
      ((await (await fetch('/__emulator/requests')).json()) as Array<{path: string}>).filter(
        (r) => r.path === '/api/permission/oauth2/token'
      ).length;
    const before = await exchanges();
    // Past the token's 900 s: the emulator answers 4100 to it from now on.
    await fetch('/__emulator/clock', {
      method: 'POST',
      body: JSON.stringify({advance_seconds: 1000}),
    });
    await chat.send('after it expired');
    expect(lastRow(chat).dataset.status).to.equal('complete');
    const second = await chat.getToken();
    expect(second).not.to.equal(first);
    expect(await exchanges()).to.equal(before + 1);
    // Two chats with the first token (the second one refused), one with the new token.
    const withFirst = await chattedIn(first);
    const withSecond = await chattedIn(second);
    expect(withFirst).to.have.length(2);
    expect(withSecond).to.have.length(1);
    // The same site user, so the same identity: the conversation carries on.
    expect(new Set([...withFirst, ...withSecond]).size).to.equal(1);
  });
});
