// Fails when custom-elements.json is not what the analyzer makes from src/ now.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';

const out = mkdtempSync(join('node_modules', '.cem-check-'));
execFileSync('npx', ['--no-install', 'cem', 'analyze', '--outdir', out], {stdio: 'inherit'});
const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
const committed = readFileSync('custom-elements.json', 'utf8');
if (fresh !== committed) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit it.');
  process.exit(1);
}
rmSync(out, {recursive: true});
console.log('custom-elements.json is current.');
