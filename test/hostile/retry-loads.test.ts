/// <reference types="mocha" />
import {expect, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {
  deep,
  deepAll,
  loggedRequests,
  messages,
  mountChat,
  settled,
  uniqueToken,
} from '../elements/helpers.js';

/**
 * A load that timed out (the bot profile, the lookup of the conversation to resume, its
 * history, the conversation list) shows which load failed and a Retry that loads just that
 * again. The emulator hangs a group's first n requests for a token with `hang<n>-<group>`
 * and answers the later ones; the request timeout is 1 s here.
 */
const mount = (token: string, userId: string, {timeout = 1, conversations = false} = {}) =>
  mountChat(token, {mode: 'inline', userId, requestTimeout: timeout, conversations});

/** Two tokens of one emulator account: the first answered, the second with `marks`. */
function tokens(label: string, marks: string) {
  const base = uniqueToken(label);
  return {plain: `${base}.plain`, marked: `${base}.${marks}`, userId: `user-${base}`};
}

/** A conversation of the account with one question and its answer. */
async function earlierConversation(token: string, userId: string) {
  const chat = await mount(token, userId, {timeout: 30});
  await chat.send('earlier question');
  await settled(chat);
  chat.remove();
}

const loadError = (chat: CozeChat) =>
  deepAll(chat, 'coze-message-list', '[part~="error"][data-loads]')[0];
const retryButton = (chat: CozeChat) =>
  deep<HTMLButtonElement>(chat, 'coze-message-list', '[data-loads] [part~="retry-button"]');
const title = (chat: CozeChat) => chat.shadowRoot!.querySelector('[part~="title"]')!.textContent;
const transcript = (chat: CozeChat) => messages(chat).map((m) => m.textContent ?? '');

async function expectRetryShown(chat: CozeChat, what: RegExp) {
  await waitUntil(() => retryButton(chat), 'the failed load offers Retry', {timeout: 6000});
  const error = loadError(chat)!;
  expect(error.getAttribute('role')).to.equal('alert');
  expect(error.textContent).to.match(what);
  const button = retryButton(chat)!;
  expect(button.type).to.equal('button');
  expect(button.textContent!.trim()).to.equal('Retry');
  button.focus();
  expect(button.matches(':focus'), 'Retry takes focus').to.equal(true);
  await expect(chat).to.be.accessible();
}

describe('a failed load offers Retry, which loads just that again', function () {
  this.timeout(30000);

  it('the profile: Retry shows the title and the prologue', async () => {
    const token = uniqueToken('retry-profile').concat('.hang1-profile');
    const chat = await mount(token, `user-${token}`);
    await expectRetryShown(chat, /profile did not load/);
    expect(title(chat)).not.to.contain('Emulator Bot');

    retryButton(chat)!.click();
    await waitUntil(() => title(chat)?.includes('Emulator Bot'), 'the title', {timeout: 4000});
    await waitUntil(
      () => /\w/.test(deep(chat, 'coze-message-list', '[part~="welcome"]')?.textContent ?? ''),
      'the welcome screen with the prologue'
    );
    expect(deep(chat, 'coze-message-list', '[part~="welcome"]')!.textContent).to.contain('Hi');
    expect(loadError(chat), 'the error is gone').to.equal(undefined);
    const log = await loggedRequests(token);
    expect(log.filter((r) => r.path.startsWith('/v1/bots/'))).to.have.length(2);
    expect(
      log.filter((r) => r.path === '/v1/conversations'),
      'only the profile again'
    ).to.have.length(1);
    chat.remove();
  });

  it('the conversation to resume: Retry shows it with its history', async () => {
    const {plain, marked, userId} = tokens('retry-resume', 'hang1-list');
    await earlierConversation(plain, userId);
    const chat = await mount(marked, userId);
    await expectRetryShown(chat, /conversations did not load/);
    expect(messages(chat)).to.have.length(0);

    retryButton(chat)!.click();
    await waitUntil(
      () => transcript(chat).some((t) => t.includes('earlier question')),
      'the history',
      {timeout: 4000}
    );
    expect(loadError(chat)).to.equal(undefined);
    await chat.send('and now?');
    await waitUntil(() => transcript(chat).at(-1)!.includes('You said'), 'the next answer');
    chat.remove();
  });

  it("the shown conversation's history: Retry shows it above a question sent meanwhile", async () => {
    const {plain, marked, userId} = tokens('retry-history', 'hang1-history');
    await earlierConversation(plain, userId);
    const chat = await mount(marked, userId);
    await expectRetryShown(chat, /messages did not load/);
    await chat.send('meanwhile');
    await settled(chat);
    expect(retryButton(chat), 'Retry stays after a question').to.exist;

    retryButton(chat)!.click();
    await waitUntil(
      () => transcript(chat).some((t) => t.includes('earlier question')),
      'the history',
      {timeout: 4000}
    );
    const rows = transcript(chat);
    expect(rows.findIndex((t) => t.includes('earlier question'))).to.be.below(
      rows.findIndex((t) => t.includes('meanwhile'))
    );
    const questions = messages(chat).filter((m) => m.dataset.role === 'user');
    expect(
      questions.filter((m) => m.textContent!.includes('meanwhile')),
      'the question once'
    ).to.have.length(1);
    expect(loadError(chat)).to.equal(undefined);
    chat.remove();
  });

  it('the conversation list: its Retry lists the conversations', async () => {
    // The first list request is the resume's, the second the list's: both time out.
    const {plain, marked, userId} = tokens('retry-list', 'hang2-list');
    await earlierConversation(plain, userId);
    const chat = await mount(marked, userId, {conversations: true});
    await waitUntil(() => retryButton(chat), 'the resume failed', {timeout: 6000});
    chat.shadowRoot!.querySelector<HTMLButtonElement>('[part~="conversations-button"]')!.click();
    const listRetry = () =>
      deep<HTMLButtonElement>(chat, 'coze-conversation-list', '[part~="retry-button"]');
    await waitUntil(listRetry, 'the list offers Retry', {timeout: 6000});
    const error = deep(chat, 'coze-conversation-list', '[part~="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.match(/conversations did not load/);
    expect(deep(chat, 'coze-conversation-list', '[part~="empty"]'), 'not "no conversations"').to.not
      .exist;
    await expect(deep(chat, 'coze-conversation-list')!).to.be.accessible();

    // Hidden and shown again, the list keeps its failure and Retry, and loads nothing by itself.
    const list = deep<HTMLElement>(chat, 'coze-conversation-list')!;
    const listRequests = async () =>
      (await loggedRequests(marked)).filter((r) => r.path === '/v1/conversations').length;
    const before = await listRequests();
    list.style.display = 'none';
    await new Promise((resolve) => setTimeout(resolve, 100));
    list.style.display = '';
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await listRequests(), 'no load on being shown again').to.equal(before);
    expect(listRetry(), 'Retry stays').to.exist;

    listRetry()!.click();
    await waitUntil(
      () => deepAll(chat, 'coze-conversation-list', '[part~="conversation"]').length === 1,
      'the conversation is listed',
      {timeout: 4000}
    );
    expect(listRetry()).to.equal(null);
    chat.remove();
  });

  it('a hung profile does not hold back the latest conversation', async () => {
    const {plain, marked, userId} = tokens('resume-first', 'hang-profile');
    await earlierConversation(plain, userId);
    const chat = await mount(marked, userId, {timeout: 20});
    await waitUntil(
      () => transcript(chat).some((t) => t.includes('earlier question')),
      'the history shows while the profile hangs',
      {timeout: 5000}
    );
    const profile = (await loggedRequests(marked)).find((r) => r.path.startsWith('/v1/bots/'))!;
    expect(profile.status, 'the profile never answered').to.equal(null);
    expect(profile.closedAfter ?? null, 'and is still open').to.equal(null);
    chat.remove();
  });
});
