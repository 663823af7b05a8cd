#!/usr/bin/env node
/**
 * `npx coze-chat-elements token-server --app-id … --key-id … --private-key-file …`: a local token
 * server for trying the OAuth JWT flow. The user is read from `?session=` (or `--session`), which
 * a real site must take from its own sign-in instead.
 */
import {readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {parseArgs} from 'node:util';
import {createTokenHandler} from './handler.js';
import {toNodeListener} from './node.js';

const USAGE = `Usage: coze-chat-elements token-server --app-id <id> --key-id <kid> --private-key-file <pem>
  [--api-base https://api.coze.cn] [--port 8788] [--host 127.0.0.1] [--path /coze-token]
  [--duration 900] [--bot-id <id>]... [--session <name>] [--allow-origin <origin>]

Answers GET <path>?session=<site user> with {access_token, expires_in, user_id}.
For trying only: anyone who can reach it may name any session.`;

function fail(message: string): never {
  console.error(`coze-chat-elements: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const [command, ...rest] = process.argv.slice(2);
if (command === '--help' || command === '-h' || command === undefined) {
  console.log(USAGE);
  process.exit(command === undefined ? 2 : 0);
}
if (command !== 'token-server') fail(`unknown command "${command}"`);

let values;
try {
  ({values} = parseArgs({
    args: rest,
    options: {
      'app-id': {type: 'string'},
      'key-id': {type: 'string'},
      'private-key-file': {type: 'string'},
      'api-base': {type: 'string'},
      port: {type: 'string', default: '8788'},
      host: {type: 'string', default: '127.0.0.1'},
      path: {type: 'string', default: '/coze-token'},
      duration: {type: 'string'},
      'bot-id': {type: 'string', multiple: true},
      session: {type: 'string'},
      'allow-origin': {type: 'string'},
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const appId = values['app-id'] ?? fail('--app-id is required');
const keyId = values['key-id'] ?? fail('--key-id is required');
const keyFile = values['private-key-file'] ?? fail('--private-key-file is required');
let privateKey: string;
try {
  privateKey = readFileSync(keyFile, 'utf8');
} catch {
  fail(`cannot read the private key file ${keyFile}`);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a port number');

let handler;
try {
  handler = createTokenHandler({
    appId,
    keyId,
    privateKey,
    ...(values['api-base'] ? {apiBase: values['api-base']} : {}),
    ...(values.duration ? {durationSeconds: Number(values.duration)} : {}),
    ...(values['bot-id'] ? {botIds: values['bot-id']} : {}),
    sessionName: (request) => new URL(request.url).searchParams.get('session') || values.session,
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const listener = toNodeListener(handler);
const allowOrigin = values['allow-origin'];

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (allowOrigin) {
    res.setHeader('Access-Control-Allow-Origin', allowOrigin);
    res.setHeader('Vary', 'Origin');
  }
  if (path !== values.path) {
    res.writeHead(404, {'Content-Type': 'application/json; charset=utf-8'});
    res.end(
      JSON.stringify({error: 'not_found', message: `The token is served at ${values.path}.`})
    );
    return;
  }
  listener(req, res).catch(() => res.destroy());
});
server.listen(port, values.host, () => {
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  console.log(
    `Coze token server: http://${values.host}:${bound}${values.path}?session=<site user>`
  );
});
