/**
 * The full-screen sheet a floating chat becomes on a phone (the `mobile` layout): while it is
 * open it follows the visual viewport (so the on-screen keyboard never covers the composer),
 * locks the page's own scroll (and gives the position back on close), and keeps Tab and
 * Shift+Tab inside. Loaded with the panel; nothing here runs in the `pc` layout.
 */
import type {ReactiveController} from 'lit';
import type {HostVars} from './host-vars.js';

/** The sheets that hold the page still, and where the page was scrolled when the first opened. */
const holders = new Set<object>();
let lockSheet: CSSStyleSheet | undefined;
let scrolled: [number, number] = [0, 0];

function lockPage(holder: object): void {
  if (holders.has(holder)) return;
  if (!holders.size) {
    scrolled = [scrollX, scrollY];
    // A constructed sheet, not a style attribute on <html>: a strict CSP allows it.
    lockSheet ??= new CSSStyleSheet();
    lockSheet.replaceSync(
      'html, body { overflow: hidden !important; overscroll-behavior: none !important; }'
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, lockSheet];
  }
  holders.add(holder);
}

function unlockPage(holder: object): void {
  if (!holders.delete(holder) || holders.size) return;
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== lockSheet);
  if (scrollX !== scrolled[0] || scrollY !== scrolled[1]) scrollTo(...scrolled);
}

export class MobileSheet implements ReactiveController {
  readonly #vars: HostVars;
  readonly #active: () => boolean;
  #on = false;

  /** `active`: whether the sheet is shown (a floating chat, open, in the mobile layout). */
  constructor(
    host: HTMLElement & {addController(c: ReactiveController): void},
    vars: HostVars,
    active: () => boolean
  ) {
    this.#vars = vars;
    this.#active = active;
    host.addController(this);
  }

  hostUpdated(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#set(false);
  }

  #sync(): void {
    this.#set(this.#active());
  }

  #set(on: boolean): void {
    if (on === this.#on) return;
    this.#on = on;
    const viewport = window.visualViewport;
    if (on) {
      lockPage(this);
      viewport?.addEventListener('resize', this.#follow);
      viewport?.addEventListener('scroll', this.#follow);
      this.#follow();
    } else {
      unlockPage(this);
      viewport?.removeEventListener('resize', this.#follow);
      viewport?.removeEventListener('scroll', this.#follow);
      this.#vars.set({'--_vv-height': undefined, '--_vv-top': undefined});
    }
  }

  /** The part of the screen the keyboard leaves: the visual viewport's height and offset. */
  readonly #follow = () => {
    const viewport = window.visualViewport;
    if (!viewport) return;
    this.#vars.set({
      '--_vv-height': `${Math.round(viewport.height)}px`,
      '--_vv-top': `${Math.round(viewport.offsetTop)}px`,
    });
  };

  /** Keeps Tab and Shift+Tab inside the sheet: past the last control to the first, and back. */
  trapTab(event: KeyboardEvent, panel: HTMLElement): void {
    // WebKitGTK names Shift+Tab by its X key (ISO_Left_Tab), not "Tab"; its keyCode is still 9.
    const tab = event.key === 'Tab' || event.keyCode === 9;
    if (!this.#on || !tab || event.altKey || event.ctrlKey || event.metaKey) return;
    const stops = tabStops(panel);
    if (!stops.length) return;
    const root = panel.getRootNode() as ShadowRoot;
    const index = stops.indexOf(deepActive(root) as HTMLElement);
    const first = stops[0]!;
    const last = stops.at(-1)!;
    if (event.shiftKey && index <= 0) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (index === -1 || index === stops.length - 1)) {
      event.preventDefault();
      first.focus();
    }
  }
}

/** The focused element, through open shadow roots. */
function deepActive(root: ShadowRoot | Document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The elements Tab stops at inside `root`, in order, through shadow roots and slots. */
export function tabStops(root: Element): HTMLElement[] {
  const stops: HTMLElement[] = [];
  const walk = (el: Element) => {
    if (el instanceof HTMLElement) {
      if (el.hidden || el.inert) return;
      if (
        el.tabIndex >= 0 &&
        !(el as HTMLButtonElement).disabled &&
        !el.shadowRoot?.delegatesFocus &&
        el.getClientRects().length
      )
        stops.push(el);
    }
    const children = el.shadowRoot
      ? el.shadowRoot.children
      : el instanceof HTMLSlotElement
        ? el.assignedElements({flatten: true})
        : el.children;
    for (const child of children) walk(child);
  };
  for (const child of root.children) walk(child);
  return stops;
}
