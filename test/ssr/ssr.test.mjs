// On the server (Node, as in Next.js, Nuxt or SvelteKit server rendering): which entry points
// can be imported, and what the React components render. Runs against dist/ (npm run build).
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {test} from 'node:test';

/** Imports `specifier` in a fresh Node, as a server would; resolves to its error (`Name: message`) or ''. */
function importOnServer(specifier) {
  // The error is caught and printed alone: Node's own report would quote a line of a minified bundle.
  const script =
    `try { await import(${JSON.stringify(specifier)}); } ` +
    'catch (error) { console.log(`${error.name}: ${error.message}`); process.exitCode = 1; }';
  try {
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return '';
  } catch (error) {
    return String(error.stdout).trim() || `exit ${error.status}`;
  }
}

const safe = [
  'coze-chat-elements',
  'coze-chat-elements/define',
  'coze-chat-elements/elements',
  'coze-chat-elements/api',
  'coze-chat-elements/markdown',
  'coze-chat-elements/react',
  'coze-chat-elements/types/react',
];
for (const specifier of safe) {
  test(`${specifier} imports on the server`, () => {
    assert.equal(importOnServer(specifier), '');
  });
}

test('coze-chat-elements/cdn is for browsers: it needs the DOM', () => {
  assert.match(importOnServer('coze-chat-elements/cdn'), /(HTMLElement|document) is not defined/);
});

test('the React components render on the server without the token or the callbacks', async () => {
  const {createElement: h} = await import('react');
  const {renderToString} = await import('react-dom/server');
  const {CozeChat} = await import('coze-chat-elements/react');
  const html = renderToString(
    h(CozeChat, {
      botId: '7420000000000000000',
      mode: 'inline',
      token: 'pat_server_side_secret',
      onRefreshToken: async () => 'refreshed_secret',
      className: 'chat',
    })
  );
  assert.match(html, /^<coze-chat[^>]*class="chat"/);
  assert.doesNotMatch(html, /secret/);
});
