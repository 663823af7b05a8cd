/// <reference types="mocha" />
import {expect, waitUntil} from '@open-wc/testing';
import {lastRow, messages, mountChat, settled, uniqueToken} from '../elements/helpers.js';

describe('a hostile answer stays inside its message', () => {
  const endings: Record<string, string> = {
    quotes: 'deep quote',
    bullets: 'deep bullet',
    numbers: 'deep number',
    mixed: 'deep mix',
    emphasis: '__a_ end',
    line: ' end',
  };
  for (const [shape, ending] of Object.entries(endings)) {
    it(`${shape}: shown as readable text, and the next answer still appears`, async () => {
      const chat = await mountChat(uniqueToken(`hostile-${shape}`), {mode: 'inline'});
      await chat.send(`hostile ${shape}`);
      await settled(chat, 15000);
      const answer = lastRow(chat);
      expect(answer.dataset.role).to.equal('assistant');
      // A long answer reaches the screen a bounded slice per frame, after its stream has ended.
      await waitUntil(
        () => answer.textContent!.includes(ending),
        `the answer ends with "${ending}"`,
        {timeout: 10000}
      );
      expect(
        answer.querySelector('blockquote blockquote blockquote, em em, strong strong')
      ).to.equal(null);

      await chat.send('and after that');
      await settled(chat);
      const rows = messages(chat);
      expect(rows.at(-1)!.textContent).to.contain('You said: and after that');
      chat.remove();
      // Its waits are bounded one by one above; the whole stays within their sum.
    }).timeout(40000);
  }
});
