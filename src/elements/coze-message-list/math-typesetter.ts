import katex from 'katex';
import 'katex/contrib/mhchem';
import {css, unsafeCSS} from 'lit';
import {katexFontFaces, katexRules} from './katex.styles.js';

/**
 * Typesets the formulas of answers with KaTeX and its mhchem extension
 * (`\ce{…}`). Loaded on demand, as its own chunk, the first time an answer
 * has a formula. KaTeX builds the nodes itself and sets their styles through
 * the CSSOM, so a page whose CSP forbids inline styles shows them too; its
 * output is visual HTML hidden from screen readers plus MathML for them.
 * `trust` is off, so a formula can neither link nor embed anything, and the
 * result is checked against an allow-list before it is shown.
 */

/** KaTeX's rules, for the shadow root of the transcript. */
export const mathStyles = [
  unsafeCSS(katexRules),
  css`
    .math-display {
      display: block;
      overflow-x: auto;
      overflow-y: hidden;
      padding-block: 0.2em;
    }
    .math-display > .katex-display {
      margin: 0.3em 0;
    }
    .math-inline.math-error,
    .math-display.math-error {
      font-family: var(--_mono);
      font-size: 0.9em;
    }
  `,
];

/** The fonts' @font-face rules go to the document: a shadow root ignores them. */
let fontsAdded = false;
function addFonts(doc: Document): void {
  if (fontsAdded) return;
  fontsAdded = true;
  const sheet = new CSSStyleSheet();
  const base = new URL('./katex-fonts/', import.meta.url).href;
  sheet.replaceSync(katexFontFaces.replaceAll('{{base}}', base));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

const HTML = 'http://www.w3.org/1999/xhtml';
const SVG = 'http://www.w3.org/2000/svg';
const MATHML = 'http://www.w3.org/1998/Math/MathML';
const allowed: Record<string, ReadonlySet<string>> = {
  [HTML]: new Set(['span', 'br']),
  [SVG]: new Set(['svg', 'path', 'line', 'g']),
  [MATHML]: new Set(
    `math semantics annotation mrow mi mo mn ms mtext mspace msup msub msubsup mfrac msqrt mroot
    mover munder munderover mtable mtr mtd mstyle mpadded mphantom menclose mglyph merror`.split(
      /\s+/
    )
  ),
};
const safeAttribute =
  /^(?:class|style|aria-hidden|encoding|mathvariant|stretchy|fence|separator|lspace|rspace|width|height|depth|voffset|displaystyle|scriptlevel|accent|accentunder|columnalign|columnspacing|rowspacing|columnlines|rowlines|frame|minsize|maxsize|movablelimits|symmetric|display|linethickness|notation|xmlns|viewBox|preserveAspectRatio|d|x1|x2|y1|y2|stroke-width|role)$/;

/** Whether every node KaTeX made is one it may make; offending attributes are dropped. */
function checked(root: Element): boolean {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (el !== root && !allowed[el.namespaceURI ?? '']?.has(el.localName)) return false;
    for (const name of el.getAttributeNames())
      if (!safeAttribute.test(name)) el.removeAttribute(name);
  }
  return true;
}

/** Typeset formulas by source, so the tail of a streaming answer is not typeset per token. */
const cache = new Map<string, Element | null>();
const cacheSize = 500;

function build(doc: Document, tex: string, display: boolean): Element | null {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit && (hit.cloneNode(true) as Element);
  let holder: HTMLElement | null = doc.createElement('span');
  try {
    katex.render(tex, holder, {
      displayMode: display,
      throwOnError: true,
      strict: 'ignore',
      trust: false,
      maxSize: 20,
      maxExpand: 200,
      output: 'htmlAndMathml',
    });
    if (!checked(holder)) holder = null;
  } catch {
    holder = null;
  }
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
  cache.set(key, holder && (holder.cloneNode(true) as Element));
  return holder;
}

/**
 * Replaces a formula's source (`<span class="math-inline|math-display">`)
 * with its typeset form; one that KaTeX cannot read stays source, marked
 * `math-error`. Returns whether it was typeset.
 */
export function typesetFormula(span: HTMLElement): boolean {
  const doc = span.ownerDocument;
  addFonts(doc);
  const tex = span.textContent ?? '';
  const built = build(doc, tex, span.classList.contains('math-display'));
  if (!built) {
    span.classList.add('math-error');
    return false;
  }
  span.replaceChildren(...built.childNodes);
  span.classList.add('math-typeset');
  return true;
}
