#!/usr/bin/env node
// The figures a user feels, each against a baseline measured in the same run, in headless
// Chromium: the streaming-markdown renderer against a naive re-parse (bench/markdown.bench.ts),
// then the built widget on a host page (bench/widget.mjs): first load, launcher click to
// composer, a burst of deltas, a long conversation and a long history.
//
//   npm run bench                    human-readable lines, then one JSON line
//   npm run bench -- --check         also exit 1 when a figure misses its budget (see TARGETS)
//   npm run bench -- --reps=3 --size=51200 --deltas=2000 --turns=120 --pages=40
//   npm run bench -- --only=widget --dist=/path/to/another/dist   (e.g. an older build)
//   npm run bench -- --only=hostile   hostile answers streaming (bench/hostile.mjs)
//   npm run bench -- --only=first-load   the widget's first-load row alone
//   npm run bench -- --only=turns        the per-turn cost alone (turn 1 vs turn 120 of one page)
//   npm run bench -- --only=burst        the burst row alone (50 KB in 2,000 deltas, three pages)
import {chromiumArgs, chromiumPath} from '../scripts/chromium.mjs';
import {build} from 'esbuild';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import http from 'node:http';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';

import {benchHostile} from './hostile.mjs';
import {benchWidget} from './widget.mjs';

const TARGET_RATIO = 20;
// CI's margin: the ratio reads 20-36x across runs on the same shared machine.
const CI_RATIO = 16;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const arg = args.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.slice(name.length + 3)) : fallback;
};
const check = args.includes('--check');
const reps = option('reps', 3);
const size = option('size', 50 * 1024);
const deltas = option('deltas', 2000);
const turnCount = option('turns', 120);
const olderPages = option('pages', 40);
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const distArg = args.find((a) => a.startsWith('--dist='))?.slice(7);
const distDir = distArg ? resolve(distArg) : fileURLToPath(new URL('../dist', import.meta.url));

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

// A Chromium started right after the three engines' test runs once took over the launcher's
// default 30 s to answer: wait longer, and start it a second time before giving up.
const launch = () =>
  puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: 90_000,
    protocolTimeout: 10 * 60 * 1000,
    args: [...chromiumArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
const browser = await launch().catch((error) => {
  console.error(`bench: Chromium did not start (${error.message}); trying once more`);
  return launch();
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${value.toFixed(3)} ms`;
const mb = (bytes) => (bytes === null ? 'n/a' : `${(bytes / 1048576).toFixed(1)} MB`);

async function markdownBench() {
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
  await tab.close();
  return {
    chars: stream.chars,
    deltas: stream.deltas,
    reps,
    ours,
    naive,
    ratio,
    target: TARGET_RATIO,
  };
}

const ms0 = (value) => `${value.toFixed(0)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const times = (a, b) => `${(a / b).toFixed(2)}x`;

const span = ([from, to]) => `turns ${from}-${to}`;

/** The per-turn rows: main-thread time (and its style and layout parts), then traced counts. */
function printTurns(t) {
  const phase = (key) =>
    `${t.first[key].toFixed(1)} ms vs ${t.last[key].toFixed(1)} ms: ${times(t.last[key], t.first[key])}`;
  console.log(
    `  per turn: ${t.firstMs.toFixed(1)} ms at ${span(t.early)} vs ${t.lastMs.toFixed(1)} ms at ${span(t.late)} of ${t.count} (medians): ${times(t.lastMs, t.firstMs)} (target <= 1.2x)`
  );
  console.log(`    of which style ${phase('styleMs')}, layout ${phase('layoutMs')}`);
  const count = (key) =>
    `${t.workFirst[key]} vs ${t.workLast[key]}: ${times(t.workLast[key], t.workFirst[key])}`;
  console.log(
    `  per turn, traced (same turns, another page): main-thread CPU ${t.workFirst.cpuMs.toFixed(1)} ms vs ${t.workLast.cpuMs.toFixed(1)} ms: ${times(t.workLast.cpuMs, t.workFirst.cpuMs)}`
  );
  const fits = t.cpuTrends
    .map(
      (c) =>
        `${c.firstMs.toFixed(1)} ms vs ${c.lastMs.toFixed(1)} ms: ${times(c.lastMs, c.firstMs)}`
    )
    .join('; ');
  console.log(`    fitted over turns ${t.early[0]}-${t.count} of two traced pages: ${fits}`);
  console.log(`    elements restyled ${count('elements')}`);
  console.log(`    layout objects laid out ${count('layoutObjects')}`);
}

function printBurst(b) {
  console.log(
    `  burst of ${b.chars} chars in ${b.deltas} deltas: total main thread ${ms0(b.totalMs)} (median of [${b.runsMs.join(', ')}]), longest task ${b.longTasks ? ms0(b.longestMs) : 'under 50 ms'} (${b.longTasks} long task(s); target none >= 50 ms)`
  );
  console.log(
    `    vs a naive full re-parse per delta: ${ms0(b.naiveMs)} (estimated from ${b.sampled} re-parses): ${(b.naiveMs / b.totalMs).toFixed(1)}x cheaper (target >= 80x)`
  );
}

/** Prints the widget's figures, each beside its same-run baseline and its target. */
function printWidget(w) {
  const f = w.firstLoad;
  console.log('');
  console.log(`widget bench (${distDir}/cdn), host page over loopback, medians of ${reps}`);
  if (w.burst && !f) return printBurst(w.burst); // --only=burst
  if (!f) return printTurns(w.turns); // --only=turns
  console.log(
    `  first load JS: ${kb(f.bytes)} gzip in ${f.files.length} file(s) [${f.files.join(', ')}] (target <= 12 KB); fetched while idle afterwards: ${f.idleFetches}`
  );
  console.log(
    `  first load main thread: ${ms0(f.widgetMs)} with the widget vs ${ms0(f.plainMs)} without: +${f.extraMs.toFixed(1)} ms (target <= 25 ms)`
  );
  if (!w.click) return; // --only=first-load
  console.log(
    `  launcher click -> composer ready: ${ms0(w.click.coldMs)} cold vs ${ms0(w.click.warmMs)} once loaded (target <= 300 ms cold)`
  );
  printBurst(w.burst);
  printTurns(w.turns);
  console.log(
    `  load older: ${w.older.firstMs.toFixed(1)} ms at pages 1-3 vs ${w.older.lastMs.toFixed(1)} ms at pages ${w.older.pages - 2}-${w.older.pages} (${w.older.rows} rows): ${times(w.older.lastMs, w.older.firstMs)}`
  );
  console.log(
    `  slow stream: ${w.older.slowFull.toFixed(2)} ms per piece below ${w.older.rows} rows vs ${w.slowEmptyMs.toFixed(2)} ms in an empty chat: ${times(w.older.slowFull, w.slowEmptyMs)} (target <= 5 ms per frame)`
  );
}

/**
 * The targets, each with the margin CI allows a noisy, shared machine. `enforce` is on
 * for the figures the code meets today; the others are printed, not failed, until they are met.
 */
const TARGETS = [
  {
    name: `markdown naive/ours ratio >= ${TARGET_RATIO}x (CI: ${CI_RATIO}x)`,
    enforce: true,
    ok: (r) => r.markdown.ratio >= CI_RATIO,
  },
  {
    // The entry chunk's bytes: the same on every machine.
    name: 'first load JS <= 12 KB gzip',
    enforce: true,
    ok: (r) => r.widget.firstLoad.bytes <= 12 * 1024,
  },
  {
    name: 'nothing fetched while idle',
    enforce: true,
    ok: (r) => r.widget.firstLoad.idleFetches === 0,
  },
  {
    // Measured +13 to +29 ms on a 2-core machine since the entry holds only the launcher: too
    // close to CI's margin to fail a build on.
    name: 'first load main thread <= +25 ms (CI: +40 ms)',
    enforce: false,
    ok: (r) => r.widget.firstLoad.extraMs <= 40,
  },
  {
    name: 'click -> composer <= 300 ms (CI: 450 ms)',
    enforce: true,
    ok: (r) => r.widget.click.coldMs <= 450,
  },
  {
    // The longest is reading one network chunk that holds most of the 2,000 events (about 40 ms
    // on the CPU): 52-87 ms of wall time on a 2-core machine, under 50 ms on some runs.
    name: 'burst: no task >= 50 ms (CI: 75 ms)',
    enforce: false,
    ok: (r) => r.widget.burst.longestMs < 75,
  },
  {
    // Measured 143-303x on a loaded 2-core machine since frame-sliced rendering (58.6x before).
    // The naive side is estimated from 100 re-parses and swings by a third between runs
    // (14-20 s); a quiet machine measured 51x with no long task, loaded ones 77-300x.
    name: 'burst >= 80x cheaper than naive (CI: 35x)',
    enforce: true,
    ok: (r) => r.widget.burst.naiveMs / r.widget.burst.totalMs >= 35,
  },
  {
    name: 'turn 120 <= 1.2x turn 1 (CI: 1.5x)',
    enforce: false,
    ok: (r) => r.widget.turns.lastMs / r.widget.turns.firstMs <= 1.5,
  },
  {
    // Thread time from a trace, fitted over every warm turn (two medians of a dozen turns swung
    // from 1.03x to 2.09x between runs of one build): 1.12-1.23x since rows render in chunks
    // that skip layout and paint out of sight.
    name: 'traced CPU per turn, fitted, at turn 120 <= 1.5x turn 3 (CI)',
    enforce: true,
    ok: (r) => Math.min(...r.widget.turns.cpuTrends.map((c) => c.ratio)) <= 1.5,
  },
  {
    // Counts from a trace, steady on a loaded machine: no selector of the transcript restyles
    // every row on an insertion any more (before, the count grew with every row).
    name: 'elements restyled per turn near turn 120 <= 1.5x near turn 1 (CI)',
    enforce: true,
    ok: (r) => r.widget.turns.workLast.elements / r.widget.turns.workFirst.elements <= 1.5,
  },
  {
    // Measured 1.47-1.51x since rows are memoised and skip layout off screen (2.7x before).
    name: 'load older at page 40 <= 2.5x page 1 (CI)',
    enforce: true,
    ok: (r) => r.widget.older.lastMs / r.widget.older.firstMs <= 2.5,
  },
  {
    // Measured 1.8-2.5 ms on a 2-core machine.
    name: 'slow stream below 800 rows <= 5 ms per piece',
    enforce: true,
    ok: (r) => r.widget.older.slowFull <= 5,
  },
];

// Hostile answers (bench/hostile.mjs): nesting x2000, 40 KB of emphasis, a 1 MB line. Measured
// 9-46 ms longest task on a loaded 2-core machine since long plain lines grow in runs (the 1 MB
// line 216-339 ms before).
const hostileShapes = (r) => Object.values(r.hostile);
TARGETS.push(
  {
    name: 'hostile answers: no task >= 50 ms (CI: 75 ms)',
    enforce: true,
    ok: (r) => hostileShapes(r).every((s) => s.longestMs < 75),
  },
  {
    name: 'hostile answers shown within 1 s (CI: 1.5 s)',
    enforce: true,
    ok: (r) => hostileShapes(r).every((s) => s.shownMs <= 1500),
  }
);

let exitCode = 0;
try {
  const results = {};
  if (!only || only === 'markdown') results.markdown = await markdownBench();
  if (!only || only === 'hostile') {
    console.log('');
    console.log(`hostile answers streaming (${distDir}/cdn), medians of ${reps}`);
    [results.hostile] = await benchHostile(browser, {
      distDirs: [distDir],
      reps,
      log: (shape, r) =>
        console.log(
          `  ${shape.padEnd(9)} longest task ${ms0(r.longestMs)} [${r.runs.join(', ')}], all shown after ${ms0(r.shownMs)} (target: no task >= 50 ms, shown within 1 s)`
        ),
    });
  }
  if (only !== 'markdown' && only !== 'hostile') {
    results.widget = await benchWidget(browser, {
      distDir,
      reps: Math.max(reps, 3),
      turnCount,
      olderPages,
      size,
      deltas,
      only,
    });
    printWidget(results.widget);
  }
  console.log('');
  for (const target of TARGETS) {
    let ok;
    try {
      ok = target.ok(results);
    } catch {
      continue; // a figure this run did not measure (--only)
    }
    const verdict = ok ? 'met' : target.enforce ? 'MISSED' : 'not met (not enforced yet)';
    console.log(`  ${ok ? '✓' : '✗'} ${target.name}: ${verdict}`);
    if (check && target.enforce && !ok) exitCode = 1;
  }
  console.log(JSON.stringify(results));
} catch (error) {
  console.error(error);
  exitCode = 2;
} finally {
  await browser.close();
  server.close();
  await rm(dir, {recursive: true, force: true});
}
process.exit(exitCode);
