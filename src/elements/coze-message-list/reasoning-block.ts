import {html} from 'lit';
import type {UiConfig} from '../../state/ui-config.js';
import {format} from '../../i18n/index.js';
import {chevronIcon} from './message-icons.js';

export interface ReasoningView {
  /** Id of the text, for `aria-controls`; unique in the list. */
  readonly id: string;
  readonly text: string;
  readonly open: boolean;
  /** Only reasoning has arrived so far. */
  readonly thinking: boolean;
  /** How long the model thought, when it was seen thinking here. */
  readonly seconds?: number;
  readonly onToggle: () => void;
}

/**
 * The model's thought process above its answer: a disclosure button ("Thinking…",
 * then "Thought for N s", or "Thought process" from the history) and the text, plain (`pre-wrap`), so a streamed piece is a text update, never a
 * markdown parse.
 */
export function renderReasoning(view: ReasoningView, ui: UiConfig) {
  return html`<div part="reasoning" class="disclosure-block reasoning">
    <button
      class="disclosure"
      type="button"
      aria-expanded=${view.open ? 'true' : 'false'}
      aria-controls=${view.id}
      @click=${view.onToggle}
    >
      ${chevronIcon}<span
        >${
          view.thinking
            ? ui.strings.thinking
            : view.seconds !== undefined
              ? format(ui.strings.thoughtFor, {seconds: String(view.seconds)})
              : ui.strings.reasoning
        }</span
      >
    </button>
    <div id=${view.id} class="disclosure-body reasoning-text" ?hidden=${!view.open}>
      ${view.text}
    </div>
  </div>`;
}
