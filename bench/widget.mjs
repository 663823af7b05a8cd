// The widget as a user meets it: the built CDN entry (dist/cdn/, or --dist=<dir>) on a host
// page, talking to the Coze emulator over loopback, driven by puppeteer. Each figure is
// printed beside a baseline measured in the same run (bench/run.mjs prints and checks them).
import {build} from 'esbuild';
import {createReadStream, existsSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import http from 'node:http';
import {tmpdir} from 'node:os';
import {extname, join, normalize} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import {createEmulator} from '../emulator/index.js';
import {pageMainThreads} from './trace-threads.mjs';

const BOT = '7500000000000000001';
const TOKEN = 'bench-widget-token';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Bundles a bench module with esbuild into a string. */
async function bundle(entry, platform = 'browser') {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform,
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
    define: {'process.env.NODE_ENV': '"production"'},
  });
  return result.outputFiles[0].text;
}

/** An SSE body with `answer` in `cuts.length` deltas, replayed by the emulator's `fixture` trigger. */
function burstStream(answer, cuts) {
  const ids = {id: '7498100000000000103', conversation_id: '7498100000000000011', bot_id: BOT};
  const chat = {
    id: '7498100000000000101',
    conversation_id: ids.conversation_id,
    bot_id: BOT,
    section_id: ids.conversation_id,
  };
  const event = (name, data) => `event:${name}\ndata:${JSON.stringify(data)}\n\n`;
  const message = (content, extra = {}) => ({
    ...ids,
    role: 'assistant',
    type: 'answer',
    content,
    content_type: 'text',
    chat_id: chat.id,
    section_id: chat.section_id,
    ...extra,
  });
  let out = event('conversation.chat.created', {...chat, status: 'created'});
  out += event('conversation.chat.in_progress', {...chat, status: 'in_progress'});
  let from = 0;
  for (const cut of cuts) {
    out += event('conversation.message.delta', message(answer.slice(from, cut)));
    from = cut;
  }
  out += event('conversation.message.completed', message(answer, {created_at: 1750000002}));
  out += event('conversation.chat.completed', {
    ...chat,
    status: 'completed',
    completed_at: 1750000002,
  });
  out += 'event:done\ndata:"[DONE]"\n\n';
  return out;
}

const TYPES = {
  '.js': 'text/javascript',
  '.map': 'application/json',
  '.html': 'text/html; charset=utf-8',
};

/** Serves the build, the host pages and the emulator on one loopback origin. */
async function startServer({distDir, fixturesDir, naive}) {
  const emulator = createEmulator({speed: 0, fixturesDir});
  const page = (body) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A host page</title>
<style>body{font:16px/1.5 sans-serif;margin:0 auto;max-width:720px;padding:16px}</style></head>
<body><h1>A host page</h1>${'<p>Some article text a reader came for, with a chat widget waiting in the corner.</p>'.repeat(40)}
${body}</body></html>`;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (await emulator.handle(req, res)) return;
    const headers = {'Cache-Control': 'no-store'};
    if (url.pathname === '/plain')
      return res.writeHead(200, {...headers, 'Content-Type': TYPES['.html']}).end(page(''));
    if (url.pathname === '/widget') {
      const attrs = url.searchParams.get('attrs') ?? '';
      const origin = `http://${req.headers.host}`;
      // The naive renderer (~89 KB) is the burst row's baseline only (`?naive`): on any other
      // page it would count toward the widget's own figures.
      const naiveTag = url.searchParams.has('naive')
        ? '<script type="module" src="/naive.js"></script>'
        : '';
      const tag = `<script type="module" src="/cdn/coze-chat-elements.js"></script>
<coze-chat bot-id="${BOT}" token="${TOKEN}" api-base="${origin}" ${attrs}></coze-chat>${naiveTag}`;
      return res.writeHead(200, {...headers, 'Content-Type': TYPES['.html']}).end(page(tag));
    }
    if (url.pathname === '/naive.js')
      return res.writeHead(200, {...headers, 'Content-Type': TYPES['.js']}).end(naive);
    if (url.pathname.startsWith('/cdn/')) {
      const file = normalize(join(distDir, 'cdn', url.pathname.slice('/cdn/'.length)));
      if (file.startsWith(join(distDir, 'cdn')) && existsSync(file)) {
        res.writeHead(200, {
          ...headers,
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        });
        return createReadStream(file).pipe(res);
      }
    }
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {server, origin: `http://127.0.0.1:${server.address().port}`};
}

/** A fresh tab in a fresh browser context (nothing cached), with CDP metrics on. */
async function freshTab(browser) {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.setCacheEnabled(false);
  tab.on('pageerror', (error) => console.error('page error:', error.message));
  const cdp = await tab.createCDPSession();
  await cdp.send('Performance.enable');
  const scripts = [];
  tab.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const entry = {url: response.url(), at: Date.now(), gzip: 0};
    scripts.push(entry);
    try {
      entry.gzip = gzipSync(await response.buffer(), {level: 9}).length;
    } catch {
      // A body that is gone (navigation) counts as nothing.
    }
  });
  /** Main-thread task time of this tab so far, in ms. */
  const busy = async () => {
    const {metrics} = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  };
  return {tab, scripts, busy, close: () => context.close()};
}

/** Two frames, then the tab has painted what the last task produced. */
const settle = (tab) =>
  tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Resolves in the page when the widget has rendered (its launcher, or its panel). */
const widgetRendered = () =>
  customElements.whenDefined('coze-chat').then(async () => {
    const chat = document.querySelector('coze-chat');
    await chat.updateComplete;
    const launcher = chat.shadowRoot.querySelector('coze-launcher');
    if (launcher) await launcher.updateComplete;
  });

async function firstLoad(browser, origin, reps) {
  const runs = {plain: [], widget: []};
  let bytes = 0;
  let files = [];
  let idleFetches = 0;
  for (let rep = 0; rep < reps; rep++) {
    for (const kind of rep % 2 ? ['widget', 'plain'] : ['plain', 'widget']) {
      const t = await freshTab(browser);
      await t.tab.goto(`${origin}/${kind}`, {waitUntil: 'load'});
      if (kind === 'widget') await t.tab.evaluate(widgetRendered);
      await settle(t.tab);
      await new Promise((r) => setTimeout(r, 300));
      runs[kind].push(await t.busy());
      if (kind === 'widget') {
        const widgetScripts = t.scripts.filter((s) => s.url.includes('/cdn/'));
        bytes = widgetScripts.reduce((n, s) => n + s.gzip, 0);
        files = widgetScripts.map((s) => s.url.split('/').pop());
        // Nothing more is fetched while the page sits idle and nobody goes near the launcher.
        const before = t.scripts.length;
        await new Promise((r) => setTimeout(r, 1500));
        idleFetches = Math.max(idleFetches, t.scripts.length - before);
      }
      await t.close();
    }
  }
  const plain = median(runs.plain);
  const widget = median(runs.widget);
  return {bytes, files, plainMs: plain, widgetMs: widget, extraMs: widget - plain, idleFetches};
}

/** Pointer over the launcher and click at once (nothing loaded before), then the same once warm. */
async function clickToComposer(browser, origin, reps) {
  const cold = [];
  const warm = [];
  for (let rep = 0; rep < reps; rep++) {
    const t = await freshTab(browser);
    await t.tab.goto(
      `${origin}/widget?attrs=${encodeURIComponent(`user-id="bench-click-${rep}"`)}`,
      {waitUntil: 'load'}
    );
    await t.tab.evaluate(widgetRendered);
    await settle(t.tab);
    const timeClick = async () => {
      await t.tab.evaluate(() => {
        window.__ready = new Promise((resolve) => {
          addEventListener(
            'pointerover',
            () => {
              const start = performance.now();
              const poll = () => {
                let active = document.activeElement;
                let inComposer = false;
                while (active?.shadowRoot?.activeElement) {
                  if (active.localName === 'coze-composer') inComposer = true;
                  active = active.shadowRoot.activeElement;
                }
                if (inComposer && active.localName === 'textarea')
                  resolve(performance.now() - start);
                else requestAnimationFrame(poll);
              };
              poll();
            },
            {once: true, capture: true}
          );
        });
      });
      const launcher = await t.tab.evaluateHandle(() =>
        document.querySelector('coze-chat').shadowRoot.querySelector('coze-launcher')
      );
      const box = await launcher.boundingBox();
      await t.tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      return t.tab.evaluate(() =>
        Promise.race([window.__ready, new Promise((r) => setTimeout(() => r(Infinity), 10000))])
      );
    };
    cold.push(await timeClick());
    await t.tab.evaluate(() => document.querySelector('coze-chat').hide());
    await t.tab.mouse.move(0, 0);
    await settle(t.tab);
    warm.push(await timeClick());
    await t.close();
  }
  return {coldMs: median(cold), warmMs: median(warm)};
}

/** The burst row: a page of its own for each of `runs` bursts, their medians, one naive estimate. */
async function burstRow(browser, origin, stream, runs = 3) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await burst(browser, origin, stream, i === 0));
  const naive = results[0];
  return {
    totalMs: median(results.map((r) => r.totalMs)),
    longestMs: Math.max(...results.map((r) => r.longestMs)),
    longTasks: Math.max(...results.map((r) => r.longTasks)),
    runsMs: results.map((r) => Math.round(r.totalMs)),
    naiveMs: naive.naiveMs,
    sampled: naive.sampled,
    wallMs: median(results.map((r) => r.wallMs)),
    chars: stream.answer.length,
    deltas: stream.cuts.length,
  };
}

async function burst(browser, origin, stream, withNaive) {
  const t = await freshTab(browser);
  await t.tab.goto(
    `${origin}/widget?naive&attrs=${encodeURIComponent('mode="inline" user-id="bench-burst" style="display:block;height:640px"')}`,
    {
      waitUntil: 'load',
    }
  );
  await t.tab.waitForFunction(
    () => document.querySelector('coze-chat')?.shadowRoot?.querySelector('coze-composer'),
    {timeout: 20000}
  );
  // Warm-up turn: the first answer pays for code that is compiled once.
  await t.tab.evaluate(() => document.querySelector('coze-chat').send('hello'));
  await settle(t.tab);
  await t.tab.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) =>
      window.__longTasks.push(...list.getEntries().map((e) => e.duration))
    ).observe({type: 'longtask'});
  });
  const before = await t.busy();
  const seen = await t.tab.evaluate(async () => {
    const start = performance.now();
    await document.querySelector('coze-chat').send('fixture bench-burst.sse');
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const list = document.querySelector('coze-chat').shadowRoot.querySelector('coze-message-list');
    return {wallMs: performance.now() - start, chars: list.shadowRoot.textContent.length};
  });
  await new Promise((r) => setTimeout(r, 100));
  const totalMs = (await t.busy()) - before;
  const longTasks = await t.tab.evaluate(() => window.__longTasks);
  const naive = withNaive
    ? await t.tab.evaluate(
        (a, c) => window.naiveBench.naiveBurst(a, c, 20),
        stream.answer,
        stream.cuts
      )
    : {estimatedMs: 0, sampled: 0};
  await t.close();
  return {
    totalMs,
    longestMs: longTasks.length ? Math.max(...longTasks) : 0,
    longTasks: longTasks.length,
    naiveMs: naive.estimatedMs,
    sampled: naive.sampled,
    wallMs: seen.wallMs,
  };
}

/**
 * From a trace of the page's renderer: the main thread's CPU time (thread time, which other
 * processes on a loaded machine do not inflate as they do wall time), elements whose style was
 * recalculated and layout objects laid out (`UpdateLayoutTree` and `Layout` events). The
 * counts do not swing with the machine at all: a selector that restyles every row shows as a
 * count that grows.
 */
function styleAndLayoutWork(events) {
  const mains = pageMainThreads(events);
  const cpu = new Map();
  let elements = 0;
  let layoutObjects = 0;
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (!mains.has(thread)) continue;
    if (e.ph === 'X' && e.name === 'RunTask') {
      cpu.set(thread, (cpu.get(thread) ?? 0) + (e.tdur ?? 0) / 1000);
    } else if (e.name === 'UpdateLayoutTree') elements += e.args?.elementCount ?? 0;
    else if (e.name === 'Layout') layoutObjects += e.args?.beginData?.dirtyObjects ?? 0;
  }
  // The page's renderer is the one whose main thread worked most.
  return {cpuMs: Math.max(0, ...cpu.values()), elements, layoutObjects};
}

/** The CDP metrics a turn is split into, in ms of main thread. */
const PHASES = {
  totalMs: 'TaskDuration',
  styleMs: 'RecalcStyleDuration',
  layoutMs: 'LayoutDuration',
};

/** Traced pages so far: each chats as a user of its own, so none resumes another's 120 turns. */
let tracedPages = 0;

/**
 * `count` question/answer turns in one inline chat, measured per turn: with `trace`, the
 * elements restyled and layout objects laid out (from a trace of each turn); without, the
 * main-thread time and its style and layout parts (CDP metrics).
 */
async function runTurns(browser, origin, count, trace) {
  const t = await freshTab(browser);
  const user = trace ? `bench-turns-traced-${++tracedPages}` : 'bench-turns';
  await t.tab.goto(
    `${origin}/widget?attrs=${encodeURIComponent(`mode="inline" user-id="${user}" style="display:block;height:640px"`)}`,
    {
      waitUntil: 'load',
    }
  );
  await t.tab.waitForFunction(
    () => document.querySelector('coze-chat')?.shadowRoot?.querySelector('coze-composer'),
    {timeout: 20000}
  );
  const cdp = await t.tab.createCDPSession();
  await cdp.send('Performance.enable');
  const phases = async () => {
    const {metrics} = await cdp.send('Performance.getMetrics');
    const value = (name) => metrics.find((m) => m.name === name).value * 1000;
    return Object.fromEntries(Object.entries(PHASES).map(([key, name]) => [key, value(name)]));
  };
  const perTurn = [];
  for (let i = 1; i <= count; i++) {
    if (trace) {
      await t.tab.tracing.start({
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
      });
    }
    const before = trace ? null : await phases();
    await t.tab.evaluate(
      (n) => document.querySelector('coze-chat').send(`question number ${n}`),
      i
    );
    await settle(t.tab);
    if (trace) {
      const {traceEvents} = JSON.parse(Buffer.from(await t.tab.tracing.stop()).toString());
      perTurn.push(styleAndLayoutWork(traceEvents));
    } else {
      const after = await phases();
      perTurn.push(Object.fromEntries(Object.keys(PHASES).map((k) => [k, after[k] - before[k]])));
    }
  }
  await t.close();
  return perTurn;
}

/**
 * The cost the line through `values` (one per turn, from turn `from` on) gives the last turn
 * against the first: a Theil-Sen fit (the median of the slopes between every two turns), which
 * single slow turns (a collection, another process) cannot tilt as they can tilt two medians of
 * a dozen turns each.
 */
function trend(values, from) {
  const points = values.slice(from - 1).map((y, i) => [from + i, y]);
  const slopes = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      slopes.push((points[j][1] - points[i][1]) / (points[j][0] - points[i][0]));
    }
  }
  const slope = median(slopes);
  const intercept = median(points.map(([x, y]) => y - slope * x));
  const at = (x) => intercept + slope * x;
  const first = points[0][0];
  const last = points[points.length - 1][0];
  return {firstMs: at(first), lastMs: at(last), ratio: at(last) / at(first)};
}

/**
 * The per-turn cost near the start of one page and near its end: the medians of a window of
 * turns once warm (the first turns pay for code compiled on first use) against the medians of
 * the last turns. Times come from one page, the counts from a second, traced one (tracing would
 * add to the times).
 */
async function turns(browser, origin, count) {
  const size = Math.min(12, Math.max(1, Math.floor((count - 2) / 2)));
  const early = [3, 2 + size];
  const late = [count - size + 1, count];
  const timed = await runTurns(browser, origin, count, false);
  const traced = await runTurns(browser, origin, count, true);
  // A second traced page for the fit: the check holds the lower of the two, so one page that a
  // loaded machine slowed late (a CI run once fitted 2.09x where the timed page gave 1.13x)
  // does not fail it, while a cost that grows with the transcript grows on both.
  const again = await runTurns(browser, origin, count, true);
  const medians = (list, [from, to]) => {
    const slice = list.slice(from - 1, to);
    return Object.fromEntries(
      Object.keys(slice[0]).map((k) => [k, median(slice.map((c) => c[k]))])
    );
  };
  const first = medians(timed, early);
  const last = medians(timed, late);
  return {
    count,
    early,
    late,
    firstMs: first.totalMs,
    lastMs: last.totalMs,
    first,
    last,
    workFirst: medians(traced, early),
    workLast: medians(traced, late),
    cpuTrends: [traced, again].map((page) =>
      trend(
        page.map((c) => c.cpuMs),
        early[0]
      )
    ),
  };
}

/** Seeds a conversation of `pages` + 1 history pages and times "load older" page by page. */
async function loadOlder(browser, origin, pages) {
  const userId = 'bench-history';
  const messages = [];
  for (let i = 0; i < (pages + 1) * 10; i++) {
    messages.push({
      role: 'user',
      type: 'question',
      content: `Question ${i}: what about the **${i}th** thing?`,
    });
    messages.push({
      role: 'assistant',
      type: 'answer',
      content: `Answer ${i}. Here is a list:\n\n- one *item* with \`code\`\n- two [link](https://example.com/${i})\n\nAnd a closing paragraph for turn ${i}.`,
    });
  }
  const created = await fetch(`${origin}/v1/conversation/create`, {
    method: 'POST',
    headers: {Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json'},
    // Tagged with the user id as the widget tags its own, so the widget resumes it.
    body: JSON.stringify({
      bot_id: BOT,
      connector_id: '999',
      user_id: userId,
      meta_data: {chat_user: userId},
      messages,
    }),
  }).then((r) => r.json());
  if (created.code !== 0) throw new Error(`seeding the history failed: ${created.msg}`);
  const t = await freshTab(browser);
  await t.tab.goto(
    `${origin}/widget?attrs=${encodeURIComponent(`mode="inline" user-id="${userId}" style="display:block;height:640px"`)}`,
    {
      waitUntil: 'load',
    }
  );
  const rows = () =>
    t.tab.evaluate(
      () =>
        document
          .querySelector('coze-chat')
          ?.shadowRoot?.querySelector('coze-message-list')
          ?.shadowRoot?.querySelectorAll('[part~="message"]').length ?? 0
    );
  await t.tab.waitForFunction(
    () =>
      document
        .querySelector('coze-chat')
        ?.shadowRoot?.querySelector('coze-message-list')
        ?.shadowRoot?.querySelector('[part~="load-older"]'),
    {timeout: 20000}
  );
  const costs = [];
  for (let page = 1; page <= pages; page++) {
    const have = await rows();
    const before = await t.busy();
    await t.tab.evaluate(() =>
      document
        .querySelector('coze-chat')
        .shadowRoot.querySelector('coze-message-list')
        .shadowRoot.querySelector('[part~="load-older"]')
        .click()
    );
    await t.tab.waitForFunction(
      (n) =>
        document
          .querySelector('coze-chat')
          .shadowRoot.querySelector('coze-message-list')
          .shadowRoot.querySelectorAll('[part~="message"]').length > n,
      {timeout: 20000},
      have
    );
    await settle(t.tab);
    costs.push((await t.busy()) - before);
  }
  const shown = await rows();
  // The reader goes back to the newest answer, and a slow answer streams below the long transcript.
  await t.tab.evaluate(() => {
    const box = document
      .querySelector('coze-chat')
      .shadowRoot.querySelector('coze-message-list')
      .shadowRoot.querySelector('.scroller');
    box.scrollTop = box.scrollHeight;
  });
  await settle(t.tab);
  const slowFull = await slowStream(t);
  await t.close();
  return {
    firstMs: median(costs.slice(0, 3)),
    lastMs: median(costs.slice(-3)),
    pages,
    rows: shown,
    slowFull,
  };
}

/**
 * Main-thread time per piece of a slow answer (60 pieces, 120 ms apart, from the emulator's
 * `slow` script) in an inline chat that is already open.
 */
async function slowStream(t) {
  const pieces = 60;
  const before = await t.busy();
  await t.tab.evaluate(() => document.querySelector('coze-chat').send('slow'));
  await settle(t.tab);
  return ((await t.busy()) - before) / pieces;
}

/** The same slow answer in a chat with nothing in it yet: the baseline for the one above. */
async function slowEmpty(browser, origin) {
  const t = await freshTab(browser);
  await t.tab.goto(
    `${origin}/widget?attrs=${encodeURIComponent('mode="inline" user-id="bench-slow" style="display:block;height:640px"')}`,
    {waitUntil: 'load'}
  );
  await t.tab.waitForFunction(
    () => document.querySelector('coze-chat')?.shadowRoot?.querySelector('coze-composer'),
    {timeout: 20000}
  );
  await settle(t.tab);
  const ms = await slowStream(t);
  await t.close();
  return ms;
}

/**
 * Runs every widget scenario, or with `only` ('first-load', 'burst' or 'turns') that row alone.
 * @param {import('puppeteer-core').Browser} browser
 */
export async function benchWidget(
  browser,
  {distDir, reps, turnCount, olderPages, size, deltas, only}
) {
  if (!existsSync(join(distDir, 'cdn', 'coze-chat-elements.js'))) {
    throw new Error(`no CDN build in ${distDir}/cdn: run \`npm run build\` first`);
  }
  const fixturesDir = await mkdtemp(join(tmpdir(), 'coze-widget-bench-'));
  const {makeAnswer, makeCuts} = await import(
    `data:text/javascript,${encodeURIComponent(await bundle('./answer.ts', 'neutral'))}`
  );
  const answer = makeAnswer(size);
  const cuts = makeCuts(answer.length, deltas);
  await writeFile(join(fixturesDir, 'bench-burst.sse'), burstStream(answer, cuts));
  const naive = await bundle('./naive.bench.ts');
  const {server, origin} = await startServer({distDir, fixturesDir, naive});
  try {
    if (only === 'first-load') return {firstLoad: await firstLoad(browser, origin, reps)};
    // `--only=turns`: the turns alone (a few minutes), e.g. to compare two builds.
    if (only === 'turns') return {turns: await turns(browser, origin, turnCount)};
    if (only === 'burst') return {burst: await burstRow(browser, origin, {answer, cuts})};
    return {
      firstLoad: await firstLoad(browser, origin, reps),
      click: await clickToComposer(browser, origin, reps),
      burst: await burstRow(browser, origin, {answer, cuts}),
      turns: await turns(browser, origin, turnCount),
      older: await loadOlder(browser, origin, olderPages),
      slowEmptyMs: await slowEmpty(browser, origin),
    };
  } finally {
    server.close();
    await rm(fixturesDir, {recursive: true, force: true});
  }
}
