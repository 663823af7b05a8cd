import {CozeEvent} from './coze-event.js';

export interface CozeConversationChangeDetail {
  /** The conversation now shown. */
  readonly conversationId: string;
}

/** Fired when the widget starts showing another conversation (first load, new, or switched). */
export class CozeConversationChangeEvent extends CozeEvent<CozeConversationChangeDetail> {
  static readonly eventName = 'coze-conversation-change';
  constructor(detail: CozeConversationChangeDetail) {
    super(CozeConversationChangeEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'coze-conversation-change': CozeConversationChangeEvent;
  }
}
