// In the page of bench/formulas.mjs: streams an answer with 50 formulas through the renderer the
// transcript uses (with the typesetter loaded), against the same answer with each formula as plain
// text, and reports the mean cost of an update and of the whole answer.
import {StreamingMarkdown} from '../src/markdown/streaming.js';
import {
  decorateMarkdown,
  loadTypesetter,
} from '../src/elements/coze-message-list/markdown-blocks.js';
import {en} from '../src/i18n/en.js';

/** Fifty steps with two formulas each, as the emulator's `math 50` answers. */
const answer = Array.from(
  {length: 50},
  (_, i) =>
    `Step ${i + 1}: $\\sum_{k=1}^{${i + 2}} k^2 = \\frac{n(n+1)(2n+1)}{6}$ with $n = ${i + 2}$.`
).join('\n\n');
const plain = answer.replace(/\$([^$]+)\$/g, (_: string, tex: string) =>
  tex.replace(/[\\{}^_]/g, ' ')
);

function pieces(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 12) out.push(text.slice(0, i + 12));
  return out;
}

async function measure(text: string) {
  const stage = document.getElementById('stage')!;
  stage.replaceChildren();
  const container = document.createElement('div');
  stage.append(container);
  const renderer = new StreamingMarkdown(container, {
    decorate: (fragment, final) => decorateMarkdown(fragment, final, en),
  });
  const steps = pieces(text);
  const start = performance.now();
  for (const step of steps) renderer.update(step);
  renderer.finish(text);
  const totalMs = performance.now() - start;
  return {
    totalMs,
    meanUpdateMs: totalMs / steps.length,
    updates: steps.length,
    typeset: container.querySelectorAll('.math-typeset').length,
  };
}

Object.assign(window, {
  formulaBench: {
    async run(reps: number) {
      const loadStart = performance.now();
      await loadTypesetter();
      const loadMs = performance.now() - loadStart;
      await measure(answer);
      await measure(plain);
      const runs = {math: [] as number[], plain: [] as number[]};
      let typeset = 0;
      let updates = 0;
      for (let i = 0; i < reps; i++) {
        const m = await measure(answer);
        runs.math.push(m.totalMs);
        typeset = m.typeset;
        updates = m.updates;
        runs.plain.push((await measure(plain)).totalMs);
      }
      return {loadMs, runs, typeset, updates, chars: answer.length};
    },
  },
});
