import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';

/** What sets one icon button apart from the next, beside its part, label, icon and click. */
export interface IconButtonOptions {
  readonly class?: string;
  readonly disabled?: boolean;
  /** `aria-pressed`, for a toggle. */
  readonly pressed?: 'true' | 'false';
  /** `aria-expanded`, for a button that shows and hides something. */
  readonly expanded?: 'true' | 'false';
}

/**
 * A button that shows only an icon: its label is its accessible name and its tooltip, so a
 * pointer user reads what a screen reader says.
 */
export const iconButton = (
  part: string,
  label: string,
  icon: unknown,
  onClick: (event: MouseEvent) => void,
  options: IconButtonOptions = {}
) =>
  html`<button
    part=${part}
    class=${ifDefined(options.class)}
    type="button"
    aria-label=${label}
    title=${label}
    aria-pressed=${ifDefined(options.pressed)}
    aria-expanded=${ifDefined(options.expanded)}
    ?disabled=${options.disabled}
    @click=${onClick}
  >
    ${icon}
  </button>`;
