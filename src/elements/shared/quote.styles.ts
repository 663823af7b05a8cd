import {css} from 'lit';

/** A quoted answer's text, in the composer's preview and above the question sent with it: three lines at most. */
export const quoteText = css`
  .quote-text {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
  }
`;
