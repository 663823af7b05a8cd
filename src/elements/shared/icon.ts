import {svg} from 'lit';

/**
 * Inline icons: decorative, so hidden from assistive technology. The launcher's two are here,
 * the rest in `icons.ts`; the message actions' and the conversation list's are a size smaller.
 */
export const icon = (path: ReturnType<typeof svg>, size = '1.25em') =>
  svg`<svg viewBox="0 0 24 24" width=${size} height=${size} aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${path}</svg>`;

export const chatIcon = icon(
  svg`<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.6A8 8 0 1 1 21 12Z"/>`
);
export const closeIcon = icon(svg`<path d="M6 6l12 12M18 6 6 18"/>`);
