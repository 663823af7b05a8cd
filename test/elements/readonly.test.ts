/// <reference types="mocha" />
// `readonly`: a transcript to read and copy. Nothing in it offers to ask or change anything:
// no suggested questions or follow-ups, options, shortcut commands, retry or regenerate,
// feedback, quote, clear context or new conversation; Copy stays.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {deep, deepAll, lastRow, messages, settled, uniqueToken} from './helpers.js';

const crossOrigin = () => `http://localhost:${location.port}`;

/** Everything that would ask, send or change, by part. */
const asking = [
  'follow-up',
  'option',
  'shortcut',
  'retry-button',
  'like-button',
  'unlike-button',
  'quote-button',
  'clear-context-button',
  'new-conversation-button',
];

async function mount(label: string, readonly: boolean) {
  const token = uniqueToken(label);
  const chat = await fixture<CozeChat>(
    html`<coze-chat
      mode="inline"
      bot-id="7500000000000000001-shortcuts"
      token=${token}
      api-base=${crossOrigin()}
      user-id=${`user-${token}`}
      feedback
      quote
      new-conversation
      ?readonly=${readonly}
    ></coze-chat>`
  );
  await waitUntil(() => deep(chat, 'coze-message-list', '.prologue'), 'the chat loaded');
  return chat;
}

/** The parts on show, in the panel, the transcript and the composer. */
function shown(chat: CozeChat): string[] {
  const parts = new Set<string>();
  const roots = [chat, deep(chat, 'coze-message-list'), deep(chat, 'coze-composer')];
  for (const root of roots) {
    for (const el of root?.shadowRoot?.querySelectorAll<HTMLElement>('[part]') ?? []) {
      if (el.closest('[hidden]')) continue;
      for (const name of el.getAttribute('part')!.split(/\s+/)) parts.add(name);
    }
  }
  return [...parts];
}

describe('readonly', () => {
  it('shows the welcome without suggested questions', async () => {
    const chat = await mount('readonly-welcome', true);
    await chat.updateComplete;
    expect(deep(chat, 'coze-message-list', '.prologue')).to.not.equal(null);
    expect(shown(chat).filter((p) => asking.includes(p))).to.deep.equal([]);
    await expect(chat).to.be.accessible();
  });

  it('offers only Copy on answers: no follow-ups, regenerate, feedback or quote', async () => {
    const chat = await mount('readonly-answer', true);
    await chat.send('think');
    await settled(chat);
    expect(lastRow(chat).dataset.role).to.equal('assistant');
    expect(shown(chat).filter((p) => asking.includes(p))).to.deep.equal([]);
    const copy = deepAll(chat, 'coze-message-list', '[part~="copy-button"]');
    expect(copy.length, 'Copy on the answer').to.be.greaterThan(0);
    await expect(chat).to.be.accessible();
  });

  it('offers no options to a question node and no retry to a failed answer', async () => {
    const chat = await mount('readonly-options', true);
    await chat.send('choose');
    await settled(chat);
    expect(shown(chat).filter((p) => asking.includes(p))).to.deep.equal([]);
    const failing = await mount('readonly-failed', true);
    await failing.send('fail event');
    await settled(failing);
    expect(lastRow(failing).dataset.status).to.equal('error');
    expect(shown(failing)).to.include('error');
    expect(shown(failing).filter((p) => asking.includes(p))).to.deep.equal([]);
  });

  it('the same chat, not read-only, offers all of them (the test can fail)', async () => {
    const chat = await mount('readonly-control', false);
    await waitUntil(() => shown(chat).includes('shortcut'), 'no shortcut commands');
    expect(shown(chat)).to.include('follow-up');
    await chat.send('think');
    await settled(chat);
    await waitUntil(() => shown(chat).includes('follow-up'), 'no follow-ups');
    expect(shown(chat)).to.include.members([
      'retry-button',
      'like-button',
      'quote-button',
      'clear-context-button',
      'new-conversation-button',
    ]);
    expect(messages(chat).length).to.be.at.least(2);
    await chat.send('choose');
    await settled(chat);
    await waitUntil(() => shown(chat).includes('option'), 'no options');
  });
});
