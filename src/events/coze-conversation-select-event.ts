import {CozeEvent} from './coze-event.js';

export interface CozeConversationSelectDetail {
  /** The conversation the reader chose (or the one just created for them). */
  readonly conversationId: string;
}

/**
 * Fired by `<coze-conversation-list>` when the reader opens a conversation
 * from the list or starts a new one there, so the chat can show it.
 */
export class CozeConversationSelectEvent extends CozeEvent<CozeConversationSelectDetail> {
  static override readonly eventName = 'coze-conversation-select';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'coze-conversation-select': CozeConversationSelectEvent;
  }
}
