// `npm start`: serves the demo pages, the Coze emulator and the site's token handler on one
// local origin.
import {startDevServer} from '@web/dev-server';
import {createEmulator} from '../emulator/index.js';
import {storedKeyPair, tokenRoute} from './token-route.mjs';

const port = Number(process.env.PORT ?? 8000);
const emulator = createEmulator();
// The demo OAuth app's key pair, made at the first start and kept out of git (.demo-keys/).
const keys = storedKeyPair(new URL('../.demo-keys/oauth-key-pair.json', import.meta.url).pathname);
/** The demo site's users; the signed-in one is named by the `demo_user` cookie. */
const USERS = new Set(['ann', 'bob']);
const tokens = tokenRoute({
  emulator,
  keys,
  path: '/demo/coze-token',
  sessionName: (request) => {
    const user = /(?:^|;\s*)demo_user=([^;]*)/.exec(request.headers.get('cookie') ?? '')?.[1];
    return user && USERS.has(user) ? user : undefined;
  },
});

await startDevServer({
  config: {
    rootDir: new URL('..', import.meta.url).pathname,
    port,
    hostname: process.env.HOST ?? 'localhost',
    middleware: [
      emulator.koa(),
      tokens,
      (ctx, next) => {
        if (ctx.path === '/') ctx.redirect('/demo/');
        return next();
      },
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});

console.log(`
  coze-chat-elements demo, talking to the local Coze emulator:

    http://localhost:${port}/demo/             floating launcher on a host page
    http://localhost:${port}/demo/inline.html  the panel inline in a page
    http://localhost:${port}/demo/headless.html  parts composed by the page
    http://localhost:${port}/demo/theming.html   restyled with tokens and parts only
    http://localhost:${port}/demo/compat.html    the official Chat SDK snippet, unchanged
    http://localhost:${port}/demo/users.html     two site users, per-user tokens from the token handler

  Type "help" in the chat to see what the emulator's bot can do.
`);
