/// <reference types="mocha" />
// Which side the floating chat sits on (`position`, mirrored in right-to-left documents) and
// which way its text runs (its own language's direction, code always left to right), in the
// built bundle.
import {expect, waitUntil} from '@open-wc/testing';
import {allInList, bundlePage, send, type BundlePage} from './bundle-page.js';
import {deep} from './helpers.js';

const WIDTH = 900;

async function floating(label: string, html: string, attributes = ''): Promise<BundlePage> {
  return bundlePage(label, {html, attributes, width: WIDTH, height: 760});
}

/** `left` or `right`: the half of the page the element is in. */
function side(el: Element): 'left' | 'right' {
  const rect = el.getBoundingClientRect();
  return rect.left + rect.width / 2 < WIDTH / 2 ? 'left' : 'right';
}

const launcher = (page: BundlePage) => deep(page.chat, 'coze-launcher')!;
const panel = (page: BundlePage) => deep(page.chat, '[part~="panel"]')!;

describe('position and direction (built bundle)', () => {
  let page: BundlePage | undefined;
  afterEach(() => page?.frame.remove());

  for (const [html, attributes, expected] of [
    ['lang="en"', '', 'right'],
    ['lang="en"', 'position="left"', 'left'],
    ['lang="ar" dir="rtl"', '', 'left'],
    ['lang="ar" dir="rtl"', 'position="left"', 'right'],
  ] as const) {
    it(`<html ${html}> <coze-chat ${attributes}>: launcher and panel on the ${expected}`, async function () {
      this.timeout(20000);
      page = await floating(`side-${expected}`, html, attributes);
      expect(side(launcher(page)), 'launcher').to.equal(expected);
      await page.chat.show();
      expect(side(panel(page)), 'panel').to.equal(expected);
      // Beside the launcher, not across the page from it.
      const gap = Math.abs(
        panel(page).getBoundingClientRect()[expected] -
          launcher(page).getBoundingClientRect()[expected]
      );
      expect(gap, 'panel edge in line with the launcher').to.be.below(2);
    });
  }

  it('an Arabic page gets a right-to-left chat; its code stays left to right', async function () {
    this.timeout(20000);
    page = await floating('rtl-ar', 'lang="ar" dir="rtl"');
    const {chat, win} = page;
    await chat.show();
    expect(win.getComputedStyle(panel(page)).direction).to.equal('rtl');
    await send(chat, 'code');
    await waitUntil(() => allInList(chat, '[part~="code-block"]').length > 0, 'no code block');
    const [code] = allInList(chat, '[part~="code-block"]');
    expect(win.getComputedStyle(code!).direction, 'code').to.equal('ltr');
    const bubbles = allInList(chat, '[part~="bubble"]');
    expect(bubbles.length).to.be.greaterThan(0);
    expect(bubbles.every((b) => b.getAttribute('dir') === 'auto')).to.equal(true);
    // The header's start (the title) is on the right.
    const header = deep(chat, '[part~="header"]')!.getBoundingClientRect();
    const title = deep(chat, '[part~="title"]')!.getBoundingClientRect();
    expect(title.right, 'title at the right').to.be.above(header.left + header.width / 2);
  });

  it('an English chat on a right-to-left page stays left to right, on the mirrored side', async function () {
    this.timeout(20000);
    page = await floating('rtl-en', 'lang="he" dir="rtl"', 'lang="en"');
    const {chat, win} = page;
    expect(side(launcher(page))).to.equal('left');
    await chat.show();
    expect(win.getComputedStyle(panel(page)).direction).to.equal('ltr');
    const header = deep(chat, '[part~="header"]')!.getBoundingClientRect();
    const title = deep(chat, '[part~="title"]')!.getBoundingClientRect();
    expect(title.left, 'title at the left').to.be.below(header.left + header.width / 2);
    // The footer's English sentence ends with its full stop on the right, not on the left.
    const footer = deep(chat, '[part~="footer"]')!;
    const walker = page.win.document.createTreeWalker(footer, NodeFilter.SHOW_TEXT);
    let text: Text | undefined;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (/\S/.test(node.textContent!)) text = node as Text;
    }
    const content = text!.textContent!.trimEnd();
    expect(content.endsWith('.'), content).to.equal(true);
    const range = page.win.document.createRange();
    range.setStart(text!, content.length - 1);
    range.setEnd(text!, content.length);
    const stop = range.getBoundingClientRect();
    range.setStart(text!, 0);
    const line = range.getBoundingClientRect();
    expect(stop.right, 'the full stop ends the line').to.be.above(line.right - 1);
  });

  it('a Hebrew lang on the chat itself turns it right to left on a left-to-right page', async function () {
    this.timeout(20000);
    page = await floating('he-chat', 'lang="en"', 'lang="he"');
    await page.chat.show();
    expect(page.win.getComputedStyle(panel(page)).direction).to.equal('rtl');
    expect(side(launcher(page)), 'the page is left to right: the side stays').to.equal('right');
  });
});
