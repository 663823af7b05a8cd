import {nothing} from 'lit';
import {Directive, directive, PartType, type ElementPart, type PartInfo} from 'lit/directive.js';
import {StreamingMarkdown} from '../../markdown/index.js';

/**
 * Renders streamed markdown into the element it is placed on, keeping
 * finished blocks' DOM and re-rendering only the open tail.
 * Usage: `<div ${markdown(text, finished)}></div>`.
 */
class MarkdownDirective extends Directive {
  #renderer?: StreamingMarkdown;
  #finished = false;
  #text = '';

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) {
      throw new Error('markdown() goes on an element: <div ${markdown(text, done)}></div>');
    }
  }

  render(_text: string, _finished: boolean) {
    return nothing;
  }

  override update(part: ElementPart, [text, finished]: [string, boolean]) {
    this.#renderer ??= new StreamingMarkdown(part.element as HTMLElement);
    if (finished) {
      if (!this.#finished || text !== this.#text) this.#renderer.finish(text);
    } else {
      this.#renderer.update(text);
    }
    this.#finished = finished;
    this.#text = text;
    return nothing;
  }
}

export const markdown = directive(MarkdownDirective);
