/// <reference types="mocha" />
import {expect, oneEvent, waitUntil} from '@open-wc/testing';
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
 * A load that hangs (the bot profile, the conversation list that finds the latest
 * conversation, its history) never holds a question back: the question reaches Coze while the
 * hung request is still open, and the load fails later on its own, with a readable error.
 * The request timeout is 3 s here; nothing is timed but the order of requests at the emulator.
 */
const hung = {
  profile: (path: string) => path.startsWith('/v1/bots/'),
  list: (path: string) => path === '/v1/conversations',
  history: (path: string) => path === '/v1/conversation/message/list',
};

const mount = (token: string, userId: string) =>
  mountChat(token, {mode: 'inline', userId, requestTimeout: 3});

const errorText = (chat: CozeChat) =>
  deepAll(chat, 'coze-message-list', '[part~="error"]')
    .map((el) => el.textContent!.trim())
    .join(' ');

describe('a hung load never holds a question back', function () {
  this.timeout(20000);

  for (const group of ['profile', 'list', 'history'] as const) {
    it(`a hung ${group}: the question is sent while it hangs, and it fails later on its own`, async () => {
      const token = uniqueToken(`hang-${group}`);
      const userId = `user-${token}`;
      if (group === 'history') {
        // A conversation to resume, whose history then hangs.
        const first = await mount(token, userId);
        await first.send('first question');
        await settled(first);
        first.remove();
      }
      const chat = await mount(token, userId);
      const failed = oneEvent(chat, 'coze-error');
      await waitUntil(
        async () => (await loggedRequests(token)).some((r) => hung[group](r.path)),
        `the ${group} request reached the emulator`
      );
      await chat.send('hello there');
      expect(messages(chat).at(-1)!.textContent).to.contain('You said');

      const log = await loggedRequests(token);
      const question = log.findLast((r) => r.path === '/v3/chat')!;
      const hanging = log.findLast((r) => hung[group](r.path))!;
      expect(question, 'the question reached Coze').to.exist;
      expect(hanging.seq).to.be.below(question.seq);
      expect(hanging.status, `the ${group} request never got an answer`).to.equal(null);
      // Still open when the question arrived: it had not timed out yet.
      expect(hanging.closedAfter ?? Infinity).to.be.at.least(question.seq);

      // The load fails on its own, readably, and the answer stays.
      const error = await failed;
      expect(error.detail.message).to.match(/within 3 s/);
      await waitUntil(() => /\w{4}/.test(errorText(chat)), 'the load shows its error');
      expect(messages(chat).at(-1)!.textContent).to.contain('You said');
      chat.remove();
    });
  }

  it('a hung conversation list: the answer streams and Stop stops it', async () => {
    const token = uniqueToken('hang-list-stop');
    const chat = await mount(token, `user-${token}`);
    const sent = chat.send('slow');
    const stop = () => deep<HTMLButtonElement>(chat, 'coze-composer', '[part~="stop-button"]');
    await waitUntil(
      () => stop() && /\w/.test(messages(chat).at(-1)!.textContent ?? ''),
      'the answer streams, with Stop'
    );
    const log = await loggedRequests(token);
    const listing = log.findLast((r) => hung.list(r.path))!;
    expect(listing.closedAfter ?? Infinity).to.be.at.least(
      log.findLast((r) => r.path === '/v3/chat')!.seq
    );
    stop()!.click();
    await sent;
    await waitUntil(() => !stop(), 'Stop ended the answer');
    chat.remove();
  });
});
