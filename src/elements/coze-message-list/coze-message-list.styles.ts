// Over 400 lines on purpose: the transcript's one stylesheet (bubbles, markdown, code, tables,
// actions, notices), in the order the reader meets them.
import {css} from 'lit';
import {quoteText} from '../shared/quote.styles.js';
import {column, scrolling} from '../shared/scroll-column.styles.js';

export const styles = css`
  ${column}
  :host {
    /* Over the bot's background picture (see background.ts): dims it enough for any text on it. */
    --_scrim: var(--coze-color-scrim, color-mix(in srgb, var(--_bg) 88%, transparent));
    /* Code blocks: dark on light themes, a step darker than the panel on dark ones. */
    --_code-bg: var(--coze-color-code-background, #1f2128);
    --_code-header: var(--coze-color-code-header, #2a2d36);
    --_code-border: var(--coze-color-code-border, transparent);
    --_code-text: var(--coze-color-code-text, #e6e7ec);
    --_code-muted: #a0a4b4;
    --_code-keyword: #c792ea;
    --_code-string: #a5d68a;
    --_code-number: #f5a86a;
    --_code-title: #82aaff;
    --_code-attr: #7fd5e0;
  }

  .scroller {
    ${scrolling}
    gap: var(--_space);
  }

  /* Block flow, not a flex column: a row added at the end lays out alone, where a flex
     container lays every row out again (the per-turn cost grew with the transcript).
     No sibling combinator (+ or ~) or nth-child in this sheet may match a row: with one, each
     row inserted restyled every row laid out. A row added at the end leaves :first-child as it was.
     Rows sit in chunks (see coze-message-list.ts); a chunk has no margin of its own, so a row
     is spaced the same at a chunk's start as inside it. */
  .chunk > *,
  .transcript > .row {
    margin-block-start: var(--_space);
  }
  .transcript > :first-child > :first-child {
    margin-block-start: 0;
  }
  /* Ten rows of about 5em until a chunk has been seen (then the size it had). */
  .far {
    content-visibility: auto;
    contain-intrinsic-size: auto 50em;
  }

  /* A new message rises into place; nothing moves under prefers-reduced-motion. */
  @media (prefers-reduced-motion: no-preference) {
    .chunk > :last-child,
    .transcript > .row {
      animation: coze-message-in 0.22s ease-out;
    }
  }
  @keyframes coze-message-in {
    from {
      transform: translateY(0.6em);
    }
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
  .monogram {
    display: grid;
    place-items: center;
    box-sizing: border-box;
    background: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
    color: var(--_accent);
    font-weight: 600;
    font-size: 0.9em;
    line-height: 1;
  }

  [part~='nickname'] {
    font-size: 0.8em;
    color: var(--_muted);
  }

  /* Long answers read at 15 px or more (more when the reader's browser font is larger:
     rem follows it), never smaller than the widget's own size. */
  [part~='bubble'] {
    padding: 0.6em 0.85em;
    border-radius: var(--_radius);
    background: var(--_assistant-bubble);
    overflow-wrap: break-word;
    font-size: max(1em, 0.9375rem);
    line-height: 1.6;
    min-width: 0;
    max-width: 100%;
  }

  [data-role='user'] [part~='bubble'] {
    background: var(--_user-bubble);
    color: var(--_user-text);
    white-space: pre-wrap;
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
    padding-inline-start: 1.6em;
  }
  .md ul {
    list-style: disc;
  }
  .md ol {
    list-style: decimal;
  }
  .md :is(ul, ol) ul {
    list-style: circle;
  }
  .md :is(ul, ol) :is(ul, ol) {
    margin: 0.2em 0;
  }
  .md li {
    margin-top: 0.2em;
  }
  .md li:first-child {
    margin-top: 0;
  }
  .md li::marker {
    color: var(--_muted);
  }
  .md code {
    font-family: var(--_mono);
    font-size: 0.9em;
    background: color-mix(in srgb, var(--_text) 8%, transparent);
    padding: 0.1em 0.3em;
    border-radius: 0.3em;
  }
  /* Code blocks: a header (language, Copy) over the code, on a surface of their own. */
  .md .code-block {
    margin: 0.75em 0;
    border-radius: 0.6em;
    overflow: hidden;
    background: var(--_code-bg);
    color: var(--_code-text);
    border: 1px solid var(--_code-border);
    text-align: left;
  }
  .md .code-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    padding: 0.2em 0.3em 0.2em 0.85em;
    background: var(--_code-header);
    color: var(--_code-muted);
    font-size: 0.8em;
  }
  .md .code-language {
    font-family: var(--_mono);
    text-transform: lowercase;
  }
  .md .copy-code {
    border: 0;
    background: none;
    color: inherit;
    padding: 0.3em 0.6em;
    border-radius: 0.4em;
    cursor: pointer;
    min-height: 2em;
  }
  .md .copy-code:hover,
  .md .copy-code.copied {
    background: color-mix(in srgb, var(--_code-text) 12%, transparent);
    color: var(--_code-text);
  }
  .md pre {
    margin: 0;
    padding: 0.75em 0.85em;
    overflow-x: auto;
    line-height: 1.5;
    font-size: 0.9em;
    tab-size: 4;
    white-space: pre;
    overflow-wrap: normal;
  }
  .md pre:focus-visible {
    outline-offset: -2px;
  }
  .md pre code {
    background: none;
    padding: 0;
    font-size: 1em;
    color: inherit;
  }
  .md .hljs-comment,
  .md .hljs-quote {
    color: var(--_code-muted);
    font-style: italic;
  }
  .md
    :is(.hljs-keyword, .hljs-selector-tag, .hljs-literal, .hljs-doctag, .hljs-section, .hljs-name) {
    color: var(--_code-keyword);
  }
  .md :is(.hljs-string, .hljs-regexp, .hljs-addition, .hljs-attribute, .hljs-template-tag) {
    color: var(--_code-string);
  }
  .md
    :is(
      .hljs-number,
      .hljs-symbol,
      .hljs-bullet,
      .hljs-variable,
      .hljs-template-variable,
      .hljs-link
    ) {
    color: var(--_code-number);
  }
  .md
    :is(
      .hljs-title,
      .hljs-title.function_,
      .hljs-type,
      .hljs-built_in,
      .hljs-class,
      .hljs-selector-id
    ) {
    color: var(--_code-title);
  }
  .md :is(.hljs-attr, .hljs-params, .hljs-meta, .hljs-selector-class, .hljs-property) {
    color: var(--_code-attr);
  }
  .md .hljs-deletion {
    color: var(--_danger);
  }
  .md .hljs-emphasis {
    font-style: italic;
  }
  .md .hljs-strong {
    font-weight: 600;
  }

  /* Tables scroll in their own box; words stay whole. */
  .md .table-scroll {
    margin: 0.75em 0;
    overflow-x: auto;
    max-width: 100%;
    border: 1px solid var(--_border);
    border-radius: 0.5em;
  }
  .md .table-scroll:focus-visible {
    outline-offset: 0;
  }
  .md table {
    border-collapse: collapse;
    min-width: 100%;
    margin: 0;
    font-size: 0.95em;
    overflow-wrap: normal;
    word-break: normal;
  }
  .md :is(th, td) {
    border-bottom: 1px solid var(--_border);
    padding: 0.45em 0.75em;
    text-align: start;
    vertical-align: top;
  }
  .md :is(th, td) + :is(th, td) {
    border-inline-start: 1px solid var(--_border);
  }
  .md tr:last-child > td {
    border-bottom: 0;
  }
  .md th {
    background: color-mix(in srgb, var(--_text) 5%, var(--_bg));
    font-weight: 600;
    white-space: nowrap;
  }
  .md td {
    min-width: 4em;
  }
  .md .align-left {
    text-align: left;
  }
  .md .align-center {
    text-align: center;
  }
  .md .align-right {
    text-align: right;
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
    height: auto;
    min-height: 3em;
    min-width: 3em;
    border-radius: 0.5em;
    vertical-align: middle;
    background: color-mix(in srgb, var(--_text) 6%, transparent);
  }
  .md img:not(.failed) {
    cursor: zoom-in;
  }

  .md img.failed[alt=''] {
    display: none;
  }
  .md .image-placeholder {
    font: inherit;
    font-size: 0.9em;
    color: inherit;
    padding: 0.5em 0.8em;
    min-height: 2.75em;
    border: 1px dashed var(--_border);
    border-radius: 0.5em;
    background: color-mix(in srgb, var(--_text) 4%, transparent);
    cursor: pointer;
    overflow-wrap: anywhere;
    text-align: start;
  }
  .md .image-placeholder:hover {
    background: color-mix(in srgb, var(--_text) 9%, transparent);
  }
  .md hr {
    border: 0;
    border-top: 1px solid var(--_border);
    margin: 1em 0;
  }
  .md :is(h1, h2, h3, h4) {
    margin-top: 1em;
    font-weight: 650;
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

  /* A tinted notice under the message it is about, on the same side. */
  [part~='error'] {
    color: var(--_text);
    background: color-mix(in srgb, var(--_danger) 10%, var(--_bg));
    border: 1px solid color-mix(in srgb, var(--_danger) 35%, transparent);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.45em 0.75em;
    font-size: 0.875em;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  [part~='error']::before {
    content: '!';
    display: inline-grid;
    place-items: center;
    width: 1.2em;
    height: 1.2em;
    border-radius: 50%;
    background: var(--_danger);
    color: var(--_bg);
    font-weight: 700;
    font-size: 0.85em;
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

  /* An answer's image, full size over the page. */
  .lightbox {
    border: none;
    padding: 0;
    background: transparent;
    max-width: 96vw;
    max-height: 96vh;
    overflow: visible;
  }
  .lightbox[open] {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.75em;
  }
  .lightbox::backdrop {
    background: rgb(0 0 0 / 0.82);
  }
  .lightbox img {
    display: block;
    max-width: 96vw;
    max-height: calc(96vh - 4em);
    object-fit: contain;
    border-radius: 0.5em;
    background: var(--_bg);
  }
  .lightbox-bar {
    display: flex;
    gap: 0.75em;
    align-items: center;
  }
  .lightbox-bar a,
  .lightbox-bar button {
    font: inherit;
    color: #fff;
    background: rgb(255 255 255 / 0.14);
    border: 1px solid rgb(255 255 255 / 0.3);
    border-radius: 999px;
    padding: 0.45em 1em;
    min-height: 2.75em;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    cursor: pointer;
    text-decoration: none;
  }
  .lightbox-bar :focus-visible {
    outline: 2px solid #fff;
    outline-offset: 2px;
  }

  /* The welcome screen: who the bot is, what it says first, what to ask it. */
  .empty {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5em;
    margin: auto 0;
    padding: 1.5em 0.5em;
    text-align: center;
  }

  .empty > [part~='avatar'] {
    width: 3.5em;
    height: 3.5em;
    border-radius: 1em;
    font-size: 1.25em;
  }

  .welcome-name {
    margin: 0.25em 0 0;
    font-size: 1.15em;
    font-weight: 600;
  }

  .welcome-description {
    margin: 0;
    max-width: 30em;
    color: var(--_muted);
  }

  .prologue {
    white-space: pre-wrap;
    max-width: 30em;
    margin-top: 0.5em;
    text-align: start;
  }

  .empty .suggestions {
    flex-direction: column;
    align-self: stretch;
    gap: 0.5em;
    margin-top: 0.75em;
  }

  .empty .chip {
    width: 100%;
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.7em 0.9em;
    text-align: start;
  }

  /* Consecutive messages of one sender are a group: one name and picture, closer together. */
  .continued [part~='avatar'] {
    visibility: hidden;
  }
  .chunk > .continued {
    margin-block-start: 0.35em;
  }
  .continued > .body > :first-child {
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
  ${quoteText}
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
    /* Opened, it scrolls into view above the jump-to-latest button (44 px on touch screens). */
    scroll-margin-block-end: 4.5em;
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
