import {css} from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: var(--_bg);
  }

  .scroller {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: var(--_space);
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  .row {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    max-width: 100%;
  }

  [data-role='user'] {
    flex-direction: row-reverse;
  }

  .body {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
    max-width: 85%;
  }

  [data-role='user'] .body {
    align-items: flex-end;
  }

  [part~='avatar'] {
    width: 2em;
    height: 2em;
    border-radius: 50%;
    flex: none;
    object-fit: cover;
    background: var(--_surface);
  }

  [part~='nickname'] {
    font-size: 0.8em;
    color: var(--_muted);
  }

  [part~='bubble'] {
    padding: 0.6em 0.85em;
    border-radius: var(--_radius);
    background: var(--_assistant-bubble);
    overflow-wrap: anywhere;
    line-height: 1.5;
    min-width: 0;
    max-width: 100%;
  }

  [data-role='user'] [part~='bubble'] {
    background: var(--_user-bubble);
    color: var(--_user-text);
    white-space: pre-wrap;
  }

  [data-status='error'] [part~='bubble'] {
    outline: 1px dashed var(--_danger);
    outline-offset: 2px;
  }

  .md > :first-child {
    margin-top: 0;
  }
  .md > :last-child {
    margin-bottom: 0;
  }
  .md :is(p, ul, ol, pre, table, blockquote, h1, h2, h3, h4, h5, h6) {
    margin: 0.6em 0;
  }
  .md :is(h1, h2, h3, h4, h5, h6) {
    line-height: 1.3;
  }
  .md h1 {
    font-size: 1.3em;
  }
  .md h2 {
    font-size: 1.2em;
  }
  .md h3 {
    font-size: 1.1em;
  }
  .md :is(ul, ol) {
    padding-inline-start: 1.4em;
  }
  .md code {
    font-family: var(--_mono);
    font-size: 0.9em;
    background: color-mix(in srgb, var(--_text) 8%, transparent);
    padding: 0.1em 0.3em;
    border-radius: 0.3em;
  }
  .md pre {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
    padding: 0.75em;
    border-radius: 0.5em;
    overflow-x: auto;
  }
  .md pre code {
    background: none;
    padding: 0;
  }
  .md table {
    border-collapse: collapse;
    display: block;
    overflow-x: auto;
  }
  .md :is(th, td) {
    border: 1px solid var(--_border);
    padding: 0.3em 0.6em;
  }
  .md blockquote {
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: 0.75em;
    color: var(--_muted);
  }
  .md a {
    color: var(--_accent);
  }
  .md img {
    max-width: 100%;
  }

  .typing {
    display: inline-flex;
    gap: 0.25em;
    padding: 0.3em 0;
  }
  .typing span {
    width: 0.45em;
    height: 0.45em;
    border-radius: 50%;
    background: var(--_muted);
    animation: blink 1.2s infinite ease-in-out;
  }
  .typing span:nth-child(2) {
    animation-delay: 0.2s;
  }
  .typing span:nth-child(3) {
    animation-delay: 0.4s;
  }
  @keyframes blink {
    0%,
    80%,
    100% {
      opacity: 0.25;
    }
    40% {
      opacity: 1;
    }
  }

  [part~='error'] {
    color: var(--_danger);
    font-size: 0.875em;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }

  .status-note {
    font-size: 0.8em;
    color: var(--_muted);
  }

  .chip,
  [part~='retry-button'],
  [part~='load-older'] {
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: 999px;
    padding: 0.35em 0.85em;
    cursor: pointer;
    text-align: start;
  }
  .chip:hover,
  [part~='retry-button']:hover,
  [part~='load-older']:hover {
    border-color: var(--_accent);
    color: var(--_accent);
  }

  [part~='load-older'] {
    align-self: center;
    font-size: 0.875em;
  }

  .suggestions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .empty {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    align-items: flex-start;
  }

  .prologue {
    white-space: pre-wrap;
  }

  @media (prefers-reduced-motion: reduce) {
    .typing span {
      animation: none;
      opacity: 0.6;
    }
  }
`;
