/// <reference types="mocha" />
// The built bundle on a page whose CSP allows no inline style (`style-src 'self'`): opening the
// chat, streaming, markdown with images, a tool card, the phone sheet and the conversation list
// report no violation, and the widget writes no style attribute.
import {expect, waitUntil} from '@open-wc/testing';
import {allInList, bundlePage, send, type BundlePage} from './bundle-page.js';
import {deep} from './helpers.js';

/** Named origin: a srcdoc page's 'self' differs between engines. */
const self = location.origin;
const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src ${self}; script-src ${self}; style-src ${self}; font-src ${self}; img-src ${self} http: https: data:; connect-src ${self}">`;

/** Every element with a style attribute in the chat's shadow trees. */
function styled(root: Element): string[] {
  const found: string[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.hasAttribute('style'))
        found.push(`<${el.localName} style="${el.getAttribute('style')}">`);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (root.shadowRoot) walk(root.shadowRoot);
  return found;
}

async function strictPage(label: string, attributes: string, width = 900, height = 760) {
  const page = await bundlePage(label, {attributes, head: CSP, width, height});
  const violations: string[] = [];
  page.doc.addEventListener('securitypolicyviolation', (e) =>
    violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)
  );
  return {page, violations};
}

describe('a strict CSP (style-src without unsafe-inline), built bundle', () => {
  let page: BundlePage | undefined;
  afterEach(() => page?.frame.remove());

  it('floating chat: open, stream, markdown with images, tool card, conversation list', async function () {
    this.timeout(40000);
    const strict = await strictPage(
      'csp-floating',
      'conversations image-hosts="*" z-index="3000" width="520"'
    );
    page = strict.page;
    const {chat} = page;
    deep<HTMLButtonElement>(chat, 'coze-launcher', 'button')!.click();
    await waitUntil(() => deep(chat, '[part~="panel"]')?.hidden === false, 'did not open');
    await Promise.all(
      deep(chat, '[part~="panel"]')!
        .getAnimations()
        .map((a) => a.finished)
    );
    expect(deep(chat, '[part~="panel"]')!.getBoundingClientRect().width, 'width=').to.equal(520);
    expect(page.win.getComputedStyle(deep(chat, '[part~="panel"]')!).zIndex).to.equal('2999');

    await send(chat, 'markdown');
    await send(chat, 'images');
    await waitUntil(() => allInList(chat, '[part~="bubble"] img').length >= 3, 'no images');
    await send(chat, 'tool');
    await waitUntil(() => allInList(chat, '[part~="function-call"]').length > 0, 'no tool card');
    allInList(chat, '[part~="function-call"] summary')[0]?.click();

    deep<HTMLButtonElement>(chat, '[part~="conversations-button"]')!.click();
    await waitUntil(
      () => deep(chat, 'coze-conversation-list', '[part~="conversation"]'),
      'the conversation list did not show'
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(strict.violations).to.deep.equal([]);
    expect(styled(chat)).to.deep.equal([]);
  });

  it('the phone sheet follows the viewport without a style attribute', async function () {
    this.timeout(20000);
    const strict = await strictPage('csp-phone', '', 390, 844);
    page = strict.page;
    await page.chat.show();
    await send(page.chat, 'markdown');
    page.frame.height = '600';
    await waitUntil(
      () => Math.round(deep(page!.chat, '[part~="panel"]')!.getBoundingClientRect().height) === 600,
      'the sheet did not follow the viewport'
    );
    await page.chat.hide();
    expect(strict.violations).to.deep.equal([]);
    expect(styled(page.chat)).to.deep.equal([]);
  });
});
