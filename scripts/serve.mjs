// `npm start`: serves the demo pages and the Coze emulator on one local origin.
import {startDevServer} from '@web/dev-server';
import {createEmulator} from '../emulator/index.js';

const port = Number(process.env.PORT ?? 8000);
const emulator = createEmulator();

await startDevServer({
  config: {
    rootDir: new URL('..', import.meta.url).pathname,
    port,
    hostname: process.env.HOST ?? 'localhost',
    middleware: [
      emulator.koa(),
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

  Type "help" in the chat to see what the emulator's bot can do.
`);
