import {svg} from 'lit';
import {icon as sharedIcon} from '../shared/icon.js';

/** Icons of the message actions: decorative, so hidden from assistive technology. */
const icon = (path: ReturnType<typeof svg>) => sharedIcon(path, '1.1em');

export const copyIcon = icon(
  svg`<rect x="9" y="9" width="11" height="11" rx="2"/><path d="M5 15V6a2 2 0 0 1 2-2h8"/>`
);
export const checkIcon = icon(svg`<path d="m5 12 5 5 9-10"/>`);
export const likeIcon = icon(
  svg`<path d="M7 10v10H4V10h3Zm0 0 4-7a2 2 0 0 1 3 2l-1 5h5.5a2 2 0 0 1 2 2.4l-1.3 6A2 2 0 0 1 17.2 20H7"/>`
);
export const unlikeIcon = icon(
  svg`<path d="M7 14V4H4v10h3Zm0 0 4 7a2 2 0 0 0 3-2l-1-5h5.5a2 2 0 0 0 2-2.4l-1.3-6A2 2 0 0 0 17.2 4H7"/>`
);
export const quoteIcon = icon(
  svg`<path d="M9 7H5v6h4v-6m0 6c0 2-1 3-3 4m13-10h-4v6h4V7m0 6c0 2-1 3-3 4"/>`
);
export const chevronIcon = icon(svg`<path d="m9 6 6 6-6 6"/>`);
export const fileIcon = icon(
  svg`<path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5Zm0 0v5h5"/>`
);
export const arrowDownIcon = icon(svg`<path d="M12 5v14m-6-6 6 6 6-6"/>`);
