/// <reference types="mocha" />
// The ES module CDN build as a page meets it: one URL that defines the elements and draws the
// launcher, and chunks from the same directory that arrive when the reader goes for the chat.
import {expect, oneEvent, waitUntil} from '@open-wc/testing';
import {BOT, built, deep, fetchedScripts, page, uniqueToken} from './helpers.js';

const ENTRY = '/dist/cdn/coze-chat-elements.js';

function chatPage(src: string, token: string) {
  return page(
    `<coze-chat bot-id="${BOT}" token="${token}" api-base="${location.origin}" user-id="split-${token}"></coze-chat>`,
    `<script type="module" src="${src}"></script>`
  );
}

async function launcherOf(frame: HTMLIFrameElement) {
  const doc = frame.contentDocument!;
  await waitUntil(
    () => deep(doc.querySelector('coze-chat')!, 'coze-launcher', 'button'),
    'no launcher drawn',
    {timeout: 8000}
  );
  const chat = doc.querySelector('coze-chat')! as HTMLElement & {open: boolean};
  return {chat, button: deep<HTMLButtonElement>(chat, 'coze-launcher', 'button')!};
}

describe('the split ES module build', () => {
  let frame: HTMLIFrameElement | undefined;
  before(() => built(ENTRY));
  afterEach(() => frame?.remove());

  it('loads one file until the reader goes for the launcher, then its chunks from the same directory', async () => {
    frame = await chatPage(ENTRY, uniqueToken('split'));
    const {chat, button} = await launcherOf(frame);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(deep(chat, '[part~="panel"]'), 'no panel built for a closed chat').to.equal(null);
    // Idle: nothing more arrives.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(fetchedScripts(frame).map((s) => s.path)).to.deep.equal([ENTRY]);
    expect(frame.contentDocument!.querySelector('coze-message-list, coze-composer')).to.equal(null);

    // Pointing at the launcher is intent: the panel's chunk loads (the chat does not open).
    deep(chat, 'coze-launcher')!.dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(() => fetchedScripts(frame!).length > 1, 'no chunk loaded on intent', {
      timeout: 8000,
    });
    const chunks = fetchedScripts(frame).filter((s) => s.path !== ENTRY);
    for (const chunk of chunks) expect(chunk.path).to.match(/^\/dist\/cdn\/[\w-]+-[\w-]{8}\.js$/);
    expect(chat.open).to.equal(false);

    button.click();
    await oneEvent(chat, 'coze-show');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(deep(chat, '[part~="panel"]')!.hidden).to.equal(false);
    const active = chat.shadowRoot!.activeElement;
    expect(active?.localName, 'focus in the composer').to.equal('coze-composer');
    await waitUntil(() => deep(chat, 'coze-message-list', '.prologue'), 'no prologue', {
      timeout: 8000,
    });
    // Escape closes and gives focus back to the launcher.
    deep(chat, '[part~="panel"]')!.dispatchEvent(
      new KeyboardEvent('keydown', {key: 'Escape', bubbles: true, composed: true})
    );
    await oneEvent(chat, 'coze-hide');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  }).timeout(20000);

  it('a click before the panel chunk arrives is not lost: the panel opens when it lands', async () => {
    const delay = 1500;
    const src = `/__slow/${delay}-${Math.random().toString(36).slice(2)}${ENTRY}`;
    frame = await chatPage(src, uniqueToken('slow'));
    const {chat, button} = await launcherOf(frame);
    const shown = oneEvent(chat, 'coze-show');
    const clickedAt = frame.contentWindow!.performance.now();
    button.click();
    // The chunk is on its way: no panel yet, but the click is not forgotten.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(deep(chat, '[part~="panel"]'), 'no panel before the chunk').to.equal(null);
    expect(chat.open, 'the click was taken').to.equal(true);

    await shown;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const chunk = fetchedScripts(frame).find((s) => /chat-session-/.test(s.path));
    expect(chunk, 'the panel chunk, from the slowed directory').to.not.equal(undefined);
    expect(chunk!.path.startsWith('/__slow/')).to.equal(true);
    expect(chunk!.end - clickedAt, 'the chunk arrived after the click').to.be.greaterThan(
      delay - 200
    );
    expect(deep(chat, '[part~="panel"]')!.hidden).to.equal(false);
    expect(chat.shadowRoot!.activeElement?.localName, 'focus in the composer').to.equal(
      'coze-composer'
    );
  }).timeout(20000);
});
