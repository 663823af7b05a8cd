import type {ChatMessage} from '../state/types.js';
import {CozeEvent} from './coze-event.js';

export interface CozeMessageDetail {
  /** The completed assistant message. */
  readonly message: ChatMessage;
}

/** Fired when an assistant message has completed. */
export class CozeMessageEvent extends CozeEvent<CozeMessageDetail> {
  static override readonly eventName = 'coze-message';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'coze-message': CozeMessageEvent;
  }
}
