/**
 * Runs in Chromium (bundled and driven by bench/run.mjs): the cost of
 * rendering a streamed markdown answer with StreamingMarkdown versus
 * re-rendering the whole text on every delta.
 */
import {renderMarkdown} from '../src/markdown/render.js';
import {StreamingMarkdown} from '../src/markdown/streaming.js';

export type Approach = 'ours' | 'naive';

export interface Measurement {
  approach: Approach;
  updates: number;
  /** Wall time of all updates, each followed by a forced layout. */
  totalMs: number;
  meanUpdateMs: number;
  /** `finish()` for ours; nothing for naive. */
  finishMs: number;
  /** Elements in the container at the end. */
  domElements: number;
  /** `performance.memory.usedJSHeapSize` after the run and a GC, if available. */
  heapBytes: number | null;
}

export interface Churn {
  approach: Approach;
  /** Nodes (counting descendants) inserted into the container over the stream. */
  nodesInserted: number;
}

/** A repeatable pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the answer stream token model request response context window latency ' +
  'render block paragraph list table code element browser selection update ' +
  'cache queue message session user assistant bot workflow plugin knowledge'
).split(' ');

/** A markdown answer of about `size` characters, the same every time. */
export function makeAnswer(size = 50 * 1024): string {
  const next = random(20240601);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sentence = (): string => {
    const words = Array.from({length: 8 + Math.floor(next() * 12)}, () => pick(WORDS));
    const i = Math.floor(next() * words.length);
    const decorated = [
      `**${words[i]}**`,
      `*${words[i]}*`,
      `\`${words[i]}()\``,
      `[${words[i]}](https://example.com/${words[i]})`,
      `~~${words[i]}~~`,
      words[i],
    ];
    words[i] = pick(decorated);
    const text = words.join(' ');
    return text[0]!.toUpperCase() + text.slice(1) + '.';
  };
  const paragraph = () => Array.from({length: 2 + Math.floor(next() * 4)}, sentence).join(' ');
  const list = (ordered: boolean) =>
    Array.from({length: 3 + Math.floor(next() * 5)}, (_, i) => {
      const item = `${ordered ? `${i + 1}.` : '-'} ${sentence()}`;
      return next() < 0.3 ? `${item}\n   - ${sentence()}\n   - ${sentence()}` : item;
    }).join('\n');
  const code = () => {
    const lines = Array.from({length: 6 + Math.floor(next() * 14)}, (_, i) =>
      i % 5 === 4 ? '' : `  const ${pick(WORDS)}${i} = await ${pick(WORDS)}(${pick(WORDS)}, ${i});`
    );
    return '```ts\nasync function ' + pick(WORDS) + '() {\n' + lines.join('\n') + '\n}\n```';
  };
  const table = () => {
    const rows = Array.from(
      {length: 6 + Math.floor(next() * 6)},
      (_, i) => `| ${pick(WORDS)} | ${i * 17} | ${sentence()} |`
    );
    return '| Name | Count | Notes |\n|:-----|------:|-------|\n' + rows.join('\n');
  };

  const blocks: string[] = ['# ' + sentence()];
  let section = 0;
  while (blocks.join('\n\n').length < size) {
    section++;
    blocks.push(`## ${section}. ${sentence()}`, paragraph(), paragraph());
    const roll = next();
    if (roll < 0.35) blocks.push(list(next() < 0.5), paragraph());
    else if (roll < 0.7) blocks.push(code(), paragraph());
    else if (roll < 0.8) blocks.push(table(), paragraph());
    else blocks.push(`> ${sentence()}\n> ${sentence()}`, list(false));
  }
  return blocks.join('\n\n').slice(0, size) + '\n';
}

/** Prefix lengths for `deltas` roughly equal, slightly jittered deltas. */
export function makeCuts(length: number, deltas: number): number[] {
  const next = random(7);
  const cuts: number[] = [];
  for (let i = 1; i < deltas; i++) {
    const ideal = (i * length) / deltas;
    cuts.push(Math.round(ideal + (next() - 0.5) * (length / deltas) * 0.8));
  }
  cuts.push(length);
  return cuts;
}

const memory = () =>
  (performance as Performance & {memory?: {usedJSHeapSize: number}}).memory?.usedJSHeapSize ?? null;
const collectGarbage = () => (globalThis as {gc?: () => void}).gc?.();

function newContainer(): HTMLElement {
  document.querySelector('#stage')?.remove();
  const el = document.createElement('div');
  el.id = 'stage';
  document.body.append(el);
  return el;
}

function updater(approach: Approach, el: HTMLElement) {
  if (approach === 'naive') {
    return {
      update: (text: string) => el.replaceChildren(renderMarkdown(text)),
      finish: (_text: string) => {},
    };
  }
  const md = new StreamingMarkdown(el);
  return {update: (text: string) => md.update(text), finish: (text: string) => md.finish(text)};
}

let answer = makeAnswer();
let cuts = makeCuts(answer.length, 2000);
let reference: string | undefined;

export function configure(size: number, deltas: number): {chars: number; deltas: number} {
  answer = makeAnswer(size);
  cuts = makeCuts(answer.length, deltas);
  reference = undefined;
  return {chars: answer.length, deltas: cuts.length};
}

/** One timed run of `approach` over the whole stream (or its first `limit` deltas). */
export function measure(approach: Approach, limit = cuts.length): Measurement {
  const el = newContainer();
  const {update, finish} = updater(approach, el);
  const prefixes = cuts.slice(0, limit).map((end) => answer.slice(0, end));
  collectGarbage();
  const start = performance.now();
  for (const text of prefixes) {
    update(text);
    void el.offsetHeight;
  }
  const totalMs = performance.now() - start;
  const finishStart = performance.now();
  finish(prefixes.at(-1)!);
  void el.offsetHeight;
  const finishMs = performance.now() - finishStart;

  if (limit === cuts.length) {
    reference ??= el.innerHTML;
    if (el.innerHTML !== reference) throw new Error(`${approach} rendered a different answer`);
  }
  const domElements = el.getElementsByTagName('*').length;
  collectGarbage();
  return {
    approach,
    updates: prefixes.length,
    totalMs,
    meanUpdateMs: totalMs / prefixes.length,
    finishMs,
    domElements,
    heapBytes: memory(),
  };
}

/** A node and all its descendants. */
function countNodes(node: Node): number {
  let count = 1;
  const walker = document.createTreeWalker(node);
  while (walker.nextNode()) count++;
  return count;
}

/** An untimed run counting the DOM nodes each approach creates and inserts. */
export function churn(approach: Approach): Churn {
  const el = newContainer();
  const {update} = updater(approach, el);
  let nodesInserted = 0;
  const observer = new MutationObserver(() => {});
  observer.observe(el, {childList: true, subtree: true});
  for (const end of cuts) {
    update(answer.slice(0, end));
    for (const record of observer.takeRecords()) {
      for (const node of record.addedNodes) nodesInserted += countNodes(node);
    }
  }
  observer.disconnect();
  return {approach, nodesInserted};
}

declare global {
  interface Window {
    markdownBench: {
      configure: typeof configure;
      measure: typeof measure;
      churn: typeof churn;
    };
  }
}

window.markdownBench = {configure, measure, churn};
