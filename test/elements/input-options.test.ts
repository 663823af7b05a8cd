import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {deep, input, lastRow, messages, settled, uniqueToken} from './helpers.js';

async function mount(attributes: {
  placeholder?: string;
  defaultText?: string;
  readonly?: boolean;
  noHeader?: boolean;
  conversations?: boolean;
}): Promise<CozeChat> {
  const token = uniqueToken('input-options');
  return fixture<CozeChat>(
    html`<coze-chat
      mode="inline"
      bot-id="7500000000000000001"
      token=${token}
      api-base=${location.origin}
      user-id=${`user-${token}`}
      placeholder=${attributes.placeholder ?? ''}
      default-text=${attributes.defaultText ?? ''}
      ?readonly=${attributes.readonly ?? false}
      ?no-header=${attributes.noHeader ?? false}
      ?conversations=${attributes.conversations ?? false}
    ></coze-chat>`
  );
}

describe('input options', () => {
  it('takes its placeholder and its first text from placeholder and default-text', async () => {
    const chat = await mount({
      placeholder: 'Ask about your order…',
      defaultText: 'Where is order 42?',
    });
    await waitUntil(() => deep(chat, 'coze-composer', 'textarea'), 'no composer');
    await waitUntil(() => input(chat).value === 'Where is order 42?', 'no default text');
    expect(input(chat).placeholder).to.equal('Ask about your order…');
    // The reader's edits are theirs: the default does not come back after sending.
    deep<HTMLButtonElement>(chat, 'coze-composer', '[part~="send-button"]')!.click();
    await waitUntil(() => messages(chat).length >= 2, 'not sent');
    await settled(chat);
    expect(input(chat).value).to.equal('');
    expect(messages(chat).at(-2)!.textContent).to.contain('Where is order 42?');
  });

  it('readonly shows the conversation and the answers to send(), without an input', async () => {
    const chat = await mount({readonly: true});
    await waitUntil(() => deep(chat, 'coze-message-list'), 'no transcript');
    expect(deep(chat, 'coze-composer')).to.equal(null);
    await chat.send('hello');
    await waitUntil(() => messages(chat).length >= 2, 'no answer');
    await settled(chat);
    expect(lastRow(chat).dataset.role).to.equal('assistant');
    expect(deep(chat, 'coze-composer')).to.equal(null);
    await expect(chat).to.be.accessible();
  });

  it('with no-header, still offers the conversation list through a small button', async () => {
    const chat = await mount({noHeader: true, conversations: true});
    await waitUntil(() => deep(chat, '[part~="conversations-button"]'), 'no way to the list');
    expect(deep(chat, '[part~="header"]')).to.equal(null);
    const button = deep<HTMLButtonElement>(chat, '[part~="conversations-button"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    await expect(chat).to.be.accessible();
    button.click();
    await waitUntil(() => deep(chat, 'coze-conversation-list'), 'the list did not open');
    expect(deep(chat, '[part~="conversations-button"]')!.getAttribute('aria-expanded')).to.equal(
      'true'
    );
    deep<HTMLButtonElement>(chat, '[part~="conversations-button"]')!.click();
    await waitUntil(() => !deep(chat, 'coze-conversation-list'), 'the list did not close');
  });
});
