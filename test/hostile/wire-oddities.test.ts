/// <reference types="mocha" />
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {
  deep,
  deepAll,
  lastRow,
  messages,
  mountChat,
  settled,
  uniqueToken,
} from '../elements/helpers.js';

const errorText = (chat: CozeChat) =>
  deepAll(chat, 'coze-message-list', '[part~="error"]')
    .map((el) => el.textContent!.trim())
    .join(' ');

describe('odd wire data', () => {
  it('a plugin call with arguments nested 20,000 levels deep keeps the answer', async function () {
    this.timeout(20000);
    const chat = await mountChat(uniqueToken('nested-tool'), {mode: 'inline'});
    await chat.send('hostile nested tool');
    await settled(chat, 15000);
    await waitUntil(
      () => lastRow(chat).textContent!.includes('The answer after a deep tool call.'),
      'the answer is shown'
    ).catch(() => {
      throw new Error(
        `shown: ${lastRow(chat).textContent!.trim().slice(0, 300)} / ${errorText(chat)}`
      );
    });
    expect(errorText(chat)).to.equal('');
    expect(deep(chat, 'coze-message-list', '[part~="function-call"]'), 'the tool card').to.exist;
    chat.remove();
  });

  it('follow-ups without text are not shown as empty buttons', async () => {
    const chat = await mountChat(uniqueToken('blank-followups'), {mode: 'inline'});
    await chat.send('hostile blank followups');
    await settled(chat);
    await waitUntil(
      () => deepAll(chat, 'coze-message-list', '[part~="follow-up"]').length > 0,
      'the follow-up is shown'
    );
    const buttons = deepAll(chat, 'coze-message-list', '[part~="follow-up"]');
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['A real follow-up']);
    chat.remove();
  });

  it('token = null does not throw, and a send says there is no token', async () => {
    const chat = await fixture<CozeChat>(
      html`<coze-chat
        bot-id="7500000000000000001"
        api-base=${location.origin}
        mode="inline"
      ></coze-chat>`
    );
    const thrown: unknown[] = [];
    const onError = (event: ErrorEvent) => thrown.push(event.error ?? event.message);
    window.addEventListener('error', onError);
    try {
      expect(() => {
        (chat as unknown as {token: unknown}).token = null;
      }).to.not.throw();
      await chat.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      let rejected: unknown;
      await chat.send('hello').catch((error: unknown) => (rejected = error));
      expect(String(rejected ?? ''), 'send() rejects with no TypeError').to.not.match(/TypeError/);
      await waitUntil(() => errorText(chat).length > 0, 'an error is shown');
      expect(errorText(chat)).to.not.match(/undefined|null|TypeError/);
      expect(messages(chat).length).to.be.greaterThan(0);
      expect(thrown).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      chat.remove();
    }
  });
});
