import {CozeEvent} from './coze-event.js';

export interface CozeUnreadChangeDetail {
  /** Answers that arrived while the panel was closed (also `unread` on the chat). */
  readonly unread: number;
}

/** Fired when the count of answers that arrived while the panel was closed changes. */
export class CozeUnreadChangeEvent extends CozeEvent<CozeUnreadChangeDetail> {
  static override readonly eventName = 'coze-unread-change';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'coze-unread-change': CozeUnreadChangeEvent;
  }
}
