import type {CozeStreamEvent} from '../api/types.js';
import type {StoreHost} from './store-host.js';
import type {Turn} from './turn-runner.js';
import {pretty} from './transcript.js';
import {LocalErrorCode, type ChatError, type ChatMessage, type ToolOutput} from './types.js';

/** How long the page's functions may take unless `StoreOptions.toolTimeout` says otherwise. */
export const DEFAULT_TOOL_TIMEOUT = 60_000;

/** `outputs`, or `undefined` when `ms` passed first; rejects at once when `signal` aborts. */
function within<T>(outputs: Promise<T>, ms: number, signal: AbortSignal): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve, reject) => {
    const timer =
      Number.isFinite(ms) && ms > 0
        ? setTimeout(() => done(() => resolve(undefined)), ms)
        : undefined;
    const onAbort = () => done(() => reject(signal.reason));
    const done = (settle: () => void) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      settle();
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, {once: true});
    outputs.then(
      (value) => done(() => resolve(value)),
      (error: unknown) => done(() => reject(error))
    );
  });
}

function parseArguments(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/**
 * After a stream that ended waiting for local functions: runs them through the page (each
 * shown as a tool card, running until the page answers) and streams the rest of the answer;
 * `events` is undefined when nothing waits.
 */
export async function runTools(
  host: StoreHost,
  turn: Turn,
  signal: AbortSignal
): Promise<{events: AsyncIterable<CozeStreamEvent> | undefined} | {failure: ChatError}> {
  const calls = turn.toolCalls;
  turn.toolCalls = undefined;
  const {conversationId, chatId} = turn;
  if (!calls?.length || !conversationId || !chatId) return {events: undefined};
  const requests = calls.map((c) => ({
    id: c.id,
    name: c.function.name,
    arguments: parseArguments(c.function.arguments),
  }));
  const cards = requests.map((request) => {
    const args = request.arguments;
    const card: ChatMessage = {
      key: `local-tool:${request.id}`,
      role: 'assistant',
      type: 'function_call',
      content: '',
      contentType: 'text',
      status: 'streaming',
      chatId,
      tool: {
        name: request.name,
        arguments:
          typeof args === 'string'
            ? args
            : pretty(args, calls.find((c) => c.id === request.id)!.function.arguments),
        local: true,
      },
    };
    host.update({messages: [...host.snapshot.messages, card]});
    return {key: card.key, id: request.id};
  });
  /** The page answered (or could not): each card gets its output, or is marked failed. */
  const settle = (results?: readonly ToolOutput[]) => {
    for (const {key, id} of cards) {
      const output = results?.find((r) => r.toolCallId === id)?.output;
      host.replace(key, (m) => ({
        ...m,
        status: 'complete',
        tool: {...m.tool!, ...(output !== undefined ? {output} : {failed: true})},
      }));
    }
  };
  const outputs = host.options.runTools?.(requests);
  // Nobody on the page answered: the reader is told which function the bot wanted.
  if (!outputs) {
    settle();
    return {
      failure: {
        code: LocalErrorCode.unsupported,
        message: requests.map((r) => r.name).join(', '),
      },
    };
  }
  let results: readonly ToolOutput[] | undefined;
  let toolOutputs;
  try {
    results = await within(outputs, host.options.toolTimeout?.() ?? DEFAULT_TOOL_TIMEOUT, signal);
    if (results) toolOutputs = results.map((r) => ({tool_call_id: r.toolCallId, output: r.output}));
  } catch (error) {
    signal.throwIfAborted();
    // The page's handler failed: the reader is told so (not that Coze could not be reached).
    results = undefined;
    return {
      failure: {
        code: LocalErrorCode.toolFailed,
        message: error instanceof Error ? error.message : String(error),
      },
    };
  } finally {
    settle(results);
  }
  signal.throwIfAborted();
  // The page took too long: the reader is told which function it was.
  if (!results || !toolOutputs) {
    return {
      failure: {
        code: LocalErrorCode.toolTimeout,
        message: requests.map((r) => r.name).join(', '),
      },
    };
  }
  const events = host.options.backend.submitToolOutputs(
    {conversationId, chatId, toolOutputs},
    {signal}
  );
  return {events};
}
