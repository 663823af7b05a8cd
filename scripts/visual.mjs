// Visual regression: shoots the built bundle (dist/cdn) in key states, in Chromium, and compares
// each shot with its committed baseline (test/visual/baselines/<state>.png). The content comes
// from the Coze emulator, so it is the same every run; motion is off (prefers-reduced-motion),
// nothing keeps focus (no caret), and a shot is taken only once the answer and what loads for it
// have settled. A shot may differ from its baseline by a few pixels
// (fonts and hinting differ a little between machines); a missing icon or a moved panel changes
// far more and fails. On failure the shot and a diff go to test/visual/output/ (git-ignored).
//
//   node scripts/visual.mjs            compare (after `npm run build`)
//   node scripts/visual.mjs --update   rewrite the baselines (look at every one you commit)
//   node scripts/visual.mjs --only=dark-markdown,rtl   some states only
import {mkdirSync, readFileSync, rmSync, writeFileSync, existsSync} from 'node:fs';
import {startDevServer} from '@web/dev-server';
import puppeteer from 'puppeteer-core';
import pixelmatch from 'pixelmatch';
import {PNG} from 'pngjs';
import {createEmulator} from '../emulator/index.js';
import {chromiumArgs, chromiumPath} from './chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const baselines = `${root}test/visual/baselines`;
const output = `${root}test/visual/output`;
const update = process.argv.includes('--update');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');

/**
 * Pixels a shot may differ by. A pixel differs when its colour is outside the range of the other
 * image's pixels around it (3 x 3), either way: an edge drawn a fraction of a pixel elsewhere
 * changes its anti-aliasing but stays between its neighbours (Chromium versions place the
 * launcher's icon differently within a pixel: 51 pixels for pixelmatch alone), while a glyph
 * drawn differently (a comma for a full stop: 8 pixels) passes and half of a 16 px icon missing
 * (41) or all of it (85) fails. pixelmatch's count (its per-pixel colour threshold, anti-aliased
 * pixels counted) must stay under MAX_MATCH_PIXELS: a panel moved by a pixel changes thousands.
 */
const MAX_DIFF_PIXELS = 30;
const MAX_MATCH_PIXELS = 1000;
const THRESHOLD = 0.1;

const desktop = {width: 520, height: 720};
const phone = {width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 1};
const SHORTCUTS = '7500000000000000001-shortcuts';
const BACKGROUND = '7500000000000000001-background';

/** The states: name → query for test/visual/page.html, and the viewport. */
const states = [
  ['welcome', {}],
  ['markdown', {ask: 'markdown'}],
  ['wide-table', {ask: 'wide table'}],
  ['code', {ask: 'code'}],
  ['tool-card', {ask: 'tool'}],
  ['reasoning', {ask: 'think'}],
  ['error', {ask: 'fail event'}],
  ['mobile-sheet', {mode: 'floating', ask: 'markdown'}, phone],
  ['dark-welcome', {theme: 'dark'}],
  ['dark-markdown', {theme: 'dark', ask: 'markdown'}],
  ['zh-CN', {lang: 'zh-CN'}],
  // A wide right-to-left page: the floating panel and its launcher on the left.
  ['rtl', {dir: 'rtl', lang: 'en', mode: 'floating', ask: 'code'}, {width: 1000, height: 760}],
  ['formulas', {ask: 'math'}],
  ['dark-formulas', {theme: 'dark', ask: 'math'}],
  ['commands', {bot: SHORTCUTS, shortcut: 'Translate'}],
  ['dark-commands', {bot: SHORTCUTS, theme: 'dark', shortcut: 'Translate'}],
  ['background', {bot: BACKGROUND, ask: 'markdown'}],
  ['dark-background', {bot: BACKGROUND, theme: 'dark', ask: 'markdown'}],
  ['mobile-background', {bot: BACKGROUND, mode: 'floating'}, phone],
].filter(([name]) => !only || only.includes(name));

if (!existsSync(`${root}dist/cdn/coze-chat-elements.js`)) {
  console.error('visual: dist/cdn is missing; run `npm run build` first.');
  process.exit(1);
}

/**
 * Pixels that pixelmatch marked in `diff` (red) whose colour, in either image, is outside the
 * range (per channel, with THRESHOLD of slack) of the other image's 3 x 3 pixels around them.
 */
function outOfRange(base, shot, diff) {
  const {width, height} = base;
  const slack = Math.round(255 * THRESHOLD);
  const within = (from, to, x, y) => {
    const at = (y * width + x) * 4;
    for (let c = 0; c < 3; c++) {
      let low = 255;
      let high = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = Math.min(width - 1, Math.max(0, x + dx));
          const ny = Math.min(height - 1, Math.max(0, y + dy));
          const v = to.data[(ny * width + nx) * 4 + c];
          low = Math.min(low, v);
          high = Math.max(high, v);
        }
      const v = from.data[at + c];
      if (v < low - slack || v > high + slack) return false;
    }
    return true;
  };
  let count = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const marked = diff.data[at] === 255 && diff.data[at + 1] === 0 && diff.data[at + 2] === 0;
      if (marked && !(within(shot, base, x, y) && within(base, shot, x, y))) count++;
    }
  return count;
}

const server = await startDevServer({
  config: {
    rootDir: root,
    port: Number(process.env.PORT ?? 8152),
    hostname: '127.0.0.1',
    middleware: [createEmulator().koa()],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const origin = `http://127.0.0.1:${server.config.port}`;
const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: [...chromiumArgs, '--font-render-hinting=none', '--hide-scrollbars'],
});

rmSync(output, {recursive: true, force: true});
mkdirSync(baselines, {recursive: true});
const failures = [];
try {
  for (const [name, query, viewport = desktop] of states) {
    const page = await browser.newPage();
    await page.setViewport({deviceScaleFactor: 1, ...viewport});
    await page.emulateMediaFeatures([{name: 'prefers-reduced-motion', value: 'reduce'}]);
    const search = new URLSearchParams({state: name, ...query}).toString();
    await page.goto(`${origin}/test/visual/page.html?${search}`);
    await page.waitForSelector('body[data-settled]', {timeout: 30000});
    const settled = await page.$eval('body', (b) => [b.dataset.settled, b.dataset.error]);
    if (settled[0] !== 'true') {
      failures.push(`${name}: the page did not settle (${settled[1]})`);
      await page.close();
      continue;
    }
    const shot = PNG.sync.read(await page.screenshot({type: 'png'}));
    await page.close();
    const file = `${baselines}/${name}.png`;
    if (update || !existsSync(file)) {
      writeFileSync(file, PNG.sync.write(shot));
      console.log(`visual: ${name} ${update ? 'written' : 'had no baseline; written'}`);
      continue;
    }
    const base = PNG.sync.read(readFileSync(file));
    let differing;
    let matching = Infinity;
    let diff;
    if (base.width !== shot.width || base.height !== shot.height) {
      differing = Infinity;
    } else {
      diff = new PNG({width: base.width, height: base.height});
      matching = pixelmatch(base.data, shot.data, diff.data, base.width, base.height, {
        threshold: THRESHOLD,
        includeAA: true,
      });
      differing = outOfRange(base, shot, diff);
    }
    const ok = differing <= MAX_DIFF_PIXELS && matching <= MAX_MATCH_PIXELS;
    console.log(
      `visual: ${name.padEnd(18)} ${ok ? 'ok  ' : 'FAIL'} ${differing} pixels differ (pixelmatch: ${matching})`
    );
    if (!ok) {
      failures.push(
        `${name}: ${differing} pixels differ (at most ${MAX_DIFF_PIXELS}), pixelmatch ${matching} (at most ${MAX_MATCH_PIXELS})`
      );
      mkdirSync(output, {recursive: true});
      writeFileSync(`${output}/${name}.png`, PNG.sync.write(shot));
      if (diff) writeFileSync(`${output}/${name}.diff.png`, PNG.sync.write(diff));
    }
  }
} finally {
  await browser.close();
  await server.stop();
}

if (failures.length) {
  console.error(`\nvisual: ${failures.length} state(s) differ from their baselines:`);
  for (const failure of failures) console.error(`  ${failure}`);
  console.error(
    `The shots and diffs are in test/visual/output/. If the change is intended, look at them, then run \`node scripts/visual.mjs --update\` and commit the baselines.`
  );
  process.exit(1);
}
console.log(`visual: ${states.length} states ${update ? 'written' : 'match their baselines'}`);
