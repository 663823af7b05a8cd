import {Marked} from 'marked';
import type {Links, Token, TokensList} from 'marked';
import {MarkdownLimits} from './limits.js';
import {mathExtension} from './math.js';
import {plainTextFragment} from './plain.js';
import {sanitizeToFragment} from './sanitize.js';

/**
 * Our own marked instance: GitHub-flavoured (tables, strikethrough, autolinks),
 * a single newline is not a line break, and nothing configured on the page's
 * global `marked` leaks in.
 */
const marked = new Marked({
  async: false,
  gfm: true,
  breaks: false,
  renderer: {
    // The sanitiser drops <input>, so a task-list box is drawn as a glyph.
    checkbox({checked}) {
      return checked ? '\u2611 ' : '\u2610 ';
    },
  },
});
marked.use(mathExtension);

/**
 * Splits markdown into top-level block tokens. `links` pre-seeds the
 * reference-link table with definitions seen earlier in the same document
 * (the first definition of a label wins, as in a whole-document parse).
 */
export function lexMarkdown(src: string, links?: Links): TokensList {
  const lexer = new marked.Lexer(marked.defaults);
  if (links) Object.assign(lexer.tokens.links, links);
  return lexer.lex(src);
}

/** Renders already-lexed block tokens to markup that is NOT yet sanitised. */
export function tokensToUnsafeHTML(tokens: Token[]): string {
  return marked.parser(tokens);
}

/**
 * Renders a whole markdown document to a sanitised fragment; a document past
 * the limits of `limits.ts`, or one the renderer fails on, comes back as
 * plain text.
 */
export function renderMarkdown(src: string): DocumentFragment {
  if (new MarkdownLimits().check(src) !== undefined) return plainTextFragment(src);
  let html: string;
  try {
    html = marked.parse(src, {async: false});
  } catch {
    return plainTextFragment(src);
  }
  return sanitizeToFragment(html);
}

/** A little of every block and inline kind, so each of marked's rules runs once. */
const warmUpText =
  '# A\n\nSome *em*, **strong**, `code`, ~~del~~, [a](https://example.com) and https://example.com.\n\n' +
  '- one\n- two\n\n1. first\n\n> quote\n\n```js\nx\n```\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n---\n';

/**
 * Parses and sanitises a small document once, so the first real answer does
 * not pay for compiling marked's and DOMPurify's rules. Run it while idle.
 */
export function warmUpMarkdown(): void {
  renderMarkdown(warmUpText);
}
