import {css} from 'lit';

/**
 * Design tokens. Public knobs are `--coze-*` custom properties (set them on
 * `coze-chat` or any ancestor); each element reads them through private
 * `--_*` aliases with the light theme as fallback, so a part used on its own
 * looks right too. Sizes are in `em` so the host page's root font size
 * cannot shrink the widget.
 */
export const tokens = css`
  :host {
    --_accent: var(--coze-color-accent, #4d53e8);
    --_accent-text: var(--coze-color-accent-text, #ffffff);
    --_bg: var(--coze-color-background, #ffffff);
    --_surface: var(--coze-color-surface, #f4f4f6);
    --_text: var(--coze-color-text, #1c1d23);
    --_muted: var(--coze-color-muted, #5b5e6b);
    --_border: var(--coze-color-border, #dcdde3);
    --_user-bubble: var(--coze-color-user-bubble, var(--_accent));
    --_user-text: var(--coze-color-user-text, var(--_accent-text));
    --_assistant-bubble: var(--coze-color-assistant-bubble, var(--_surface));
    --_danger: var(--coze-color-danger, #c4262e);
    --_focus: var(--coze-color-focus, var(--_accent));
    --_radius: var(--coze-radius, 0.75em);
    --_font: var(
      --coze-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      'PingFang SC',
      'Microsoft YaHei',
      sans-serif
    );
    --_mono: var(--coze-font-family-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    --_space: var(--coze-spacing, 0.75em);
    font-family: var(--_font);
    color: var(--_text);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  button {
    font: inherit;
    color: inherit;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;
