/**
 * Runs in Chromium (bundled and driven by bench/run.mjs): the cost of
 * rendering a streamed markdown answer with StreamingMarkdown versus
 * re-rendering the whole text on every delta.
 */
import {renderMarkdown} from '../src/markdown/render.js';
import {StreamingMarkdown} from '../src/markdown/streaming.js';
import {makeAnswer, makeCuts} from './answer.js';

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
