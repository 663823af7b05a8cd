import {css} from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    --_size: var(--coze-launcher-size, 3.5em);
  }

  button {
    position: relative;
    width: var(--_size);
    height: var(--_size);
    border-radius: 50%;
    border: none;
    padding: 0;
    cursor: pointer;
    display: grid;
    place-items: center;
    background: var(--_accent);
    color: var(--_accent-text);
    box-shadow: 0 0.25em 1em rgb(0 0 0 / 0.2);
    transition: transform 0.15s ease;
  }

  button:hover {
    transform: scale(1.05);
  }

  img {
    width: 100%;
    height: 100%;
    border-radius: 50%;
    object-fit: cover;
  }

  .monogram {
    display: contents;
  }

  svg {
    width: 45%;
    height: 45%;
  }

  .badge {
    position: absolute;
    top: -0.2em;
    right: -0.2em;
    min-width: 1.4em;
    height: 1.4em;
    padding: 0 0.35em;
    box-sizing: border-box;
    border-radius: 0.7em;
    background: var(--_danger);
    color: #fff;
    font-size: 0.75em;
    line-height: 1.4em;
    text-align: center;
  }

  @media (prefers-reduced-motion: reduce) {
    button {
      transition: none;
    }
  }
`;
