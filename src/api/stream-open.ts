import {CozeApiError, abortReason, isAuthCode, redact, redactEvent} from './errors.js';
import {headerLogId, readEnvelope, withLogId} from './envelope.js';
import {readCozeStream} from './sse.js';
import {IdleTimer} from './idle-timer.js';
import type {Call, Transport} from './transport.js';
import type {CozeStreamEvent} from './types.js';

/**
 * Opens a streaming call and yields its events. A rejection before the
 * stream starts (a JSON answer instead of `text/event-stream`, or a bare
 * auth error as the stream's first event) is thrown as a `CozeApiError`,
 * after one token refresh and retry for auth errors. The stream fails with
 * kind `timeout` when it sends nothing for `idleMs`, its opening included.
 */
export async function* openStream(
  transport: Transport,
  outer: Call,
  idleMs: number
): AsyncGenerator<CozeStreamEvent, void, undefined> {
  if (outer.signal?.aborted) throw abortReason(outer.signal);
  const idle = new IdleTimer(idleMs, transport.signalFor(outer));
  const call: Call = {...outer, signal: idle.signal};
  const signal = idle.signal;
  let logId: string | undefined;
  let tokens: string[] = [];
  try {
    const opened = await transport.withAuth(async (token) => {
      const response = await transport.fetch(call, token);
      const logId = headerLogId(response);
      const type = response.headers.get('content-type') ?? '';
      if (!response.ok || !type.includes('text/event-stream') || !response.body) {
        await readEnvelope(response, signal);
        throw new CozeApiError({
          kind: 'http',
          status: response.status,
          message: 'Coze did not answer with an event stream.',
          ...(logId ? {logId} : {}),
        });
      }
      idle.arm();
      const events = readCozeStream(response.body, signal);
      const first = await events.next();
      if (!first.done && first.value.event === 'error' && isAuthCode(first.value.error.code)) {
        await events.return(undefined);
        throw new CozeApiError({
          kind: 'api',
          code: first.value.error.code,
          message: first.value.error.msg,
          status: response.status,
          ...(logId ? {logId} : {}),
        });
      }
      return {events, first, logId};
    }, signal);
    logId = opened.value.logId;
    tokens = opened.tokens;
    const {events, first} = opened.value;
    try {
      if (!first.done) {
        idle.pause();
        yield redactEvent(first.value, tokens);
        idle.arm();
      }
      for await (const event of events) {
        idle.pause();
        yield redactEvent(event, tokens);
        idle.arm();
      }
    } finally {
      await events.return(undefined);
    }
  } catch (err) {
    if (idle.fired && !outer.signal?.aborted) {
      throw new CozeApiError({
        kind: 'timeout',
        message: `Coze sent nothing for ${Math.round(idle.ms / 1000)} s.`,
        ...(logId ? {logId} : {}),
      });
    }
    throw redact(withLogId(err, logId), tokens);
  } finally {
    idle.stop();
  }
}
