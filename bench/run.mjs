#!/usr/bin/env node
// Streaming-markdown benchmark: bundles bench/markdown.bench.ts, serves it on
// a throwaway local server and measures it in headless Chromium.
//
//   npm run bench                    human-readable lines, then one JSON line
//   npm run bench -- --check         also exit 1 when naive/ours is below 20x
//   npm run bench -- --reps=3 --size=51200 --deltas=2000
import {chromiumArgs, chromiumPath} from '../scripts/chromium.mjs';
import {build} from 'esbuild';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import http from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';

const TARGET_RATIO = 20;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const arg = args.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.slice(name.length + 3)) : fallback;
};
const check = args.includes('--check');
const reps = option('reps', 3);
const size = option('size', 50 * 1024);
const deltas = option('deltas', 2000);

const entry = fileURLToPath(new URL('./markdown.bench.ts', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'coze-md-bench-'));
const bundle = join(dir, 'bench.js');
await build({
  entryPoints: [entry],
  outfile: bundle,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
  // Production code paths, as a page would ship them.
  define: {'process.env.NODE_ENV': '"production"'},
});
const script = await readFile(bundle);

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>markdown bench</title>
<style>body{font:16px/1.5 sans-serif;margin:0}#stage{width:640px;padding:8px}
pre{overflow:auto}table{border-collapse:collapse}td,th{border:1px solid #ccc}</style>
</head><body><script type="module" src="/bench.js"></script></body></html>`;

const server = http.createServer((req, res) => {
  // Cross-origin isolation gives performance.now() its finest resolution.
  const headers = {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cache-Control': 'no-store',
  };
  if (req.url === '/bench.js') {
    res.writeHead(200, {...headers, 'Content-Type': 'text/javascript'});
    res.end(script);
  } else if (req.url === '/') {
    res.writeHead(200, {...headers, 'Content-Type': 'text/html; charset=utf-8'});
    res.end(page);
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const {port} = server.address();

const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  protocolTimeout: 10 * 60 * 1000,
  args: [...chromiumArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${value.toFixed(3)} ms`;
const mb = (bytes) => (bytes === null ? 'n/a' : `${(bytes / 1048576).toFixed(1)} MB`);

let exitCode = 0;
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (error) => console.error('page error:', error.message));
  await tab.goto(`http://127.0.0.1:${port}/`);
  await tab.waitForFunction(() => 'markdownBench' in window);
  const stream = await tab.evaluate((s, d) => window.markdownBench.configure(s, d), size, deltas);
  const measure = (approach, limit) =>
    tab.evaluate((a, l) => window.markdownBench.measure(a, l), approach, limit);

  console.log(
    `markdown bench: ${stream.chars} chars in ${stream.deltas} deltas, ` +
      `${reps} repetitions each, Chromium ${await browser.version()}`
  );

  // Warm-up: let both code paths get optimised before anything counts.
  await measure('ours');
  await measure('naive', Math.min(300, stream.deltas));

  const runs = {ours: [], naive: []};
  for (let rep = 0; rep < reps; rep++) {
    const order = rep % 2 === 0 ? ['ours', 'naive'] : ['naive', 'ours'];
    for (const approach of order) {
      const result = await measure(approach);
      runs[approach].push(result);
      console.log(
        `  rep ${rep + 1} ${approach.padEnd(5)} ${ms(result.meanUpdateMs)}/update ` +
          `(total ${result.totalMs.toFixed(0)} ms)`
      );
    }
  }
  const churn = {
    ours: await tab.evaluate(() => window.markdownBench.churn('ours')),
    naive: await tab.evaluate(() => window.markdownBench.churn('naive')),
  };

  const summary = (approach) => {
    const list = runs[approach];
    return {
      meanUpdateMs: median(list.map((r) => r.meanUpdateMs)),
      totalMs: median(list.map((r) => r.totalMs)),
      finishMs: median(list.map((r) => r.finishMs)),
      domElements: list[0].domElements,
      heapBytes: list.every((r) => r.heapBytes !== null)
        ? median(list.map((r) => r.heapBytes))
        : null,
      nodesInserted: churn[approach].nodesInserted,
    };
  };
  const ours = summary('ours');
  const naive = summary('naive');
  const ratio = naive.meanUpdateMs / ours.meanUpdateMs;

  console.log('');
  console.log(`ours  (StreamingMarkdown.update)       median mean/update ${ms(ours.meanUpdateMs)}`);
  console.log(
    `naive (replaceChildren(renderMarkdown)) median mean/update ${ms(naive.meanUpdateMs)}`
  );
  console.log(`ratio naive/ours: ${ratio.toFixed(1)}x (target >= ${TARGET_RATIO}x)`);
  console.log(`ours finish(): ${ms(ours.finishMs)}`);
  console.log(
    `DOM nodes inserted over the stream: ours ${ours.nodesInserted}, naive ${naive.nodesInserted}; ` +
      `elements at the end: ${ours.domElements} / ${naive.domElements}`
  );
  console.log(
    `JS heap in use after a run and a GC: ours ${mb(ours.heapBytes)}, naive ${mb(naive.heapBytes)}`
  );
  console.log(
    JSON.stringify({
      chars: stream.chars,
      deltas: stream.deltas,
      reps,
      ours,
      naive,
      ratio,
      target: TARGET_RATIO,
    })
  );
  if (check && !(ratio >= TARGET_RATIO)) {
    console.error(`ratio ${ratio.toFixed(1)}x is below the ${TARGET_RATIO}x target`);
    exitCode = 1;
  }
} catch (error) {
  console.error(error);
  exitCode = 2;
} finally {
  await browser.close();
  server.close();
  await rm(dir, {recursive: true, force: true});
}
process.exit(exitCode);
