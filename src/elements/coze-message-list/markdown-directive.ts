import {nothing} from 'lit';
import {Directive, directive, PartType, type ElementPart, type PartInfo} from 'lit/directive.js';
import {StreamingMarkdown} from '../../markdown/index.js';
import type {Strings} from '../../i18n/index.js';
import {decorateMarkdown, highlightPending} from './markdown-blocks.js';

/**
 * Renders streamed markdown into the element it is placed on, keeping
 * finished blocks' DOM and re-rendering only the open tail; code blocks and
 * tables get their header and scroll box (`decorateMarkdown`), and finished
 * code is highlighted once the highlighter has loaded.
 * Usage: `<div ${markdown(text, finished, strings)}></div>`.
 */
class MarkdownDirective extends Directive {
  #renderer?: StreamingMarkdown;
  #finished = false;
  #text = '';
  #strings?: Strings;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) {
      throw new Error(
        'markdown() goes on an element: <div ${markdown(text, done, strings)}></div>'
      );
    }
  }

  render(_text: string, _finished: boolean, _strings: Strings) {
    return nothing;
  }

  override update(part: ElementPart, [text, finished, strings]: [string, boolean, Strings]) {
    const element = part.element as HTMLElement;
    const relabel = this.#strings !== undefined && this.#strings !== strings;
    this.#strings = strings;
    if (relabel) {
      // New strings: render again, so labels follow the language.
      this.#renderer?.reset();
      this.#finished = false;
      this.#text = '';
    }
    this.#renderer ??= new StreamingMarkdown(element, {
      decorate: (fragment, final) => decorateMarkdown(fragment, final, this.#strings!),
    });
    if (finished) {
      if (!this.#finished || text !== this.#text) this.#renderer.finish(text);
    } else {
      this.#renderer.update(text);
    }
    this.#finished = finished;
    this.#text = text;
    void highlightPending(element);
    return nothing;
  }
}

export const markdown = directive(MarkdownDirective);
