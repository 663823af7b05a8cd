import {CozeEvent} from './coze-event.js';

/** Fired when the count of answers that arrived while the panel was closed changes (read `unread` on the chat). */
export class CozeUnreadChangeEvent extends CozeEvent {
  static readonly eventName = 'coze-unread-change';
  constructor() {
    super(CozeUnreadChangeEvent.eventName, null);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'coze-unread-change': CozeUnreadChangeEvent;
  }
}
