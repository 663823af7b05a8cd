import type {MessageFile} from '../state/types.js';

export interface CozeSendDetail {
  /** The question as typed. */
  readonly text: string;
  /** Files sent with it. */
  readonly files: readonly MessageFile[];
}

/** Fired before a question is sent; cancelable: `preventDefault()` keeps it unsent. */
export class CozeSendEvent extends CustomEvent<CozeSendDetail> {
  static readonly eventName = 'coze-send';
  constructor(detail: CozeSendDetail) {
    super(CozeSendEvent.eventName, {bubbles: true, composed: true, cancelable: true, detail});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'coze-send': CozeSendEvent;
  }
}
