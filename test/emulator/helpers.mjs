// Shared helpers for the emulator's Node tests: a server on a free port and an SSE reader.
import {createServer} from 'node:http';
import {createEmulator} from '../../emulator/index.js';

/**
 * Starts an emulator on 127.0.0.1:0. Returns its base URL, the emulator and a close function.
 * @param {{speed?: number}} [options]
 */
export async function startEmulator(options = {}) {
  const emulator = createEmulator({speed: options.speed ?? 0});
  const server = createServer((req, res) => {
    emulator.handle(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    base: `http://127.0.0.1:${port}`,
    emulator,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/** Splits a complete event-stream body into `{event, data, raw}` records. */
export function parseEvents(text) {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((raw) => {
      const [eventLine, dataLine, ...rest] = raw.split('\n');
      if (rest.length > 0) throw new Error(`event with more than two lines: ${raw}`);
      return {
        raw,
        event: eventLine.replace(/^event:/, ''),
        data: JSON.parse(dataLine.replace(/^data:/, '')),
      };
    });
}

/** Options for an authorised JSON call. */
export function call(token, body, method = body === undefined ? 'GET' : 'POST') {
  return {
    method,
    headers: {Authorization: `Bearer ${token}`, 'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

/** The body of a `/v3/chat` request asking `question`. */
export function chatBody(question, extra = {}) {
  return {
    bot_id: '7400000000000000001',
    user_id: 'user-1',
    stream: true,
    additional_messages: [{role: 'user', content: question, content_type: 'text'}],
    ...extra,
  };
}

/**
 * Reads an event stream incrementally, calling `onEvent(event, data)` per complete event;
 * stops early when it returns true. Resolves with every event seen.
 */
export async function readEvents(response, onEvent = () => false) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events = [];
  for (;;) {
    const {value, done} = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, {stream: true});
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const [event] = parseEvents(buffer.slice(0, cut + 2));
      buffer = buffer.slice(cut + 2);
      events.push(event);
      if (onEvent(event.event, event.data)) {
        await reader.cancel();
        return events;
      }
    }
  }
  return events;
}
