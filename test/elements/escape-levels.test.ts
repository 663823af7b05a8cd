import {expect, fixture, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {deep, launcherButton, uniqueToken} from './helpers.js';

/** The focused element, through shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

for (const layout of ['pc', 'mobile']) {
  describe(`Escape goes back one level (${layout} layout)`, () => {
    it('conversation list → chat → closed, focus on what opened each level', async () => {
      const token = uniqueToken(`escape-${layout}`);
      const chat = await fixture<CozeChat>(
        `<coze-chat conversations layout="${layout}" bot-id="7500000000000000001" token="${token}" api-base="${location.origin}" user-id="u-${token}"></coze-chat>`
      );
      launcherButton(chat).focus();
      const shown = oneEvent(chat, 'coze-show');
      await sendKeys({press: 'Enter'});
      await shown;
      const listButton = () => deep<HTMLButtonElement>(chat, '[part~="conversations-button"]')!;
      await waitUntil(() => listButton(), 'no conversations button');
      listButton().focus();
      await sendKeys({press: 'Enter'});
      await waitUntil(() => deep(chat, 'coze-conversation-list'), 'the list did not show');
      await waitUntil(
        () =>
          focused()?.closest('coze-conversation-list') ||
          focused()?.localName === 'coze-conversation-list' ||
          (focused()?.getRootNode() as ShadowRoot).host?.localName === 'coze-conversation-list',
        'focus did not move into the list'
      );

      await sendKeys({press: 'Escape'});
      await waitUntil(() => !deep(chat, 'coze-conversation-list'), 'Escape did not leave the list');
      expect(chat.open, 'the chat stays open').to.equal(true);
      expect(deep(chat, 'coze-message-list')!.hidden).to.equal(false);
      await waitUntil(() => focused() === listButton(), 'focus not back on the list button');
      expect(listButton().getAttribute('aria-expanded')).to.equal('false');

      const hidden = oneEvent(chat, 'coze-hide');
      await sendKeys({press: 'Escape'});
      await hidden;
      expect(chat.open).to.equal(false);
      await waitUntil(() => focused() === launcherButton(chat), 'focus not back on the launcher');
    });
  });
}
