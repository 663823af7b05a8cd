import type {Strings} from '../../i18n/index.js';
import {decorateImage} from './answer-images.js';

/** A module in its own chunk, loaded once on first need; `undefined` when it cannot be loaded. */
function onDemand<T>(load: () => Promise<T>) {
  let loaded: T | undefined;
  let loading: Promise<T | undefined> | undefined;
  return {
    /** The module, once it has loaded. */
    get: () => loaded,
    load: () =>
      (loading ??= load().then(
        (module) => (loaded = module),
        () => undefined
      )),
  };
}

/** The syntax highlighter; without it, code stays plain. */
const highlighter = onDemand(() => import('./highlighter.js'));
/** The formula typesetter (KaTeX), the first time an answer has a formula; without it, formulas stay source. */
const typesetter = onDemand(() => import('./math-typesetter.js'));

/** Loads the syntax highlighter once; resolves to `undefined` when it cannot be loaded. */
export const loadHighlighter = highlighter.load;
/** Loads the formula typesetter once; resolves to `undefined` when it cannot be loaded. */
export const loadTypesetter = typesetter.load;

const formulas =
  '.math-inline:not(.math-typeset, .math-error), .math-display:not(.math-typeset, .math-error)';

const languageOf = (code: Element | null) =>
  /(?:^|\s)language-([\w#+.-]+)/.exec(code?.className ?? '')?.[1]?.toLowerCase() ?? '';

/**
 * Adds what an answer's markdown needs on screen, to sanitised nodes before
 * they are shown (see `MarkdownDecorator`):
 * - a code block gets a header with its language and a Copy button, reads
 *   left to right on any page, and can be scrolled with the keyboard; a
 *   finished one is marked `pending`, for `highlightPending` to highlight;
 * - a table sits in its own horizontally scrolling, focusable box, its
 *   columns keeping their alignment;
 * - an image always has `alt` and loads lazily, or, from a host
 *   `allowImage` refuses, is a click-to-load placeholder;
 * - a formula is typeset once the typesetter has loaded (until then, and if
 *   KaTeX cannot read it, it shows its source).
 * The result depends only on the nodes, the strings, `allowImage` and whether the
 * typesetter has loaded, so renders of the same markdown compare equal.
 */
export function decorateMarkdown(
  fragment: DocumentFragment,
  final: boolean,
  strings: Strings,
  allowImage: (src: string) => boolean = () => true
): void {
  const doc = fragment.ownerDocument;
  for (const pre of fragment.querySelectorAll('pre')) {
    const code =
      pre.firstElementChild?.localName === 'code' ? (pre.firstElementChild as HTMLElement) : null;
    const language = languageOf(code);
    const block = doc.createElement('div');
    block.className = 'code-block';
    block.setAttribute('part', 'code-block');
    block.dir = 'ltr';
    const header = doc.createElement('div');
    header.className = 'code-header';
    const label = doc.createElement('span');
    label.className = 'code-language';
    label.textContent = language || strings.code;
    const copy = doc.createElement('button');
    copy.type = 'button';
    copy.className = 'copy-code';
    copy.setAttribute('part', 'copy-code-button');
    copy.textContent = strings.copyCode;
    header.append(label, copy);
    pre.tabIndex = 0;
    pre.replaceWith(block);
    block.append(header, pre);
    if (final && code && language) block.classList.add('pending');
  }
  for (const table of fragment.querySelectorAll('table')) {
    const box = doc.createElement('div');
    box.className = 'table-scroll';
    box.tabIndex = 0;
    table.replaceWith(box);
    box.append(table);
    for (const cell of table.querySelectorAll('th[align], td[align]')) {
      const align = cell.getAttribute('align');
      if (align === 'left' || align === 'center' || align === 'right')
        cell.classList.add(`align-${align}`);
    }
  }
  const typeset = typesetter.get();
  if (typeset)
    for (const span of fragment.querySelectorAll<HTMLElement>(formulas))
      typeset.typesetFormula(span);
  for (const img of fragment.querySelectorAll('img')) decorateImage(img, strings, allowImage);
}

/** Main-thread time (ms) highlighting may take in one go; more blocks wait for the next frame. */
const highlightBudget = 6;

/** Answers with code blocks waiting to be highlighted, served in turn by one loop. */
const waiting = new Set<ParentNode & Node>();
let highlighting: Promise<void> | undefined;

/**
 * Highlights the code blocks in `root` that are waiting (`pending`), a few
 * milliseconds' worth per frame for all answers together: a long answer can
 * hold many blocks, and a burst of text finishes them all in one render.
 */
export function highlightPending(root: ParentNode & Node): void {
  if (root.querySelector('.code-block.pending')) waiting.add(root);
  if (waiting.size) highlighting ??= highlightWaiting();
}

/** Set once the highlighter's chunk has run: from then on highlighting starts at once. */
let highlighterRan = false;

async function highlightWaiting(): Promise<void> {
  try {
    const loaded = await loadHighlighter();
    if (!highlighterRan) {
      // The chunk has just run (registering its grammars); the first block compiles its
      // grammar. Each in a task of its own: together they can make one long task.
      highlighterRan = true;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    let start = performance.now();
    for (const root of waiting) {
      if (performance.now() - start > highlightBudget) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        start = performance.now();
      }
      // Blocks that changed meanwhile were marked again by the render that changed them.
      const block = root.isConnected && root.querySelector('.code-block.pending');
      waiting.delete(root);
      if (!block) continue;
      // This answer comes round again until none of its blocks waits.
      waiting.add(root);
      block.classList.remove('pending');
      const code = block.querySelector<HTMLElement>('pre > code');
      if (loaded && code && loaded.highlightCode(code, languageOf(code)))
        code.classList.add('hljs');
    }
  } finally {
    highlighting = undefined;
  }
}

/**
 * Typesets the formulas in `root` that were shown as source while the
 * typesetter loaded, and gives `root`'s shadow root KaTeX's styles.
 */
export async function typesetPending(root: HTMLElement): Promise<void> {
  if (!root.querySelector('.math-inline, .math-display')) return;
  const loaded = await loadTypesetter();
  if (!loaded) return;
  const shadow = root.getRootNode();
  if (shadow instanceof ShadowRoot) {
    const sheets = loaded.mathStyles.map((s) => s.styleSheet!).filter(Boolean);
    if (!sheets.every((sheet) => shadow.adoptedStyleSheets.includes(sheet)))
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, ...sheets];
  }
  for (const span of root.querySelectorAll<HTMLElement>(formulas)) loaded.typesetFormula(span);
}

/** The code of the block a Copy button belongs to, as written (without the final newline). */
export function codeOfBlock(button: Element): string | undefined {
  const code = button.closest('.code-block')?.querySelector('pre');
  return code?.textContent?.replace(/\n$/, '');
}
