/// <reference types="mocha" />
/// <reference types="trusted-types" />
import {expect} from '@open-wc/testing';
import {renderMarkdown} from '../../src/markdown/render.js';
import {sanitizeToHTML, setMarkdownTrustedTypesPolicy} from '../../src/markdown/sanitize.js';
import {StreamingMarkdown} from '../../src/markdown/streaming.js';
import {container} from './helpers.js';

// This page enforces Trusted Types from here on: every HTML string sink
// throws unless it is given TrustedHTML from an allowed policy.
const csp = document.createElement('meta');
csp.httpEquiv = 'Content-Security-Policy';
csp.content = "require-trusted-types-for 'script'; trusted-types coze-test dompurify";
document.head.append(csp);

describe('markdown under enforced Trusted Types', () => {
  // Engines without the Trusted Types API (Firefox ESR 140) have no sink to enforce: there is
  // nothing to test, so each test is skipped by name rather than passing without checking.
  beforeEach(function () {
    if (!('trustedTypes' in window)) this.skip();
  });

  it('really enforces them on this page (control)', () => {
    expect(() => {
      document.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(TypeError);
  });

  it('renders and streams without an HTML string sink', () => {
    const el = container();
    el.append(renderMarkdown('# Title\n\n**bold** [link](https://example.com)'));
    expect(el.querySelector('h1')!.textContent).to.equal('Title');
    expect(el.querySelector('a')!.target).to.equal('_blank');

    const streamed = container();
    const md = new StreamingMarkdown(streamed);
    const text = 'One\n\n- two\n- three\n\n```\nfour\n```\n';
    for (let end = 1; end <= text.length; end++) md.update(text.slice(0, end));
    md.finish(text);
    expect(streamed.querySelectorAll('li').length).to.equal(2);
    expect(streamed.querySelector('pre')!.textContent).to.equal('four\n');
  });

  it('hands out TrustedHTML for callers that need markup', () => {
    const out = sanitizeToHTML('<em onclick="x()">hi</em>');
    expect(window.trustedTypes!.isHTML(out)).to.be.true;
    const el = container();
    el.innerHTML = out as unknown as string;
    expect(el.innerHTML).to.equal('<em>hi</em>');
  });

  it("uses the page's own policy when one is given", () => {
    let calls = 0;
    const policy = window.trustedTypes!.createPolicy('coze-test', {
      createHTML: (html: string) => {
        calls++;
        return html;
      },
      createScriptURL: (url: string) => url,
    });
    // Last in this file: the policy stays set for the rest of the page.
    setMarkdownTrustedTypesPolicy(policy);
    const el = container();
    el.append(renderMarkdown('*through the page policy*'));
    expect(el.querySelector('em')).to.exist;
    expect(calls).to.be.greaterThan(0);
  });
});
