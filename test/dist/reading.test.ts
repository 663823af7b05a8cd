/// <reference types="mocha" />
// How answers and errors read in the built bundle: 15 px or more at a 1.6 line height, larger
// when the reader's root font size is larger, and a failure as a tinted notice (no dashed
// outline) on the side of the message it is about.
import {expect, waitUntil} from '@open-wc/testing';
import {allInList, bundlePage, send, type BundlePage} from './bundle-page.js';

describe('reading answers and errors (built bundle)', () => {
  let page: BundlePage | undefined;
  afterEach(() => page?.frame.remove());

  it('answers are at least 15 px with a 1.6 line height, and follow a larger root font size', async function () {
    this.timeout(20000);
    page = await bundlePage('reading-size');
    await send(page.chat, 'markdown');
    const size = (p: BundlePage) => {
      const bubble = allInList(
        p.chat,
        '[part~="message"][data-role="assistant"] [part~="bubble"]'
      )[0]!;
      const style = p.win.getComputedStyle(bubble);
      return [parseFloat(style.fontSize), parseFloat(style.lineHeight)];
    };
    const [font, line] = size(page);
    expect(font).to.be.within(15, 16);
    expect(line! / font!).to.be.closeTo(1.6, 0.05);
    page.frame.remove();

    // A reader who set a larger default font (here, the root at 24 px) gets larger answers.
    page = await bundlePage('reading-root', {html: 'lang="en"'});
    page.doc.documentElement.style.fontSize = '24px';
    await send(page.chat, 'markdown');
    expect(size(page)[0]).to.equal(22.5);
  });

  it('a failed answer shows a tinted notice under it, not a dashed outline', async function () {
    this.timeout(20000);
    page = await bundlePage('reading-error');
    await send(page.chat, 'fail cut');
    await waitUntil(() => allInList(page!.chat, '[part~="error"]').length, 'no error');
    const [notice] = allInList(page.chat, '[part~="message"] [part~="error"]');
    const style = page.win.getComputedStyle(notice!);
    expect(style.backgroundColor).to.not.match(/^(transparent|rgba\(0, 0, 0, 0\))$/);
    const row = notice!.closest<HTMLElement>('[part~="message"]')!;
    const bubble = row.querySelector('[part~="bubble"]');
    if (bubble) expect(page.win.getComputedStyle(bubble).outlineStyle).to.equal('none');
    // On the side of its message: its start lines up with the message body's.
    const body = row.querySelector('.body')!.getBoundingClientRect();
    const box = notice!.getBoundingClientRect();
    expect(row.dataset.role === 'user' ? body.right - box.right : box.left - body.left).to.be.below(
      1
    );
  });
});
