import {css} from 'lit';

/** What moves in the transcript: rows off screen, the jump-to-latest button, the streaming caret. */
export const liveStyles = css`
  :host {
    position: relative;
  }

  /*
   * Rows off screen skip layout and paint; their last size holds their place.
   * Their text stays in the page for find-in-page and screen readers.
   */
  .transcript > li {
    content-visibility: auto;
    contain-intrinsic-size: auto 5em;
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
`;
