/**
 * Runs in Chromium next to the widget (bundled by bench/widget.mjs): the
 * baseline a naive widget would pay for a burst of deltas, re-rendering the
 * whole answer (marked + DOMPurify) on every one of them.
 */
import {renderMarkdown} from '../src/markdown/render.js';

/**
 * Re-renders every `every`-th prefix into a detached container and returns the
 * time of those re-renders times `every`: the naive cost of the whole burst,
 * estimated from a sample so the bench stays short.
 */
function naiveBurst(
  answer: string,
  cuts: number[],
  every: number
): {sampled: number; estimatedMs: number} {
  const el = document.createElement('div');
  document.body.append(el);
  let spent = 0;
  let sampled = 0;
  for (let i = every - 1; i < cuts.length; i += every) {
    const start = performance.now();
    el.replaceChildren(renderMarkdown(answer.slice(0, cuts[i])));
    spent += performance.now() - start;
    sampled++;
  }
  el.remove();
  return {sampled, estimatedMs: spent * every};
}

declare global {
  interface Window {
    naiveBench: {naiveBurst: typeof naiveBurst};
  }
}

window.naiveBench = {naiveBurst};
