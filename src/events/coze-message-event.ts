import type {ChatMessage} from '../state/types.js';

export interface CozeMessageDetail {
  /** The completed assistant message. */
  readonly message: ChatMessage;
}

/** Fired when an assistant message has completed. */
export class CozeMessageEvent extends CustomEvent<CozeMessageDetail> {
  static readonly eventName = 'coze-message';
  constructor(detail: CozeMessageDetail) {
    super(CozeMessageEvent.eventName, {bubbles: true, composed: true, detail});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'coze-message': CozeMessageEvent;
  }
}
