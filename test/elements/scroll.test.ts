/// <reference types="mocha" />
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {pressKeys} from '../keys.js';
import {composer, deep, input, messages, mountChat, settled, uniqueToken} from './helpers.js';

/** An inline chat in a short box, so a few answers overflow it. */
async function shortChat(label: string): Promise<CozeChat> {
  const chat = await mountChat(uniqueToken(label), {mode: 'inline'});
  chat.style.display = 'block';
  chat.style.height = '420px';
  await waitUntil(() => deep(chat, 'coze-message-list', '.scroller'), 'transcript shown');
  return chat;
}

const scroller = (chat: CozeChat) => deep(chat, 'coze-message-list', '.scroller')!;
const jump = (chat: CozeChat) =>
  deep<HTMLButtonElement>(chat, 'coze-message-list', '[part~="jump-to-latest"]');
const fromBottom = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight;
const answerLength = (chat: CozeChat) =>
  messages(chat).at(-1)?.querySelector('.md')?.textContent?.length ?? 0;
/** The element's box lies within the scroller's visible box. */
function inView(el: Element, box: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  const s = box.getBoundingClientRect();
  return r.top >= s.top - 1 && r.bottom <= s.bottom + 1;
}
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** The reader scrolls to the top, as with the wheel: the scroll event comes after. */
async function scrollUp(chat: CozeChat): Promise<void> {
  scroller(chat).scrollTop = 0;
  await waitUntil(() => jump(chat), 'the jump-to-latest button appears');
}

describe('<coze-message-list> scrolling', () => {
  it('shows a welcome screen taller than the box from its top, when the shortcuts bar shrinks the box', async () => {
    const chat = await mountChat(uniqueToken('tall-welcome'), {
      mode: 'inline',
      botId: '7500000000000000001-shortcuts',
    });
    chat.style.display = 'block';
    chat.style.height = '420px';
    await waitUntil(
      () => deep(chat, 'coze-message-list', '[part~="follow-up"]'),
      'the welcome screen is shown'
    );
    await waitUntil(() => deep(chat, 'coze-composer', '[part~="shortcut"]'), 'shortcuts shown');
    await frame();
    const box = scroller(chat);
    expect(box.scrollHeight, 'the welcome overflows').to.be.above(box.clientHeight + 48);
    expect(box.scrollTop).to.equal(0);
    // Once there is a conversation, the bottom is followed again.
    await chat.send('Show me some markdown');
    await settled(chat);
    await frame();
    expect(fromBottom(box)).to.be.below(48);
  });

  it('follows a streaming answer while the reader is at the bottom', async () => {
    const chat = await shortChat('follow');
    const done = chat.send('Tell me something long');
    const box = scroller(chat);
    for (const length of [2000, 8000, 16000]) {
      await waitUntil(() => answerLength(chat) > length, `${length} characters arrived`, {
        timeout: 8000,
      });
      // Read between frames: a check inside a frame can run before that frame's new slice is
      // laid out and followed.
      await waitUntil(() => fromBottom(box) < 48, `at the bottom after ${length} characters`, {
        timeout: 1000,
      });
    }
    await done;
    await frame();
    expect(fromBottom(box)).to.be.below(48);
    expect(jump(chat)).to.equal(null);
  }).timeout(20000);

  it('stays where the reader scrolled to, offers jump-to-latest (announced once), and it brings the bottom back', async () => {
    const chat = await shortChat('away');
    const done = chat.send('Tell me something long');
    await waitUntil(() => answerLength(chat) > 3000, 'the answer overflows', {timeout: 8000});
    const notices = deep(chat, 'coze-message-list', '.scroller > [role="status"]:last-child')!;
    const said: string[] = [];
    new MutationObserver(() => said.push(notices.textContent!.trim())).observe(notices, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    await scrollUp(chat);
    const box = scroller(chat);
    const before = answerLength(chat);
    await waitUntil(() => answerLength(chat) > before + 2000, 'more arrives', {timeout: 8000});
    await frame();
    expect(box.scrollTop, 'the reader keeps their place').to.equal(0);
    await waitUntil(
      () => jump(chat)?.getAttribute('aria-label') === 'New messages below',
      'the button says new content arrived'
    );
    await expect(chat).to.be.accessible();
    await done;
    await frame();
    expect(box.scrollTop).to.equal(0);
    expect(said.filter((s) => s === 'New messages below')).to.have.length(1);

    // Keyboard: Shift+Tab out of the composer reaches the button; Enter brings the bottom into view.
    input(chat).focus();
    for (let i = 0; i < 5 && chat.shadowRoot!.activeElement === composer(chat); i++) {
      await pressKeys('Shift', 'Tab');
    }
    expect((box.getRootNode() as ShadowRoot).activeElement === jump(chat)).to.equal(true);
    await sendKeys({press: 'Enter'});
    await frame();
    expect(fromBottom(box)).to.be.below(48);
    await waitUntil(() => !jump(chat), 'the button goes once at the bottom');
    expect(
      (box.getRootNode() as ShadowRoot).activeElement === box,
      'focus stays in the transcript'
    ).to.equal(true);
  }).timeout(30000);

  it('brings a question sent while scrolled up into view', async () => {
    const chat = await shortChat('sent-up');
    await chat.send('Show me some markdown');
    await chat.send('Show me some markdown');
    await frame();
    await scrollUp(chat);
    expect(jump(chat)!.getAttribute('aria-label'), 'nothing new arrived').to.equal(
      'Jump to latest'
    );
    await expect(chat).to.be.accessible();
    const sent = chat.send('Is this question in view?');
    await waitUntil(
      () => messages(chat).some((r) => r.textContent?.includes('Is this question in view?')),
      'question shown'
    );
    await frame();
    const question = messages(chat).findLast((r) => r.dataset.role === 'user')!;
    expect(inView(question, scroller(chat)), 'the question is in view').to.equal(true);
    await sent;
    await settled(chat);
    await frame();
    expect(fromBottom(scroller(chat))).to.be.below(48);
    expect(jump(chat)).to.equal(null);
  }).timeout(20000);

  it('keeps the place when a tool card opens, and still brings the next question into view', async () => {
    const chat = await shortChat('card');
    await chat.send('Show me some markdown');
    await chat.send('Use a tool please');
    await settled(chat);
    await frame();
    const box = scroller(chat);
    const card = deep<HTMLButtonElement>(
      chat,
      'coze-message-list',
      '[part~="function-call"] button'
    )!;
    card.scrollIntoView({block: 'end'});
    await frame();
    const top = box.scrollTop;
    card.click();
    await frame();
    await frame();
    expect(card.getAttribute('aria-expanded')).to.equal('true');
    expect(box.scrollTop, 'the card opened where it was').to.equal(top);

    await chat.send('And now a question');
    await frame();
    const question = messages(chat).findLast((r) => r.dataset.role === 'user')!;
    expect(question.textContent).to.contain('And now a question');
    expect(inView(question, box), 'the question is in view').to.equal(true);
  }).timeout(20000);

  it('a long history: older rows skip layout out of sight, the bottom is followed and the top reached without a layout loop', async () => {
    const token = uniqueToken('long');
    const userId = `user-${token}`;
    const history = [];
    for (let i = 0; i < 60; i++) {
      history.push({role: 'user', type: 'question', content: `Question ${i}`});
      history.push({
        role: 'assistant',
        type: 'answer',
        content: `Answer ${i}.\n\n- one *item*\n- two \`code\`\n\nA closing line for ${i}.`,
      });
    }
    const created = await fetch('/v1/conversation/create', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Authorization: `Bearer ${token}`},
      body: JSON.stringify({
        bot_id: '7500000000000000001',
        user_id: userId,
        connector_id: '999',
        meta_data: {chat_user: userId},
        messages: history,
      }),
    }).then((r) => r.json() as Promise<{code: number}>);
    expect(created.code).to.equal(0);
    // A layout loop shows up as an error on the window (Firefox reports ResizeObserver loops).
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    try {
      const chat = await mountChat(token, {mode: 'inline', userId});
      chat.style.display = 'block';
      chat.style.height = '420px';
      const box = scroller(chat);
      // Older pages, as a reader asking for them would (each keeps the place). A row shown
      // stays the same element in the same chunk as older rows come in above it.
      const chunkOf = (row: Element) => row.closest('.chunk')!;
      while (messages(chat).length < 100) {
        const olderButton = () =>
          deep<HTMLButtonElement>(
            chat,
            'coze-message-list',
            '[part~="load-older"]:not([disabled])'
          );
        await waitUntil(olderButton, 'an older page is offered');
        const shown = messages(chat);
        const kept = shown.map((row) => [row, chunkOf(row)] as const);
        olderButton()!.click();
        await waitUntil(() => messages(chat).length > shown.length, 'the older page is shown');
        for (const [row, chunk] of kept) {
          expect(row.isConnected, `row ${row.dataset.key} kept`).to.equal(true);
          expect(chunkOf(row), `row ${row.dataset.key} in its chunk`).to.equal(chunk);
        }
      }
      box.scrollTop = box.scrollHeight;
      await frame();
      await frame();
      expect(fromBottom(box), 'the newest answer is in view').to.be.below(48);
      // Far rows go a chunk at a time: every row of a far chunk has 20 newer ones, and the
      // rows not far are the newest 20 and fewer than a chunk (10) more.
      const farRows = () => {
        const rows = messages(chat);
        const far = rows.filter((r) => chunkOf(r).classList.contains('far'));
        expect(rows.slice(-20).some((r) => chunkOf(r).classList.contains('far'))).to.equal(false);
        expect(rows.length - far.length, 'rows laid out').to.be.within(20, 29);
        for (const chunk of new Set(rows.map(chunkOf))) {
          expect(chunk.children.length, 'rows in a chunk').to.be.at.most(10);
        }
        return far.length;
      };
      const farBefore = farRows();
      expect(farBefore, 'older rows are far').to.be.greaterThan(70);

      await chat.send('Tell me something long');
      await frame();
      expect(fromBottom(box), 'the answer was followed').to.be.below(48);
      expect(farRows(), 'far rows as the transcript grows').to.be.at.least(farBefore);

      // Up to the oldest row, a screen at a time, as a reader would.
      while (box.scrollTop > 0) {
        box.scrollTop = Math.max(0, box.scrollTop - box.clientHeight);
        await frame();
      }
      expect(messages(chat)[0].textContent, 'the oldest row has its text').to.contain('Question');
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  }).timeout(30000);
});
