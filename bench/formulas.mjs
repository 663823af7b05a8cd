#!/usr/bin/env node
// What formulas cost, printed: the typesetter chunk's size (min+gzip, from dist/cdn), and an
// answer with 50 formulas streamed through the transcript's renderer against the same answer with
// the formulas as plain text, in headless Chromium, in the same run.
//
//   npm run build && node bench/formulas.mjs [--reps=5]
import {chromiumArgs, chromiumPath} from '../scripts/chromium.mjs';
import {build} from 'esbuild';
import {readdirSync, readFileSync} from 'node:fs';
import http from 'node:http';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import puppeteer from 'puppeteer-core';

const reps = Number(process.argv.find((a) => a.startsWith('--reps='))?.slice(7) ?? 5);
const chunk = readdirSync('dist/cdn').find((f) => /^math-typesetter-[\w-]+\.js$/.test(f));
if (!chunk) throw new Error('dist/cdn has no typesetter chunk: run `npm run build` first');
const bytes = readFileSync(`dist/cdn/${chunk}`);
console.log(
  `typesetter chunk ${chunk}: ${(bytes.length / 1024).toFixed(1)} KB min, ` +
    `${(gzipSync(bytes, {level: 9}).length / 1024).toFixed(1)} KB min+gzip`
);

const result = await build({
  entryPoints: [fileURLToPath(new URL('./formulas.bench.ts', import.meta.url))],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  write: false,
  splitting: true,
  outdir: '/bench',
  logLevel: 'warning',
  define: {'process.env.NODE_ENV': '"production"'},
});
const files = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
const server = http.createServer((req, res) => {
  const body = files.get(req.url ?? '');
  if (body) {
    res.writeHead(200, {'Content-Type': 'text/javascript'}).end(body);
  } else if (req.url === '/') {
    res
      .writeHead(200, {'Content-Type': 'text/html; charset=utf-8'})
      .end(
        '<!doctype html><html lang="en"><body><div id="stage" style="width:640px"></div><script type="module" src="/bench/formulas.bench.js"></script></body></html>'
      );
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  headless: true,
  args: chromiumArgs,
});
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (error) => console.error('page error:', error.message));
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => 'formulaBench' in window);
  const out = await tab.evaluate((n) => window.formulaBench.run(n), reps);
  const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
  const math = median(out.runs.math);
  const plain = median(out.runs.plain);
  console.log(`typesetter loaded and evaluated in ${out.loadMs.toFixed(0)} ms (local server)`);
  console.log(
    `answer with 50 formulas (${out.chars} chars, ${out.updates} updates, ${out.typeset} typeset): ` +
      `${math.toFixed(1)} ms in all, ${(math / out.updates).toFixed(3)} ms/update; ` +
      `as plain text ${plain.toFixed(1)} ms (${(math / plain).toFixed(2)}x), median of ${reps}`
  );
} finally {
  await browser.close();
  server.close();
}
