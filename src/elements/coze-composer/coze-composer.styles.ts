import {css} from 'lit';

export const styles = css`
  :host {
    display: block;
    background: var(--_bg);
  }

  form {
    display: flex;
    align-items: flex-end;
    gap: 0.5em;
    margin: 0;
    padding: 0.6em var(--_space);
    border-top: 1px solid var(--_border);
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

  textarea:focus-visible {
    outline: none;
    border-color: var(--_focus);
  }

  button {
    flex: none;
    width: 2.6em;
    height: 2.6em;
    border: none;
    border-radius: 50%;
    display: inline-grid;
    place-items: center;
    cursor: pointer;
    background: var(--_accent);
    color: var(--_accent-text);
  }

  button:disabled {
    cursor: not-allowed;
    background: var(--_surface);
    color: var(--_muted);
  }

  [part~='stop-button'] {
    background: var(--_text);
    color: var(--_bg);
  }
`;
