// Hostile answers while they stream: the emulator's `hostile <shape>` markdown (nesting x2000,
// 40 KB of emphasis, a 1 MB line, in ~100 large deltas) in an inline chat of the built widget,
// with a Chromium trace of the renderer's main thread. Each figure is the longest main-thread
// task from the send to the answer's last character on screen, and the time that took.
//
//   node bench/hostile.mjs                       all shapes, medians of 3
//   node bench/hostile.mjs --shape=line --trace=/tmp/line.json   one shape, the trace kept
//   node bench/hostile.mjs --dist=/old/dist,dist  two builds, A/B in turn
//   node bench/hostile.mjs --from=history        each answer from history: the emulator puts it
//                                                into the conversation, and a new chat resumes it
//   (bench/run.mjs runs it as part of `npm run bench`)
import {chromiumArgs, chromiumPath} from '../scripts/chromium.mjs';
import {createReadStream, existsSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import http from 'node:http';
import {extname, join, normalize} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';
import {createEmulator} from '../emulator/index.js';
import {HOSTILE_ENDINGS, HOSTILE_SHAPES} from '../emulator/hostile.js';
import {pageMainThreads} from './trace-threads.mjs';

const BOT = '7500000000000000001';
const TOKEN = 'bench-hostile-token';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const TYPES = {'.js': 'text/javascript', '.map': 'application/json'};

async function startServer(distDir) {
  const emulator = createEmulator({speed: 0});
  const server = http.createServer(async (req, res) => {
    if (await emulator.handle(req, res)) return;
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/') {
      const origin = `http://${req.headers.host}`;
      const user = url.searchParams.get('user') ?? 'bench-hostile';
      res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store'});
      return res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title>
<style>body{font:16px/1.5 sans-serif;margin:0 auto;max-width:720px;padding:16px}</style></head>
<body><script type="module" src="/cdn/coze-chat-elements.js"></script>
<coze-chat bot-id="${BOT}" token="${TOKEN}" api-base="${origin}" user-id="${user}" mode="inline"
 style="display:block;height:640px"></coze-chat></body></html>`);
    }
    if (url.pathname.startsWith('/cdn/')) {
      const file = normalize(join(distDir, 'cdn', url.pathname.slice('/cdn/'.length)));
      if (file.startsWith(join(distDir, 'cdn')) && existsSync(file)) {
        res.writeHead(200, {'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream'});
        return createReadStream(file).pipe(res);
      }
    }
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {server, origin: `http://127.0.0.1:${server.address().port}`};
}

/**
 * Main-thread tasks of the page's renderer in a trace: [{ts, dur, cpu}] in ms (`cpu`: the time
 * the thread ran, which a loaded machine's scheduler does not stretch as it stretches `dur`).
 */
function mainThreadTasks(events) {
  // The page's renderer is the one whose main thread worked most (other tabs' renderers idle).
  const busiest = new Map();
  const mains = pageMainThreads(events);
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur);
  for (const e of tasks) {
    const key = `${e.pid}:${e.tid}`;
    if (mains.has(key)) busiest.set(key, (busiest.get(key) ?? 0) + e.dur);
  }
  const [key] = [...busiest].reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
  return tasks
    .filter((e) => `${e.pid}:${e.tid}` === key)
    .map((e) => ({ts: e.ts / 1000, dur: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000}));
}

/** The heaviest kinds of work inside the longest task, for reading a regression. */
function breakdown(events, task) {
  const inside = events.filter(
    (e) =>
      e.ph === 'X' && e.dur && e.ts / 1000 >= task.ts && (e.ts + e.dur) / 1000 <= task.ts + task.dur
  );
  const totals = {};
  for (const e of inside) {
    if (e.name === 'RunTask') continue;
    totals[e.name] = (totals[e.name] ?? 0) + e.dur / 1000;
  }
  return Object.entries(totals)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
    .join(', ');
}

/**
 * One shape in a fresh tab: the longest task while it streams (or, `from` history, while a new
 * chat resumes the conversation holding it), and the time until it is all shown.
 */
async function runShape(browser, origin, shape, rep, tracePath, from = 'stream') {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  tab.on('pageerror', (error) => console.error('page error:', error.message));
  await tab.goto(`${origin}/?user=bench-hostile-${shape}-${rep}`, {waitUntil: 'load'});
  await tab.waitForFunction(
    () => document.querySelector('coze-chat')?.shadowRoot?.querySelector('coze-composer'),
    {timeout: 20000}
  );
  // Warm-up turn: the first answer pays for code that is compiled once.
  const conversationId = await tab.evaluate(async () => {
    const chat = document.querySelector('coze-chat');
    const id = await chat.newConversation();
    await chat.send('hello');
    return id;
  });
  await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  if (from === 'history') {
    const seeded = await fetch(`${origin}/__emulator/history`, {
      method: 'POST',
      body: JSON.stringify({token: TOKEN, conversation_id: conversationId, shape}),
    });
    if (!seeded.ok) throw new Error(`seeding the history: ${await seeded.text()}`);
  }
  await tab.tracing.start({
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  const shownMs = await tab.evaluate(
    async (text, ending, fromHistory) => {
      let chat = document.querySelector('coze-chat');
      const start = performance.now();
      if (fromHistory) {
        // A new chat for the same reader resumes the conversation, its history holding the answer.
        const next = chat.cloneNode();
        chat.remove();
        document.body.append(next);
        chat = next;
        while (!chat.shadowRoot?.querySelector('coze-message-list')?.shadowRoot) {
          if (performance.now() - start > 30000) return Infinity;
          await new Promise((r) => requestAnimationFrame(r));
        }
      } else {
        await chat.send(text);
      }
      const list = chat.shadowRoot.querySelector('coze-message-list');
      // The answer's last text node: reading the whole 1 MB answer each frame would cost more
      // than the frame being measured.
      const lastText = () => {
        const md = [...list.shadowRoot.querySelectorAll('.md')].at(-1);
        if (!md) return '';
        const walker = document.createTreeWalker(md, NodeFilter.SHOW_TEXT);
        let node = md;
        while (node.lastChild) node = node.lastChild;
        walker.currentNode = node;
        const before = walker.previousNode()?.textContent ?? '';
        return before.slice(-64) + (node.textContent ?? '');
      };
      // The answer's last slice reaches the screen a bounded part per frame after the stream ends.
      while (!lastText().includes(ending)) {
        if (performance.now() - start > 30000) return Infinity;
        await new Promise((r) => requestAnimationFrame(r));
      }
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - start;
    },
    `hostile ${shape}`,
    HOSTILE_ENDINGS[shape],
    from === 'history'
  );
  const buffer = Buffer.from(await tab.tracing.stop());
  if (tracePath) await writeFile(tracePath, buffer);
  const {traceEvents} = JSON.parse(buffer.toString());
  const tasks = mainThreadTasks(traceEvents);
  const startTs = Math.min(...tasks.map((t) => t.ts));
  const longest = tasks.reduce((a, b) => (b.dur > a.dur ? b : a), {ts: startTs, dur: 0});
  const result = {
    longestMs: longest.dur,
    longestCpuMs: Math.max(0, ...tasks.map((t) => t.cpu)),
    shownMs,
    heaviest: breakdown(traceEvents, longest),
  };
  await context.close();
  return result;
}

/**
 * Every shape, `reps` times each (medians), for each build in `distDirs` in turn (A/B in the
 * same run). `log` gets one line per shape and build.
 * @param {import('puppeteer-core').Browser} browser
 * @returns {Promise<Record<string, {longestMs: number, longestCpuMs: number, shownMs: number, runs: number[], heaviest: string}>[]>}
 */
export async function benchHostile(
  browser,
  {distDirs, reps = 3, shapes, tracePath, log, from = 'stream'}
) {
  for (const distDir of distDirs) {
    if (!existsSync(join(distDir, 'cdn', 'coze-chat-elements.js'))) {
      throw new Error(`no CDN build in ${distDir}/cdn: run \`npm run build\` first`);
    }
  }
  const servers = await Promise.all(distDirs.map(startServer));
  const results = distDirs.map(() => ({}));
  try {
    for (const shape of shapes ?? Object.keys(HOSTILE_SHAPES)) {
      const runs = distDirs.map(() => []);
      for (let rep = 0; rep < reps; rep++) {
        for (const [i, {origin}] of servers.entries()) {
          runs[i].push(await runShape(browser, origin, shape, rep, tracePath, from));
        }
      }
      for (const [i, list] of runs.entries()) {
        const worst = list.reduce((a, b) => (b.longestMs > a.longestMs ? b : a));
        results[i][shape] = {
          longestMs: median(list.map((r) => r.longestMs)),
          longestCpuMs: median(list.map((r) => r.longestCpuMs)),
          shownMs: median(list.map((r) => r.shownMs)),
          runs: list.map((r) => Math.round(r.longestMs)),
          heaviest: worst.heaviest,
        };
        log?.(shape, results[i][shape], distDirs[i]);
      }
    }
  } finally {
    for (const {server} of servers) server.close();
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    protocolTimeout: 10 * 60 * 1000,
    args: chromiumArgs,
  });
  try {
    await benchHostile(browser, {
      distDirs: (value('dist') ?? fileURLToPath(new URL('../dist', import.meta.url))).split(','),
      reps: Number(value('reps') ?? 3),
      shapes: value('shape')?.split(','),
      tracePath: value('trace'),
      from: value('from') ?? 'stream',
      log: (shape, r, dist) =>
        console.log(
          `${shape.padEnd(9)} ${dist.padEnd(20)} longest task ${r.longestMs.toFixed(0)} ms [${r.runs.join(', ')}] (on CPU ${r.longestCpuMs.toFixed(0)} ms), all shown after ${r.shownMs.toFixed(0)} ms; heaviest in it: ${r.heaviest}`
        ),
    });
  } finally {
    await browser.close();
  }
}
