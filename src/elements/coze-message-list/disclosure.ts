import {html} from 'lit';
import {chevronIcon} from './message-icons.js';

/** A block that opens and closes: the reasoning above an answer, a plugin call's details. */
export interface DisclosureView {
  /** Id of the body, for `aria-controls`; unique in the list. */
  readonly id: string;
  readonly open: boolean;
  readonly onToggle: () => void;
}

/** The button that opens and closes the body `view.id`: a chevron that turns, `label` and `after` it. */
export const disclosureButton = (view: DisclosureView, label: string, after?: unknown) =>
  html`<button
    class="disclosure"
    type="button"
    aria-expanded=${view.open ? 'true' : 'false'}
    aria-controls=${view.id}
    @click=${view.onToggle}
  >
    ${chevronIcon}<span>${label}</span>${after}
  </button>`;
