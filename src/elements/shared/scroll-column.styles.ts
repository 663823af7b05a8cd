import {css, unsafeCSS} from 'lit';

/** The host of a part that fills the panel's height as a column: the transcript, the conversation list. */
export const column = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: var(--_bg);
  }
`;

/**
 * The declarations of the box inside it that scrolls (each part adds its gap). A string, not
 * css``: the build minifies each css`` as a stylesheet, and a list of declarations is not one.
 */
export const scrolling = unsafeCSS(
  'flex:1;min-height:0;overflow-y:auto;overscroll-behavior:contain;' +
    'padding:var(--_space);display:flex;flex-direction:column;'
);
