import {html} from 'lit';
import type {UiConfig} from '../../state/ui-config.js';
import {format} from '../../i18n/index.js';
import {disclosureButton, type DisclosureView} from './disclosure.js';

export interface ReasoningView extends DisclosureView {
  readonly text: string;
  /** Only reasoning has arrived so far. */
  readonly thinking: boolean;
  /** How long the model thought, when it was seen thinking here. */
  readonly seconds?: number;
}

/**
 * The model's thought process above its answer: a disclosure button ("Thinking…",
 * then "Thought for N s", or "Thought process" from the history) and the text, plain (`pre-wrap`),
 * so a streamed piece is a text update, never a markdown parse. The blank lines and spaces a
 * model often starts with are dropped: under `pre-wrap` they would show as an empty first line.
 */
export function renderReasoning(view: ReasoningView, ui: UiConfig) {
  const label = view.thinking
    ? ui.strings.thinking
    : view.seconds !== undefined
      ? format(ui.strings.thoughtFor, {seconds: String(view.seconds)})
      : ui.strings.reasoning;
  const text = view.text.trimStart();
  // Nothing around the text in its element either: under pre-wrap, white space there would show.
  return html`<div part="reasoning" class="disclosure-block reasoning">
    ${disclosureButton(view, label)}
    <div id=${view.id} class="disclosure-body reasoning-text" ?hidden=${!view.open}>${text}</div>
  </div>`;
}
