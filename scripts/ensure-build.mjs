// Before the tests: build when dist/ is missing or older than the sources, because part of
// the suite (test/dist/) runs against the built CDN files, as users get them.
import {execSync} from 'node:child_process';
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';

const newest = (path) => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
};
const built = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};

const sources = Math.max(newest('src'), newest('rollup.config.mjs'), newest('package.json'));
const outputs = [
  'dist/index.js',
  'dist/cdn/coze-chat-elements.js',
  'dist/cdn/coze-chat-elements.iife.js',
  'dist/server/index.js',
];
if (Math.min(...outputs.map(built)) < sources) {
  console.log('dist/ is missing or older than src/: building first');
  execSync('npm run build', {stdio: 'inherit'});
}
