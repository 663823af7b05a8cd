import type {ChatMessage} from '../state/types.js';
import {CozeEvent} from './coze-event.js';

export interface CozeMessageDetail {
  /** The completed assistant message. */
  readonly message: ChatMessage;
}

/** Fired when an assistant message has completed. */
export class CozeMessageEvent extends CozeEvent<CozeMessageDetail> {
  static readonly eventName = 'coze-message';
  constructor(detail: CozeMessageDetail) {
    super(CozeMessageEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'coze-message': CozeMessageEvent;
  }
}
