import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {BackgroundImage} from '../../api/types.js';

/**
 * The bot's background picture behind the transcript. The picture's URL comes from the
 * bot's profile, so it reaches the page through a stylesheet of the element's own (a
 * constructed `CSSStyleSheet` in its shadow root), never a `style` attribute: a page with
 * `style-src 'self'` shows it without `unsafe-inline`. Only `http(s)` pictures are drawn.
 */
export class BackgroundSheet implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #read: () => BackgroundImage | undefined;
  #sheet?: CSSStyleSheet;
  #url = '';

  constructor(host: ReactiveControllerHost & HTMLElement, read: () => BackgroundImage | undefined) {
    this.#host = host;
    this.#read = read;
    host.addController(this);
  }

  hostUpdated(): void {
    const url = cssUrl(this.#read()?.url);
    if (url === this.#url) return;
    this.#url = url;
    const root = this.#host.shadowRoot;
    if (!root) return;
    if (!this.#sheet) {
      this.#sheet = new CSSStyleSheet();
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
    }
    // The scrim (`--_scrim`, from the element's styles) lies between the picture and the text.
    this.#sheet.replaceSync(
      url
        ? `:host{background:linear-gradient(var(--_scrim),var(--_scrim)),center/cover no-repeat url(${url}),var(--_bg);}`
        : ''
    );
  }
}

/** A quoted CSS `url()` argument for an `http(s)` URL, or `''` for anything else. */
export function cssUrl(raw: string | undefined): string {
  if (!raw) return '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
  // The parsed form has no line breaks; a quote or backslash left in it is escaped for CSS.
  return `"${url.href.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
