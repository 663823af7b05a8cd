import {css} from 'lit';
import {column, scrolling} from '../shared/scroll-column.styles.js';

export const styles = css`
  ${column}

  :host([hidden]) {
    display: none;
  }

  nav {
    ${scrolling}
    gap: 0.5em;
  }

  /* The list itself takes focus when it has nothing else to offer (read-only, nothing listed). */
  nav:focus-visible {
    outline-offset: -2px;
  }

  button {
    cursor: pointer;
    border: 1px solid transparent;
    background: none;
    border-radius: calc(var(--_radius) * 0.67);
  }

  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.6;
  }

  .new,
  .load-more {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    padding: 0.55em 0.85em;
    border-color: var(--_border);
    background: var(--_bg);
  }

  .new:hover,
  .load-more:hover {
    background: var(--_surface);
  }

  .load-more {
    align-self: center;
    margin-top: 0.25em;
  }

  .group {
    display: flex;
    flex-direction: column;
    gap: 0.15em;
  }

  h3 {
    margin: 0.6em 0 0.2em;
    padding-inline: 0.6em;
    font-size: 0.8em;
    font-weight: 600;
    color: var(--_muted);
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.15em;
  }

  .row {
    border-radius: calc(var(--_radius) * 0.67);
  }

  .row[data-current] {
    background: color-mix(in srgb, var(--_accent) 12%, var(--_bg));
  }

  .line {
    display: flex;
    align-items: center;
    gap: 0.15em;
  }

  .entry {
    flex: 1;
    min-width: 0;
    text-align: start;
    padding: 0.55em 0.6em;
  }

  .row:not([data-current]) .entry:hover {
    background: var(--_surface);
  }

  [aria-current='true'] {
    font-weight: 600;
  }

  .name {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .actions {
    display: flex;
    flex: none;
    gap: 0.1em;
    padding-inline-end: 0.2em;
  }

  .icon-button {
    display: inline-grid;
    place-items: center;
    width: 2em;
    height: 2em;
    padding: 0;
    color: var(--_muted);
  }

  .icon-button:hover {
    color: var(--_text);
    background: var(--_surface);
  }

  /* With a mouse, an entry's actions appear on hover; with the keyboard, on focus; touch shows them always. */
  @media (hover: hover) {
    .row:not(:hover, :focus-within, [data-current]) .actions {
      opacity: 0;
    }
  }

  .rename,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
    padding: 0.4em 0.6em;
  }

  .rename input {
    flex: 1 1 10em;
    min-width: 0;
    font: inherit;
    color: inherit;
    background: var(--_bg);
    padding: 0.4em 0.55em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.5);
  }

  .confirm {
    margin: 0.2em 0.2em 0.4em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.67);
    background: var(--_bg);
  }

  .confirm p {
    flex: 1 1 100%;
    margin: 0;
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }

  .form-actions {
    display: flex;
    gap: 0.4em;
    margin-inline-start: auto;
  }

  .form-actions button {
    padding: 0.35em 0.75em;
    border-color: var(--_border);
    background: var(--_bg);
  }

  .form-actions .primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }

  .form-actions .danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: #ffffff;
  }

  .note {
    margin: 0.6em;
    color: var(--_muted);
    text-align: center;
  }

  /* A list that did not load: why, and its Retry. */
  .error {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5em;
    color: var(--_text);
  }
  .retry {
    padding: 0.45em 0.85em;
    border-color: var(--_border);
    background: var(--_bg);
  }
  .retry:hover {
    background: var(--_surface);
  }

  @media (prefers-reduced-motion: no-preference) {
    .actions {
      transition: opacity 120ms ease-out;
    }
  }
`;
