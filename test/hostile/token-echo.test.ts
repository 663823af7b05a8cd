/// <reference types="mocha" />
import {expect, oneEvent, waitUntil} from '@open-wc/testing';
import {deepAll, mountChat, uniqueToken} from '../elements/helpers.js';

describe('a token echoed in a stream error', () => {
  for (const how of ['event', 'failed', 'chatbare', 'bare']) {
    it(`(${how}) is masked on screen and in coze-error`, async () => {
      const token = uniqueToken(`echo${how}`);
      const chat = await mountChat(token, {mode: 'inline'});
      const failed = oneEvent(chat, 'coze-error');
      void chat.send(`hostile echo ${how} ${token}`).catch(() => undefined);
      const {detail} = await failed;
      expect(detail.message).to.not.contain(token);
      expect(detail.message).to.contain('[token]');
      expect(JSON.stringify(detail)).to.not.contain(token);
      await waitUntil(
        () => deepAll(chat, 'coze-message-list', '[part~="error"]').length > 0,
        'the error is shown'
      );
      const shown = deepAll(chat, 'coze-message-list', '[part~="error"]')
        .map((el) => el.textContent)
        .join(' ');
      expect(shown).to.not.contain(token);
      chat.remove();
    });
  }
});
