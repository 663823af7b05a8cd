import {CozeEvent} from './coze-event.js';

export interface CozeLinkClickDetail {
  /** Where the link goes (http, https or mailto: nothing else survives sanitising). */
  readonly href: string;
  /** The link's text. */
  readonly text: string;
}

/**
 * Fired when the reader follows a link in an answer, before the browser
 * opens it (in a new tab); cancelable: `preventDefault()` keeps it from
 * opening, so the page can route it itself.
 */
export class CozeLinkClickEvent extends CozeEvent<CozeLinkClickDetail> {
  static override readonly eventName = 'coze-link-click';
  static override readonly cancelable = true;
}

export interface CozeImageClickDetail {
  /** The image's URL. */
  readonly src: string;
  /** Its alternative text ('' when the answer gave none). */
  readonly alt: string;
}

/**
 * Fired when the reader clicks an image in an answer, before it opens full
 * size in the chat's lightbox; cancelable: `preventDefault()` keeps it from
 * opening, so the page can show its own viewer.
 */
export class CozeImageClickEvent extends CozeEvent<CozeImageClickDetail> {
  static override readonly eventName = 'coze-image-click';
  static override readonly cancelable = true;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'coze-link-click': CozeLinkClickEvent;
    'coze-image-click': CozeImageClickEvent;
  }
}
