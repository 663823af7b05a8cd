import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import type {CozeImageClickEvent, CozeLinkClickEvent} from '../../src/events/index.js';
import {deep, messages, settled, uniqueToken} from './helpers.js';

async function answered(question: string): Promise<CozeChat> {
  const token = uniqueToken('answer-clicks');
  const chat = await fixture<CozeChat>(
    html`<coze-chat
      mode="inline"
      bot-id="7500000000000000001"
      token=${token}
      api-base=${location.origin}
      user-id=${`user-${token}`}
      image-hosts="images.example.invalid"
    ></coze-chat>`
  );
  await waitUntil(() => deep(chat, 'coze-message-list'), 'no transcript');
  await chat.send(question);
  await waitUntil(() => messages(chat).length >= 2, 'no answer');
  await settled(chat);
  return chat;
}

const inAnswer = <T extends Element>(chat: CozeChat, selector: string) =>
  messages(chat).at(-1)!.querySelector<T>(`.md ${selector}`)!;

describe('links and images in answers', () => {
  it('coze-link-click tells the page which link, and canceling it keeps the link from opening', async () => {
    const chat = await answered('markdown');
    const link = inAnswer<HTMLAnchorElement>(chat, 'a[href^="https://www.coze.cn"]');
    const seen: CozeLinkClickEvent[] = [];
    chat.addEventListener('coze-link-click', (e) => {
      seen.push(e);
      e.preventDefault();
    });
    const click = new MouseEvent('click', {bubbles: true, composed: true, cancelable: true});
    link.dispatchEvent(click);
    expect(seen).to.have.length(1);
    expect(seen[0]!.detail).to.deep.equal({href: link.href, text: link.textContent});
    expect(click.defaultPrevented, 'the browser does not follow the link').to.equal(true);
  });

  it('coze-image-click opens the image in a new tab unless the page cancels it', async () => {
    const chat = await answered('images');
    await waitUntil(() => inAnswer(chat, 'img[alt="A red square"]'), 'no image');
    const image = inAnswer<HTMLImageElement>(chat, 'img[alt="A red square"]');
    const opened: unknown[][] = [];
    const open = window.open;
    window.open = (...args: unknown[]) => {
      opened.push(args);
      return null;
    };
    try {
      const seen: CozeImageClickEvent[] = [];
      const cancel = (e: CozeImageClickEvent) => {
        seen.push(e);
        e.preventDefault();
      };
      chat.addEventListener('coze-image-click', cancel);
      image.click();
      expect(seen.map((e) => e.detail)).to.deep.equal([
        {src: 'https://images.example.invalid/red-square.png', alt: 'A red square'},
      ]);
      expect(opened, 'canceled: nothing opens').to.deep.equal([]);
      chat.removeEventListener('coze-image-click', cancel);
      image.click();
      expect(opened).to.deep.equal([
        ['https://images.example.invalid/red-square.png', '_blank', 'noopener,noreferrer'],
      ]);
    } finally {
      window.open = open;
    }
  });
});
