import {css} from 'lit';

/** The panel: loaded with the chat session (see `chat-session.ts`). */
export const panelStyles = css`
  [part~='panel'] {
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    background: var(--_bg);
    color: var(--_text);
    overflow: hidden;
  }

  [part~='panel'][hidden] {
    display: none;
  }

  [part~='panel'] {
    position: relative;
  }

  :host([mode='inline']) [part~='panel'] {
    height: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  :host(:not([mode])) [part~='panel'],
  :host([mode='floating']) [part~='panel'] {
    position: fixed;
    z-index: calc(var(--_z) - 1);
    right: var(--_offset);
    bottom: calc(var(--_offset) + var(--_launcher-size) + 1em);
    width: min(var(--_panel-width), calc(100vw - 2 * var(--_offset)));
    height: min(44em, calc(100vh - 3 * var(--_offset) - var(--_launcher-size)));
    border-radius: var(--_radius);
    box-shadow: 0 0.5em 2.5em rgb(0 0 0 / 0.18);
    border: 1px solid var(--_border);
  }

  :host(:not([mode])) [part~='panel'].mobile,
  :host([mode='floating']) [part~='panel'].mobile {
    inset: 0;
    width: 100%;
    height: 100%;
    border-radius: 0;
    border: none;
  }

  .floating-close {
    position: absolute;
    top: 0.4em;
    right: 0.4em;
    z-index: 1;
  }

  /* Without a header, the conversation list still has a way in. */
  .floating-start {
    position: absolute;
    top: 0.4em;
    inset-inline-start: 0.4em;
    z-index: 1;
  }

  .floating-start [part~='conversations-button'] {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 50%;
  }

  [part~='header'] {
    display: flex;
    align-items: center;
    gap: 0.6em;
    padding: 0.6em var(--_space);
    border-bottom: 1px solid var(--_border);
    min-height: 2.5em;
  }

  [part~='icon'] {
    width: 2em;
    height: 2em;
    border-radius: 0.5em;
    object-fit: cover;
  }

  .monogram {
    display: grid;
    place-items: center;
    flex: none;
    background: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
    color: var(--_accent);
    font-weight: 600;
  }

  [part~='title'] {
    flex: 1;
    margin: 0;
    font-size: 1.05em;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .header-button,
  [part~='close-button'] {
    border: none;
    background: none;
    width: 2.2em;
    height: 2.2em;
    border-radius: 0.5em;
    display: grid;
    place-items: center;
    cursor: pointer;
    color: var(--_muted);
  }

  .header-button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }

  .header-button:hover:not(:disabled),
  [part~='close-button']:hover {
    background: var(--_surface);
    color: var(--_text);
  }

  coze-message-list,
  coze-conversation-list {
    flex: 1;
    min-height: 0;
  }

  [hidden] {
    display: none !important;
  }

  [part~='footer'] a {
    color: inherit;
  }

  [part~='footer'] {
    padding: 0.4em var(--_space) 0.6em;
    font-size: 0.75em;
    color: var(--_muted);
    text-align: center;
  }
`;
