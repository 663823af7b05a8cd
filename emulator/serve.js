// @ts-check
/** Standalone emulator for manual use: `node emulator/serve.js [port]` (default 8787). */
import {createServer} from 'node:http';
import {createEmulator} from './index.js';

const port = Number(process.argv[2] ?? process.env.PORT ?? 8787);
const emulator = createEmulator();

const server = createServer((req, res) => {
  emulator.handle(req, res).then(
    (handled) => {
      if (handled) return;
      res.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8'});
      res.end('Not an emulator path. Try /v1/bots/123 or POST /v3/chat.\n');
    },
    (error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  );
});

server.listen(port, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`Coze emulator listening on http://127.0.0.1:${actual}`);
  console.log(
    'Any bearer token works; one containing "expired" gets code 4100. Say "help" to the bot.'
  );
});
