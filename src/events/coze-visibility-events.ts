/** Fired before the panel opens; cancelable: `preventDefault()` keeps it closed. */
export class CozeBeforeShowEvent extends Event {
  static readonly eventName = 'coze-before-show';
  constructor() {
    super(CozeBeforeShowEvent.eventName, {bubbles: true, composed: true, cancelable: true});
  }
}

/** Fired after the panel opened. */
export class CozeShowEvent extends Event {
  static readonly eventName = 'coze-show';
  constructor() {
    super(CozeShowEvent.eventName, {bubbles: true, composed: true});
  }
}

/** Fired before the panel closes; cancelable: `preventDefault()` keeps it open. */
export class CozeBeforeHideEvent extends Event {
  static readonly eventName = 'coze-before-hide';
  constructor() {
    super(CozeBeforeHideEvent.eventName, {bubbles: true, composed: true, cancelable: true});
  }
}

/** Fired after the panel closed. */
export class CozeHideEvent extends Event {
  static readonly eventName = 'coze-hide';
  constructor() {
    super(CozeHideEvent.eventName, {bubbles: true, composed: true});
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
