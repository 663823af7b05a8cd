import {svg} from 'lit';
import {icon as sharedIcon} from '../shared/icon.js';

/** The list's icons: decorative, so hidden from assistive technology (each button has text). */
const icon = (path: ReturnType<typeof svg>) => sharedIcon(path, '1.1em');

export const plusIcon = icon(svg`<path d="M12 5v14M5 12h14"/>`);
export const renameIcon = icon(svg`<path d="M4 20h4L19 9l-4-4L4 16v4ZM13.5 6.5l4 4"/>`);
export const deleteIcon = icon(svg`<path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6"/>`);
