/// <reference types="mocha" />
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {deep, deepAll, messages, settled, uniqueToken} from '../elements/helpers.js';

/** A promise that never settles: a page's function that hangs. */
const never = <T>() => new Promise<T>(() => undefined);

const errorText = (chat: CozeChat) =>
  deepAll(chat, 'coze-message-list', '[part~="error"]')
    .map((el) => el.textContent!.trim())
    .join(' ');

const retryButton = (chat: CozeChat) =>
  deep<HTMLButtonElement>(chat, 'coze-message-list', '[part~="error"] [part~="retry-button"]');

const stopButton = (chat: CozeChat) =>
  deep<HTMLButtonElement>(chat, 'coze-composer', '[part~="stop-button"]');

/** A chat with short timeouts, so that a hung dependency shows within the test. */
async function mountShort(
  token: unknown,
  extra: {tokenUrl?: string; userId?: string; feedback?: boolean} = {}
): Promise<CozeChat> {
  const chat = await fixture<CozeChat>(
    html`<coze-chat
      bot-id="7500000000000000001"
      api-base=${location.origin}
      user-id=${extra.userId ?? `user-${Math.random().toString(36).slice(2)}`}
      mode="inline"
      request-timeout="0.4"
      stream-timeout="0.6"
      token-timeout="0.3"
      tool-timeout="0.3"
      token-url=${extra.tokenUrl ?? ''}
      token=${typeof token === 'string' ? token : ''}
      ?feedback=${extra.feedback ?? false}
    ></coze-chat>`
  );
  if (typeof token === 'function') (chat as unknown as {token: unknown}).token = token;
  return chat;
}

describe('every wait has an end: the chat', function () {
  this.timeout(15000);

  it('a token function that never answers: the send fails with Retry, and the text is kept', async () => {
    const chat = await mountShort(() => never<string>());
    void chat.send('hello there').catch(() => undefined);
    await waitUntil(() => retryButton(chat), 'an error with Retry is shown', {timeout: 5000});
    expect(errorText(chat)).to.match(/\w{4}/);
    expect(
      messages(chat)
        .map((m) => m.textContent)
        .join(' ')
    ).to.contain('hello there');
    chat.remove();
  });

  it('a token-url that never answers: the send fails with Retry', async () => {
    const chat = await mountShort(undefined, {tokenUrl: '/__emulator/hang'});
    void chat.send('hello there').catch(() => undefined);
    await waitUntil(() => retryButton(chat), 'an error with Retry is shown', {timeout: 5000});
    expect(errorText(chat)).to.match(/\w{4}/);
    chat.remove();
  });

  it('a hung profile and conversation list do not block sending', async () => {
    const chat = await mountShort(uniqueToken('hang-profile-hang-list'));
    await chat.send('still here?');
    await settled(chat, 8000);
    expect(messages(chat).at(-1)!.textContent).to.contain('You said');
    chat.remove();
  });

  it('a chat request that is accepted and never answered fails with Retry', async () => {
    const chat = await mountShort(uniqueToken('hang-chat'));
    void chat.send('anyone?').catch(() => undefined);
    await waitUntil(() => retryButton(chat), 'an error with Retry is shown', {timeout: 5000});
    expect(errorText(chat)).to.match(/\w{4}/);
    chat.remove();
  });

  it('Stop ends a wait for a hung token function at once', async () => {
    const chat = await fixture<CozeChat>(
      html`<coze-chat
        bot-id="7500000000000000001"
        api-base=${location.origin}
        user-id="user-stop-token"
        mode="inline"
      ></coze-chat>`
    );
    let asked = 0;
    (chat as unknown as {token: unknown}).token = () => {
      asked++;
      return never<string>();
    };
    const sent = chat.send('hello');
    await waitUntil(() => asked > 0 && stopButton(chat), 'waiting for the token, with Stop');
    stopButton(chat)!.click();
    await sent.catch(() => undefined);
    await waitUntil(() => !stopButton(chat), 'Stop ended the wait');
    chat.remove();
  });

  it('a coze-tool-call handler that never settles: the turn fails after the tool timeout', async () => {
    const chat = await mountShort(uniqueToken('tool-never'));
    chat.addEventListener('coze-tool-call', (event) => event.respondWith(never()));
    void chat.send('local weather').catch(() => undefined);
    await waitUntil(() => retryButton(chat), 'an error with Retry is shown', {timeout: 5000});
    expect(errorText(chat)).to.match(/\w{4}/);
    expect(stopButton(chat)).to.equal(null);
    chat.remove();
  });

  it('Stop ends a wait for a coze-tool-call handler at once', async () => {
    const chat = await fixture<CozeChat>(
      html`<coze-chat
        bot-id="7500000000000000001"
        api-base=${location.origin}
        token=${uniqueToken('tool-stop')}
        user-id="user-tool-stop"
        mode="inline"
      ></coze-chat>`
    );
    let asked = false;
    chat.addEventListener('coze-tool-call', (event) => {
      asked = true;
      event.respondWith(never());
    });
    const sent = chat.send('local weather');
    await waitUntil(() => asked && stopButton(chat), 'waiting for the page, with Stop');
    stopButton(chat)!.click();
    await sent.catch(() => undefined);
    await waitUntil(() => !stopButton(chat), 'Stop ended the wait');
    chat.remove();
  });
});

describe('every wait has an end: requests', function () {
  this.timeout(15000);

  it('a hung profile shows a readable error and the chat still answers', async () => {
    const chat = await mountShort(uniqueToken('hang-profile'));
    const failed = oneEvent(chat, 'coze-error');
    const {detail} = await failed;
    expect(detail.message).to.match(/within 0\.4 s/);
    await chat.send('still here?');
    await settled(chat, 8000);
    expect(messages(chat).at(-1)!.textContent).to.contain('You said');
    chat.remove();
  });

  it('a hung history load shows a readable error and sending still works', async () => {
    const token = uniqueToken('hang-history');
    const userId = `user-${token}`;
    const first = await mountShort(token, {userId});
    await first.send('first question');
    await settled(first);
    first.remove();
    const again = await mountShort(token, {userId});
    const {detail} = await oneEvent(again, 'coze-error');
    expect(detail.message).to.match(/within 0\.4 s/);
    await again.send('second question');
    await settled(again, 8000);
    expect(messages(again).at(-1)!.textContent).to.contain('You said');
    again.remove();
  });

  it('a hung feedback request fails with a readable error', async () => {
    const chat = await mountShort(uniqueToken('hang-feedback'), {feedback: true});
    await chat.send('rate me');
    await settled(chat);
    const like = deep<HTMLButtonElement>(chat, 'coze-message-list', '[part~="like-button"]');
    expect(like, 'like button').to.exist;
    const failed = oneEvent(chat, 'coze-error');
    like!.click();
    const {detail} = await failed;
    expect(detail.message).to.match(/within 0\.4 s/);
    chat.remove();
  });

  it('a hung upload fails with a readable error on the attachment', async () => {
    const chat = await mountShort(uniqueToken('hang-upload'));
    const picker = deep<HTMLInputElement>(chat, 'coze-composer', 'input[type="file"]')!;
    const data = new DataTransfer();
    data.items.add(new File(['hello'], 'notes.txt', {type: 'text/plain'}));
    picker.files = data.files;
    picker.dispatchEvent(new Event('change', {bubbles: true}));
    await waitUntil(
      () => /\w{4}/.test(deep(chat, 'coze-composer', '.attachment-error')?.textContent ?? ''),
      'the attachment shows an error',
      {timeout: 5000}
    );
    chat.remove();
  });

  it('a local function with arguments nested 20,000 levels deep reaches the page', async () => {
    const chat = await mountShort(uniqueToken('nested-local'));
    let asked = '';
    chat.addEventListener('coze-tool-call', (event) => {
      asked = event.detail.toolCalls[0]?.name ?? '';
      event.respondWith(event.detail.toolCalls.map((c) => ({toolCallId: c.id, output: 'deep'})));
    });
    await chat.send('hostile nested local');
    await settled(chat, 10000);
    expect(asked).to.equal('deep_tool');
    await waitUntil(
      () => messages(chat).at(-1)!.textContent!.includes("The page's tool says"),
      'the answer after the tool output'
    );
    chat.remove();
  });
});
