import {css, unsafeCSS} from 'lit';

/**
 * The dark theme's tokens: for `theme="dark"`, and for `theme="auto"` on a dark system. A string,
 * not css``: the build minifies each css`` as a stylesheet, and a list of declarations is not one.
 */
const dark = unsafeCSS(
  '--coze-color-accent:#8b8ff5;' +
    '--coze-color-accent-text:#111218;' +
    '--coze-color-background:#1d1e24;' +
    '--coze-color-surface:#2b2c34;' +
    '--coze-color-text:#ececf1;' +
    '--coze-color-muted:#a9abb8;' +
    '--coze-color-border:#3a3b45;' +
    '--coze-color-danger:#ff8a8f;' +
    '--coze-color-code-background:#131419;' +
    '--coze-color-code-header:#24252d;' +
    '--coze-color-code-border:#3a3b45;' +
    'color-scheme:dark;'
);

/** The host, its themes and the launcher's place: what shows before the panel is loaded. */
export const styles = css`
  :host {
    --_z: var(--coze-z-index, 1000);
    --_offset: var(--coze-offset, 1.875em);
    --_launcher-size: var(--coze-launcher-size, 3.5em);
    --_panel-width: var(--coze-panel-width, 460px);
    font-size: var(--coze-font-size, 14px);
    line-height: 1.4;
    display: block;
  }

  :host([hidden]) {
    display: none;
  }

  :host([theme='dark']) {
    ${dark}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }

  :host([mode='headless']) {
    display: contents;
  }

  :host([mode='inline']) {
    height: 36em;
  }

  [part~='launcher'] {
    position: fixed;
    z-index: var(--_z);
    right: var(--_offset);
    bottom: var(--_offset);
  }

  /* The other side: asked for, or mirrored in a right-to-left document. */
  :host([position='left']:dir(ltr)) [part~='launcher'],
  :host(:dir(rtl):not([position='left'])) [part~='launcher'] {
    right: auto;
    left: var(--_offset);
  }

  /* Full-screen panel: the launcher would sit on top of the composer. */
  :host([open]) [part~='launcher'].mobile {
    display: none;
  }
`;
