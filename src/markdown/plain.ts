/**
 * Shows a text as readable plain text, for answers that are not rendered as
 * markdown (see `limits.ts`): a paragraph per block of lines, a line break
 * per newline, built as nodes and never parsed as markup. While the text
 * grows, only what was added is written (the last line's text node is
 * appended to), so the cost of an update follows the size of the delta.
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
      this.#line.appendData(chunk);
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
    } else {
      this.#paragraph.append(doc.createElement('br'));
    }
    this.#line = doc.createTextNode(this.#pending + chunk);
    this.#pending = '';
    this.#paragraph.append(this.#line);
  }

  #endLine(): void {
    if (this.#line) this.#line = undefined;
    else if (this.#paragraph) this.#broken = true;
    this.#pending = '';
  }
}

/** `text` as plain-text nodes in a new fragment. */
export function plainTextFragment(text: string, doc: Document = document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  new PlainText(fragment).render(text);
  return fragment;
}
