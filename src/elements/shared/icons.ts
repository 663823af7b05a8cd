import {svg} from 'lit';
import {icon} from './icon.js';

export {chatIcon, closeIcon} from './icon.js';

export const sendIcon = icon(svg`<path d="M5 12h13M12 5l7 7-7 7"/>`);
export const stopIcon = icon(
  svg`<rect x="7" y="7" width="10" height="10" rx="1.5" fill="currentColor"/>`
);
export const retryIcon = icon(svg`<path d="M4 12a8 8 0 1 0 2.3-5.7M4 4v4h4"/>`);
export const listIcon = icon(svg`<path d="M4 6h16M4 12h16M4 18h10"/>`);
export const plusIcon = icon(svg`<path d="M12 5v14M5 12h14"/>`);
export const broomIcon = icon(svg`<path d="M14 4 9.5 13.5M6 14h7l1 6H5l1-6ZM8 17v3M11 17v3"/>`);
export const backIcon = icon(svg`<path d="M15 6l-6 6 6 6"/>`);
