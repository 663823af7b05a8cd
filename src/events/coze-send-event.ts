export interface CozeSendDetail {
  /** The question as typed. */
  readonly text: string;
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
