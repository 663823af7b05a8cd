/// <reference types="mocha" />
import {expect, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {pressKeys} from '../keys.js';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import type {MessageFile} from '../../src/state/types.js';
import {
  deep,
  deepAll,
  lastRow,
  loggedRequests,
  messages,
  mountChat,
  uniqueToken,
} from './helpers.js';

/** An inline chat for one test, with a token (and so a user and a request log) of its own. */
async function inlineChat(
  label: string,
  token = uniqueToken(label)
): Promise<{chat: CozeChat; token: string}> {
  const chat = await mountChat(token, {mode: 'inline'});
  return {chat, token};
}

/** Takes the chat out of the page and mounts a new one for the same user: history is all it has. */
async function reload(chat: CozeChat, token: string): Promise<CozeChat> {
  chat.remove();
  const again = await mountChat(token, {mode: 'inline'});
  await waitUntil(() => messages(again).length > 0, 'history loaded', {timeout: 5000});
  await again.updateComplete;
  return again;
}

const inList = <T extends HTMLElement = HTMLElement>(chat: CozeChat, selector: string) =>
  deep<T>(chat, 'coze-message-list', selector);
const allInList = (chat: CozeChat, selector: string) =>
  deepAll(chat, 'coze-message-list', selector);
/** The focused element in the shadow root holding `node` (compared by identity: chai would try to diff two elements). */
const focused = (node: Node) => (node.getRootNode() as ShadowRoot).activeElement;
const within = <T extends HTMLElement = HTMLElement>(row: Element, selector: string) =>
  row.querySelector<T>(selector);

const chatRequests = async (token: string) =>
  (await loggedRequests(token)).filter((r) => r.path === '/v3/chat');
const sentText = (request: {body: unknown}) =>
  (request.body as {additional_messages: Array<{content: string}>}).additional_messages[0].content;

/** The last answer row that is not a plugin call. */
const answerRow = (chat: CozeChat) =>
  messages(chat).findLast(
    (row) => row.dataset.role === 'assistant' && !row.querySelector('[part~="function-call"]')
  )!;

describe('<coze-message-list> reasoning', () => {
  it('streams the thought process open, then folds it above the answer; history shows it the same way', async () => {
    const {chat, token} = await inlineChat('think');
    const done = chat.send('think');
    await waitUntil(
      () => inList(chat, '[part~="reasoning"] .reasoning-text')?.textContent?.trim(),
      'reasoning arrives',
      {
        timeout: 5000,
      }
    );
    const block = inList(chat, '[part~="reasoning"]')!;
    const toggle = within<HTMLButtonElement>(block, 'button')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.textContent).to.contain('Thinking');
    expect(within(block, '.reasoning-text')!.hidden).to.equal(false);
    expect(getComputedStyle(within(block, '.reasoning-text')!).whiteSpace).to.equal('pre-wrap');
    await expect(chat).to.be.accessible();

    await done;
    await chat.updateComplete;
    const row = answerRow(chat);
    const folded = within<HTMLButtonElement>(row, '[part~="reasoning"] button')!;
    expect(folded.getAttribute('aria-expanded')).to.equal('false');
    expect(folded.textContent).to.match(/Thought for \d+ s/);
    // Shown once: the first piece is not doubled.
    const thought = within(row, '.reasoning-text')!.textContent!.trim();
    expect(thought.startsWith('The user wants to see reasoning'), thought.slice(0, 40)).to.equal(
      true
    );
    expect(thought.split('The user wants').length).to.equal(2);
    expect(allInList(chat, '[part~="reasoning"]')).to.have.length(1);
    const text = within(row, '.reasoning-text')!;
    expect(text.hidden).to.equal(true);
    expect(text.textContent).to.contain('think step by step');
    expect(text.textContent).to.contain('先想一想');
    const bubble = within(row, '[part~="bubble"]')!;
    expect(bubble.textContent).to.contain('Answer:');
    expect(
      within(row, '[part~="reasoning"]')!.compareDocumentPosition(bubble) &
        Node.DOCUMENT_POSITION_FOLLOWING
    ).to.be.ok;

    folded.click();
    await chat.updateComplete;
    expect(folded.getAttribute('aria-expanded')).to.equal('true');
    expect(text.hidden).to.equal(false);

    const again = await reload(chat, token);
    const restored = answerRow(again);
    const restoredToggle = within<HTMLButtonElement>(restored, '[part~="reasoning"] button')!;
    expect(restoredToggle.getAttribute('aria-expanded')).to.equal('false');
    expect(restoredToggle.textContent, 'no timing in the history').to.contain('Thought process');
    expect(within(restored, '.reasoning-text')!.textContent).to.contain('think step by step');
    expect(within(restored, '[part~="bubble"]')!.textContent).to.contain('Answer:');
    restoredToggle.click();
    await again.updateComplete;
    expect(within(restored, '.reasoning-text')!.hidden).to.equal(false);
  });

  it('starts the thought process at its first word, not at the blank lines a model sends first', async () => {
    const {chat} = await inlineChat('think-blank');
    await chat.send('hostile say reasoning \n\n  \nFirst, restate the question.\n\nThen answer.');
    await chat.updateComplete;
    const row = answerRow(chat);
    within<HTMLButtonElement>(row, '[part~="reasoning"] button')!.click();
    await chat.updateComplete;
    const text = within(row, '.reasoning-text')!;
    // Under pre-wrap every character shows: a leading newline would be an empty first line.
    expect(text.textContent).to.equal('First, restate the question.\n\nThen answer.');
    const line = parseFloat(getComputedStyle(text).lineHeight);
    expect(text.getBoundingClientRect().height).to.be.below(line * 4.5);
  });
});

describe('<coze-message-list> plugin calls', () => {
  it('shows "Used weather-get" with its input and result, also from history', async () => {
    const {chat, token} = await inlineChat('tool');
    await chat.send('tool');
    await chat.updateComplete;
    const card = inList(chat, '[part~="function-call"]')!;
    expect(card, 'tool card').to.exist;
    const toggle = within<HTMLButtonElement>(card, 'button')!;
    expect(toggle.textContent).to.contain('Used weather-get');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await chat.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(within(card, '.tool-thought')!.textContent).to.contain('call the weather plugin');
    expect(within(card, '.tool-input')!.textContent).to.contain('"city": "Paris"');
    expect(within(card, '.tool-output')!.textContent).to.contain('"condition": "light rain"');
    // The card comes before the answer, which has no raw JSON in it.
    expect(within(answerRow(chat), '[part~="bubble"]')!.textContent).to.contain('light rain');
    expect(within(answerRow(chat), '[part~="bubble"]')!.textContent).not.to.contain('{');
    await expect(chat).to.be.accessible();

    const again = await reload(chat, token);
    const restored = inList(again, '[part~="function-call"]')!;
    expect(restored, 'tool card from history').to.exist;
    within<HTMLButtonElement>(restored, 'button')!.click();
    await again.updateComplete;
    expect(restored.textContent).to.contain('Used weather-get');
    expect(within(restored, '.tool-input')!.textContent).to.contain('"city": "Paris"');
    expect(within(restored, '.tool-output')!.textContent).to.contain('light rain');
  });

  it('hides plugin calls with no-function-calls', async () => {
    const {chat} = await inlineChat('no-tools');
    chat.noFunctionCalls = true;
    await chat.send('tool');
    await chat.updateComplete;
    expect(inList(chat, '[part~="function-call"]')).to.equal(null);
    expect(messages(chat)).to.have.length(2);
    expect(within(lastRow(chat), '[part~="bubble"]')!.textContent).to.contain('light rain');
    chat.noFunctionCalls = false;
    await chat.updateComplete;
    await chat.updateComplete;
    expect(inList(chat, '[part~="function-call"]'), 'shown again when allowed').to.exist;
  });
});

describe('<coze-message-list> follow-ups, options and cards', () => {
  it('sends a follow-up on click', async () => {
    const {chat, token} = await inlineChat('follow-up');
    await chat.send('hello');
    await chat.updateComplete;
    const chips = allInList(chat, '[part~="follow-up"]');
    expect(chips.map((c) => c.textContent!.trim())).to.include('Tell me more');
    chips.find((c) => c.textContent!.trim() === 'Tell me more')!.click();
    await waitUntil(async () => (await chatRequests(token)).length === 2, 'second question sent');
    expect(sentText((await chatRequests(token))[1])).to.equal('Tell me more');
  });

  it('shows a question node as text with option buttons that send the option', async () => {
    const {chat, token} = await inlineChat('choose');
    await chat.send('choose');
    await chat.updateComplete;
    const row = lastRow(chat);
    expect(within(row, '[part~="bubble"]')!.textContent).to.contain('Which colour would you like?');
    expect(within(row, '[part~="bubble"]')!.textContent).not.to.contain('{');
    const options = [...row.querySelectorAll<HTMLButtonElement>('[part~="option"]')];
    expect(options.map((o) => o.textContent!.trim())).to.deep.equal(['Red', 'Green', 'Blue']);
    await expect(chat).to.be.accessible();
    options[1].click();
    await waitUntil(async () => (await chatRequests(token)).length === 2, 'the option was sent');
    expect(sentText((await chatRequests(token))[1])).to.equal('Green');
    // Only the last message offers them, and not while it streams.
    await waitUntil(
      () =>
        lastRow(chat).dataset.status === 'complete' && lastRow(chat).dataset.role === 'assistant',
      'answered',
      {
        timeout: 5000,
      }
    );
    expect(allInList(chat, '[part~="option"]')).to.have.length(0);
    expect(within(lastRow(chat), '[part~="bubble"]')!.textContent).to.contain('You chose Green');
  });

  it('shows a card as its readable text, never JSON', async () => {
    const {chat} = await inlineChat('card');
    await chat.send('card');
    await chat.updateComplete;
    const bubble = within(lastRow(chat), '[part~="bubble"]')!;
    expect(bubble.textContent).to.contain('Paris: sunny');
    expect(bubble.textContent).not.to.contain('{');
    expect(bubble.textContent).not.to.contain('card_type');
  });
});

describe('<coze-message-list> message actions', () => {
  it('copies an answer and says so', async () => {
    const {chat} = await inlineChat('copy');
    const completed = oneEvent(chat, 'coze-message');
    await chat.send('copy this');
    const {detail} = await completed;
    await chat.updateComplete;
    const copy = within<HTMLButtonElement>(lastRow(chat), '[part~="copy-button"]')!;
    expect(copy.getAttribute('aria-label')).to.equal('Copy');
    // A real key press: the clipboard wants a user gesture in a focused page.
    copy.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => copy.getAttribute('aria-label') === 'Copied', 'copied state', {
      timeout: 2000,
    });
    expect(inList(chat, '.scroller > [role="status"]:last-child')!.textContent).to.contain(
      'Copied'
    );
    // Paste it back with a real key press (reading the clipboard from script needs a permission headless Chromium refuses).
    const target = document.createElement('textarea');
    target.setAttribute('aria-label', 'paste target');
    document.body.append(target);
    try {
      target.focus();
      await pressKeys('Control', 'KeyV');
      await waitUntil(() => target.value, 'pasted', {timeout: 2000});
      expect(target.value).to.equal(detail.message.content);
    } finally {
      target.remove();
    }
  });

  it('regenerates only the last answer, asking the same question again', async () => {
    const {chat, token} = await inlineChat('regenerate');
    await chat.send('first question');
    await chat.send('second question');
    await chat.updateComplete;
    const regenerate = allInList(chat, '[part~="retry-button"]');
    expect(regenerate, 'one regenerate button, on the last answer').to.have.length(1);
    expect(lastRow(chat).contains(regenerate[0])).to.equal(true);
    expect(regenerate[0].getAttribute('aria-label')).to.equal('Regenerate');
    regenerate[0].click();
    await waitUntil(async () => (await chatRequests(token)).length === 3, 'asked again');
    await waitUntil(
      () =>
        lastRow(chat).dataset.status === 'complete' && lastRow(chat).dataset.role === 'assistant',
      'answered',
      {
        timeout: 5000,
      }
    );
    const chats = await chatRequests(token);
    expect(sentText(chats[2])).to.equal('second question');
    const rows = messages(chat);
    expect(rows).to.have.length(4);
    expect(
      rows.filter(
        (r) => r.textContent!.includes('second question') && r.dataset.role === 'assistant'
      )
    ).to.have.length(1);
  });

  it('quotes an answer into the next question', async () => {
    const {chat, token} = await inlineChat('quote');
    await chat.send('hello there');
    await chat.updateComplete;
    expect(within(lastRow(chat), '[part~="quote-button"]'), 'no quote without the option').to.equal(
      null
    );
    chat.quote = true;
    await chat.updateComplete;
    await chat.updateComplete;
    within<HTMLButtonElement>(lastRow(chat), '[part~="quote-button"]')!.click();
    await chat.updateComplete;
    const preview = deep(chat, 'coze-composer', '[part~="quote-preview"]');
    if (preview) expect(preview.textContent).to.contain('You said: hello there');
    await chat.send('why?');
    const sent = sentText((await chatRequests(token))[1]);
    expect(sent.startsWith('> You said: hello there')).to.equal(true, sent);
    expect(sent).not.to.contain('**');
    expect(sent.endsWith('why?')).to.equal(true);
    // The question shows the quote above its text.
    const question = messages(chat).at(-2)!;
    expect(within(question, '[part~="bubble"] [part~="quote"]')!.textContent).to.contain(
      'You said: hello there'
    );
    // From history, the question reads the same: the quote above, the text without the `>` block.
    const again = await reload(chat, token);
    const restored = messages(again).at(-2)!;
    expect(within(restored, '[part~="bubble"] [part~="quote"]')!.textContent).to.contain(
      'You said: hello there'
    );
    expect(within(restored, '[part~="bubble"]')!.textContent).not.to.contain('>');
    expect(within(restored, '[part~="bubble"]')!.textContent).to.contain('why?');
  });

  it('keeps actions in the tab order and in view on focus', async () => {
    const {chat} = await inlineChat('actions-focus');
    chat.feedback = true;
    chat.quote = true;
    await chat.send('hello');
    await chat.updateComplete;
    const row = lastRow(chat);
    const parts = ['copy-button', 'retry-button', 'quote-button', 'like-button', 'unlike-button'];
    for (const part of parts) {
      const button = within<HTMLButtonElement>(row, `[part~="${part}"]`)!;
      expect(button, part).to.exist;
      expect(button.tagName).to.equal('BUTTON');
      expect(button.tabIndex).to.equal(0);
    }
    within<HTMLButtonElement>(row, '[part~="copy-button"]')!.focus();
    await waitUntil(
      () => getComputedStyle(within(row, '.actions')!).opacity === '1',
      'actions in full view on focus'
    );
    await expect(chat).to.be.accessible();
  });
});

describe('<coze-message-list> feedback', () => {
  const tags = [
    {label: 'Wrong facts', isNeedDetail: false},
    {label: 'Something else', isNeedDetail: true},
  ];

  async function feedbackChat(label: string, mode = 'inline') {
    const token = uniqueToken(label);
    const chat = await mountChat(token, {mode});
    chat.feedback = true;
    chat.setAttribute('feedback-tags', JSON.stringify(tags));
    chat.setAttribute('feedback-title', 'Tell us what went wrong');
    if (mode === 'floating') await chat.show();
    await chat.send('hello');
    await chat.updateComplete;
    return {chat, token};
  }

  const feedbackCalls = async (token: string) =>
    (await loggedRequests(token)).filter((r) => r.path.endsWith('/feedback'));

  it('likes, takes the like back, then unlikes with reasons and a comment', async () => {
    const {chat, token} = await feedbackChat('feedback');
    const row = lastRow(chat);
    const like = within<HTMLButtonElement>(row, '[part~="like-button"]')!;
    const unlike = within<HTMLButtonElement>(row, '[part~="unlike-button"]')!;
    expect(like.getAttribute('aria-pressed')).to.equal('false');

    like.click();
    await waitUntil(async () => (await feedbackCalls(token)).length === 1, 'like sent');
    let calls = await feedbackCalls(token);
    expect(calls[0].method).to.equal('POST');
    expect(calls[0].body).to.deep.equal({feedback_type: 'like'});
    await chat.updateComplete;
    expect(like.getAttribute('aria-pressed')).to.equal('true');

    like.click();
    await waitUntil(async () => (await feedbackCalls(token)).length === 2, 'like taken back');
    calls = await feedbackCalls(token);
    expect(calls[1].method).to.equal('DELETE');
    await chat.updateComplete;
    expect(like.getAttribute('aria-pressed')).to.equal('false');

    unlike.click();
    await waitUntil(() => within(row, '[part~="feedback-panel"]'), 'panel opens');
    await waitUntil(async () => (await feedbackCalls(token)).length === 3, 'unlike sent at once');
    calls = await feedbackCalls(token);
    expect(calls[2].body).to.deep.equal({feedback_type: 'unlike'});
    expect(unlike.getAttribute('aria-pressed')).to.equal('true');

    const panel = within(row, '[part~="feedback-panel"]')!;
    expect(panel.textContent).to.contain('Tell us what went wrong');
    const tagButtons = [...panel.querySelectorAll<HTMLButtonElement>('.feedback-tag')];
    expect(tagButtons.map((b) => b.textContent!.trim())).to.deep.equal([
      'Wrong facts',
      'Something else',
    ]);
    expect(focused(panel) === tagButtons[0], 'focus moves to the first reason').to.equal(true);
    await expect(chat).to.be.accessible();

    tagButtons[0].click();
    tagButtons[1].click();
    await chat.updateComplete;
    expect(tagButtons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'true']);
    const textarea = within<HTMLTextAreaElement>(panel, 'textarea')!;
    expect(textarea.placeholder).to.equal('Tell us more');
    within<HTMLButtonElement>(panel, 'button[type="submit"]')!.click();
    await waitUntil(() => within(panel, '.feedback-error'), 'comment required');
    const error = within(panel, '.feedback-error')!;
    expect(error.textContent).to.contain('Something else');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => focused(panel) === textarea, 'focus moves to the comment');
    expect(await feedbackCalls(token)).to.have.length(3);
    await expect(chat).to.be.accessible();

    textarea.value = 'It made up a date.';
    textarea.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
    within<HTMLButtonElement>(panel, 'button[type="submit"]')!.click();
    await waitUntil(async () => (await feedbackCalls(token)).length === 4, 'details sent');
    calls = await feedbackCalls(token);
    expect(calls[3].method).to.equal('POST');
    expect(calls[3].body).to.deep.equal({
      feedback_type: 'unlike',
      reason_types: ['Wrong facts', 'Something else'],
      comment: 'It made up a date.',
    });
    await waitUntil(() => within(row, '.feedback-thanks'), 'thanks shown');
    expect(within(row, '[part~="feedback-panel"]')).to.equal(null);
    expect(within(row, '.feedback-thanks')!.textContent).to.contain('Thanks for your feedback');
    await waitUntil(() => focused(row) === unlike, 'focus returns to unlike');

    unlike.click();
    await waitUntil(async () => (await feedbackCalls(token)).length === 5, 'unlike taken back');
    expect((await feedbackCalls(token))[4].method).to.equal('DELETE');
    await chat.updateComplete;
    expect(unlike.getAttribute('aria-pressed')).to.equal('false');
    expect(within(row, '.feedback-thanks')).to.equal(null);
  });

  it('closes the panel on Cancel and on Escape, keeping the unlike and the chat open', async () => {
    const {chat, token} = await feedbackChat('feedback-escape', 'floating');
    const row = lastRow(chat);
    const unlike = within<HTMLButtonElement>(row, '[part~="unlike-button"]')!;
    unlike.click();
    await waitUntil(() => within(row, '[part~="feedback-panel"]'), 'panel opens');
    within<HTMLButtonElement>(
      row,
      '[part~="feedback-panel"] .feedback-buttons button[type="button"]'
    )!.click();
    await chat.updateComplete;
    await waitUntil(() => !within(row, '[part~="feedback-panel"]'), 'closed by Cancel');
    expect(unlike.getAttribute('aria-pressed')).to.equal('true');

    // Take it back and unlike again: the panel opens again; Escape closes it but not the chat.
    unlike.click();
    await waitUntil(() => unlike.getAttribute('aria-pressed') === 'false', 'taken back');
    unlike.click();
    await waitUntil(() => within(row, '[part~="feedback-panel"]'), 'panel opens again');
    within<HTMLTextAreaElement>(row, '[part~="feedback-panel"] textarea')!.focus();
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !within(row, '[part~="feedback-panel"]'), 'closed by Escape');
    expect(chat.open, 'the chat stays open').to.equal(true);
    expect(unlike.getAttribute('aria-pressed')).to.equal('true');
    const calls = (await loggedRequests(token)).filter((r) => r.path.endsWith('/feedback'));
    expect(
      calls.map(
        (c) => `${c.method} ${(c.body as {feedback_type?: string} | null)?.feedback_type ?? ''}`
      )
    ).to.deep.equal(['POST unlike', 'DELETE ', 'POST unlike']);
  });

  it('offers no feedback without the option', async () => {
    const {chat} = await inlineChat('no-feedback');
    await chat.send('hello');
    await chat.updateComplete;
    expect(within(lastRow(chat), '[part~="like-button"]')).to.equal(null);
    expect(within(lastRow(chat), '[part~="unlike-button"]')).to.equal(null);
    expect(within(lastRow(chat), '[part~="copy-button"]')).to.exist;
  });
});

describe('<coze-message-list> context sections', () => {
  it('shows a divider after "clear context", and between sections in history', async () => {
    const {chat, token} = await inlineChat('clear');
    await chat.send('before the clear');
    await chat.updateComplete;
    expect(inList(chat, '[part~="divider"]')).to.equal(null);
    await chat.clearContext();
    await chat.updateComplete;
    const divider = inList(chat, '[part~="divider"]')!;
    expect(divider, 'divider after the last answer').to.exist;
    expect(divider.getAttribute('role')).to.equal('separator');
    expect(divider.textContent).to.contain('Context cleared');
    const clears = (await loggedRequests(token)).filter(
      (r) => r.method === 'POST' && /^\/v1\/conversations\/[^/]+\/clear$/.test(r.path)
    );
    expect(clears).to.have.length(1);
    await expect(chat).to.be.accessible();

    await chat.send('after the clear');
    await chat.updateComplete;
    expect(allInList(chat, '[part~="divider"]')).to.have.length(1);
    const rows = allInList(chat, '.transcript [role="listitem"]');
    const at = rows.findIndex((li) => li.querySelector('[part~="divider"]'));
    expect(rows[at - 1].dataset.role).to.equal('assistant');
    expect(rows[at + 1].textContent).to.contain('after the clear');

    const again = await reload(chat, token);
    const restored = allInList(again, '.transcript [role="listitem"]');
    const divided = restored.findIndex((li) => li.querySelector('[part~="divider"]'));
    expect(divided, 'divider in history').to.be.greaterThan(0);
    expect(restored[divided - 1].textContent).to.contain('before the clear');
    expect(restored[divided + 1].textContent).to.contain('after the clear');
    expect(allInList(again, '[part~="divider"]')).to.have.length(1);
  });
});

describe('<coze-message-list> questions with files', () => {
  async function upload(token: string, file: File): Promise<string> {
    const form = new FormData();
    form.append('file', file);
    const response = await fetch('/v1/files/upload', {
      method: 'POST',
      headers: {Authorization: `Bearer ${token}`},
      body: form,
    });
    const body = (await response.json()) as {code: number; data: {id: string}};
    expect(body.code).to.equal(0);
    return body.data.id;
  }

  const pixel =
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

  it('shows the file as a chip with name and size, and the image as a preview, also from history', async () => {
    const {chat, token} = await inlineChat('files');
    const report = new File(['x'.repeat(2048)], 'report.txt', {type: 'text/plain'});
    const png = await (await fetch(pixel)).blob();
    const image = new File([png], 'pixel.png', {type: 'image/png'});
    const files: MessageFile[] = [
      {fileId: await upload(token, report), name: 'report.txt', size: report.size, kind: 'file'},
      {
        fileId: await upload(token, image),
        name: 'pixel.png',
        size: image.size,
        kind: 'image',
        previewUrl: pixel,
      },
    ];
    await chat.send('see file', {files});
    await chat.updateComplete;

    const check = (c: CozeChat) => {
      const question = messages(c).find((r) => r.dataset.role === 'user')!;
      const chip = within(question, '.file-chip[part~="attachment"]')!;
      expect(chip, 'file chip').to.exist;
      expect(chip.textContent).to.contain('report.txt');
      expect(chip.textContent).to.contain('2 KB');
      const preview = within<HTMLImageElement>(question, 'img[part~="attachment"]')!;
      expect(preview, 'image preview').to.exist;
      expect(preview.alt).to.equal('Image pixel.png');
      expect(within(question, '[part~="bubble"]')!.textContent).to.contain('see file');
      expect(within(question, '[part~="bubble"]')!.textContent).not.to.contain('file_id');
    };
    check(chat);
    await expect(chat).to.be.accessible();
    const again = await reload(chat, token);
    check(again);
  });
});

describe('<coze-message-list> accessibility', () => {
  it('is accessible while streaming and after an error', async () => {
    const {chat} = await inlineChat('a11y');
    chat.feedback = true;
    const done = chat.send('slow');
    await waitUntil(
      () =>
        lastRow(chat)?.dataset.status === 'streaming' && within(lastRow(chat), '.md')?.textContent,
      'streaming',
      {
        timeout: 5000,
      }
    );
    expect(inList(chat, '[part~="message-list"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(within(lastRow(chat), '.actions'), 'no actions while streaming').to.equal(null);
    await expect(chat).to.be.accessible();
    await chat.cancel();
    await done;

    await chat.send('fail chat');
    await chat.updateComplete;
    expect(inList(chat, '[part~="error"]')).to.exist;
    await expect(chat).to.be.accessible();
  });
});
