import type {ChatBackend, StoreConfig} from '../../src/state/store.js';
import type {CozeStreamEvent} from '../../src/api/types.js';

/** One call the store made, answered when the test says so. */
export interface FakeCall {
  readonly method: keyof ChatBackend;
  readonly args: readonly unknown[];
  readonly signal?: AbortSignal;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** The `{signal}` a client method takes last. */
function signalOf(args: readonly unknown[]): AbortSignal | undefined {
  for (const arg of [...args].reverse()) {
    if (arg && typeof arg === 'object' && 'signal' in arg) {
      return (arg as {signal?: AbortSignal}).signal;
    }
  }
  return undefined;
}

function aborted(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * A backend for the store whose every call waits until the test answers it, so the races
 * between loading, switching and disposing can be played out in a chosen order. Requests
 * made with an already aborted signal are not "sent": they reject and are listed in `refused`.
 */
export function fakeBackend() {
  const calls: FakeCall[] = [];
  const refused: Array<keyof ChatBackend> = [];
  /** Events a chat stream yields before it waits (until aborted). */
  const streams: CozeStreamEvent[][] = [];

  function pending(method: keyof ChatBackend) {
    return (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const signal = signalOf(args);
        if (signal?.aborted) {
          refused.push(method);
          reject(aborted(signal));
          return;
        }
        signal?.addEventListener('abort', () => reject(aborted(signal)), {once: true});
        calls.push({method, args, ...(signal ? {signal} : {}), resolve, reject});
      });
  }

  function stream(method: keyof ChatBackend) {
    return (...args: unknown[]): AsyncIterable<CozeStreamEvent> => {
      const signal = signalOf(args)!;
      calls.push({method, args, signal, resolve: () => undefined, reject: () => undefined});
      const events = streams.shift() ?? [];
      return (async function* () {
        for (const event of events) yield event;
        await new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(aborted(signal)), {once: true})
        );
      })();
    };
  }

  const backend: ChatBackend = {
    getBotInfo: pending('getBotInfo'),
    getAppInfo: pending('getAppInfo'),
    getWorkflowInfo: pending('getWorkflowInfo'),
    listConversations: pending('listConversations'),
    createConversation: pending('createConversation'),
    renameConversation: pending('renameConversation'),
    deleteConversation: pending('deleteConversation'),
    clearContext: pending('clearContext'),
    listMessages: pending('listMessages'),
    streamChat: stream('streamChat'),
    streamWorkflowChat: stream('streamWorkflowChat'),
    submitToolOutputs: stream('submitToolOutputs'),
    cancelChat: pending('cancelChat'),
    sendFeedback: pending('sendFeedback'),
    deleteFeedback: pending('deleteFeedback'),
    uploadFile: pending('uploadFile'),
    transcribe: pending('transcribe'),
  } as unknown as ChatBackend;

  /** The last call of `method` not yet answered. */
  function last(method: keyof ChatBackend): FakeCall {
    const call = calls.findLast((c) => c.method === method);
    if (!call) throw new Error(`${method} was not called`);
    return call;
  }

  return {backend, calls, refused, streams, last};
}

export const botConfig = (botId = '7500000000000000001'): StoreConfig => ({
  type: 'bot',
  botId,
  userId: 'user-1',
  connectorId: '999',
});

export const bot = (name = 'Fake Bot') => ({
  id: '7500000000000000001',
  name,
  suggestedQuestions: ['What can you do?'],
  prologue: 'Hello',
});

export const noConversations = {conversations: [], hasMore: false};

/** Lets every settled promise run its continuations. */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
