import {expect} from '@open-wc/testing';
import {TokenSource} from '../../src/api/auth.js';
import type {TokenOptions} from '../../src/api/auth.js';
import {CozeClient} from '../../src/api/client.js';
import {CozeApiError} from '../../src/api/errors.js';
import type {CozeChat, CozeMessage, CozeStreamEvent} from '../../src/api/types.js';

/** A client for the emulator on this page's origin (or `apiBase`), with fixed token options. */
export function clientFor(
  options: TokenOptions,
  {apiBase = location.origin, lang}: {apiBase?: string; lang?: string} = {}
): CozeClient {
  return new CozeClient({apiBase, auth: new TokenSource(() => options), lang: () => lang});
}

/** A refresher returning `next` and recording what it was called with. */
export function refresher(next: string | ((n: number) => string), delay = 0) {
  const calls: string[] = [];
  const onRefreshToken = async (old: string) => {
    calls.push(old);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    return typeof next === 'function' ? next(calls.length) : next;
  };
  return {calls, onRefreshToken};
}

/** The `CozeApiError` a promise rejects with (fails the test if it resolves or rejects otherwise). */
export async function failure(promise: Promise<unknown>): Promise<CozeApiError> {
  try {
    await promise;
  } catch (err) {
    expect(err, String(err)).to.be.instanceOf(CozeApiError);
    return err as CozeApiError;
  }
  throw new Error('expected the call to fail');
}

/** A `conversation.chat.*` event that carries a Chat. */
export type ChatEvent = Extract<CozeStreamEvent, {chat: CozeChat}>;
/** A `conversation.message.*` or audio event. */
export type MessageEvent = Extract<CozeStreamEvent, {message: CozeMessage}>;

/** What a stream produced: every event, and the error it ended with (if any). */
export interface Collected {
  events: CozeStreamEvent[];
  error?: unknown;
}

/** Drains an event generator, keeping the events yielded before a throw. */
export async function collect(events: AsyncIterable<CozeStreamEvent>): Promise<Collected> {
  const out: CozeStreamEvent[] = [];
  try {
    for await (const event of events) out.push(event);
    return {events: out};
  } catch (error) {
    return {events: out, error};
  }
}

/** Event names, run-length encoded: `['conversation.chat.created', 'conversation.message.delta×6', …]`. */
export function runs(events: readonly CozeStreamEvent[]): string[] {
  const out: Array<[string, number]> = [];
  for (const event of events) {
    const name = event.event === 'unknown' ? `unknown:${event.name}` : event.event;
    const last = out[out.length - 1];
    if (last && last[0] === name) last[1]++;
    else out.push([name, 1]);
  }
  return out.map(([name, n]) => (n === 1 ? name : `${name}×${n}`));
}

/** The answer as a reader sees it: deltas joined per message id, and the completed content. */
export function answer(events: readonly CozeStreamEvent[]): {
  deltas: string;
  reasoning: string;
  completed: string | undefined;
} {
  let deltas = '';
  let reasoning = '';
  let completed: string | undefined;
  for (const event of events) {
    if (event.event === 'conversation.message.delta' && event.message.type === 'answer') {
      deltas += event.message.content;
      reasoning += event.message.reasoning_content ?? '';
    }
    if (event.event === 'conversation.message.completed' && event.message.type === 'answer') {
      completed = event.message.content;
    }
  }
  return {deltas, reasoning, completed};
}

/** A body that delivers the given byte chunks, recording whether it was cancelled. */
export function bodyOf(chunks: readonly Uint8Array[]): {
  body: ReadableStream<Uint8Array>;
  cancelled: () => boolean;
} {
  let i = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return {body, cancelled: () => cancelled};
}

/** A body made of text chunks (UTF-8 encoded). */
export function textBody(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return bodyOf(chunks.map((c) => encoder.encode(c))).body;
}

/** Bytes of a fixture file in `test/fixtures/`, as a static file of the test server. */
export async function fixtureBytes(file: string): Promise<Uint8Array> {
  const response = await fetch(`/test/fixtures/${file}`);
  if (!response.ok) throw new Error(`fixture ${file}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * An independent, deliberately naive reading of a fixture (split on newlines,
 * `event:`/`data:` prefixes), used as an oracle for `readCozeStream`.
 */
export function naiveEvents(text: string): Array<{name: string; data: string}> {
  const out: Array<{name: string; data: string}> = [];
  let name = '';
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('event:')) name = line.slice(6).replace(/^ /, '');
    else if (line.startsWith('data:')) out.push({name, data: line.slice(5).replace(/^ /, '')});
  }
  return out;
}

/** Requests the emulator logged for bearer tokens containing `token`. */
export interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  status: number | null;
  clientAborted?: boolean;
  /** The newest `seq` when the response ended; absent while it is open. */
  closedAfter?: number;
}

export async function loggedRequests(token: string): Promise<LoggedRequest[]> {
  const response = await fetch(`/__emulator/requests?token=${encodeURIComponent(token)}`);
  if (!response.ok) throw new Error(`request log: HTTP ${response.status}`);
  const body = (await response.json()) as LoggedRequest[] | {requests: LoggedRequest[]};
  return Array.isArray(body) ? body : body.requests;
}

/** A token unique to one test, so the request log can be filtered to it. */
export function uniqueToken(label: string): string {
  return `test_${label}_${Math.random().toString(36).slice(2, 10)}`;
}

/** Waits until `check` returns true (polling), or fails after `timeout` ms. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeout = 3000
): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
