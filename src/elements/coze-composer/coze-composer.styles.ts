import {css} from 'lit';
import {quoteText} from '../shared/quote.styles.js';

export const styles = css`
  :host {
    display: block;
    background: var(--_bg);
  }

  [hidden] {
    display: none !important;
  }

  form {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    margin: 0;
    padding: 0.6em var(--_space);
    border-top: 1px solid var(--_border);
  }

  .row {
    display: flex;
    align-items: flex-end;
    gap: 0.4em;
  }

  textarea {
    flex: 1;
    min-width: 0;
    resize: none;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid transparent;
    border-radius: var(--_radius);
    padding: 0.55em 0.75em;
    line-height: 1.4;
    max-height: 9.5em;
    field-sizing: content;
    min-height: 2.6em;
    box-sizing: border-box;
  }

  /* Voice mode: one wide button in place of the text input. */
  .speak {
    flex: 1;
    min-width: 0;
    min-height: 2.6em;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-weight: 600;
  }

  .speak.recording {
    background: var(--_danger);
    color: var(--_bg);
  }

  .speak:disabled {
    opacity: 0.6;
  }

  textarea:focus-visible {
    outline: none;
    border-color: var(--_focus);
  }

  button {
    flex: none;
    border: none;
    cursor: pointer;
    background: transparent;
  }

  button:disabled {
    cursor: not-allowed;
  }

  .primary,
  .tool {
    width: 2.6em;
    height: 2.6em;
    border-radius: 50%;
    display: inline-grid;
    place-items: center;
  }

  .primary {
    background: var(--_accent);
    color: var(--_accent-text);
  }

  .primary:disabled {
    background: var(--_surface);
    color: var(--_muted);
  }

  [part~='stop-button'] {
    background: var(--_text);
    color: var(--_bg);
  }

  .tool {
    color: var(--_muted);
  }

  .tool:hover:not(:disabled) {
    background: var(--_surface);
    color: var(--_text);
  }

  .tool:disabled {
    opacity: 0.5;
  }

  .tool.recording {
    background: var(--_danger);
    /* The panel's colour: white on the light theme's red, dark on the dark theme's pink. */
    color: var(--_bg);
  }

  .text-button {
    padding: 0.2em 0.5em;
    border-radius: 0.4em;
    color: var(--_accent);
    font-size: 0.875em;
  }

  .text-button:hover {
    background: var(--_surface);
  }

  .remove {
    width: 1.6em;
    height: 1.6em;
    display: inline-grid;
    place-items: center;
    border-radius: 50%;
    color: var(--_muted);
    font-size: 0.8em;
  }

  .remove:hover {
    background: var(--_border);
    color: var(--_text);
  }

  /* Quote */
  .quote {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
    padding: 0.4em 0.4em 0.4em 0.7em;
    border-left: 0.2em solid var(--_accent);
    border-radius: 0.4em;
    background: var(--_surface);
    color: var(--_muted);
    font-size: 0.875em;
  }

  ${quoteText}
  .quote-text {
    flex: 1;
    min-width: 0;
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .quote-image {
    max-width: 4.5em;
    max-height: 4.5em;
    border-radius: 0.3em;
    object-fit: cover;
    margin-right: auto;
  }

  /* Attachments */
  .attachments {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.4em;
    max-height: 11em;
    overflow-y: auto;
  }

  .attachment {
    position: relative;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    column-gap: 0.5em;
    row-gap: 0.3em;
    width: 12.5em;
    max-width: 100%;
    box-sizing: border-box;
    padding: 0.35em 0.35em 0.35em 0.4em;
    border: 1px solid var(--_border);
    border-radius: 0.6em;
    background: var(--_bg);
    font-size: 0.875em;
  }

  .attachment[data-status='error'] {
    border-color: var(--_danger);
  }

  .thumb {
    width: 2.4em;
    height: 2.4em;
    border-radius: 0.35em;
    object-fit: cover;
  }

  .thumb.icon {
    display: grid;
    place-items: center;
    background: var(--_surface);
    color: var(--_muted);
  }

  .meta {
    display: flex;
    flex-direction: column;
    min-width: 0;
    line-height: 1.25;
  }

  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .size {
    color: var(--_muted);
    font-size: 0.9em;
  }

  progress {
    grid-column: 1 / -1;
    width: 100%;
    height: 0.3em;
    appearance: none;
    border: none;
    border-radius: 0.15em;
    background: var(--_surface);
    accent-color: var(--_accent);
  }

  progress::-webkit-progress-bar {
    background: var(--_surface);
    border-radius: 0.15em;
  }

  progress::-webkit-progress-value {
    background: var(--_accent);
    border-radius: 0.15em;
  }

  progress::-moz-progress-bar {
    background: var(--_accent);
  }

  .attachment-error {
    grid-column: 1 / -1;
    margin: 0;
    color: var(--_danger);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }

  .notice {
    margin: 0;
    color: var(--_danger);
    font-size: 0.875em;
  }

  /* Voice */
  .recording-bar {
    display: flex;
    align-items: center;
    gap: 0.5em;
    font-size: 0.875em;
    color: var(--_text);
  }

  .recording-text {
    flex: 1;
    font-variant-numeric: tabular-nums;
  }

  .dot {
    width: 0.6em;
    height: 0.6em;
    border-radius: 50%;
    background: var(--_danger);
    animation: pulse 1.2s ease-in-out infinite;
  }

  .transcribing .dot {
    background: var(--_muted);
  }

  @keyframes pulse {
    50% {
      opacity: 0.3;
    }
  }

  /* Drag and drop */
  .drop-hint {
    position: absolute;
    inset: 0.3em;
    display: grid;
    place-items: center;
    border: 2px dashed var(--_accent);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_bg) 88%, var(--_accent));
    color: var(--_accent);
    font-weight: 600;
    pointer-events: none;
  }

  @media (prefers-reduced-motion: reduce) {
    .dot {
      animation: none;
    }
  }
`;
