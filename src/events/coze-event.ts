/**
 * The base of every event the elements fire: named `coze-…`, bubbling and
 * composed (so a listener on the page or on `<coze-chat>` hears the parts), with
 * a typed `detail` (`null` when the name says it all).
 */
export abstract class CozeEvent<Detail = null> extends CustomEvent<Detail> {
  protected constructor(
    type: string,
    detail: Detail,
    {cancelable = false}: {cancelable?: boolean} = {}
  ) {
    super(type, {bubbles: true, composed: true, cancelable, detail});
  }
}
