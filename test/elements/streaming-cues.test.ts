/// <reference types="mocha" />
import {expect, waitUntil} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import type {CozeToolCallEvent} from '../../src/events/coze-tool-call-event.js';
import {deep, deepAll, lastRow, messages, mountChat, settled, uniqueToken} from './helpers.js';

const cards = (chat: CozeChat) => deepAll(chat, 'coze-message-list', '[part~="function-call"]');
const cardLabel = (card: HTMLElement) => card.querySelector('button')!.textContent!.trim();

/** The caret drawn after the last block of the streaming answer, if any. */
function caret(chat: CozeChat): CSSStyleDeclaration | undefined {
  const md = lastRow(chat)?.querySelector('.md');
  const last = md?.lastElementChild;
  if (!last) return undefined;
  const target = /^[UO]L$/.test(last.tagName) ? last.lastElementChild! : last;
  const style = getComputedStyle(target, '::after');
  return style.content === 'none' ? undefined : style;
}

describe('<coze-message-list> streaming cues', () => {
  it('a caret pulses at the end of a streaming answer and goes when it is done', async () => {
    const chat = await mountChat(uniqueToken('caret'), {mode: 'inline'});
    const done = chat.send('slow please');
    await waitUntil(
      () => (lastRow(chat)?.querySelector('.md')?.textContent ?? '').length > 10,
      'streaming',
      {timeout: 8000}
    );
    const style = caret(chat);
    expect(style, 'a caret while streaming').to.not.equal(undefined);
    expect(style!.animationName).to.equal('coze-caret');
    await expect(chat).to.be.accessible();
    await done;
    await settled(chat);
    expect(caret(chat), 'no caret once done').to.equal(undefined);
  }).timeout(20000);

  it('the caret holds still under prefers-reduced-motion', async function () {
    // emulateMedia goes through the DevTools protocol: Firefox over WebDriver BiDi and
    // WebKitGTK's WebDriver offer no way to emulate prefers-reduced-motion.
    if (!/Chrome\//.test(navigator.userAgent)) this.skip();
    await emulateMedia({reducedMotion: 'reduce'});
    try {
      const chat = await mountChat(uniqueToken('caret-still'), {mode: 'inline'});
      const done = chat.send('slow please');
      await waitUntil(() => caret(chat), 'a caret', {timeout: 8000});
      expect(caret(chat)!.animationName).to.equal('none');
      await done;
    } finally {
      await emulateMedia({reducedMotion: 'no-preference'});
    }
  }).timeout(20000);

  it('a plugin card says "Used …" once the plugin answered', async () => {
    const chat = await mountChat(uniqueToken('card-done'), {mode: 'inline'});
    await chat.send('tool');
    await settled(chat);
    const [card] = cards(chat);
    expect(card!.dataset.state).to.equal('done');
    expect(cardLabel(card!)).to.equal('Used weather-get');
  });

  it('a function the page runs gets a card: running, then done with its result', async () => {
    const chat = await mountChat(uniqueToken('local-card'), {mode: 'inline'});
    let answer!: () => void;
    chat.addEventListener('coze-tool-call', (event: CozeToolCallEvent) => {
      const [call] = event.detail.toolCalls;
      event.respondWith(
        new Promise((resolve) => {
          answer = () => resolve([{toolCallId: call!.id, output: '{"temperature":"18°C"}'}]);
        })
      );
    });
    const done = chat.send('What is the local weather?');
    await waitUntil(() => cards(chat).length === 1 && answer, 'a card while the page works');
    const card = cards(chat)[0]!;
    expect(card.dataset.state).to.equal('running');
    expect(card.dataset.local).to.equal('true');
    expect(cardLabel(card)).to.equal('Using get_local_weather…');
    await expect(chat).to.be.accessible();
    answer();
    await done;
    await settled(chat);
    const settledCard = cards(chat)[0]!;
    expect(settledCard.dataset.state).to.equal('done');
    expect(cardLabel(settledCard)).to.equal('Used get_local_weather');
    settledCard.querySelector('button')!.click();
    await chat.updateComplete;
    expect(settledCard.querySelector('.tool-input')!.textContent).to.contain('"city": "Paris"');
    expect(settledCard.querySelector('.tool-output')!.textContent).to.contain(
      '"temperature": "18°C"'
    );
    expect(lastRow(chat).textContent).to.contain('18°C');
  });

  it('a function nobody on the page runs gets a failed card', async () => {
    const chat = await mountChat(uniqueToken('local-failed'), {mode: 'inline'});
    await chat.send('What is the local weather?');
    await waitUntil(() => cards(chat)[0]?.dataset.state === 'failed', 'the card failed');
    expect(cardLabel(cards(chat)[0]!)).to.equal('get_local_weather failed');
    expect(deep(chat, 'coze-message-list', '[part~="error"]')!.textContent).to.contain(
      'get_local_weather'
    );
    expect(messages(chat)[0]!.textContent).to.contain('local weather');
    await expect(chat).to.be.accessible();
  });
});
