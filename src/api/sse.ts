import {createParser} from 'eventsource-parser';
import type {EventSourceMessage, ParseError} from 'eventsource-parser';
import {CozeApiError, abortReason, hasCozeCode, toCode, toErrorBody} from './errors.js';
import type {CozeChat, CozeMessage, CozeStreamEvent} from './types.js';
import {isRecord, parseJson} from './json.js';
import {readChat, readMessage} from './wire.js';

type ChatEventName = Extract<CozeStreamEvent, {chat: CozeChat; event: string}>['event'];
type MessageEventName = Extract<CozeStreamEvent, {message: CozeMessage}>['event'];

const CHAT_EVENTS: ReadonlySet<string> = new Set<ChatEventName>([
  'conversation.chat.created',
  'conversation.chat.in_progress',
  'conversation.chat.completed',
  'conversation.chat.requires_action',
]);

const MESSAGE_EVENTS: ReadonlySet<string> = new Set<MessageEventName>([
  'conversation.message.delta',
  'conversation.message.completed',
  'conversation.audio.delta',
]);

/**
 * Reads a Coze streaming answer (`/v3/chat`, `/v3/chat/submit_tool_outputs`,
 * `/v1/workflows/chat`) and yields typed events as they arrive.
 *
 * - `done`, `error` and `conversation.chat.failed` end the stream: they are
 *   yielded and reading stops (the body is cancelled).
 * - A bare JSON `{code, msg}` body without SSE framing is yielded as an
 *   `error` event.
 * - Unknown event names become `{event: 'unknown'}`; they never fail the stream.
 * - If the body ends (or breaks) before a terminal event, everything that
 *   arrived is yielded first, then a `CozeApiError` of kind `interrupted` is
 *   thrown, unless `conversation.chat.completed` came: then the answer is whole.
 * - Chats and messages are read by `wire.ts`: text fields are strings, and one
 *   of a shape Coze does not send becomes an `unknown` event.
 * - On abort the platform `AbortError` is thrown. Whenever the consumer stops
 *   early, the body is cancelled.
 */
export async function* readCozeStream(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal
): AsyncGenerator<CozeStreamEvent, void, undefined> {
  if (signal?.aborted) {
    await body.cancel(signal.reason).catch(() => undefined);
    throw abortReason(signal);
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const queue: CozeStreamEvent[] = [];
  // Lines that are not SSE fields: candidates for a bare JSON error body.
  const stray: string[] = [];
  const parser = createParser({
    onEvent: (message: EventSourceMessage) =>
      queue.push(toStreamEvent(message.event, message.data)),
    onError: (error: ParseError) => {
      if (error.type !== 'unknown-field' || error.line === undefined) return;
      const bare = bareError(error.line);
      if (bare) queue.push(bare);
      else stray.push(error.line);
    },
  });
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => undefined);
  // After `conversation.chat.completed` the answer is whole: only `done` may be missing.
  let completed = false;
  signal?.addEventListener('abort', onAbort, {once: true});
  let open = true;
  // When the page last ran in between, and when the last read began (see READ_SLICE_MS).
  let busySince = performance.now();
  let readAt = busySince;
  try {
    while (true) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        if (signal?.aborted) throw abortReason(signal);
        if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
        open = false;
        // A broken connection: the last partial line is truncated, so only whole events count.
        for (const event of drain(queue)) {
          yield event;
          if (isTerminal(event)) return;
          completed ||= event.event === 'conversation.chat.completed';
        }
        if (completed) return;
        throw interrupted('The connection to Coze broke before the answer was complete.', cause);
      }
      if (signal?.aborted) throw abortReason(signal);
      if (chunk.done) {
        open = false;
        // Terminate a final line and event that came without their newlines.
        parser.feed(decoder.decode() + '\n\n');
        if (stray.length) {
          const bare = bareError(stray.join('\n'));
          if (bare) queue.push(bare);
        }
        for (const event of drain(queue)) {
          yield event;
          if (isTerminal(event)) return;
          completed ||= event.event === 'conversation.chat.completed';
        }
        if (completed) return;
        throw interrupted(
          stray.length
            ? 'Coze sent something that is not an answer stream.'
            : 'The answer stream ended before it was complete.'
        );
      }
      if (performance.now() - readAt > 1) busySince = performance.now();
      parser.feed(decoder.decode(chunk.value, {stream: true}));
      for (const event of drain(queue)) {
        yield event;
        if (isTerminal(event)) return;
        completed ||= event.event === 'conversation.chat.completed';
        if (performance.now() - busySince > READ_SLICE_MS) {
          await nextTask();
          if (signal?.aborted) throw abortReason(signal);
          busySince = performance.now();
        }
      }
      readAt = performance.now();
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (open) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/**
 * How long (ms) reading may go on before it lets the page run. Chunks that
 * arrived at once (a fast model, a slow tab) are all at hand, and each read
 * of them resolves at once: without a pause the whole backlog, and whatever
 * its events set off, would be one long task. A read that waited counts as a
 * pause.
 */
const READ_SLICE_MS = 8;

/** Resolves in a task of its own: the page can render and handle input first. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function* drain(queue: CozeStreamEvent[]): Generator<CozeStreamEvent> {
  while (queue.length) yield queue.shift()!;
}

function isTerminal(event: CozeStreamEvent): boolean {
  return (
    event.event === 'done' || event.event === 'error' || event.event === 'conversation.chat.failed'
  );
}

function interrupted(message: string, cause?: unknown): CozeApiError {
  return new CozeApiError({kind: 'interrupted', message, cause});
}

/** A non-SSE text that is a Coze `{code, msg}` error, as an `error` event. */
function bareError(text: string): CozeStreamEvent | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  const parsed = parseJson(trimmed);
  if (!parsed.ok || !hasCozeCode(parsed.value) || toCode(parsed.value.code) === 0) return undefined;
  return {event: 'error', error: toErrorBody(parsed.value)};
}

/** Maps one SSE event (name + data) to a typed Coze event. */
export function toStreamEvent(name: string | undefined, data: string): CozeStreamEvent {
  if (name === 'done') return doneEvent(data);
  if (name === 'error') {
    const parsed = parseJson(data);
    return {event: 'error', error: toErrorBody(parsed.ok ? parsed.value : {msg: data})};
  }
  const parsed = parseJson(data);
  const value = parsed.ok ? parsed.value : undefined;
  if (name === 'conversation.chat.failed') {
    if (isRecord(value) && ('status' in value || 'last_error' in value || 'id' in value)) {
      const chat = readable(readChat, value);
      return {
        event: name,
        ...(chat ? {chat} : {}),
        error: toErrorBody(value.last_error ?? {}),
      };
    }
    return {event: name, error: toErrorBody(value ?? {msg: data})};
  }
  // A chat or message of a shape Coze does not send is passed on as unknown (and ignored).
  if (name !== undefined && CHAT_EVENTS.has(name)) {
    const chat = readable(readChat, value);
    if (chat) return {event: name as ChatEventName, chat};
  }
  if (name !== undefined && MESSAGE_EVENTS.has(name)) {
    const message = readable(readMessage, value);
    if (message) return {event: name as MessageEventName, message};
  }
  if (name === undefined) {
    const bare = bareError(data);
    if (bare) return bare;
  }
  return {event: 'unknown', name: name ?? '', data};
}

/** What `read` makes of a value, or undefined when it is not of that shape. */
function readable<T>(read: (value: unknown) => T, value: unknown): T | undefined {
  try {
    return read(value);
  } catch {
    return undefined;
  }
}

function doneEvent(data: string): CozeStreamEvent {
  const parsed = data.trim().startsWith('{') ? parseJson(data) : {ok: false as const};
  if (parsed.ok && isRecord(parsed.value) && typeof parsed.value.debug_url === 'string') {
    return {event: 'done', debugUrl: parsed.value.debug_url};
  }
  return {event: 'done'};
}
