/**
 * The base of every event the elements fire: named `coze-…`, bubbling and
 * composed (so a listener on the page or on `<coze-chat>` hears the parts), with
 * a typed `detail` (`null` when the name says it all). A subclass sets its
 * `eventName`, and `cancelable = true` when `preventDefault()` stops what it
 * announces; the constructor takes the detail, or nothing when there is none.
 */
export abstract class CozeEvent<Detail = null> extends CustomEvent<Detail> {
  /** The event's type, `coze-…`. */
  declare static readonly eventName: string;
  /** Whether `preventDefault()` keeps from happening what the event announces. */
  static readonly cancelable: boolean = false;

  constructor(...[detail]: Detail extends null ? [] : [detail: Detail]) {
    const {eventName, cancelable} = new.target as unknown as typeof CozeEvent;
    super(eventName, {
      bubbles: true,
      composed: true,
      cancelable,
      detail: (detail ?? null) as Detail,
    });
  }
}
