/// <reference types="mocha" />
// The bot's background picture in the built bundles, on a page whose CSP allows no inline style:
// it shows, and nothing is blocked (no `style` attribute carries it).
import {expect, waitUntil} from '@open-wc/testing';
import {BUNDLES, page, uniqueToken} from './helpers.js';

const self = location.origin;
const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src ${self}; script-src ${self}; style-src ${self}; img-src ${self}; connect-src ${self}">`;

for (const bundle of BUNDLES) {
  describe(`background picture with the ${bundle.name} build`, () => {
    let frame: HTMLIFrameElement | undefined;
    afterEach(() => frame?.remove());

    it('shows under style-src self with no violation', async () => {
      const token = uniqueToken('dist-background');
      frame = await page(
        `<coze-chat mode="inline" bot-id="7500000000000000001-background" token="${token}" api-base="${self}" user-id="u-${token}"></coze-chat>`,
        `${CSP}${bundle.tag}`
      );
      const win = frame.contentWindow as Window & typeof globalThis;
      const violations: string[] = [];
      frame.contentDocument!.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.violatedDirective} ${e.blockedURI}`)
      );
      await waitUntil(() => win.customElements.get('coze-chat'), 'not defined', {timeout: 10000});
      const list = () =>
        frame!
          .contentDocument!.querySelector('coze-chat')!
          .shadowRoot?.querySelector('coze-message-list');
      await waitUntil(
        () => list() && /background-web\.svg/.test(win.getComputedStyle(list()!).backgroundImage),
        'the picture did not show',
        {timeout: 10000}
      );
      expect(violations).to.deep.equal([]);
    });
  });
}
