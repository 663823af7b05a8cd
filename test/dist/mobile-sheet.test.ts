/// <reference types="mocha" />
// The floating chat on a phone-sized page (390 × 844, its own iframe, so every engine has that
// viewport without device emulation): a full-screen modal sheet over a page that stays where it
// was, with 16 px input, finger-sized targets and Tab kept inside.
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {pressKeys} from '../keys.js';
import {axeViolations, bundlePage, send, type BundlePage} from './bundle-page.js';
import {deep} from './helpers.js';

const PHONE = {width: 390, height: 844};
/** A long page with a control before the chat, which Tab would reach without the trap. */
const LONG_PAGE = '<button id="before">Before</button><div id="tall"></div>';

async function phonePage(label: string): Promise<BundlePage> {
  const page = await bundlePage(label, {attributes: '', ...PHONE, body: LONG_PAGE});
  // Sized through the CSSOM: the page under test has no CSP, but the test adds nothing inline.
  page.doc.getElementById('tall')!.style.height = '3000px';
  return page;
}

const panelOf = (page: BundlePage) => deep(page.chat, '[part~="panel"]')!;

/** The focused element, through shadow roots. */
function focused(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether `el` is inside the chat's panel (through shadow roots). */
function inPanel(page: BundlePage, el: Element | null): boolean {
  const panel = panelOf(page);
  for (let node: Node | null = el; node;) {
    if (node === panel) return true;
    // (The frame's ShadowRoot is not this window's: no instanceof.)
    node = node.parentNode ?? (node as ShadowRoot).host ?? null;
  }
  return false;
}

function size(el: Element): {width: number; height: number} {
  const rect = el.getBoundingClientRect();
  return {width: Math.round(rect.width), height: Math.round(rect.height)};
}

describe('the chat on a phone-sized page (built bundle)', () => {
  let page: BundlePage | undefined;
  afterEach(() => page?.frame.remove());

  it('opens as a full-screen modal sheet, locks the page behind and gives its scroll position back', async function () {
    this.timeout(20000);
    page = await phonePage('sheet');
    const {win, doc, chat} = page;
    win.scrollTo(0, 600);
    await waitUntil(() => win.scrollY === 600, 'the page did not scroll');

    deep<HTMLButtonElement>(chat, 'coze-launcher', 'button')!.click();
    await waitUntil(() => panelOf(page!)?.hidden === false, 'the panel did not open');
    await chat.updateComplete;
    await Promise.all(
      panelOf(page)
        .getAnimations()
        .map((a) => a.finished)
    );
    const panel = panelOf(page);
    const rect = panel.getBoundingClientRect();
    expect([rect.left, rect.top, rect.width, rect.height]).to.deep.equal([0, 0, 390, 844]);
    expect(panel.getAttribute('role')).to.equal('dialog');
    expect(panel.getAttribute('aria-modal')).to.equal('true');
    expect(win.getComputedStyle(doc.documentElement).overflowY, 'page scroll locked').to.equal(
      'hidden'
    );
    expect(win.scrollY, 'the page stays where it was').to.equal(600);
    expect(deep(chat, 'coze-launcher')!.getBoundingClientRect().width, 'launcher hidden').to.equal(
      0
    );
    expect(await axeViolations(page)).to.deep.equal([]);

    await chat.hide();
    expect(win.getComputedStyle(doc.documentElement).overflowY, 'page scroll back').to.equal(
      'visible'
    );
    expect(win.scrollY, 'scroll position kept').to.equal(600);
  });

  it('follows the viewport when it shrinks, as when the on-screen keyboard opens', async function () {
    this.timeout(20000);
    page = await phonePage('sheet-keyboard');
    await page.chat.show();
    page.frame.height = '500';
    await waitUntil(
      () => Math.round(panelOf(page!).getBoundingClientRect().height) === 500,
      'the sheet did not follow the viewport'
    );
    const composer = deep(page.chat, 'coze-composer')!.getBoundingClientRect();
    expect(composer.bottom, 'the composer stays on screen').to.be.at.most(500);
  });

  it('types in 16 px text and gives every control a 44 px target', async function () {
    this.timeout(20000);
    page = await phonePage('sheet-targets');
    const {chat, win} = page;
    await chat.show();
    await send(chat, 'markdown');
    await chat.updateComplete;
    const textarea = deep(chat, 'coze-composer', 'textarea')!;
    expect(parseFloat(win.getComputedStyle(textarea).fontSize)).to.be.at.least(16);
    const small: string[] = [];
    const check = (label: string, el: Element | null) => {
      expect(el, label).to.not.equal(null);
      const {width, height} = size(el!);
      if (width < 44 || height < 44) small.push(`${label} ${width}×${height}`);
    };
    check('close', deep(chat, '[part~="close-button"]'));
    check('send', deep(chat, 'coze-composer', '[part~="send-button"]'));
    check('upload', deep(chat, 'coze-composer', '[part~="upload-button"]'));
    check('audio', deep(chat, 'coze-composer', '[part~="audio-button"]'));
    check('copy', deep(chat, 'coze-message-list', '[part~="copy-button"]'));
    const followUp = deep(chat, 'coze-message-list', '[part~="follow-up"]');
    if (followUp && size(followUp).height < 44) small.push(`follow-up ${size(followUp).height}`);
    expect(small).to.deep.equal([]);
  });

  it('keeps Tab and Shift+Tab inside the sheet', async function () {
    this.timeout(30000);
    page = await phonePage('sheet-tab');
    const {chat, doc} = page;
    await chat.show();
    await waitUntil(() => inPanel(page!, focused(doc)), 'focus did not move into the sheet').catch(
      (e) => {
        throw new Error(`${e}: ${focused(doc)?.outerHTML.slice(0, 80)}`);
      }
    );
    const seen = new Set<Element>();
    for (let i = 0; i < 12; i++) {
      await sendKeys({press: 'Tab'});
      const now = focused(doc);
      expect(
        inPanel(page, now),
        `Tab ${i + 1} left the sheet for ${now?.outerHTML.slice(0, 60)}`
      ).to.equal(true);
      seen.add(now!);
    }
    expect(seen.size, 'Tab moves between controls').to.be.greaterThan(2);
    for (let i = 0; i < 12; i++) {
      await pressKeys('Shift', 'Tab');
      const now = focused(doc);
      expect(
        inPanel(page, now),
        `Shift+Tab ${i + 1} left the sheet for ${now?.outerHTML.slice(0, 60)}`
      ).to.equal(true);
    }
  });
});
