/// <reference types="mocha" />
import {expect, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {deepAll, messages, mountChat, uniqueToken} from '../elements/helpers.js';

/**
 * A hostile answer that arrives from history, not streamed: the emulator puts it into a
 * conversation's history (`POST /__emulator/history`), and a chat that resumes the
 * conversation shows it as readable plain text, and keeps working.
 */
const mount = (token: string, userId: string) =>
  mountChat(token, {mode: 'inline', userId, style: 'height: 600px'});

async function seed(token: string, conversationId: string, shape: string) {
  const response = await fetch('/__emulator/history', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({token, conversation_id: conversationId, shape}),
  });
  expect(response.status, await response.clone().text()).to.equal(200);
}

/** The last characters of the last answer's text, read without copying all of it. */
function answerEnding(chat: CozeChat): string {
  const md = deepAll(chat, 'coze-message-list', '[data-role="assistant"] .md').at(-1);
  if (!md) return '';
  let node: Node = md;
  while (node.lastChild) node = node.lastChild;
  return (node.textContent ?? '').slice(-64);
}

describe('a hostile answer from history', function () {
  this.timeout(30000);

  it('a 1 MB line: shown as plain text, whole, and the chat goes on', async () => {
    const token = uniqueToken('history-line');
    const userId = `user-${token}`;
    const first = await mount(token, userId);
    const conversationId = (await first.newConversation())!;
    first.remove();
    await seed(token, conversationId, 'line');

    const chat = await mount(token, userId);
    await waitUntil(() => answerEnding(chat).endsWith('word end'), 'the whole answer is shown', {
      timeout: 10000,
    });
    const answer = deepAll(chat, 'coze-message-list', '[data-role="assistant"] .md').at(-1)!;
    expect(answer.querySelector('em, strong, blockquote, ul, ol, pre')).to.equal(null);
    expect(answer.textContent!.length).to.be.at.least(1_000_000);
    expect(answer.textContent!.startsWith('One line: word word')).to.equal(true);

    await chat.send('hello again');
    await waitUntil(
      () => messages(chat).at(-1)!.textContent!.includes('You said'),
      'the next answer appears',
      {timeout: 8000}
    );
    chat.remove();
  });
});
