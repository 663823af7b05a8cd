import {css} from 'lit';

/** The shortcut buttons, the `/` menu and a command's form. */
export const shortcutStyles = css`
  .shortcuts {
    display: flex;
    gap: 0.4em;
    overflow-x: auto;
    scrollbar-width: thin;
    padding-bottom: 0.1em;
  }

  .shortcut {
    flex: none;
    font: inherit;
    font-size: 0.85em;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0.3em 0.8em;
    white-space: nowrap;
  }

  .shortcut:hover:not(:disabled),
  .shortcut[aria-expanded='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
  }

  .shortcut:disabled {
    opacity: 0.55;
  }

  .shortcut-menu {
    list-style: none;
    margin: 0;
    padding: 0.25em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    max-height: 12em;
    overflow-y: auto;
  }

  .shortcut-menu li {
    display: flex;
    gap: 0.6em;
    align-items: baseline;
    padding: 0.4em 0.6em;
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }

  .shortcut-menu li[aria-selected='true'] {
    background: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
  }

  .command {
    font-family: var(--_mono);
    font-size: 0.85em;
    color: var(--_muted);
  }

  .shortcut-menu .command {
    color: var(--_text);
    font-weight: 600;
  }

  .about,
  .hint {
    color: var(--_muted);
    font-size: 0.85em;
    margin: 0;
  }

  .hint.error {
    color: var(--_danger);
  }

  form.shortcut-form {
    gap: 0.55em;
    background: var(--_surface);
  }

  .shortcut-head {
    display: flex;
    align-items: baseline;
    gap: 0.6em;
  }

  .shortcut-head h3 {
    margin: 0;
    font-size: 0.95em;
  }

  .shortcut-head .remove {
    margin-inline-start: auto;
    align-self: center;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
  }

  .field label {
    font-size: 0.85em;
    font-weight: 600;
  }

  .field input,
  .field select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.4em 0.6em;
  }

  .field input[type='file'] {
    padding: 0.3em;
  }

  .field input:focus-visible,
  .field select:focus-visible {
    outline: none;
    border-color: var(--_focus);
  }

  .shortcut-actions {
    display: flex;
    justify-content: flex-end;
  }

  .run {
    font: inherit;
    color: var(--_accent-text);
    background: var(--_accent);
    border-radius: 999px;
    padding: 0.35em 1.1em;
  }

  .run:disabled {
    opacity: 0.55;
  }
`;
