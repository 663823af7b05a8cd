import {expect, waitUntil} from '@open-wc/testing';
import {en} from '../../src/i18n/en.js';
import {ChatBusyError} from '../../src/index.js';
import {deep, messages, mountChat, uniqueToken} from './helpers.js';

const errorText = (chat: HTMLElement) =>
  deep(chat, 'coze-message-list', '[part~="error"]')?.textContent?.trim() ?? '';

describe('<coze-chat> failures told apart', () => {
  it('a 200 answer without data is "malformed", not a network failure', async () => {
    const chat = await mountChat(uniqueToken('nodata'), {mode: 'inline'});
    await waitUntil(() => errorText(chat), 'an error is shown', {timeout: 8000});
    expect(errorText(chat)).to.contain(en.errors.malformed);
    expect(errorText(chat)).not.to.contain(en.errors.network);
    await expect(chat).to.be.accessible();
  });

  it("a page's coze-tool-call handler that rejects is told as such, with a retry", async () => {
    const chat = await mountChat(uniqueToken('toolfail'), {mode: 'inline'});
    chat.addEventListener('coze-tool-call', (event) =>
      event.respondWith(Promise.reject(new Error('weather service down')))
    );
    await chat.send('What is the local weather?');
    expect(errorText(chat)).to.contain(en.errors.toolFailed);
    expect(errorText(chat)).not.to.contain(en.errors.network);
    await waitUntil(
      () => deep(chat, 'coze-message-list', '[part~="retry-button"]'),
      'retry offered'
    );
  });

  it('send() while an answer is written rejects with ChatBusyError and sends nothing', async () => {
    const chat = await mountChat(uniqueToken('busy'), {mode: 'inline'});
    const first = chat.send('slow');
    await waitUntil(() => chat.shadowRoot!.querySelector('coze-message-list'), 'panel');
    await waitUntil(
      () => deep(chat, 'coze-message-list', '[data-status="streaming"]'),
      'the answer streams'
    );
    let thrown: unknown;
    try {
      await chat.send('second question');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(ChatBusyError);
    await chat.cancel();
    await first;
    expect(messages(chat).some((m) => m.textContent?.includes('second question'))).to.equal(false);
  });
});
