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

  :host([position='left']:dir(ltr)) [part~='panel'].pc,
  :host(:dir(rtl):not([position='left'])) [part~='panel'].pc {
    right: auto;
    left: var(--_offset);
  }

  /* The panel grows out of the launcher's corner and fades in; the phone sheet only fades.
     Nothing moves under prefers-reduced-motion. */
  @media (prefers-reduced-motion: no-preference) {
    :host(:not([mode])) [part~='panel'],
    :host([mode='floating']) [part~='panel'] {
      animation: coze-panel-in 0.2s cubic-bezier(0.2, 0.8, 0.3, 1);
      transform-origin: bottom right;
    }
    :host([position='left']:dir(ltr)) [part~='panel'],
    :host(:dir(rtl):not([position='left'])) [part~='panel'] {
      transform-origin: bottom left;
    }
    :host [part~='panel'].mobile.mobile {
      animation-name: coze-fade-in;
    }
  }
  @keyframes coze-panel-in {
    from {
      opacity: 0;
      transform: scale(0.9);
    }
  }
  @keyframes coze-fade-in {
    from {
      opacity: 0;
    }
  }

  /* The phone sheet: the visual viewport (what the keyboard leaves), clear of notches and the home bar. */
  :host(:not([mode])) [part~='panel'].mobile,
  :host([mode='floating']) [part~='panel'].mobile {
    inset: var(--_vv-top, 0) 0 auto 0;
    width: 100%;
    height: 100vh;
    height: var(--_vv-height, 100dvh);
    border-radius: 0;
    border: none;
    padding: env(safe-area-inset-top, 0) env(safe-area-inset-right, 0)
      env(safe-area-inset-bottom, 0) env(safe-area-inset-left, 0);
    overscroll-behavior: contain;
  }

  /* Send points the way the text runs. */
  [dir='rtl'] coze-composer::part(send-button) {
    transform: scaleX(-1);
  }

  /* iOS zooms into a field whose text is under 16 px. */
  .mobile coze-composer::part(input) {
    font-size: max(16px, 1em);
  }

  /* Finger-sized targets (44 px) on phones and under coarse pointers. */
  .touch :is(.header-button, [part~='close-button']),
  .touch coze-composer::part(send-button),
  .touch coze-composer::part(stop-button),
  .touch coze-composer::part(upload-button),
  .touch coze-composer::part(audio-button),
  .touch coze-composer::part(cancel-recording-button),
  .touch coze-composer::part(remove-button),
  .touch coze-message-list::part(copy-button),
  .touch coze-message-list::part(quote-button),
  .touch coze-message-list::part(like-button),
  .touch coze-message-list::part(unlike-button),
  .touch coze-message-list::part(copy-code-button),
  .touch coze-message-list::part(jump-to-latest) {
    min-width: 44px;
    min-height: 44px;
  }

  .touch coze-message-list::part(follow-up),
  .touch coze-message-list::part(retry-button),
  .touch coze-message-list::part(load-older),
  .touch coze-conversation-list::part(conversation) {
    min-height: 44px;
  }

  .floating-close {
    position: absolute;
    top: 0.4em;
    inset-inline-end: 0.4em;
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

  /* The 44 px buttons carry their own space: the bot's name keeps the room on a phone. */
  .touch [part~='header'] {
    gap: 0.2em;
    padding-inline: 0.5em;
  }
  .touch [part~='icon'] + [part~='title'] {
    margin-inline-start: 0.4em;
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
    /* The page's text takes its own direction: an English footer on a right-to-left page
       ends with its full stop on the right (dir="auto" would resolve through the slot to
       the host's direction). */
    unicode-bidi: plaintext;
  }
`;
