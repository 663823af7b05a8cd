import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {uniqueToken} from './helpers.js';

/** Every element carrying `part` in the widget, through open shadow roots. */
function partsIn(
  root: Element | ShadowRoot,
  out = new Map<string, Element>()
): Map<string, Element> {
  for (const el of root.querySelectorAll('*')) {
    for (const name of el.getAttribute('part')?.split(/\s+/) ?? [])
      if (name && !out.has(name)) out.set(name, el);
    if (el.shadowRoot) partsIn(el.shadowRoot, out);
  }
  return out;
}

describe('<coze-chat> ::part()', () => {
  it('styles the fixed parts of API.md §5 from the page', async () => {
    const fixed = [
      'launcher',
      'panel',
      'header',
      'title',
      'icon',
      'close-button',
      'new-conversation-button',
      'clear-context-button',
      'conversations-button',
      'message-list',
      'message',
      'bubble',
      'avatar',
      'nickname',
      'reasoning',
      'function-call',
      'follow-up',
      'like-button',
      'unlike-button',
      'quote-button',
      'copy-button',
      'retry-button',
      'composer',
      'input',
      'send-button',
      'upload-button',
      'audio-button',
      'footer',
    ];
    const style = document.createElement('style');
    style.textContent = fixed
      .map((p) => `coze-chat::part(${p}) { scroll-margin-top: 7px; }`)
      .join('\n');
    document.head.append(style);
    try {
      const chat = await fixture<CozeChat>(
        html`<coze-chat
          bot-id="7500000000000000001"
          token=${uniqueToken('parts')}
          api-base=${location.origin}
          icon="/__emulator/icon.svg"
          feedback
          quote
          conversations
          new-conversation
        ></coze-chat>`
      );
      await chat.show();
      await chat.send('tool please');
      await chat.send('think about it');
      await waitUntil(() => partsIn(chat.shadowRoot!).has('reasoning'), 'reasoning shown');
      const found = partsIn(chat.shadowRoot!);
      const unstyled = fixed.filter(
        (name) => !found.has(name) || getComputedStyle(found.get(name)!).scrollMarginTop !== '7px'
      );
      expect(unstyled, 'parts missing or not reachable through coze-chat::part()').to.deep.equal(
        []
      );
    } finally {
      style.remove();
    }
  });
});
