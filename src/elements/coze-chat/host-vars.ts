/**
 * Per-chat custom properties (`--_panel-width`, the visual viewport's size) in a
 * constructed stylesheet adopted by the chat's shadow root: no `style` attribute is ever
 * written, so a page whose CSP has no `'unsafe-inline'` for styles reports nothing.
 */
export class HostVars {
  readonly #sheet = new CSSStyleSheet();
  readonly #values = new Map<string, string>();
  #text = '';

  constructor(root: ShadowRoot) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
  }

  /** Sets each property to its value; `undefined` removes it. */
  set(values: Record<string, string | undefined>): void {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) this.#values.delete(name);
      else this.#values.set(name, value);
    }
    const text = `:host{${[...this.#values].map(([name, value]) => `${name}:${value};`).join('')}}`;
    if (text !== this.#text) this.#sheet.replaceSync((this.#text = text));
  }
}
