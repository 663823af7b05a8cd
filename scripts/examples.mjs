// The example apps in examples/, as their users get them: packs this package (`npm pack`),
// installs the tarball into each app from its lockfile, type-checks and builds it for
// production, serves the build with the Coze emulator on the same origin, and drives it in
// Chromium: the bot id arrives after the first render, the token comes from a function, a
// question is sent and streamed, and the app's `coze-message` handler runs.
//
//   node scripts/examples.mjs [react vue svelte angular]   (needs `npm run build` first)
//   node scripts/examples.mjs --lock [app…]                 refresh the apps' package-lock.json
import {execFileSync, spawn} from 'node:child_process';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import {createServer} from 'node:http';
import {extname, join, normalize, relative, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import puppeteer from 'puppeteer-core';
import {createEmulator} from '../emulator/index.js';
import {chromiumArgs, chromiumPath} from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = join(root, 'examples');
const tarball = join(examples, 'coze-chat-elements.tgz');
const BOT = '7500000000000000001';

/**
 * Each app: how it type-checks (besides its build), where its production build lands, and the
 * pages to drive (query strings; React's `?wrapper` uses the coze-chat-elements/react component).
 */
const APPS = {
  react: {check: null, out: 'dist', pages: ['', 'wrapper']}, // `tsc -b && vite build`
  vue: {check: null, out: 'dist', pages: ['']}, // `vue-tsc -b && vite build`
  svelte: {check: 'check', out: 'dist', pages: ['']}, // `svelte-check --fail-on-warnings`
  angular: {check: null, out: 'dist/example-angular/browser', pages: ['']}, // `ng build`, strictTemplates
};

const args = process.argv.slice(2);
const lockOnly = args.includes('--lock');
const chosen = args.filter((a) => !a.startsWith('--'));
for (const name of chosen)
  if (!(name in APPS)) fail(`unknown app "${name}" (one of: ${Object.keys(APPS).join(', ')})`);
const apps = chosen.length ? chosen : Object.keys(APPS);

function fail(message) {
  console.error(`examples: ${message}`);
  process.exit(1);
}

/** Runs a command in `cwd`, output shown; returns the milliseconds it took. */
function run(cwd, command, commandArgs) {
  const start = performance.now();
  console.log(`::: ${relative(root, cwd) || '.'}: ${command} ${commandArgs.join(' ')}`);
  execFileSync(command, commandArgs, {
    cwd,
    stdio: 'inherit',
    env: {...process.env, NG_CLI_ANALYTICS: 'false'},
  });
  return performance.now() - start;
}

function pack() {
  for (const file of ['dist/index.js', 'dist/cdn/coze-chat-elements.js']) {
    if (!existsSync(join(root, file))) fail(`${file} is missing: run \`npm run build\` first`);
  }
  // The build is current (CI builds just before): pack it as is, without running prepack again.
  const out = execFileSync(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', examples],
    {
      cwd: root,
      encoding: 'utf8',
    }
  );
  const [{filename, size}] = JSON.parse(out);
  renameSync(join(examples, filename), tarball);
  console.log(`::: packed ${filename}: ${kb(size)}`);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Every file under `dir`. */
const filesIn = (dir) =>
  readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory() ? filesIn(join(dir, entry.name)) : [join(dir, entry.name)]
  );

/** The JavaScript and CSS the production build ships: raw and gzip bytes. */
function bundleSize(dir) {
  let raw = 0;
  let gzip = 0;
  for (const file of filesIn(dir)) {
    if (!/\.(m?js|css)$/.test(file)) continue;
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, {level: 9}).length;
  }
  return {raw, gzip};
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** The production build as static files on 127.0.0.1, with the emulator on the same origin. */
async function serve(dir) {
  const emulator = createEmulator();
  const server = createServer(async (req, res) => {
    try {
      if (await emulator.handle(req, res)) return;
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(dir, path));
      if (!file.startsWith(dir + sep) && file !== dir) throw new Error('outside the build');
      if (!existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
      res.writeHead(200, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream'});
      res.end(readFileSync(file));
    } catch (err) {
      res.writeHead(404).end(String(err));
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const {port} = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(done)),
  };
}

/** Runs in the page: the text of the answer rows, through the shadow roots. */
function pageState() {
  const list = document.querySelector('coze-chat')?.shadowRoot?.querySelector('coze-message-list');
  const rows = [...(list?.shadowRoot?.querySelectorAll('[part~="message"]') ?? [])];
  return rows.map((row) => ({
    role: row.dataset.role,
    status: row.dataset.status,
    text: row.querySelector('.md')?.textContent ?? row.textContent,
    table: Boolean(row.querySelector('.md table')),
  }));
}

/**
 * Waits for the element at the end of `path`, each selector inside the previous one's shadow
 * root. (Polled: changes inside shadow roots are not mutations of the document.)
 */
async function deep(page, path, timeout = 10000) {
  const found = await page.waitForFunction(
    (selectors) => {
      let scope = document;
      for (const selector of selectors) {
        const el = (scope.shadowRoot ?? scope).querySelector(selector);
        if (!el) return null;
        scope = el;
      }
      return scope;
    },
    {timeout, polling: 50},
    path
  );
  return /** @type {import('puppeteer-core').ElementHandle<Element>} */ (found);
}

/** Drives one served app; throws with what went wrong. */
async function drive(browser, name, origin, query) {
  // A context of its own: no conversation kept in localStorage from another page.
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  const check = (ok, what) => {
    if (!ok) throw new Error(`${name}: ${what}`);
  };
  const token = `example_${name.replace(/\W+/g, '_')}_${Math.random().toString(36).slice(2, 10)}`;
  const steps = [];
  const step = (what) => steps.push(what);
  try {
    await page.goto(`${origin}/?${query ? `${query}&` : ''}token=${token}`, {
      waitUntil: 'load',
      timeout: 30000,
    });
    // The bot id is set 300 ms after the first render; the prologue needs the bot's info.
    await deep(page, ['coze-chat', 'coze-message-list', '.prologue'], 20000);
    const botId = await page.$eval('coze-chat', (el) => /** @type {any} */ (el).botId);
    check(botId === BOT, `botId on the element is ${JSON.stringify(botId)}`);
    step('bot-id bound after the first render');

    // Everything rendered while the answer streams, watched from before the question.
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.partial = '';
      const list = document
        .querySelector('coze-chat')
        .shadowRoot.querySelector('coze-message-list').shadowRoot;
      new MutationObserver(() => {
        const last = [...list.querySelectorAll('[part~="message"]')].at(-1);
        const text = last?.querySelector('.md')?.textContent ?? '';
        if (last?.dataset.role === 'assistant' && last.dataset.status === 'streaming' && text)
          w.partial ||= text;
      }).observe(list, {childList: true, subtree: true, characterData: true});
    });
    const textarea = await deep(page, ['coze-chat', 'coze-composer', 'textarea']);
    await textarea.type('Show me some markdown');
    await textarea.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('#answers')?.textContent?.trim() === '1',
      {
        timeout: 30000,
      }
    );
    const rows = await page.evaluate(pageState);
    check(
      rows.length === 2 && rows[0].role === 'user' && rows[1].role === 'assistant',
      `rows ${JSON.stringify(rows)}`
    );
    check(rows[0].text.includes('Show me some markdown'), 'the question is not shown');
    check(
      rows[1].status === 'complete' && rows[1].table,
      'the answer is not a complete rendered table'
    );
    const partial = await page.evaluate(() => /** @type {any} */ (window).partial);
    check(
      partial.length > 0 && partial.length < rows[1].text.length,
      'no partial answer seen while streaming'
    );
    step('question sent, answer streamed');
    const last = await page.$eval('#last-answer', (el) => el.textContent ?? '');
    // The handler shows the start of the answer's markdown; its first word is on screen too.
    const firstWord = rows[1].text.trim().split(/\s+/)[0];
    check(last.includes(firstWord), `the coze-message handler showed ${JSON.stringify(last)}`);
    step('coze-message handler fired');

    const calls = Number(await page.$eval('#token-calls', (el) => el.textContent));
    check(calls >= 1, 'the token function was never called');
    const log = await (await fetch(`${origin}/__emulator/requests?token=${token}`)).json();
    const requests = Array.isArray(log) ? log : log.requests;
    const paths = requests.map((r) => `${r.method} ${r.path} ${r.status}`);
    check(
      requests.length > 0 && requests.every((r) => r.headers.authorization === `Bearer ${token}`),
      'requests without the token'
    );
    check(
      requests.some((r) => r.path === `/v1/bots/${BOT}` && r.status === 200),
      `no bot info request: ${paths}`
    );
    check(
      requests.some((r) => r.path === '/v3/chat' && r.body?.bot_id === BOT),
      `no chat request: ${paths}`
    );
    check(
      requests.every((r) => r.status === 200),
      `a request failed: ${paths}`
    );
    step(
      `token function reached the emulator (${calls} call${calls === 1 ? '' : 's'}, ${requests.length} requests)`
    );
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    check(!html.includes(token), 'the token is in the DOM');
    check(problems.length === 0, problems.join('\n'));
    return steps;
  } catch (err) {
    // What the page showed, and what it logged, to tell why.
    const seen = await page
      .evaluate(() => {
        const chat = document.querySelector('coze-chat');
        const list = chat?.shadowRoot?.querySelector('coze-message-list')?.shadowRoot;
        return `${document.body.innerText.slice(0, 300)} | chat: ${list?.textContent?.replace(/\s+/g, ' ').slice(0, 300)}`;
      })
      .catch(() => '');
    throw new Error(`${err.message}\n  page: ${seen}\n  ${problems.join('\n  ')}`, {cause: err});
  } finally {
    await context.close();
  }
}

/** `npm ci` in an app, its output kept and shown if it fails; resolves to the milliseconds it took. */
function install(name) {
  const dir = join(examples, name);
  rmSync(join(dir, 'node_modules'), {recursive: true, force: true});
  console.log(`::: examples/${name}: npm ci`);
  const start = performance.now();
  const child = spawn('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done) => {
    child.on('close', (code) => {
      if (code !== 0) {
        console.error(output);
        fail(
          `npm ci failed in examples/${name}: if the package's dependencies changed, ` +
            `run \`node scripts/examples.mjs --lock ${name}\``
        );
      }
      done(performance.now() - start);
    });
  });
}

/**
 * Refreshes an app's lockfile against the current tarball and the npm registry. The tarball's
 * checksum is left out: it changes with every build, and `npm ci` would refuse the new one.
 */
function lock(name) {
  const dir = join(examples, name);
  const file = join(dir, 'package-lock.json');
  rmSync(file, {force: true});
  rmSync(join(dir, 'node_modules'), {recursive: true, force: true});
  run(dir, 'npm', ['install', '--no-audit', '--no-fund']);
  const lockfile = JSON.parse(readFileSync(file, 'utf8'));
  delete lockfile.packages['node_modules/coze-chat-elements'].integrity;
  writeFileSync(file, `${JSON.stringify(lockfile, null, 2)}\n`);
}

const started = performance.now();
pack();
if (lockOnly) {
  for (const name of apps) lock(name);
  process.exit(0);
}

// The installs wait on the network and the disk, so they run side by side; the builds one by one.
const installs = await Promise.all(apps.map((name) => install(name)));
const results = [];
for (const [i, name] of apps.entries()) {
  const dir = join(examples, name);
  const out = resolve(dir, APPS[name].out);
  rmSync(out, {recursive: true, force: true});
  const checkMs = APPS[name].check ? run(dir, 'npm', ['run', APPS[name].check]) : 0;
  const build = run(dir, 'npm', ['run', 'build']);
  results.push({name, install: installs[i], build: build + checkMs, size: bundleSize(out), out});
}

const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: chromiumArgs,
});
let failed = false;
try {
  for (const result of results) {
    for (const query of APPS[result.name].pages) {
      const label = query ? `${result.name} (?${query})` : result.name;
      // A fresh emulator each time: Coze would give the same user id its earlier conversation.
      const server = await serve(result.out);
      try {
        const steps = await drive(browser, label, server.origin, query);
        console.log(`::: ${label}: ${steps.join('; ')}`);
      } catch (err) {
        failed = true;
        console.error(`::: ${label} FAILED: ${err.message}`);
      } finally {
        await server.close();
      }
    }
  }
} finally {
  await browser.close();
}

console.log('\n| app | npm ci | type-check + build | JS + CSS | gzip |\n|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.name} | ${seconds(r.install)} | ${seconds(r.build)} | ${kb(r.size.raw)} | ${kb(r.size.gzip)} |`
  );
}
console.log(`\n::: examples: ${seconds(performance.now() - started)} in all`);
if (failed) process.exit(1);
