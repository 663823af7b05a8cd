/**
 * Runs a Fetch API handler on `node:http` (and so in Express, Connect or Fastify's raw mode):
 * `app.get('/coze-token', toNodeListener(handler))`. Only types come from `node:http`.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';

/** A Fetch API handler such as `createTokenHandler()` returns. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** The largest request body passed on to the handler. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * Wraps a Fetch API handler as a `node:http` request listener (also an Express handler). The
 * request URL is built from the `Host` header; proxy headers are not trusted. A handler that
 * throws gets a JSON 500 answer; the error is logged by its class name only.
 */
export function toNodeListener(
  handler: FetchHandler
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    let response: Response;
    try {
      response = await handler(await toRequest(req));
    } catch (error) {
      console.error(
        `[coze-token] 500 internal_error: the handler threw (${error instanceof Error ? error.name : typeof error}).`
      );
      response = new Response(
        JSON.stringify({error: 'internal_error', message: 'The token server failed.'}),
        {
          status: 500,
          headers: {'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store'},
        }
      );
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    res.writeHead(response.status, headers);
    res.end(new Uint8Array(await response.arrayBuffer()));
  };
}

async function toRequest(req: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const host = req.headers.host ?? 'localhost';
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', `http://${host}`);
  if (method === 'GET' || method === 'HEAD') return new Request(url, {method, headers});
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) break;
    chunks.push(chunk);
  }
  const body = new Uint8Array(Math.min(size, MAX_BODY_BYTES));
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk.subarray(0, body.length - at), at);
    at += chunk.length;
  }
  return new Request(url, {method, headers, body});
}
