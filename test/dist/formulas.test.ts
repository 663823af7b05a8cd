/// <reference types="mocha" />
// Formulas in the built bundles: KaTeX arrives as its own file only once an answer has math, its
// styles and fonts work inside the shadow root under a strict CSP, in the module build and beside
// the classic script.
import {expect, waitUntil} from '@open-wc/testing';
import type {CozeChat} from '../../src/elements/coze-chat/coze-chat.js';
import {allInList, send} from './bundle-page.js';
import {BOT, BUNDLES, page, uniqueToken} from './helpers.js';

/** A page that allows nothing inline: scripts, styles, fonts and requests only from this origin (named: a srcdoc page's 'self' differs between engines). */
const self = location.origin;
const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src ${self}; script-src ${self}; style-src ${self}; font-src ${self}; img-src ${self} http: data:; connect-src ${self}">`;

for (const bundle of BUNDLES) {
  describe(`formulas with the ${bundle.name} build`, () => {
    let frame: HTMLIFrameElement | undefined;
    afterEach(() => frame?.remove());

    it('loads KaTeX only for an answer with math, and typesets under a strict CSP', async function () {
      // Two answers and a 90 KB module: more than the default in the slower engines.
      this.timeout(30000);
      const token = uniqueToken('dist-formulas');
      frame = await page(
        `<coze-chat mode="inline" bot-id="${BOT}" token="${token}" api-base="${location.origin}" user-id="u-${token}"></coze-chat>`,
        `${CSP}${bundle.tag}`
      );
      const win = frame.contentWindow as Window & typeof globalThis;
      const violations: string[] = [];
      frame.contentDocument!.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.violatedDirective} ${e.blockedURI}`)
      );
      await waitUntil(() => win.customElements.get('coze-chat'), 'not defined', {timeout: 10000});
      const chat = frame.contentDocument!.querySelector('coze-chat') as CozeChat;
      const fetched = (pattern: RegExp) =>
        win.performance.getEntriesByType('resource').filter((e) => pattern.test(e.name)).length;
      const typesetter = /math-typesetter-|coze-chat-math\.js/;

      await send(chat, 'markdown');
      expect(fetched(typesetter), 'no KaTeX for an answer without math').to.equal(0);

      await send(chat, 'math');
      await waitUntil(
        () => allInList(chat, '.math-typeset').length === 7,
        'the formulas were not typeset',
        {timeout: 8000}
      );
      expect(fetched(typesetter), 'KaTeX fetched once').to.equal(1);
      // KaTeX's sizes are set through the CSSOM, which a CSP without 'unsafe-inline' allows.
      const sized = allInList(chat, '.math-typeset .katex-html [style]');
      expect(sized.length, 'sized nodes').to.be.greaterThan(0);
      expect(sized.some((el) => /em$/.test(el.style.height || el.style.marginRight))).to.equal(
        true
      );
      const display = allInList(chat, '.katex-display')[0]!;
      expect(win.getComputedStyle(display).textAlign).to.equal('center');
      // The fonts are declared on the document (a shadow root ignores @font-face) and load.
      await win.document.fonts.load('1em KaTeX_Main');
      const main = [...win.document.fonts].filter((f) => /KaTeX_Main/.test(f.family));
      expect(main.length, 'KaTeX_Main declared').to.be.greaterThan(0);
      expect(
        main.some((f) => f.status === 'loaded'),
        'KaTeX_Main loaded'
      ).to.equal(true);
      expect(violations).to.deep.equal([]);
    });
  });
}
