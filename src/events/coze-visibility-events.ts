import {CozeEvent} from './coze-event.js';

/** Fired before the panel opens; cancelable: `preventDefault()` keeps it closed. */
export class CozeBeforeShowEvent extends CozeEvent {
  static readonly eventName = 'coze-before-show';
  constructor() {
    super(CozeBeforeShowEvent.eventName, null, {cancelable: true});
  }
}

/** Fired after the panel opened. */
export class CozeShowEvent extends CozeEvent {
  static readonly eventName = 'coze-show';
  constructor() {
    super(CozeShowEvent.eventName, null);
  }
}

/** Fired before the panel closes; cancelable: `preventDefault()` keeps it open. */
export class CozeBeforeHideEvent extends CozeEvent {
  static readonly eventName = 'coze-before-hide';
  constructor() {
    super(CozeBeforeHideEvent.eventName, null, {cancelable: true});
  }
}

/** Fired after the panel closed. */
export class CozeHideEvent extends CozeEvent {
  static readonly eventName = 'coze-hide';
  constructor() {
    super(CozeHideEvent.eventName, null);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'coze-before-show': CozeBeforeShowEvent;
    'coze-show': CozeShowEvent;
    'coze-before-hide': CozeBeforeHideEvent;
    'coze-hide': CozeHideEvent;
  }
}
