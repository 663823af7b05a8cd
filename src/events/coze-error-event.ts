import {CozeEvent} from './coze-event.js';

export interface CozeErrorDetail {
  /** Coze error code (e.g. 4100), or a negative code for local failures. */
  readonly code: number;
  /** A readable message; never contains the token. */
  readonly message: string;
  /** Coze's log id for support, when the server sent one. */
  readonly logId?: string;
}

/** Fired when a request to Coze fails or a stream ends in an error. */
export class CozeErrorEvent extends CozeEvent<CozeErrorDetail> {
  static override readonly eventName = 'coze-error';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'coze-error': CozeErrorEvent;
  }
}
