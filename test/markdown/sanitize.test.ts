/// <reference types="mocha" />
/// <reference types="trusted-types" />
import {expect, waitUntil} from '@open-wc/testing';
import DOMPurify from 'dompurify';
import {marked} from 'marked';
import {renderMarkdown} from '../../src/markdown/render.js';
import {sanitizeToFragment, sanitizeToHTML} from '../../src/markdown/sanitize.js';
import {StreamingMarkdown} from '../../src/markdown/streaming.js';
import {container, fixedCuts, fullHTML, nextFrame, sleep} from './helpers.js';

declare global {
  interface Window {
    __xss: number;
  }
}

/** Each payload would bump `window.__xss` if it ever ran. */
const PAYLOADS = [
  '<script>window.__xss++</script>',
  '<img src=x onerror="window.__xss++">',
  '<img src="x" onerror=window.__xss++ />',
  '[plain](javascript:window.__xss++)',
  '[mixed](JaVaScRiPt:window.__xss++)',
  '[spaced]( javascript:window.__xss++ )',
  '[entity](jav&#x09;ascript:window.__xss++)',
  '<a href="JaVaScRiPt:window.__xss++">raw mixed</a>',
  '<a href="java\tscript:window.__xss++">raw tab</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<a href="data:text/html,<script>parent.__xss++</script>">data</a>',
  '[data md](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MrKzwvc2NyaXB0Pg==)',
  '<svg onload="window.__xss++"><circle r=1 /></svg>',
  '<svg><animate onbegin="window.__xss++" attributeName=x dur=1s /></svg>',
  '<iframe src="javascript:parent.__xss++"></iframe>',
  '<iframe srcdoc="<script>parent.__xss++</script>"></iframe>',
  '<details open ontoggle="window.__xss++"><summary>s</summary>d</details>',
  '<object data="javascript:window.__xss++"></object>',
  '<embed src="javascript:window.__xss++">',
  '<form action="javascript:window.__xss++"><input type=submit autofocus onfocus="window.__xss++"></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss++"></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss++>"></p></noscript>',
  '<style>@import "javascript:window.__xss++";</style>',
  '<body onload="window.__xss++">',
  '<p style="background:url(javascript:window.__xss++)" onclick="window.__xss++">styled</p>',
  '![img](javascript:window.__xss++)',
  '<img src="data:image/svg+xml,<svg onload=parent.__xss++>">',
  '<a href="/relative" onmouseover="window.__xss++">relative</a>',
  '```html\n<script>window.__xss++</script>\n```',
  '`<img src=x onerror=window.__xss++>`',
];

const DOCUMENT = PAYLOADS.map((p, i) => `Payload ${i}:\n\n${p}\n`).join('\n');

const FORBIDDEN = 'script, style, svg, math, iframe, object, embed, form, input, noscript, body';

/** Lets anything that was going to run (load/error/toggle/focus events) run. */
async function settle() {
  await nextFrame();
  await nextFrame();
  await sleep(50);
}

function expectInert(root: ParentNode) {
  expect(root.querySelectorAll(FORBIDDEN).length, FORBIDDEN).to.equal(0);
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      expect(attr.name.startsWith('on'), `${el.localName}[${attr.name}]`).to.be.false;
      expect(attr.name, `${el.localName}[${attr.name}]`).not.to.equal('style');
    }
  }
  for (const a of root.querySelectorAll('a')) {
    const href = a.getAttribute('href');
    if (href !== null) {
      expect(URL.canParse(href), `absolute href ${href}`).to.be.true;
      expect(['http:', 'https:', 'mailto:']).to.include(new URL(href).protocol);
    }
    expect(a.getAttribute('target')).to.equal('_blank');
    expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
  }
  for (const img of root.querySelectorAll('img')) {
    const src = img.getAttribute('src');
    if (src !== null) {
      expect(URL.canParse(src), `absolute src ${src}`).to.be.true;
      expect(['http:', 'https:']).to.include(new URL(src).protocol);
    }
  }
}

describe('markdown sanitising', () => {
  beforeEach(() => {
    window.__xss = 0;
  });

  it('would notice a payload that ran (control)', async () => {
    const el = container();
    // Deliberately unsanitised, to prove the counter and the wait can see it.
    el.innerHTML = '<img src=x onerror="window.__xss++">';
    await waitUntil(() => window.__xss > 0, 'the control payload never ran');
  });

  it('runs nothing from renderMarkdown()', async () => {
    const el = container();
    el.append(renderMarkdown(DOCUMENT));
    await settle();
    expect(window.__xss).to.equal(0);
    expectInert(el);
    // The harmless parts are still there.
    expect(el.textContent).to.contain('Payload 29:');
    expect(el.querySelector('details summary')!.textContent).to.equal('s');
    expect(el.querySelector('pre code.language-html')!.textContent).to.contain('<script>');
  });

  it('runs nothing while streaming, even with tags cut mid-way', async () => {
    const el = container();
    const md = new StreamingMarkdown(el);
    for (const end of fixedCuts(DOCUMENT.length, 3)) {
      md.update(DOCUMENT.slice(0, end));
      expectInert(el);
    }
    await settle();
    md.finish(DOCUMENT);
    await settle();
    expect(window.__xss).to.equal(0);
    expectInert(el);
    expect(el.innerHTML).to.equal(fullHTML(DOCUMENT));
  });

  it('keeps only http(s) and mailto links, opening in a new tab', () => {
    const div = document.createElement('div');
    div.append(
      renderMarkdown(
        '[a](https://example.com/a) [b](http://example.com/b) [c](mailto:c@example.com) ' +
          '[d](javascript:alert(1)) [e](ftp://example.com/e) [f](/relative) [g](#frag) ' +
          '<https://example.com/auto> www.example.com'
      )
    );
    const links = [...div.querySelectorAll('a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).to.deep.equal([
      ['a', 'https://example.com/a'],
      ['b', 'http://example.com/b'],
      ['c', 'mailto:c@example.com'],
      ['d', null],
      ['e', null],
      ['f', null],
      ['g', null],
      ['https://example.com/auto', 'https://example.com/auto'],
      ['www.example.com', 'http://www.example.com'],
    ]);
    expectInert(div);
  });

  it('keeps the markdown vocabulary', () => {
    const div = document.createElement('div');
    div.append(
      renderMarkdown(
        '# h\n\n*e* **s** ~~d~~ `c`\n\n- [x] t\n\n1. o\n\n> q\n\n| a |\n|---|\n| 1 |\n\n```js\nx\n```\n\n---\n\n![i](https://example.com/i.png)'
      )
    );
    for (const tag of [
      'h1',
      'em',
      'strong',
      'del',
      'code',
      'ul',
      'ol',
      'li',
      'blockquote',
      'table',
      'th',
      'td',
      'pre',
      'hr',
      'img',
    ]) {
      expect(div.querySelector(tag), tag).to.exist;
    }
    expect(div.querySelector('pre code')!.className).to.equal('language-js');
    expect(div.querySelector('li')!.textContent).to.equal('\u2611 t');
  });

  it('drops classes other than a code language, ids and data attributes', () => {
    const fragment = sanitizeToFragment(
      '<p class="coze-panel" id="x" data-x="1" aria-hidden="true">p</p><code class="language-ts evil">c</code>'
    );
    const div = document.createElement('div');
    div.append(fragment);
    expect(div.innerHTML).to.equal('<p>p</p><code>c</code>');
  });

  it('leaves the page-wide DOMPurify and marked untouched', () => {
    renderMarkdown('[x](https://example.com)');
    // The global DOMPurify keeps its defaults: relative links, no target.
    expect(DOMPurify.sanitize('<a href="/rel">r</a>')).to.equal('<a href="/rel">r</a>');
    // A page setting options on the global marked does not reach us.
    marked.setOptions({breaks: true});
    try {
      expect(fullHTML('one\ntwo')).to.equal('<p>one\ntwo</p>\n');
    } finally {
      marked.setOptions(marked.getDefaults());
    }
  });

  it('sanitizeToHTML() returns markup only through Trusted Types when present', () => {
    const out = sanitizeToHTML('<b onclick="x()">b</b><script>y()</script>');
    expect(String(out)).to.equal('<b>b</b>');
    if (window.trustedTypes) expect(window.trustedTypes.isHTML(out)).to.be.true;
  });
});

describe('sanitising keeps the markdown attributes that are not URLs', () => {
  it('keeps table alignment and an ordered list’s start number', () => {
    const el = document.createElement('div');
    el.append(renderMarkdown('| a | b |\n| :-: | --: |\n| 1 | 2 |\n\n3. third\n4. fourth\n'));
    expect([...el.querySelectorAll('th')].map((th) => th.getAttribute('align'))).to.deep.equal([
      'center',
      'right',
    ]);
    expect(el.querySelector('ol')!.getAttribute('start')).to.equal('3');
  });
});
