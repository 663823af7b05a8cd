// What `npm pack` would ship: every file package.json points at (exports, types, web-types),
// the CDN bundles, the React components, the licence, the manifest and the typings; source
// maps only with their sources inside. Run after `npm run build` (CI builds first; a fresh
// clone's `npm pack` builds through `prepack`).
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const [report] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {encoding: 'utf8'})
);
const files = new Set(report.files.map((f) => f.path));
const problems = [];

const required = [
  'LICENSE',
  'README.md',
  'CHANGELOG.md',
  'package.json',
  'custom-elements.json',
  'dist/index.js',
  'dist/index.d.ts',
  'dist/cdn/coze-chat-elements.js',
  'dist/cdn/coze-chat-elements.d.ts',
  'dist/cdn/coze-chat-elements.iife.js',
  'dist/cdn/coze-chat-elements.iife.d.ts',
  'dist/react/index.js',
  'dist/react/index.d.ts',
  'dist/types/react.d.ts',
  'dist/types/vue.d.ts',
  'dist/types/svelte.d.ts',
  'dist/vscode.html-custom-data.json',
  'dist/web-types.json',
];
for (const path of required) {
  if (!files.has(path)) problems.push(`${path} is not in the package`);
}

/** Every file an `exports` target, `types` or other entry field names. */
const targets = [];
const collect = (value) => {
  if (typeof value === 'string') targets.push(value);
  else if (value && typeof value === 'object') Object.values(value).forEach(collect);
};
collect(pkg.exports);
for (const field of ['main', 'module', 'types', 'customElements', 'web-types']) collect(pkg[field]);
for (const target of targets) {
  const path = target.replace(/^\.\//, '');
  if (path.includes('*')) {
    const [head, tail] = path.split('*');
    if (![...files].some((f) => f.startsWith(head) && f.endsWith(tail))) {
      problems.push(`nothing in the package matches ${target}`);
    }
  } else if (!files.has(path)) {
    problems.push(`${target}, named in package.json, is not in the package`);
  }
}

if (!pkg.scripts?.prepack?.includes('build'))
  problems.push('no prepack build: a fresh clone would pack no dist/');
if (!files.has('package.json') || !pkg.repository || !pkg.homepage || !pkg.bugs) {
  problems.push('package.json needs repository, homepage and bugs');
}

// A source map is useful only with its sources: the package ships no src/, so each map carries them.
for (const path of files) {
  if (!path.endsWith('.map')) continue;
  const map = JSON.parse(readFileSync(path, 'utf8'));
  const contents = map.sourcesContent ?? [];
  if (contents.length !== map.sources.length || contents.some((c) => typeof c !== 'string')) {
    problems.push(`${path} points at sources it does not contain`);
  }
}
for (const path of files) {
  if (/^(src|test|emulator|demo|bench|node_modules)\//.test(path) || path.endsWith('.tgz')) {
    problems.push(`${path} should not ship`);
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `npm pack: ${report.entryCount} files, ${kb(report.size)} packed, ${kb(report.unpackedSize)} unpacked`
);
if (problems.length) {
  console.error(`The package is not what users need:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('The package ships the bundles, typings, licence and manifest it should.');
