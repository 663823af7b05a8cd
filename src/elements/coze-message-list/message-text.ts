/** Small text helpers for the transcript: pure functions, called on a click or once per file, never per token. */

const imageOnly = /^\s*!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)\s*$/;

/** The image URL when an answer is nothing but one markdown image. */
export function onlyImageUrl(markdown: string): string | undefined {
  return imageOnly.exec(markdown)?.[1];
}

/**
 * An answer's markdown as plain text, lightly: fences, heading and quote
 * markers, emphasis and link syntax go; the words, list items and line
 * breaks stay. Each pattern looks a bounded distance ahead, so the cost
 * follows the length of the text whatever it holds.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^[ \t]*(`{3,}|~{3,}).*$/gm, '')
    .replace(/!\[([^[\]\n]{0,500})\]\([^()\n]{0,2000}\)/g, '$1')
    .replace(/\[([^[\]\n]{0,500})\]\([^()\n]{0,2000}\)/g, '$1')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]*>[ \t]?/gm, '')
    .replace(/^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$/gm, '')
    .replace(/(\*\*|__|~~)(?=\S)([^\n]{0,300}?\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)([^*_\n]*?\S)[*_](?![\w*])/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The prologue with `{{user_name}}` filled in; without a name, the
 * placeholder goes with the space before it and any punctuation it leaves
 * leading ("Hi {{user_name}}, I am …" → "Hi, I am …").
 */
export function fillPrologue(prologue: string, nickname: string | undefined): string {
  const placeholder = /\{\{\s*user_name\s*\}\}/g;
  if (nickname) return prologue.replace(placeholder, nickname);
  return prologue.replace(/[ \t]*\{\{\s*user_name\s*\}\}/g, '').replace(/^[\s,，、:：;；!！]+/, '');
}
