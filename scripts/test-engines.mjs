// Runs the browser suite in each engine, one engine after another, and prints a line per
// engine at the end. Which engines: BROWSERS if set (see scripts/browsers.mjs); otherwise all
// three under CI, where a missing engine is an error, and those installed elsewhere, where a
// missing one is named with the Debian package that brings it. Extra arguments go to wtr
// (`npm test -- --files test/api/sse.test.ts`).
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {chromiumPath} from './chromium.mjs';
import {engines, firefoxPath, miniBrowserPath, webkitDriverPath} from './browsers.mjs';

const installs = {
  chromium: {paths: [chromiumPath], debian: 'chromium'},
  firefox: {paths: [firefoxPath], debian: 'firefox-esr'},
  webkit: {paths: [webkitDriverPath, miniBrowserPath], debian: 'webkit2gtk-driver xvfb'},
};
const installed = (engine) => installs[engine].paths.every((path) => existsSync(path));

let chosen;
if (process.env.BROWSERS?.trim()) {
  chosen = process.env.BROWSERS;
} else {
  const missing = engines.filter((engine) => !installed(engine));
  if (missing.length && process.env.CI) {
    console.error(`test-engines: CI runs every engine; missing: ${missing.join(', ')}`);
    process.exit(1);
  }
  for (const engine of missing)
    console.warn(
      `test-engines: ${engine} is not installed, skipped (apt-get install ${installs[engine].debian})`
    );
  chosen = engines.filter(installed).join(',');
  if (!chosen) {
    console.error('test-engines: no browser engine installed (apt-get install chromium)');
    process.exit(1);
  }
}

const results = [];
for (const engine of chosen.split(',').map((name) => name.trim())) {
  const started = Date.now();
  console.log(`\n::: browser tests in ${engine}`);
  const run = spawnSync('npx', ['wtr', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: {...process.env, BROWSERS: engine},
  });
  results.push({
    engine,
    ok: run.status === 0,
    // A killed runner has no exit code, only the signal that ended it; a spawn failure has neither.
    why: run.error
      ? `could not start: ${run.error.message}`
      : run.signal
        ? `killed by ${run.signal}`
        : `exit code ${run.status}`,
    seconds: Math.round((Date.now() - started) / 1000),
  });
}

console.log('\nbrowser tests by engine:');
for (const {engine, ok, why, seconds} of results)
  console.log(`  ${engine.padEnd(8)} ${ok ? 'passed' : `FAILED (${why})`} in ${seconds} s`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
