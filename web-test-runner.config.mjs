import {esbuildPlugin} from '@web/dev-server-esbuild';
import {createEmulator} from './emulator/index.js';
import {reactForTests} from './scripts/react-for-tests.mjs';
import {launcherFor, pressKeysPlugin, selectedEngines} from './scripts/browsers.mjs';
import {slowChunks} from './test/dist/slow-chunks.mjs';
import {newKeyPair, tokenRoute} from './scripts/token-route.mjs';

const emulator = createEmulator({fixturesDir: new URL('./test/fixtures/', import.meta.url)});
// `token-url="/__token?user=ann"`: coze-chat-elements/server minting tokens for site user "ann"
// (test/elements/isolation.test.ts); the emulator knows the key pair made here.
const tokens = tokenRoute({
  emulator,
  keys: newKeyPair(),
  path: '/__token',
  sessionName: (request) => new URL(request.url).searchParams.get('user') ?? undefined,
});

/** Test files get `@open-wc/testing` through test/support/testing.ts (a longer `waitUntil`). */
function patientWaits() {
  return {
    name: 'patient-waits',
    resolveImport({source, context}) {
      if (source === '@open-wc/testing' && !context.path.endsWith('/test/support/testing.ts'))
        return '/test/support/testing.ts';
      return undefined;
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  // The page is served from 127.0.0.1; http://localhost:<same port> is a second
  // origin served by the same emulator, for the cross-origin tests.
  hostname: '127.0.0.1',
  // One page at a time: a page in a background tab gets no animation frames,
  // and the widget renders streamed text once per frame.
  concurrency: 1,
  testsFinishTimeout: 5 * 60 * 1000,
  testFramework: {config: {timeout: 10000}},
  // slowChunks: the CDN build's chunks over a slow network (test/dist/split-build.test.ts).
  middleware: [emulator.koa(), tokens, slowChunks()],
  filterBrowserLogs: ({args}) => !String(args[0]).includes('Lit is in dev mode'),
  plugins: [
    patientWaits(),
    esbuildPlugin({ts: true, tsconfig: './tsconfig.json', target: 'es2022'}),
    reactForTests(),
    pressKeysPlugin(),
  ],
  // Chromium; BROWSERS=all for Chromium, Firefox and WebKit, or a list (BROWSERS=firefox,webkit).
  browsers: selectedEngines().map(launcherFor),
};
