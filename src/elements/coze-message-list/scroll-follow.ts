import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** How close to the bottom (px) counts as being at the bottom. */
const threshold = 48;

/**
 * The transcript's scroll model: while the reader is at the bottom, new
 * content scrolls into view; once they scroll up, it stays where they are
 * until they come back down, ask to (`follow()`), or send a question.
 *
 * Growth is seen by a `ResizeObserver` on the scroller and its children, so
 * the scroll position is written after the browser has laid the new content
 * out, never by reading layout right after a render (which would force a
 * synchronous layout in the middle of a frame). Only scrolling up, by the
 * reader, stops the following: content that grows below never does.
 *
 * A scroll written from the observer's callback can make the engine lay content out again in
 * the same frame (rows and runs with `content-visibility: auto` come into view); sizes that
 * change then would be reported as a "ResizeObserver loop" error on the page's window. So
 * after a callback that scrolled or changed state, observing pauses until the next frame,
 * which reports the final sizes.
 */
export class ScrollFollow implements ReactiveController {
  /** The reader is at (or within a few pixels of) the bottom. */
  atBottom = true;
  /** Content arrived below while the reader was away from the bottom. */
  newBelow = false;

  readonly #host: ReactiveControllerHost;
  readonly #find: () => HTMLElement | null;
  readonly #hasContent: () => boolean;
  #scroller?: HTMLElement;
  #observer?: ResizeObserver;
  readonly #observed = new Set<Element>();
  /** New content scrolls into view. */
  #follow = true;
  /** The next growth keeps the reader's place (they opened something). */
  #hold = false;
  #lastTop = 0;
  /** The distance from the bottom last seen, to tell content that arrived below. */
  #lastDistance = 0;
  /** The frame that observes again, while observing is paused. */
  #resume = 0;
  /** Each observed element's size when last reported, so observing again reports only change. */
  readonly #sizes = new WeakMap<Element, string>();

  /**
   * @param find Returns the scrolling element once rendered.
   * @param hasContent Whether there is anything to follow: a welcome screen taller than the
   *   box is read from its top.
   */
  constructor(
    host: ReactiveControllerHost,
    find: () => HTMLElement | null,
    hasContent: () => boolean = () => true
  ) {
    this.#host = host;
    this.#find = find;
    this.#hasContent = hasContent;
    host.addController(this);
  }

  /** Brings the bottom into view and follows new content from now on. */
  follow(): void {
    this.#follow = true;
    this.#hold = false;
    // Growth that follows scrolls too; this covers the case where nothing grows.
    if (this.#scroller) this.#toBottom(this.#scroller);
  }

  /** Follows new content from the next growth on (a question was just sent). */
  followNext(): void {
    this.#follow = true;
    this.#hold = false;
  }

  /** The next growth keeps the reader's place, and following stops (a card or form opened). */
  hold(): void {
    this.#hold = true;
  }

  /** Following stops: the reader is reading upwards (older history was asked for). */
  stop(): void {
    this.#follow = false;
  }

  hostUpdated(): void {
    const scroller = this.#find();
    if (!scroller) return;
    if (scroller !== this.#scroller) {
      this.#unbind();
      this.#scroller = scroller;
      scroller.addEventListener('scroll', this.#handleScroll, {passive: true});
    }
    if (!this.#resume) this.#observe(scroller);
  }

  #observe(scroller: HTMLElement): void {
    this.#observer ??= new ResizeObserver(this.#handleResize);
    const children = new Set<Element>([scroller, ...scroller.children]);
    for (const element of this.#observed) {
      if (!children.has(element)) {
        this.#observer.unobserve(element);
        this.#observed.delete(element);
      }
    }
    for (const element of children) {
      if (!this.#observed.has(element)) {
        this.#observer.observe(element);
        this.#observed.add(element);
      }
    }
  }

  hostDisconnected(): void {
    this.#unbind();
  }

  #unbind(): void {
    this.#scroller?.removeEventListener('scroll', this.#handleScroll);
    this.#scroller = undefined;
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#observed.clear();
    cancelAnimationFrame(this.#resume);
    this.#resume = 0;
  }

  /** Stops observing until the next frame (see the class comment). */
  #pause(): void {
    this.#observer?.disconnect();
    this.#observed.clear();
    this.#resume ||= requestAnimationFrame(() => {
      this.#resume = 0;
      if (this.#scroller) this.#observe(this.#scroller);
    });
  }

  /** Returns whether it scrolled or changed state. */
  #toBottom(scroller: HTMLElement): boolean {
    const top = scroller.scrollHeight - scroller.clientHeight;
    const scrolls = Math.abs(scroller.scrollTop - top) >= 1;
    if (scrolls) scroller.scrollTop = top;
    // As the engine clamped it (layout is clean here: this reads, it does not lay out).
    this.#lastTop = scroller.scrollTop;
    this.#lastDistance = 0;
    return this.#set(true, false) || scrolls;
  }

  /** Returns whether the state changed. */
  #set(atBottom: boolean, newBelow: boolean): boolean {
    newBelow &&= !atBottom;
    if (atBottom === this.atBottom && newBelow === this.newBelow) return false;
    this.atBottom = atBottom;
    this.newBelow = newBelow;
    this.#host.requestUpdate();
    return true;
  }

  #distance(scroller: HTMLElement): number {
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
  }

  /** Runs after layout: reading sizes here costs nothing extra. */
  readonly #handleResize = (entries: ResizeObserverEntry[]) => {
    const scroller = this.#scroller;
    if (!scroller) return;
    let grew = false;
    for (const {target, contentRect} of entries) {
      const size = `${contentRect.width}x${contentRect.height}`;
      if (this.#sizes.get(target) !== size) grew = true;
      this.#sizes.set(target, size);
    }
    if (!grew) return;
    const distance = this.#distance(scroller);
    let arrived = false;
    if (this.#hold) {
      // What opened pushed the bottom away: stay here; what closed left it in view: go on following.
      this.#hold = false;
      this.#follow = distance <= threshold;
    } else if (this.#follow) {
      if (!this.#hasContent()) return;
      if (this.#toBottom(scroller)) this.#pause();
      return;
    } else {
      // The bottom moved away without the reader scrolling: something arrived below.
      arrived = distance > this.#lastDistance + 1;
    }
    this.#lastDistance = distance;
    if (this.#set(distance <= threshold, this.newBelow || arrived)) this.#pause();
  };

  readonly #handleScroll = () => {
    const scroller = this.#scroller!;
    const top = scroller.scrollTop;
    const up = top < this.#lastTop - 1;
    this.#lastTop = top;
    const distance = this.#distance(scroller);
    this.#lastDistance = distance;
    const atBottom = distance <= threshold;
    if (atBottom) this.#follow = true;
    else if (up) this.#follow = false;
    this.#set(atBottom, this.newBelow);
  };
}
