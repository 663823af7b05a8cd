import {html} from 'lit';
import type {UiConfig} from '../../state/ui-config.js';
import {chevronIcon} from './message-icons.js';

export interface ReasoningView {
  /** Id of the text, for `aria-controls`; unique in the list. */
  readonly id: string;
  readonly text: string;
  readonly open: boolean;
  /** Only reasoning has arrived so far. */
  readonly thinking: boolean;
  readonly onToggle: () => void;
}

/**
 * The model's thought process above its answer: a disclosure button and the
 * text, plain (`pre-wrap`), so a streamed piece is a text update, never a
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
      ${chevronIcon}<span>${view.thinking ? ui.strings.thinking : ui.strings.reasoning}</span>
    </button>
    <div id=${view.id} class="disclosure-body reasoning-text" ?hidden=${!view.open}>
      ${view.text}
    </div>
  </div>`;
}
