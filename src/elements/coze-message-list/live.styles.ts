import {css} from 'lit';

/** What moves in the transcript: jump-to-latest, the streaming caret, tool states. */
export const liveStyles = css`
  :host {
    position: relative;
  }

  [part~='jump-to-latest'] {
    position: absolute;
    inset-inline-end: 50%;
    translate: 50% 0;
    bottom: var(--_space);
    display: grid;
    place-items: center;
    width: 2.25em;
    height: 2.25em;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: 50%;
    background: var(--_bg);
    color: var(--_text);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
    cursor: pointer;
    z-index: 1;
  }
  [part~='jump-to-latest']:hover,
  [part~='jump-to-latest'].new {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  [part~='jump-to-latest']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  @media (pointer: coarse) {
    [part~='jump-to-latest'] {
      width: 44px;
      height: 44px;
    }
  }

  /* The end of an answer still being written: a caret that pulses. */
  [data-status='streaming'] .md > :is(p, h1, h2, h3, h4, h5, h6):last-child::after,
  [data-status='streaming'] .md > :is(ul, ol):last-child > li:last-child::after,
  [data-status='streaming'] .md > blockquote:last-child > :last-child::after {
    content: '';
    display: inline-block;
    width: 0.45em;
    height: 1.1em;
    margin-inline-start: 0.15em;
    vertical-align: text-bottom;
    border-radius: 1px;
    background: currentColor;
    opacity: 0.55;
    animation: coze-caret 1s ease-in-out infinite;
  }
  @keyframes coze-caret {
    50% {
      opacity: 0.1;
    }
  }

  /* A tool card's state beside its name: a spinner, then a dot in the accent or danger colour. */
  .tool-state {
    flex: none;
    width: 0.8em;
    height: 0.8em;
    margin-inline-start: 0.35em;
    border-radius: 50%;
  }
  [data-state='running'] .tool-state {
    border: 2px solid color-mix(in srgb, currentColor 25%, transparent);
    border-top-color: var(--_accent);
    animation: coze-spin 0.8s linear infinite;
  }
  [data-state='done'] .tool-state {
    background: var(--_accent);
    scale: 0.6;
  }
  [data-state='failed'] .tool-state {
    background: var(--_danger);
    scale: 0.6;
  }
  [data-state='failed'] .disclosure {
    color: var(--_danger);
  }
  @keyframes coze-spin {
    to {
      rotate: 1turn;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [data-status='streaming'] .md > :is(p, h1, h2, h3, h4, h5, h6):last-child::after,
    [data-status='streaming'] .md > :is(ul, ol):last-child > li:last-child::after,
    [data-status='streaming'] .md > blockquote:last-child > :last-child::after,
    [data-state='running'] .tool-state {
      animation: none;
    }
  }
`;
