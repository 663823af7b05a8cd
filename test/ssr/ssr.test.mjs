// On the server (Node, as in Next.js, Nuxt or SvelteKit server rendering): which entry points
// can be imported, and what the React components render. Runs against dist/ (npm run build).
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {test} from 'node:test';

/** Imports `specifier` in a fresh Node, as a server would; resolves to its error message or ''. */
function importOnServer(specifier) {
  try {
    execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `await import(${JSON.stringify(specifier)});`],
      {
        stdio: 'pipe',
      }
    );
    return '';
  } catch (error) {
    // The last line names the error; the lines before it quote a minified bundle.
    return (
      String(error.stderr || error.message)
        .trim()
        .split('\n')
        .filter((l) => /Error/.test(l))
        .at(-1) ?? 'failed'
    );
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
