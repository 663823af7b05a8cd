/// <reference types="mocha" />
import {renderMarkdown} from '../../src/markdown/render.js';

/** The container HTML a whole-document render of `src` produces. */
export function fullHTML(src: string): string {
  const div = document.createElement('div');
  div.append(renderMarkdown(src));
  return div.innerHTML;
}

const containers: HTMLElement[] = [];

/** An empty `<div>` in the document, removed after the current test. */
export function container(): HTMLDivElement {
  const el = document.createElement('div');
  document.body.append(el);
  containers.push(el);
  return el;
}

afterEach(() => {
  for (const el of containers.splice(0)) el.remove();
});

/** A small seeded PRNG (mulberry32), so "random" splits are repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Prefix ends for a document streamed in chunks of `size` characters. */
export function fixedCuts(length: number, size: number): number[] {
  const cuts: number[] = [];
  for (let end = size; end < length; end += size) cuts.push(end);
  cuts.push(length);
  return cuts;
}

/** Prefix ends for chunks of 1..maxSize characters drawn from `random`. */
export function randomCuts(length: number, maxSize: number, random: () => number): number[] {
  const cuts: number[] = [];
  let end = 0;
  while (end < length) {
    end = Math.min(length, end + 1 + Math.floor(random() * maxSize));
    cuts.push(end);
  }
  return cuts;
}

/**
 * The next animation frame, or 100 ms if frames are not coming: the runner
 * keeps two pages open at once, and a page in the background gets no frames.
 */
export const nextFrame = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * An answer that uses most of what a model writes: headings of both kinds,
 * emphasis, inline code holding a backtick, hard breaks, links, CJK, nested
 * and loose lists, tasks, quotes, a table, fenced code with blank lines inside,
 * indented code, a rule, an image and a reference link defined after its use.
 */
export const RICH_DOCUMENT = `# Streaming answers

Coze can reply with **bold**, *italic*, ~~struck~~ and \`inline code\`, plus a \`\`span with a \` backtick\`\` inside.
The same paragraph goes on, ends this line with a hard break${'  '}
and this one with a backslash break\\
and then stops.

Setext heading
==============

A paragraph with a [link](https://example.com/docs "Docs"), an autolink https://coze.com/open and <mailto:team@example.com>.

中文段落：流式渲染的结果应当与一次性渲染完全一致。这里有一个**加粗**的词、一个\`代码\`和一个[链接](https://example.cn/路径)。

Second setext
-------------

1. First item
2. Second item
   - nested bullet
   - nested with \`code\`
     1. deep ordered
3. Third item

- loose item one

- loose item two

  continuation paragraph in item two

> A blockquote
> spanning two lines
>
> > and a nested quote

| Name | Value | Notes |
|:-----|------:|:-----:|
| alpha | 1 | first |
| beta | 22 | *second* |
| 伽马 | 333 | \`third\` |

\`\`\`ts
function greet(name: string): string {
  return \`Hello, \${name}\`;
}


console.log(greet('Coze'));
\`\`\`

    indented code block
    second line

***

- [x] a finished task
- [ ] an open task

An image ![logo](https://example.com/logo.png "Logo") inside a sentence.

See the [reference][docs] for more, and ~~this~~ that.

[docs]: https://example.com/reference "Reference"

### Closing thoughts
Final paragraph right under an ATX heading.
`;

/**
 * Small documents around every boundary the streaming renderer has to judge.
 * None uses a forward reference or raw HTML, so a streaming render must equal
 * a whole-document render after every single character.
 */
export const TRICKY_DOCUMENTS: Record<string, string> = {
  'setext after a paragraph': 'Intro line\n\nTitle\n===\n\nBody\n\nSub\n---\nafter\n',
  'paragraph then a heading-like line': 'para\n#x\n\npara\n# real heading\n\nnext\n',
  'ordered list resumed after a blank line': '1. one\n\n2. two\n\n3\n\nend\n',
  'bullet list with an indented continuation': '- a\n\n  still a\n\n- b\n\nout\n',
  'list that becomes loose': '- a\n- b\n\n- c\n\nafter the list\n',
  'fenced code with blank lines': 'x\n\n```\none\n\n\ntwo\n```\ny\n\n~~~py\nz\n~~~\n\nw\n',
  'indented code across blank lines': 'p\n\n    code 1\n\n    code 2\n\n  not code\n',
  'table that keeps growing': '| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nafter\n',
  'blockquote with lazy line': '> quote\nlazy\n\n> second\n\nplain\n',
  'headings and rules back to back': '# h1\n## h2\n***\ntext\n---\n\nmore\n',
  'definition before use': '[k]: https://example.com/k\n\nuse [k] here\n\nand [k] again\n',
  'list interrupting a paragraph': 'para\n- item\n- item 2\n\ntext\n2. not a list start\n',
  'deeply nested list': '- a\n  - b\n    - c\n\n      in c\n\n  back in a\n\nout\n',
  'fence closed only by a long enough fence': '~~~~\ncode\n~~~\nstill code\n~~~~~\n\nafter\n',
  'comment spanning blank lines': '<!--\n\nhidden\n\n-->\n\nshown\n',
  'raw <pre> spanning blank lines': 'x\n\n<pre>\n\nkept\n\n</pre>\n\nafter\n',
  'indentation arriving after a blank line':
    'para\n\n    code\n  \n    more code\n\n   three\n\n    four\n',
  'blank lines holding spaces': 'a\n  \n \t\n\n    b\n\nc  \n\n',
  'hard breaks and CJK': '第一行  \n第二行\\\n第三行\n\n结束\n',
};
