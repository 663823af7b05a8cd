/**
 * Characters in one text node of a long line. Past it the line goes on in a
 * block of its own (a `plain-run`), so that what grows is a small block: the
 * browser lays out and paints the run being appended to, and skips the runs
 * out of view (`content-visibility: auto`), where a 1 MB line in one text
 * node costs hundreds of milliseconds of layout per frame.
 */
export const PLAIN_RUN = 8192;
/** A run's height until it has been shown once (about as many lines as it holds at 50 characters a line). */
const RUN_HEIGHT = '260em';
/** How far past {@link PLAIN_RUN} a run may go to end at a space rather than inside a word. */
const RUN_SLACK = 256;

/**
 * Shows a text as readable plain text, for answers that are not rendered as
 * markdown (see `limits.ts`): a paragraph per block of lines, a line break
 * per newline, built as nodes and never parsed as markup. While the text
 * grows, only what was added is written (the last text node is appended
 * to), so the cost of an update follows the size of the delta. A line longer
 * than {@link PLAIN_RUN} is cut at spaces into runs, each a block of its own.
 */
export class PlainText {
  readonly #container: ParentNode;
  #text = '';
  /** The paragraph lines are added to. */
  #paragraph: HTMLParagraphElement | undefined;
  /** The current line's text node, once the line has more than spaces. */
  #line: Text | undefined;
  /** The current line while it holds only spaces (not shown). */
  #pending = '';
  /** A blank line has ended the paragraph: the next line starts a new one. */
  #broken = false;

  /** @param container Owned from now on: its children are replaced on the first render. */
  constructor(container: ParentNode) {
    this.#container = container;
  }

  /** Shows `text`, the whole text so far. */
  render(text: string): void {
    if (!text.startsWith(this.#text) || this.#text === '') this.#clear();
    const added = text.slice(this.#text.length);
    this.#text = text;
    const lines = added.replace(/\r/g, '').split('\n');
    lines.forEach((line, i) => {
      if (i > 0) this.#endLine();
      this.#write(line);
    });
  }

  #clear(): void {
    this.#container.replaceChildren();
    this.#text = '';
    this.#paragraph = undefined;
    this.#line = undefined;
    this.#pending = '';
    this.#broken = false;
  }

  #write(chunk: string): void {
    if (chunk === '') return;
    if (this.#line) {
      this.#append(chunk);
      return;
    }
    if (chunk.trim() === '') {
      this.#pending += chunk;
      return;
    }
    const doc = this.#container.ownerDocument ?? document;
    if (!this.#paragraph || this.#broken) {
      this.#paragraph = doc.createElement('p');
      this.#container.append(this.#paragraph);
      this.#broken = false;
    } else if (!isRun(this.#paragraph.lastChild)) {
      // After a run (a block) the line starts below it anyway.
      this.#paragraph.append(doc.createElement('br'));
    }
    this.#line = doc.createTextNode('');
    this.#paragraph.append(this.#line);
    const text = this.#pending + chunk;
    this.#pending = '';
    this.#append(text);
  }

  /** Adds `chunk` to the current line, going on in a new run each time a text node is full. */
  #append(chunk: string): void {
    while (chunk) {
      const line = this.#line!;
      const room = PLAIN_RUN - line.length;
      if (chunk.length <= room) {
        line.appendData(chunk);
        return;
      }
      const cut = breakNear(chunk, Math.max(room, 0));
      line.appendData(chunk.slice(0, cut));
      chunk = chunk.slice(cut);
      if (!chunk) return;
      const doc = this.#container.ownerDocument ?? document;
      const run = doc.createElement('span');
      run.className = 'plain-run';
      // Through the CSSOM (allowed by any style-src policy), so no stylesheet is needed. Runs out
      // of view are not laid out or painted again while the line grows.
      run.style.cssText = `display:block;content-visibility:auto;contain-intrinsic-size:auto ${RUN_HEIGHT}`;
      this.#line = doc.createTextNode('');
      run.append(this.#line);
      this.#paragraph!.append(run);
    }
  }

  #endLine(): void {
    if (this.#line) this.#line = undefined;
    else if (this.#paragraph) this.#broken = true;
    this.#pending = '';
  }
}

const isRun = (node: Node | null) => (node as Element | null)?.className === 'plain-run';

/**
 * Where to end a run in `chunk` when `at` characters are left in it: after
 * the first space in the slack past `at`, else at `at` (a word longer than
 * that is cut anyway). Always at least 1.
 */
function breakNear(chunk: string, at: number): number {
  const space = chunk.slice(at, at + RUN_SLACK).search(/[ \t]/);
  return space < 0 ? Math.max(at, 1) : at + space + 1;
}

/** `text` as plain-text nodes in a new fragment. */
export function plainTextFragment(text: string, doc: Document = document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  new PlainText(fragment).render(text);
  return fragment;
}
