import core from '@highlightjs/cdn-assets/es/core.min.js';
import bash from '@highlightjs/cdn-assets/es/languages/bash.min.js';
import cpp from '@highlightjs/cdn-assets/es/languages/cpp.min.js';
import diff from '@highlightjs/cdn-assets/es/languages/diff.min.js';
import go from '@highlightjs/cdn-assets/es/languages/go.min.js';
import java from '@highlightjs/cdn-assets/es/languages/java.min.js';
import javascript from '@highlightjs/cdn-assets/es/languages/javascript.min.js';
import json from '@highlightjs/cdn-assets/es/languages/json.min.js';
import python from '@highlightjs/cdn-assets/es/languages/python.min.js';
import sql from '@highlightjs/cdn-assets/es/languages/sql.min.js';
import typescript from '@highlightjs/cdn-assets/es/languages/typescript.min.js';
import xml from '@highlightjs/cdn-assets/es/languages/xml.min.js';
import yaml from '@highlightjs/cdn-assets/es/languages/yaml.min.js';

/**
 * Syntax highlighting for code blocks in answers: highlight.js (its ES module
 * build) with the grammars models write most; other languages stay plain.
 * Loaded on demand, as its own chunk. Its markup is never parsed as HTML:
 * highlight.js escapes all text and adds only `<span class="…">`, so the
 * spans and text are rebuilt as DOM nodes from that markup's two shapes.
 */
const hljs = core.newInstance();
hljs.configure({ignoreUnescapedHTML: true});
const grammars = {bash, cpp, diff, go, java, javascript, json, python, sql, typescript, xml, yaml};
for (const [name, grammar] of Object.entries(grammars)) hljs.registerLanguage(name, grammar);
hljs.registerAliases(['shell', 'zsh'], {languageName: 'bash'});
hljs.registerAliases(['c', 'h'], {languageName: 'cpp'});

/** Longer code is left plain: highlighting it would hold the page up. */
const maxLength = 20_000;

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
  '&#39;': "'",
};
const unescape = (text: string) =>
  text.replace(/&(?:amp|lt|gt|quot|#x27|#39);/g, (e) => entities[e]!);

/**
 * Replaces `code`'s text with highlighted spans (`hljs-*` classes) when its
 * language is one of ours; returns whether it did. Its text stays the same.
 */
export function highlightCode(code: HTMLElement, language: string): boolean {
  const text = code.textContent ?? '';
  if (!language || text.length > maxLength || !hljs.getLanguage(language)) return false;
  const markup = hljs.highlight(text, {language, ignoreIllegals: true}).value;
  const doc = code.ownerDocument;
  const root = doc.createDocumentFragment();
  const stack: ParentNode[] = [root];
  for (const piece of markup.split(/(<span class="[^"<>]*">|<\/span>)/)) {
    if (!piece) continue;
    const open = /^<span class="([^"<>]*)">$/.exec(piece);
    if (open) {
      const span = doc.createElement('span');
      span.className = open[1]!;
      stack.at(-1)!.append(span);
      stack.push(span);
    } else if (piece === '</span>') {
      if (stack.length > 1) stack.pop();
    } else {
      stack.at(-1)!.append(unescape(piece));
    }
  }
  // Never lose a character: if the rebuilt text differs, keep the code plain.
  if (root.textContent !== text) return false;
  code.replaceChildren(root);
  return true;
}
