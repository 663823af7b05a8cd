import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
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

  it('coze-image-click opens the image in the lightbox unless the page cancels it', async () => {
    const chat = await answered('images');
    await waitUntil(() => inAnswer(chat, 'img[alt="A red square"]'), 'no image');
    const image = inAnswer<HTMLImageElement>(chat, 'img[alt="A red square"]');
    const list = deep(chat, 'coze-message-list')!;
    const lightbox = () => list.shadowRoot!.querySelector<HTMLDialogElement>('dialog.lightbox');
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
    await (list as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
    expect(lightbox(), 'canceled: no lightbox').to.equal(null);

    chat.removeEventListener('coze-image-click', cancel);
    image.click();
    await waitUntil(() => lightbox()?.open, 'the lightbox did not open');
    const dialog = lightbox()!;
    expect(dialog.querySelector('img')!.getAttribute('src')).to.equal(
      'https://images.example.invalid/red-square.png'
    );
    expect(dialog.querySelector('img')!.alt).to.equal('A red square');
    const original = dialog.querySelector('a')!;
    expect([original.target, original.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
    await expect(chat).to.be.accessible();
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !lightbox(), 'Escape did not close the lightbox');

    // A click beside the picture (on the backdrop, which is the dialog itself) closes it too.
    image.click();
    await waitUntil(() => lightbox()?.open, 'the lightbox did not open again');
    lightbox()!.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    await waitUntil(() => !lightbox(), 'a click beside the picture did not close it');
  });
});
