/// <reference types="mocha" />
import {aTimeout, expect, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {LEAVE_GRACE_MS} from '../../src/elements/shared/leave-grace.js';
import {
  deep,
  deepAll,
  lastRow,
  loggedRequests,
  messages,
  mountChat,
  uniqueToken,
} from '../elements/helpers.js';

const answerText = (chat: CozeChat) =>
  messages(chat).at(-1)?.querySelector('.md')?.textContent ?? '';
const chips = (chat: CozeChat) => deepAll(chat, 'coze-composer', '[part~="attachment"]');
const cancelled = async (token: string) =>
  (await loggedRequests(token)).some((r) => r.path === '/v3/chat/cancel');

/** Starts the slow answer and waits until some of it is on screen. */
async function streaming(label: string): Promise<{chat: CozeChat; token: string}> {
  const token = uniqueToken(label);
  const chat = await mountChat(token, {mode: 'inline'});
  void chat.send('slow');
  await waitUntil(() => answerText(chat).length > 5, 'streaming', {timeout: 8000});
  return {chat, token};
}

function attach(chat: CozeChat): void {
  const picker = deep<HTMLInputElement>(chat, 'coze-composer', 'input[type="file"]')!;
  const data = new DataTransfer();
  data.items.add(new File(['hello'], 'notes.txt', {type: 'text/plain'}));
  picker.files = data.files;
  picker.dispatchEvent(new Event('change', {bubbles: true}));
}

describe('moving the chat is not leaving', () => {
  const places: HTMLElement[] = [];
  const place = () => {
    const div = document.createElement('div');
    document.body.append(div);
    places.push(div);
    return div;
  };
  afterEach(() => places.splice(0).forEach((div) => div.remove()));

  it('moved in the same task: the answer streams on and nothing is cancelled', async () => {
    const {chat, token} = await streaming('move-now');
    place().append(chat);
    const before = answerText(chat).length;
    await aTimeout(LEAVE_GRACE_MS + 300);
    expect(lastRow(chat).dataset.status).to.equal('streaming');
    await waitUntil(() => answerText(chat).length > before, 'more text arrives');
    expect(await cancelled(token)).to.equal(false);
    chat.remove();
  });

  it('out for a moment, then back: the answer streams on and an attachment stays', async () => {
    const {chat, token} = await streaming('move-later');
    attach(chat);
    await waitUntil(() => chips(chat).length === 1, 'attached');
    chat.remove();
    await aTimeout(50);
    place().append(chat);
    await aTimeout(LEAVE_GRACE_MS + 300);
    expect(lastRow(chat).dataset.status).to.equal('streaming');
    expect(chips(chat)).to.have.length(1);
    expect(await cancelled(token)).to.equal(false);
    chat.remove();
  });

  it('removed for good: the answer is cancelled on Coze', async () => {
    const {chat, token} = await streaming('leave');
    chat.remove();
    await waitUntil(() => cancelled(token), 'cancel sent', {timeout: 4000});
  });
});
