import type {Links, Token, Tokens} from 'marked';
import {morphRun} from './morph.js';
import {MAX_TAIL, MarkdownLimits, SLOW_RENDER_MIN_LENGTH, SLOW_RENDER_MS} from './limits.js';
import {PlainText} from './plain.js';
import {lexMarkdown, renderMarkdown, tokensToUnsafeHTML} from './render.js';
import {sanitizeToFragment} from './sanitize.js';

/**
 * Adds what the page shows around sanitised nodes (a code block's header, a
 * table's scroll box). It gets fragments that are not yet in the document and
 * must give the same result for the same input, because rendered runs are
 * compared and morphed against each other. `final` says the blocks in the
 * fragment will not change again (so costly work such as highlighting can
 * be done once).
 */
export type MarkdownDecorator = (fragment: DocumentFragment, final: boolean) => void;

export interface StreamingMarkdownOptions {
  decorate?: MarkdownDecorator;
  /**
   * The most new text (in characters) one `update()` or `finish()` renders;
   * the rest waits for the next call, so a burst of text that arrived at once
   * is shown over several frames instead of in one long task (32 times as
   * much once the answer is shown as plain text). Unbounded by default.
   */
  maxCharsPerUpdate?: number;
}

/**
 * How many times `maxCharsPerUpdate` one update may add once the answer is
 * plain text: appending to a bounded text node costs little per character.
 */
const PLAIN_FACTOR = 32;

/** Raw HTML or a reference definition: what block-by-block rendering may settle differently. */
const unsettling = /<[a-zA-Z!/?]|^ {0,3}\[[^\]]+\]:/m;

/**
 * Renders a markdown answer into `container` while it streams in.
 *
 * The text is split into top-level blocks with marked's lexer. A block is
 * *finished* once nothing that can still arrive could change it; finished
 * blocks are never touched again, so their nodes (and a reader's selection
 * inside them) stay put. Only the text after the last finished block, the
 * open *tail*, is lexed, rendered and sanitised again on each update, and only
 * the tail's nodes are brought up to date, by morphing them (see
 * {@link morphRun}) rather than replacing them. The cost of an update follows
 * the size of the tail, not of the answer.
 *
 * A block is finished when
 * - a blank line follows it, unless it is a list, an indented code block or
 *   raw HTML (those can go on after a blank line); or
 * - a blank line and a later block follow it and that block's first line is
 *   complete (`2` could still become `2.` and continue an ordered list; an
 *   indented line could continue a list item); or
 * - it closes itself and another block follows: a fenced code block (an
 *   unclosed fence runs to the end of the text), or an ATX/setext heading or
 *   thematic break whose line has ended.
 * A paragraph followed by a single newline is not finished: the next line
 * may still turn it into a setext heading or continue it.
 *
 * Reference-style link definitions in finished blocks apply to later blocks;
 * a reference used before its definition, and raw HTML spanning blocks, are
 * settled by {@link StreamingMarkdown.finish}. The tail's nodes are direct
 * children of the container like the finished ones, so at most moments the
 * container holds exactly what a whole-document render would.
 */
export class StreamingMarkdown {
  readonly #container: HTMLElement;
  /** The whole text seen so far, as given. */
  #text = '';
  /** Offset in `#text` where the finished blocks end and the tail begins. */
  #stableEnd = 0;
  /** Reference-link definitions from finished blocks. */
  #links: Links = Object.create(null) as Links;
  /** The nodes the tail rendered to: the only ones an update touches. */
  #tailNodes: ChildNode[];
  /** The tail's markup before sanitising, to skip no-op updates. */
  #tailHTML: string | undefined;
  /** Set by `finish()`: the container holds the final render. */
  #finished = false;
  readonly #decorate: MarkdownDecorator;
  /** Decides when the answer is shown as plain text instead (see `limits.ts`). */
  readonly #limits = new MarkdownLimits();
  /** Set once the answer is shown as plain text. */
  #plain: PlainText | undefined;
  readonly #maxChars: number;

  /**
   * @param container The element to render into; it is owned from now on.
   *   Whatever it already holds is treated as stale output: the first
   *   `update()` replaces it, and `finish()` keeps whatever already matches.
   */
  constructor(container: HTMLElement, options: StreamingMarkdownOptions = {}) {
    this.#container = container;
    this.#tailNodes = [...container.childNodes];
    this.#decorate = options.decorate ?? (() => {});
    this.#maxChars = options.maxCharsPerUpdate ?? Infinity;
  }

  /**
   * Renders `text`, the whole answer so far (normally the last text plus
   * more), or as much of it as `maxCharsPerUpdate` allows.
   *
   * @returns whether all of `text` is on screen; when not, call again (with
   *   the same or a longer text) to render the next part.
   */
  update(text: string): boolean {
    if (text === this.#text && (this.#finished || this.#tailHTML !== undefined)) return true;
    if (this.#finished || !text.startsWith(this.#text)) this.#restart();
    // All that arrived is checked, not only the slice shown now: text past a limit anywhere
    // goes to plain text at once instead of after more costly markdown renders of its start.
    if (!this.#plain) this.#limits.check(text);
    const slice = this.#slice(text);
    this.#text = slice;
    this.#guarded(slice, false, () => this.#renderTail(), true);
    return slice === text;
  }

  /** The most new text one update renders: plain text costs far less per character. */
  get #budget(): number {
    return this.#plain || this.#limits.hazard ? this.#maxChars * PLAIN_FACTOR : this.#maxChars;
  }

  /**
   * The part of `text` to render now: all of it, or what fits in the budget
   * past what is rendered, cut after a line end when there is one (a cut
   * mid-line would render a half word that the next slice re-renders).
   */
  #slice(text: string): string {
    const end = this.#text.length + this.#budget;
    if (text.length <= end) return text;
    const newline = text.lastIndexOf('\n', end - 1);
    return text.slice(0, newline >= this.#text.length ? newline + 1 : end);
  }

  /**
   * Renders the final text. When it extends what streamed and holds nothing
   * block-by-block rendering could settle differently (raw HTML, reference
   * definitions), the streamed render is kept and only the open tail is
   * rendered once more, as finished. Otherwise the text is rendered once as a
   * whole, which settles a link used before its definition or raw HTML
   * spanning blocks; top-level nodes that already match are kept as they are
   * and only the differing run in the middle is replaced.
   *
   * @returns whether the final render is on screen. While more text than
   *   `maxCharsPerUpdate` is still to render, it renders the next part as
   *   `update()` does and returns false: call again to go on.
   */
  finish(text: string): boolean {
    if (this.#finished && text === this.#text) return true;
    if (
      !this.#finished &&
      text.startsWith(this.#text) &&
      text.length - this.#text.length > this.#budget
    ) {
      this.update(text);
      return false;
    }
    if (!text.startsWith(this.#text)) this.#plain = undefined;
    this.#guarded(text, true, () => this.#finishMarkdown(text));
    this.#text = text;
    this.#finished = true;
    this.#tailNodes = [];
    this.#tailHTML = undefined;
    return true;
  }

  #finishMarkdown(text: string): void {
    if (
      !this.#finished &&
      this.#tailHTML !== undefined &&
      text.startsWith(this.#text) &&
      !unsettling.test(text)
    ) {
      this.#text = text;
      this.#renderTail(true);
    } else {
      const fragment = renderMarkdown(text);
      this.#decorate(fragment, true);
      reconcile(this.#container, fragment);
    }
  }

  /**
   * Runs one markdown render of `#text`, unless the answer is past the limits
   * of `limits.ts`, the render throws, or the last one was too slow: then, and
   * for the rest of this answer, it is shown as plain text. A failure stays
   * inside this answer.
   */
  #guarded(text: string, final: boolean, render: () => void, checked = false): void {
    if (!this.#plain) {
      if (!final && text.length - this.#stableEnd > MAX_TAIL) this.#limits.fail('length');
      // `checked`: the caller checked a text that `text` begins, so the limits hold for it too.
      const hazard = checked ? this.#limits.hazard : this.#limits.check(text);
      if (hazard === undefined) {
        const start = performance.now();
        try {
          render();
          const slow = performance.now() - start > SLOW_RENDER_MS;
          if (slow && !final && text.length > SLOW_RENDER_MIN_LENGTH) this.#limits.fail('slow');
          return;
        } catch {
          this.#limits.fail('error');
        }
      }
      this.#plain = new PlainText(this.#container);
    }
    this.#plain.render(text);
  }

  /** Empties the container and forgets all state. */
  reset(): void {
    this.#container.replaceChildren();
    this.#limits.reset();
    this.#plain = undefined;
    this.#text = '';
    this.#stableEnd = 0;
    this.#links = Object.create(null) as Links;
    this.#tailNodes = [];
    this.#tailHTML = undefined;
    this.#finished = false;
  }

  /** Forgets what was finished; everything now in the container is stale. */
  #restart(): void {
    this.#plain = undefined;
    this.#text = '';
    this.#stableEnd = 0;
    this.#links = Object.create(null) as Links;
    this.#tailNodes = [...this.#container.childNodes];
    this.#tailHTML = undefined;
    this.#finished = false;
  }

  /** Renders the text after the finished blocks; `final`: all of it is finished. */
  #renderTail(final = false): void {
    const raw = this.#text.slice(this.#stableEnd);
    // marked turns CRLF and CR into LF before lexing; do it here so token
    // lengths are offsets into `src`.
    const src = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    const tokens = lexMarkdown(src, this.#links);
    const cut = final ? {count: tokens.length, length: src.length} : stableCut(tokens, src);

    const done = tokens.slice(0, cut.count);
    const open = tokens.slice(cut.count);
    for (const token of done) {
      if (token.type === 'def') {
        const def = token as Tokens.Def;
        this.#links[def.tag] ??= {href: def.href, title: def.title};
      }
    }
    this.#stableEnd += raw === src ? cut.length : rawOffset(raw, cut.length);

    const html = tokensToUnsafeHTML(open);
    if (done.length === 0 && html === this.#tailHTML) return;
    this.#tailHTML = html;
    // Newly finished blocks are sanitised on their own so their nodes can be
    // told apart from the tail's; both are morphed into the old tail's nodes,
    // so a block that was on screen keeps its nodes when it becomes finished.
    const finished = done.length
      ? [...this.#fragment(tokensToUnsafeHTML(done), true).childNodes]
      : [];
    const tail = [...this.#fragment(html, false).childNodes];
    const current = this.#tailNodes.filter((node) => node.parentNode === this.#container);
    const nodes = morphRun(this.#container, current, [...finished, ...tail]);
    this.#tailNodes = nodes.slice(finished.length);
  }

  #fragment(html: string, final: boolean): DocumentFragment {
    const fragment = sanitizeToFragment(html);
    this.#decorate(fragment, final);
    return fragment;
  }
}

/** How many leading tokens are finished, and the length of text they span. */
function stableCut(tokens: Token[], src: string): {count: number; length: number} {
  const starts: number[] = [];
  let offset = 0;
  for (const token of tokens) {
    starts.push(offset);
    offset += token.raw.length;
  }
  // Token lengths must account for every character, or offsets are unsafe.
  if (offset !== src.length) return {count: 0, length: 0};

  for (let j = tokens.length - 1; j >= 1; j--) {
    const token = tokens[j]!;
    const before = tokens[j - 1]!;
    if (token.type === 'space') {
      // A blank line ends every block but a list or an indented code block
      // for good: commit through the last complete blank line. (Spaces after
      // it may be the indentation of a line still arriving.)
      const newline = token.raw.lastIndexOf('\n');
      if (newline >= 0 && before.type !== 'space' && !continuesAfterBlankLine(before)) {
        return {count: j + 1, length: starts[j]! + newline + 1};
      }
    } else if (before.type === 'space' ? src.includes('\n', starts[j]) : closesItself(before)) {
      return {count: j, length: starts[j]!};
    }
  }
  return {count: 0, length: 0};
}

/**
 * Blocks that lines after a blank line can still extend: a list, an indented
 * code block, and raw HTML (an open comment, `<pre>` or `<script>` runs on
 * across blank lines until its end marker).
 */
function continuesAfterBlankLine(token: Token): boolean {
  switch (token.type) {
    case 'list':
    case 'html':
      return true;
    case 'code':
      return (token as Tokens.Code).codeBlockStyle === 'indented';
    default:
      return false;
  }
}

/** A block no following line can change, given that a block follows it. */
function closesItself(token: Token): boolean {
  switch (token.type) {
    case 'code':
      return (token as Tokens.Code).codeBlockStyle !== 'indented';
    case 'heading':
    case 'hr':
      return token.raw.endsWith('\n');
    default:
      return false;
  }
}

/** Maps a length in newline-normalised text back to an offset in `raw`. */
function rawOffset(raw: string, normalisedLength: number): number {
  let i = 0;
  for (let n = 0; n < normalisedLength; n++) {
    i += raw[i] === '\r' && raw[i + 1] === '\n' ? 2 : 1;
  }
  return i;
}

/** A comparable serialisation of one top-level node. */
function nodeKey(node: Node): string {
  return node.nodeType === Node.ELEMENT_NODE
    ? (node as Element).outerHTML
    : `${node.nodeType}:${node.nodeValue ?? ''}`;
}

/**
 * Makes `container`'s children match `next`'s, keeping the longest matching
 * runs of top-level nodes at the start and at the end.
 */
function reconcile(container: HTMLElement, next: DocumentFragment): void {
  const oldNodes = [...container.childNodes];
  const newNodes = [...next.childNodes];
  const oldKeys = oldNodes.map(nodeKey);
  const newKeys = newNodes.map(nodeKey);
  const max = Math.min(oldNodes.length, newNodes.length);
  let head = 0;
  while (head < max && oldKeys[head] === newKeys[head]) head++;
  let tail = 0;
  while (
    tail < max - head &&
    oldKeys[oldKeys.length - 1 - tail] === newKeys[newKeys.length - 1 - tail]
  ) {
    tail++;
  }
  if (head === oldNodes.length && head === newNodes.length) return;
  const anchor = oldNodes[oldNodes.length - tail] ?? null;
  for (const node of oldNodes.slice(head, oldNodes.length - tail)) node.remove();
  const fresh = newNodes.slice(head, newNodes.length - tail);
  for (const node of fresh) container.insertBefore(node, anchor);
}
