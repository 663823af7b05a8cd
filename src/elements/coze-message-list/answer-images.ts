import type {Strings} from '../../i18n/index.js';
import {imageHostOf} from '../../markdown/image-hosts.js';

/**
 * Gives an answer's image its on-screen form: `alt` always, lazy loading;
 * an image `allow` refuses becomes a button naming its host, which loads it
 * when pressed (see {@link loadImagePlaceholder}). Works on sanitised nodes
 * that are not in the page yet, so a refused image is never fetched.
 */
export function decorateImage(
  img: HTMLImageElement,
  strings: Strings,
  allow: (src: string) => boolean
): void {
  if (!img.hasAttribute('alt')) img.alt = '';
  const src = img.getAttribute('src');
  if (src && !allow(src)) {
    img.replaceWith(imagePlaceholder(img, src, strings));
    return;
  }
  img.loading = 'lazy';
  img.decoding = 'async';
}

function imagePlaceholder(img: HTMLImageElement, src: string, strings: Strings): HTMLElement {
  const button = img.ownerDocument.createElement('button');
  button.type = 'button';
  button.className = 'image-placeholder';
  button.setAttribute('part', 'image-placeholder');
  button.dataset.src = src;
  if (img.alt) button.dataset.alt = img.alt;
  if (img.title) button.title = img.title;
  const label = strings.loadImage.replace('{host}', imageHostOf(src));
  button.textContent = img.alt ? `${img.alt} · ${label}` : label;
  return button;
}

/** Puts the image a placeholder stands for in its place; returns its URL. */
export function loadImagePlaceholder(button: HTMLElement): string | undefined {
  const src = button.dataset.src;
  if (!src) return undefined;
  const img = button.ownerDocument.createElement('img');
  img.alt = button.dataset.alt ?? '';
  if (button.title) img.title = button.title;
  img.src = src;
  img.decoding = 'async';
  button.replaceWith(img);
  return src;
}
