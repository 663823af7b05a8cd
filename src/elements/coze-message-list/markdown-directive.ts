import {nothing} from 'lit';
import {Directive, directive, PartType, type ElementPart, type PartInfo} from 'lit/directive.js';
import {StreamingMarkdown} from '../../markdown/index.js';
import type {Strings} from '../../i18n/index.js';
import {decorateMarkdown, highlightPending, typesetPending} from './markdown-blocks.js';
import {cancelRender, isQueued, queueRender} from './render-queue.js';

/**
 * The most new markdown (characters) rendered per frame: a burst that arrived
 * at once (a fast model, a long answer completed in one event) is shown over
 * a few frames, each well under a long task. The frame also lays the new
 * blocks out, which costs about as much again as rendering them.
 */
const charsPerFrame = 2048;

/**
 * Renders streamed markdown into the element it is placed on, keeping
 * finished blocks' DOM and re-rendering only the open tail; code blocks and
 * tables get their header and scroll box (`decorateMarkdown`), and finished
 * code is highlighted once the highlighter has loaded.
 *
 * At most `charsPerFrame` of new text is rendered at once; the rest follows
 * in the next frames (see `render-queue`). An answer that arrives finished
 * (history) shows its plain text at first and is rendered from the newest
 * answer up, a frame's budget at a time (`renderNewest()` renders the bottom
 * ones before the first paint).
 * Images go through `allowImage` (see `decorateImage`).
 * Usage: `<div ${markdown(text, finished, strings, allowImage)}></div>`.
 */
class MarkdownDirective extends Directive {
  #renderer?: StreamingMarkdown;
  #element?: HTMLElement;
  #finished = false;
  #text = '';
  #strings?: Strings;
  #allowImage: (src: string) => boolean = () => true;
  /** What is on screen is the final render of `#text`. */
  #done = false;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) {
      throw new Error(
        'markdown() goes on an element: <div ${markdown(text, done, strings)}></div>'
      );
    }
  }

  render(
    _text: string,
    _finished: boolean,
    _strings: Strings,
    _allowImage?: (src: string) => boolean
  ) {
    return nothing;
  }

  override update(
    part: ElementPart,
    [text, finished, strings, allowImage = this.#allowImage]: [
      string,
      boolean,
      Strings,
      ((src: string) => boolean)?,
    ]
  ) {
    const element = part.element as HTMLElement;
    const relabel =
      this.#strings !== undefined && (this.#strings !== strings || this.#allowImage !== allowImage);
    this.#strings = strings;
    this.#allowImage = allowImage;
    if (!relabel && this.#done && finished && text === this.#text) return nothing;
    this.#element = element;
    this.#text = text;
    this.#finished = finished;
    this.#done = false;
    if (relabel) {
      // New strings or image hosts: render again, so labels and images follow.
      cancelRender(this.#job);
      this.#renderer = undefined;
    }
    if (!this.#renderer && finished) {
      // From the history: plain text until its turn comes (find-in-page and screen readers have it at once).
      element.textContent = text;
      this.#renderer = this.#create(element);
      queueRender(this.#job, true);
    } else {
      this.#renderer ??= this.#create(element);
      if (!isQueued(this.#job) && !this.#step()) queueRender(this.#job);
    }
    return nothing;
  }

  #create(element: HTMLElement): StreamingMarkdown {
    return new StreamingMarkdown(element, {
      decorate: (fragment, final) =>
        decorateMarkdown(fragment, final, this.#strings!, this.#allowImage),
      maxCharsPerUpdate: charsPerFrame,
    });
  }

  /** The next part, from the queue: a row that left the page has nothing left to show. */
  readonly #job = (): boolean => !this.#element?.isConnected || this.#step();

  /** Renders the next part; true when the latest text is all on screen. */
  readonly #step = (): boolean => {
    const renderer = this.#renderer;
    const element = this.#element;
    if (!renderer || !element) return true;
    const complete = this.#finished ? renderer.finish(this.#text) : renderer.update(this.#text);
    this.#done = complete && this.#finished;
    highlightPending(element);
    void typesetPending(element);
    return complete;
  };
}

export const markdown = directive(MarkdownDirective);
