/**
 * The footer line's pieces: text with `{{name}}` placeholders, and the links that fill them.
 * Apart from options.ts, whose checks the first chunk needs, as only the panel uses these.
 */

/** Only http(s) links survive in the footer. */
export function safeHref(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Splits footer text on `{{ name }}` placeholders: literal strings and placeholder names alternate. */
export function footerPieces(text: string): Array<{text: string} | {name: string}> {
  const pieces: Array<{text: string} | {name: string}> = [];
  let last = 0;
  for (const match of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    if (match.index > last) pieces.push({text: text.slice(last, match.index)});
    pieces.push({name: match[1]});
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({text: text.slice(last)});
  return pieces;
}
