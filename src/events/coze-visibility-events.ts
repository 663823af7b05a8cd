import {CozeEvent} from './coze-event.js';

/** Fired before the panel opens; cancelable: `preventDefault()` keeps it closed. */
export class CozeBeforeShowEvent extends CozeEvent {
  static override readonly eventName = 'coze-before-show';
  static override readonly cancelable = true;
}

/** Fired after the panel opened. */
export class CozeShowEvent extends CozeEvent {
  static override readonly eventName = 'coze-show';
}

/** Fired before the panel closes; cancelable: `preventDefault()` keeps it open. */
export class CozeBeforeHideEvent extends CozeEvent {
  static override readonly eventName = 'coze-before-hide';
  static override readonly cancelable = true;
}

/** Fired after the panel closed. */
export class CozeHideEvent extends CozeEvent {
  static override readonly eventName = 'coze-hide';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'coze-before-show': CozeBeforeShowEvent;
    'coze-show': CozeShowEvent;
    'coze-before-hide': CozeBeforeHideEvent;
    'coze-hide': CozeHideEvent;
  }
}
