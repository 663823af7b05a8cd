/**
 * An abort signal that follows the caller's and also fires when `arm()` was not called again
 * within `ms` (an answer stream that went quiet). The clock runs while the stream is read only:
 * the time a consumer takes between events does not count.
 */
export class IdleTimer {
  readonly #controller = new AbortController();
  readonly #outer: AbortSignal | undefined;
  readonly #onOuterAbort = () => this.#controller.abort(this.#outer?.reason);
  readonly ms: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  fired = false;

  constructor(ms: number, outer: AbortSignal | undefined) {
    this.ms = ms;
    this.#outer = outer;
    outer?.addEventListener('abort', this.#onOuterAbort, {once: true});
    this.arm();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Starts the wait again, from now. */
  arm(): void {
    clearTimeout(this.#timer);
    if (!(this.ms > 0) || !Number.isFinite(this.ms)) return;
    this.#timer = setTimeout(() => {
      this.fired = true;
      this.#controller.abort(new DOMException('The answer stream went quiet.', 'TimeoutError'));
    }, this.ms);
  }

  /** Stops the clock while the consumer handles an event. */
  pause(): void {
    clearTimeout(this.#timer);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#outer?.removeEventListener('abort', this.#onOuterAbort);
  }
}
