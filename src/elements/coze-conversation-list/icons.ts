import {svg} from 'lit';

/** The list's icons: decorative, so hidden from assistive technology (each button has text). */
const icon = (path: ReturnType<typeof svg>) =>
  svg`<svg viewBox="0 0 24 24" width="1.1em" height="1.1em" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${path}</svg>`;

export const plusIcon = icon(svg`<path d="M12 5v14M5 12h14"/>`);
export const renameIcon = icon(svg`<path d="M4 20h4L19 9l-4-4L4 16v4ZM13.5 6.5l4 4"/>`);
export const deleteIcon = icon(svg`<path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6"/>`);
