import {html, type TemplateResult} from 'lit';
import type {ReactiveControllerHost} from 'lit';

/** Picture URLs that failed to load on this page: each is tried once. */
const failed = new Set<string>();

/** The first letter (or character) of a name, for a monogram. */
export function monogram(name: string): string {
  return (Array.from(name.trim())[0] ?? '?').toLocaleUpperCase();
}

/** Whether `src` is worth an `<img>`: set, and not known to fail. */
export const usable = (src: string | undefined): src is string => Boolean(src) && !failed.has(src!);

/**
 * A picture for a bot or a person: the image while it loads, else (absent,
 * or failed to load) `fallback`, by default a monogram of `name`. Never the
 * browser's broken-image glyph. Decorative: the name is said elsewhere.
 */
export function identityImage(options: {
  host: ReactiveControllerHost;
  src: string | undefined;
  name: string;
  part: string;
  fallback?: TemplateResult | string;
}): TemplateResult {
  const {host, src, name, part} = options;
  if (usable(src)) {
    const handleError = () => {
      failed.add(src);
      host.requestUpdate();
    };
    return html`<img part=${part} src=${src} alt="" @error=${handleError} />`;
  }
  return html`<span part=${part} class="monogram" aria-hidden="true"
    >${options.fallback ?? monogram(name)}</span
  >`;
}
