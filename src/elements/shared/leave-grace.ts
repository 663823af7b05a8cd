/**
 * How long an element may be out of the document before it counts as
 * removed. Moving an element (a portal, a modal, a framework re-parenting it)
 * disconnects and reconnects it, in the same task or a little later; only an
 * element still out after this has left.
 */
export const LEAVE_GRACE_MS = 500;

/**
 * Runs `leave` once `element` has stayed out of the document for
 * {@link LEAVE_GRACE_MS}; a reconnection in between calls it off. Call
 * `disconnected()` and `connected()` from the element's lifecycle.
 */
export class LeaveGrace {
  readonly #element: Element;
  readonly #leave: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(element: Element, leave: () => void) {
    this.#element = element;
    this.#leave = leave;
  }

  disconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#element.isConnected) this.#leave();
    }, LEAVE_GRACE_MS);
  }

  connected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
