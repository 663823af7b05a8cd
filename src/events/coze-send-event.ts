import type {MessageFile} from '../state/types.js';
import {CozeEvent} from './coze-event.js';

export interface CozeSendDetail {
  /** The question as typed. */
  readonly text: string;
  /** Files sent with it. */
  readonly files: readonly MessageFile[];
}

/** Fired before a question is sent; cancelable: `preventDefault()` keeps it unsent. */
export class CozeSendEvent extends CozeEvent<CozeSendDetail> {
  static override readonly eventName = 'coze-send';
  static override readonly cancelable = true;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'coze-send': CozeSendEvent;
  }
}
