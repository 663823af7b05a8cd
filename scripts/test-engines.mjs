// Runs the browser suite in each engine, one engine after another, and prints at the end the
// report of each failed test (a long log's tail is what a reader sees first) and a line per
// engine. Which engines: BROWSERS if set (see scripts/browsers.mjs); otherwise all
// three under CI, where a missing engine is an error, and those installed elsewhere, where a
// missing one is named with the Debian package that brings it. Extra arguments go to wtr
// (`npm test -- --files test/api/sse.test.ts`).
import {spawn} from 'node:child_process';
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

/**
 * Runs wtr for one engine, its output passing through, and keeps the report of each failed
 * test (the file, the ❌ line and what follows it) so the end of a long log can repeat them.
 */
function runEngine(engine) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['wtr', ...process.argv.slice(2)], {
      stdio: ['inherit', 'pipe', 'pipe'],
      env: {...process.env, BROWSERS: engine},
    });
    const failures = [];
    let file = '';
    let open = null;
    let rest = '';
    const scan = (line) => {
      // Without the terminal's escape codes (wtr's progress bar precedes the file's name).
      // eslint-disable-next-line no-control-regex
      const plain = line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
      if (/^\S.*\.test\.ts:$/.test(plain)) {
        file = plain;
        open = null;
      } else if (/^\s*❌/.test(plain)) {
        open = [file, plain];
        failures.push(open);
      } else if (open && (/^\S/.test(plain) || open.length > 40)) {
        open = null;
      } else if (open) {
        open.push(plain);
      }
    };
    const pass = (out) => (data) => {
      out.write(data);
      const lines = (rest + data.toString()).split('\n');
      rest = lines.pop();
      lines.forEach(scan);
    };
    child.stdout.on('data', pass(process.stdout));
    child.stderr.on('data', pass(process.stderr));
    child.on('error', (error) => resolve({failures, why: `could not start: ${error.message}`}));
    child.on('close', (status, signal) => {
      scan(rest);
      // A killed runner has no exit code, only the signal that ended it.
      resolve({
        failures,
        ok: status === 0,
        why: signal ? `killed by ${signal}` : `exit code ${status}`,
      });
    });
  });
}

const results = [];
for (const engine of chosen.split(',').map((name) => name.trim())) {
  const started = Date.now();
  console.log(`\n::: browser tests in ${engine}`);
  const run = await runEngine(engine);
  results.push({engine, ...run, seconds: Math.round((Date.now() - started) / 1000)});
}

for (const {engine, failures} of results) {
  if (!failures.length) continue;
  console.log(`\nfailed in ${engine}:`);
  for (const lines of failures) console.log(lines.join('\n').trimEnd() + '\n');
}
console.log('\nbrowser tests by engine:');
for (const {engine, ok, why, seconds} of results)
  console.log(`  ${engine.padEnd(8)} ${ok ? 'passed' : `FAILED (${why})`} in ${seconds} s`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
