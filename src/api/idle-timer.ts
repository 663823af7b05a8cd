/**
 * An abort signal that follows the caller's and also fires when `arm()` was not called again
 * within `ms` (an answer stream that went quiet). The clock runs while the stream is read only:
 * the time a consumer takes between events does not count.
 *
 * `arm()` and `pause()` only note the time: a stream calls them for every event (thousands in a
 * long answer), and one timer checks the deadline when it comes due, waiting again for the rest
 * of it when an event came since.
 */
export class IdleTimer {
  readonly #controller = new AbortController();
  readonly #outer: AbortSignal | undefined;
  readonly #onOuterAbort = () => this.#controller.abort(this.#outer?.reason);
  readonly ms: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** When the current wait began (`performance.now()`); undefined while paused or stopped. */
  #since: number | undefined;
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
    if (!(this.ms > 0) || !Number.isFinite(this.ms)) return;
    this.#since = performance.now();
    this.#timer ??= setTimeout(this.#due, this.ms);
  }

  /** Stops the clock while the consumer handles an event. */
  pause(): void {
    this.#since = undefined;
  }

  stop(): void {
    this.#since = undefined;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#outer?.removeEventListener('abort', this.#onOuterAbort);
  }

  readonly #due = (): void => {
    this.#timer = undefined;
    // Paused: the next `arm()` starts a timer of its own.
    if (this.#since === undefined) return;
    const left = this.#since + this.ms - performance.now();
    if (left > 0) {
      this.#timer = setTimeout(this.#due, left);
      return;
    }
    this.fired = true;
    this.#controller.abort(new DOMException('The answer stream went quiet.', 'TimeoutError'));
  };
}
