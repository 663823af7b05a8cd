/// <reference types="mocha" />
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {LitElement} from 'lit';
import {ContextConsumer} from '@lit/context';
import {chatActionsContext} from '../../src/state/context.js';
import type {ChatActions} from '../../src/state/types.js';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {deep, input, loggedRequests, mountChat, typeInto, uniqueToken} from './helpers.js';

/** A stand-in for any part of the suite: it reaches the chat's actions through context, as the message list does. */
class ActionsProbe extends LitElement {
  readonly #actions = new ContextConsumer(this, {context: chatActionsContext});
  get actions(): ChatActions {
    return this.#actions.value!;
  }
}
customElements.define('composer-test-actions-probe', ActionsProbe);

const preview = (chat: CozeChat) => deep(chat, 'coze-composer', '[part~="quote-preview"]');
const composer = (chat: CozeChat) => deep(chat, 'coze-composer')!;

async function inlineChat(label: string) {
  const token = uniqueToken(label);
  const chat = await mountChat(token, {mode: 'inline'});
  await waitUntil(() => deep(chat, 'coze-message-list', '.prologue'), 'the chat loaded');
  const probe = document.createElement('composer-test-actions-probe') as ActionsProbe;
  chat.append(probe);
  await waitUntil(() => probe.actions, 'the probe got the actions');
  return {chat, token, probe};
}

describe('<coze-composer> quote preview', () => {
  it('shows the quoted text clamped to 3 lines, focuses the input, and removes it', async () => {
    const {chat, probe} = await inlineChat('quote-show');
    expect(preview(chat)).to.equal(null);
    const text = Array.from({length: 6}, (_, i) => `Line ${i + 1} of the answer`).join('\n');
    probe.actions.setQuote({text});
    await waitUntil(() => preview(chat), 'the preview shows');
    const shown = preview(chat)!;
    expect(shown.getAttribute('aria-label')).to.equal('Quoting');
    const quoteText = shown.querySelector('.quote-text') as HTMLElement;
    expect(quoteText.textContent).to.equal(text);
    const lineHeight = parseFloat(getComputedStyle(quoteText).lineHeight);
    expect(quoteText.clientHeight).to.be.at.most(Math.ceil(lineHeight * 3) + 1);
    expect(composer(chat).shadowRoot!.activeElement).to.equal(input(chat));
    await expect(chat).to.be.accessible();
    const remove = shown.querySelector('[part~="remove-button"]') as HTMLButtonElement;
    expect(remove.getAttribute('aria-label')).to.equal('Remove quote');
    remove.click();
    await waitUntil(() => !preview(chat), 'the preview goes');
    expect(composer(chat).shadowRoot!.activeElement).to.equal(input(chat));
  });

  it('shows a quoted image as a thumbnail', async () => {
    const {chat, probe} = await inlineChat('quote-image');
    probe.actions.setQuote({imageUrl: `${location.origin}/__emulator/icon.svg`});
    await waitUntil(() => preview(chat), 'the preview shows');
    const img = preview(chat)!.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal(`${location.origin}/__emulator/icon.svg`);
    expect(img.alt).to.equal('Quoting');
    await expect(chat).to.be.accessible();
  });

  it('sends the quote with the next question as a leading blockquote, then clears it', async () => {
    const {chat, token, probe} = await inlineChat('quote-send');
    probe.actions.setQuote({text: 'Paris is sunny.\nHigh of 24.'});
    await waitUntil(() => preview(chat));
    typeInto(chat, 'And tomorrow?');
    input(chat).focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(
      async () => (await loggedRequests(token)).some((r) => r.path === '/v3/chat'),
      'sent'
    );
    const [request] = (await loggedRequests(token)).filter((r) => r.path === '/v3/chat');
    const [message] = (
      request!.body as {additional_messages: Array<{content: string; content_type: string}>}
    ).additional_messages;
    expect(message!.content_type).to.equal('text');
    expect(message!.content).to.equal('> Paris is sunny.\n> High of 24.\n\nAnd tomorrow?');
    await waitUntil(() => !preview(chat), 'the quote was used');
  });
});
