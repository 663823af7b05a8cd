import {CozeEvent} from './coze-event.js';

export interface CozeConversationChangeDetail {
  /** The conversation now shown. */
  readonly conversationId: string;
}

/** Fired when the widget starts showing another conversation (first load, new, or switched). */
export class CozeConversationChangeEvent extends CozeEvent<CozeConversationChangeDetail> {
  static override readonly eventName = 'coze-conversation-change';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'coze-conversation-change': CozeConversationChangeEvent;
  }
}
