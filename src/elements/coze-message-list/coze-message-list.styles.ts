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

  /* A follow-on answer of the same reply: no second name or picture. */
  .continued [part~='avatar'] {
    visibility: hidden;
  }
  .continued [part~='nickname'] + * {
    margin-top: -0.25em;
  }

  /* What a question carried */
  .attachments {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.4em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .attachment-image {
    display: block;
    max-width: 12em;
    max-height: 12em;
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid var(--_border);
    object-fit: cover;
  }
  .file-chip {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    max-width: 16em;
    padding: 0.4em 0.7em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_bg);
    font-size: 0.875em;
  }
  .file-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }
  .file-size {
    color: var(--_muted);
    white-space: nowrap;
  }
  .quote {
    margin: 0 0 0.4em;
    padding: 0.1em 0 0.1em 0.6em;
    border-inline-start: 3px solid currentColor;
    opacity: 0.85;
    font-size: 0.875em;
    display: flex;
    gap: 0.4em;
    align-items: flex-start;
  }
  .quote-text {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
  }
  .quote-image {
    max-width: 3em;
    max-height: 3em;
    border-radius: 0.3em;
  }

  /* Reasoning and plugin calls */
  .disclosure-block {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_bg);
    font-size: 0.875em;
    min-width: 0;
    max-width: 100%;
  }
  .disclosure {
    display: flex;
    align-items: center;
    gap: 0.35em;
    width: 100%;
    padding: 0.45em 0.7em;
    border: 0;
    background: none;
    color: var(--_muted);
    cursor: pointer;
    text-align: start;
  }
  .disclosure svg {
    flex: none;
    transition: transform 0.15s ease;
  }
  .disclosure[aria-expanded='true'] svg {
    transform: rotate(90deg);
  }
  .disclosure-body {
    padding: 0 0.7em 0.6em;
    color: var(--_muted);
  }
  .reasoning-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    line-height: 1.5;
  }
  .tool-thought {
    margin: 0 0 0.5em;
  }
  .tool-section + .tool-section {
    margin-top: 0.5em;
  }
  .tool-label {
    font-weight: 600;
    font-size: 0.9em;
  }
  .tool pre {
    margin: 0.25em 0 0;
    padding: 0.5em 0.6em;
    border-radius: 0.4em;
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--_mono);
    font-size: 0.9em;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .card-note {
    margin: 0;
    color: var(--_muted);
  }

  /* Where the context was cleared */
  .divider-row {
    display: block;
  }
  [part~='divider'] {
    display: flex;
    align-items: center;
    gap: 0.75em;
    color: var(--_muted);
    font-size: 0.8em;
    text-align: center;
  }
  [part~='divider']::before,
  [part~='divider']::after {
    content: '';
    flex: 1;
    min-width: 1.5em;
    border-top: 1px solid var(--_border);
  }

  /* Actions under an answer: always there for keyboards and touch, dimmed until the row is in use. */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.15em;
    opacity: 0.55;
    transition: opacity 0.15s ease;
  }
  .row:hover .actions,
  .row:focus-within .actions {
    opacity: 1;
  }
  @media (hover: none), (max-width: 40em) {
    .actions {
      opacity: 1;
    }
  }
  .actions button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2em;
    min-height: 2em;
    padding: 0.25em;
    border: 0;
    border-radius: 0.4em;
    background: none;
    color: var(--_muted);
    cursor: pointer;
  }
  .actions button:hover {
    background: var(--_surface);
    color: var(--_text);
  }
  .actions button[aria-pressed='true'] {
    color: var(--_accent);
  }

  /* The form after "unlike" */
  .feedback-panel {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    font-size: 0.875em;
  }
  .feedback-title {
    margin: 0;
    font-weight: 600;
  }
  .feedback-tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .feedback-tag[aria-pressed='true'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_bg));
    color: var(--_accent);
  }
  .feedback-comment {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 0.5em;
    padding: 0.45em 0.6em;
    resize: vertical;
    min-height: 3.5em;
  }
  .feedback-comment[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .feedback-error {
    margin: 0;
    color: var(--_danger);
  }
  .feedback-buttons {
    display: flex;
    gap: 0.5em;
    justify-content: flex-end;
  }
  .feedback-buttons button {
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: 999px;
    padding: 0.35em 0.9em;
    cursor: pointer;
  }
  .feedback-buttons .primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .feedback-thanks {
    margin: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    .typing span {
      animation: none;
      opacity: 0.6;
    }
    .disclosure svg,
    .actions {
      transition: none;
    }
  }
`;
