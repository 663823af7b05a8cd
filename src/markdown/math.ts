import type {MarkedExtension, TokenizerAndRendererExtension} from 'marked';

/**
 * Formulas in answers, as models write them: `$…$` and `\(…\)` inline,
 * `$$…$$` and `\[…\]` on their own (display), and chemistry as `\ce{…}`
 * (mhchem), alone or inside a formula. The lexer marks each formula as a
 * `<span class="math-inline">` or `<span class="math-display">` holding its
 * TeX source as text, so it reads as source until the typesetter (a chunk of
 * its own, loaded when an answer has math) replaces it. A formula that has not
 * closed yet is not matched and stays plain text; code spans and code blocks
 * are lexed first and keep their dollars. Pure: no DOM.
 */

/** Longer formulas stay source: typesetting them could hold the page up. */
export const MAX_FORMULA = 4000;

interface MathToken {
  type: 'mathBlock' | 'mathInline';
  raw: string;
  text: string;
  display: boolean;
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'})[c]!);

function render(token: MathToken): string {
  const kind = token.display ? 'math-display' : 'math-inline';
  return `<span class="${kind}">${escape(token.text)}</span>`;
}

/** `\ce{…}` with balanced braces at the start of `src`: its length, or 0. */
function chemistryLength(src: string): number {
  if (!src.startsWith('\\ce{')) return 0;
  let depth = 0;
  for (let i = 3; i < src.length && i < MAX_FORMULA; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
    else if (c === '\n' && src[i + 1] === '\n') return 0;
  }
  return 0;
}

const blockPatterns = [
  /^ {0,3}\$\$([\s\S]+?)\$\$ *(?:\n+|$)/,
  /^ {0,3}\\\[([\s\S]+?)\\\] *(?:\n+|$)/,
];

const block: TokenizerAndRendererExtension = {
  name: 'mathBlock',
  level: 'block',
  start: (src) => src.match(/^ {0,3}(?:\$\$|\\\[)/m)?.index,
  tokenizer(src) {
    for (const pattern of blockPatterns) {
      const match = pattern.exec(src);
      const text = match?.[1]?.trim();
      if (match && text && text.length <= MAX_FORMULA)
        return {type: 'mathBlock', raw: match[0], text, display: true};
    }
    return undefined;
  },
  renderer: (token) => `${render(token as unknown as MathToken)}\n`,
};

/**
 * Inline: `$$…$$` and `\[…\]` (display), `\(…\)`, and `$…$` whose content
 * neither starts nor ends with a space and which is not followed by a digit
 * (so "$5 and $10" stays prices); no formula crosses a blank line.
 */
const inlinePatterns: [RegExp, boolean][] = [
  [/^\$\$(?!\$)((?:\\.|[^\\$])+?)\$\$/, true],
  [/^\\\[((?:\\[^\]]|[^\\])+?)\\\]/, true],
  [/^\\\(((?:\\[^)]|[^\\])+?)\\\)/, false],
  [/^\$(?![\s$])((?:\\.|[^\\$\n])*?[^\s\\$])\$(?!\d)/, false],
  [/^\$(?![\s$])([^\s\\$])\$(?!\d)/, false],
];

const inline: TokenizerAndRendererExtension = {
  name: 'mathInline',
  level: 'inline',
  start: (src) => src.match(/\$|\\[([]|\\ce\{/)?.index,
  tokenizer(src) {
    for (const [pattern, display] of inlinePatterns) {
      const match = pattern.exec(src);
      const text = match?.[1]?.trim();
      if (match && text && !/\n\s*\n/.test(text) && text.length <= MAX_FORMULA)
        return {type: 'mathInline', raw: match[0], text, display};
    }
    const chemistry = chemistryLength(src);
    if (chemistry) {
      const raw = src.slice(0, chemistry);
      return {type: 'mathInline', raw, text: raw, display: false};
    }
    return undefined;
  },
  renderer: (token) => render(token as unknown as MathToken),
};

/** The marked extension: block and inline formulas. */
export const mathExtension: MarkedExtension = {extensions: [block, inline]};

/** Whether rendered markup holds a formula (cheap: looks for the marker class). */
export function hasMath(markup: string): boolean {
  return markup.includes('class="math-');
}
