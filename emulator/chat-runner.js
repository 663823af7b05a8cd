// @ts-check
/**
 * Plays a bot script as one chat: emits the Coze event sequence on an event stream (or on
 * nothing, for `stream:false`), keeps the chat's status current, and saves the turn on success.
 */
import {nowSeconds} from './ids.js';
import {chatView} from './store.js';

/** @typedef {import('./store.js').Store} Store */
/** @typedef {import('./store.js').ConversationRecord} ConversationRecord */
/** @typedef {import('./store.js').ChatRecord} ChatRecord */
/** @typedef {import('./store.js').Message} Message */
/** @typedef {import('./bot.js').Step} Step */
/** @typedef {import('./bot.js').Pacing} Pacing */

/**
 * Where events go: an open event stream, or a sink that drops them.
 * @typedef {object} EventSink
 * @property {boolean} live
 * @property {(name: string, data: unknown) => boolean} send
 * @property {() => void} end
 * @property {() => void} cut
 * @property {Promise<void>} closed settles when the client's connection closes
 */

/** A sink for chats nobody is listening to (`stream:false`). */
export const NULL_SINK = Object.freeze({
  live: false,
  send: () => false,
  end: () => {},
  cut: () => {},
  closed: Promise.resolve(),
});

/**
 * After a cancel, how long the stream stays open (silent) for the client to hang up. Coze keeps
 * the stream open after a cancel, so a client must abort its own request; the emulator ends it
 * after this grace period and records whether the client hung up first.
 */
export const CANCEL_LINGER_MS = 1000;

/**
 * The content of a `verbose` message, as Coze writes it.
 * @param {string} msgType
 * @param {string} data
 */
function verbose(msgType, data) {
  return JSON.stringify({msg_type: msgType, data, from_module: null, from_unit: null});
}

/** Sent once every answer of a chat is finished (finish reason 0). */
const ANSWER_FINISH = verbose(
  'generate_answer_finish',
  JSON.stringify({finish_reason: 0, FinData: ''})
);
/** Sent when a chatflow pauses on a question node; `data` is empty as in Coze's documented stream. */
const INTERRUPT = verbose('interrupt', '');
/** The finish that follows an interrupt (finish reason 1). */
const INTERRUPT_FINISH = verbose(
  'generate_answer_finish',
  JSON.stringify({finish_reason: 1, FinData: ''})
);

/**
 * Resolves after `ms`, or at once when `signal` aborts.
 * @param {number} ms
 * @param {AbortSignal} signal
 * @returns {Promise<void>}
 */
export function sleep(ms, signal) {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/**
 * Cuts text into pieces of `min`–`max` characters (whole code points, so emoji stay intact).
 * The cut points are pseudo-random but the same for the same text.
 * @param {string} text
 * @param {{min: number, max: number}} sizes
 * @returns {string[]}
 */
export function splitPieces(text, {min, max}) {
  const chars = Array.from(text);
  const random = seededRandom(hashString(text));
  /** @type {string[]} */
  const pieces = [];
  for (let i = 0; i < chars.length;) {
    const size = min + Math.floor(random() * (max - min + 1));
    pieces.push(chars.slice(i, i + size).join(''));
    i += size;
  }
  return pieces;
}

/** @param {string} text */
function hashString(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * A small deterministic generator (mulberry32).
 * @param {number} seed
 */
function seededRandom(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A message as it appears in stream events (field order as Coze writes it).
 * @param {Message} m
 * @param {{content?: string, reasoning?: string, times?: 'none' | 'created' | 'both'}} [options]
 */
export function eventMessage(m, {content = m.content, reasoning, times = 'none'} = {}) {
  /** @type {Record<string, unknown>} */
  const view = {
    id: m.id,
    conversation_id: m.conversation_id,
    bot_id: m.bot_id,
    role: m.role,
    type: m.type,
    content,
    content_type: m.content_type,
    chat_id: m.chat_id,
    section_id: m.section_id,
  };
  if (reasoning !== undefined) view.reasoning_content = reasoning;
  if (times !== 'none') view.created_at = m.created_at;
  if (times === 'both') view.updated_at = m.updated_at;
  return view;
}

/**
 * A tool call id like Coze's: an opaque base64 string, unique within the emulator.
 * @param {Store} store
 * @param {string} chatId
 */
function toolCallId(store, chatId) {
  return Buffer.from(`CALL-${chatId}-${store.nextCallNumber()}`).toString('base64');
}

/**
 * Plays a stream script as a chat. Resolves when the chat has ended one way or another.
 * @param {object} args
 * @param {Store} args.store
 * @param {ConversationRecord} args.conversation
 * @param {ChatRecord} args.rec
 * @param {{steps: Step[], followUps: string[], preamble?: boolean, resumes?: boolean,
 *   awaits?: string, continues?: boolean, followUpsAfterMs?: number}} args.script
 * @param {EventSink} args.out
 * @param {number} args.speed delay multiplier
 * @param {number} args.inputChars length of the prompt, for the usage counts
 * @param {unknown} args.doneData data of the final `done` event
 */
export async function playChat({
  store,
  conversation,
  rec,
  script,
  out,
  speed,
  inputChars,
  doneData,
}) {
  const {chat, controller} = rec;
  const signal = controller.signal;
  const wait = (/** @type {number} */ ms) => sleep(ms * speed, signal);
  let outputChars = 0;
  // The reply a waiting question node gets is this turn's message.
  if (script.resumes) conversation.waiting = null;

  /** Final token counts, from the prompt and what was streamed. */
  const countUsage = () => {
    const inputCount = 300 + Math.ceil(inputChars / 4);
    const outputCount = Math.ceil(outputChars / 4);
    chat.usage = {
      token_count: inputCount + outputCount,
      output_count: outputCount,
      input_count: inputCount,
    };
  };

  /** Puts what the chat produced since the last save into the history (`auto_save_history`). */
  const saveProduced = () => {
    if (!rec.save) return;
    store.save(conversation, rec.produced.slice(rec.saved));
    rec.saved = rec.produced.length;
  };

  /** Ends the response of a stopped chat; a canceled one lingers for the client to hang up. */
  const stopped = async () => {
    if (chat.status === 'canceled' && out.live) {
      /** @type {NodeJS.Timeout | undefined} */
      let timer;
      await Promise.race([
        out.closed,
        new Promise((resolve) => {
          timer = setTimeout(resolve, CANCEL_LINGER_MS);
        }),
      ]);
      clearTimeout(timer);
    }
    out.end();
  };

  /** @param {Pick<Message, 'type' | 'content'> & Partial<Pick<Message, 'content_type'>>} fields */
  const assistantMessage = (fields) =>
    store.newMessage(conversation, {
      role: 'assistant',
      content_type: 'text',
      ...(chat.bot_id ? {bot_id: chat.bot_id} : {}),
      chat_id: chat.id,
      ...fields,
    });

  /**
   * Marks the chat failed.
   * @param {number} code
   * @param {string} msg
   */
  const fail = (code, msg) => {
    const now = nowSeconds();
    chat.status = 'failed';
    chat.completed_at = now;
    chat.failed_at = now;
    chat.last_error = {code, msg};
  };

  /**
   * Streams `text` as deltas of one message. Returns false when the chat was stopped meanwhile.
   * @param {Message} message
   * @param {string} text
   * @param {Pacing} pacing
   * @param {'content' | 'reasoning'} field
   * @param {number} [limit] stop after this many deltas
   */
  const streamText = async (message, text, pacing, field, limit = Infinity) => {
    let sent = 0;
    for (const piece of splitPieces(text, pacing)) {
      if (sent >= limit) break;
      await wait(pacing.delayMs);
      if (signal.aborted) return false;
      const delta =
        field === 'content'
          ? eventMessage(message, {content: piece})
          : eventMessage(message, {content: '', reasoning: piece});
      out.send('conversation.message.delta', delta);
      outputChars += piece.length;
      sent++;
    }
    return true;
  };

  try {
    if (script.preamble !== false && !script.continues) {
      out.send('conversation.chat.created', chatView(rec, {withInserted: true}));
      await wait(10);
      if (signal.aborted) return stopped();
    }
    chat.status = 'in_progress';
    if (script.preamble !== false) out.send('conversation.chat.in_progress', chatView(rec));

    for (const step of script.steps) {
      switch (step.kind) {
        case 'tool': {
          await wait(step.delayMs);
          if (signal.aborted) return stopped();
          const call = assistantMessage({type: 'function_call', content: step.callContent});
          out.send('conversation.message.completed', eventMessage(call));
          await wait(step.delayMs);
          if (signal.aborted) return stopped();
          const result = assistantMessage({type: 'tool_response', content: step.resultContent});
          out.send('conversation.message.completed', eventMessage(result));
          rec.produced.push(call, result);
          break;
        }
        case 'answer': {
          const answer = assistantMessage({type: 'answer', content: ''});
          if (
            step.reasoning &&
            !(await streamText(answer, step.reasoning, step.pacing, 'reasoning'))
          ) {
            return stopped();
          }
          if (!(await streamText(answer, step.text, step.pacing, 'content', step.stopAfter))) {
            return stopped();
          }
          if (step.stopAfter !== undefined) break; // a partial answer is never completed
          answer.content = step.text;
          if (step.reasoning) answer.reasoning_content = step.reasoning;
          answer.created_at = answer.updated_at = nowSeconds();
          out.send('conversation.message.completed', eventMessage(answer, {times: 'created'}));
          rec.produced.push(answer);
          break;
        }
        case 'whole': {
          await wait(step.contentType === 'card' ? 80 : 40);
          if (signal.aborted) return stopped();
          const answer = assistantMessage({
            type: 'answer',
            content: step.content,
            content_type: step.contentType,
          });
          out.send('conversation.message.completed', eventMessage(answer, {times: 'created'}));
          outputChars += step.content.length;
          rec.produced.push(answer);
          break;
        }
        case 'requires-action': {
          // A local plugin: the page runs it and submits the output, which continues this chat.
          await wait(40);
          if (signal.aborted) return stopped();
          chat.status = 'requires_action';
          chat.completed_at = nowSeconds();
          chat.required_action = {
            type: 'submit_tool_outputs',
            submit_tool_outputs: {
              tool_calls: step.calls.map((call) => ({
                id: toolCallId(store, chat.id),
                type: 'function',
                function: {name: call.name, arguments: call.arguments},
              })),
            },
          };
          saveProduced();
          out.send('conversation.chat.requires_action', chatView(rec));
          out.send('done', doneData);
          return out.end();
        }
        case 'error-event':
          await wait(20);
          fail(step.code, step.msg);
          out.send('error', {code: step.code, msg: step.msg});
          return out.end();
        case 'chat-failed':
          await wait(20);
          fail(step.code, step.msg);
          out.send('conversation.chat.failed', chatView(rec));
          return out.end();
        case 'chat-failed-bare':
          await wait(20);
          fail(Number(step.code), step.msg);
          out.send('conversation.chat.failed', {code: step.code, msg: step.msg});
          return out.end();
        case 'cut':
          await wait(20);
          fail(5000, 'the connection was cut');
          return out.cut();
        case 'interrupt': {
          // A question node: no follow-ups and no chat.completed; the next turn is the reply.
          await wait(10);
          if (signal.aborted) return stopped();
          for (const content of [INTERRUPT, INTERRUPT_FINISH]) {
            const note = assistantMessage({type: 'verbose', content});
            out.send('conversation.message.completed', eventMessage(note, {times: 'both'}));
            rec.produced.push(note);
          }
          chat.status = 'requires_action';
          countUsage();
          conversation.waiting = {chatId: chat.id, node: step.node};
          saveProduced();
          out.send('done', doneData);
          return out.end();
        }
      }
    }

    await wait(script.followUpsAfterMs ?? 10);
    if (signal.aborted) return stopped();
    const finish = assistantMessage({type: 'verbose', content: ANSWER_FINISH});
    out.send('conversation.message.completed', eventMessage(finish, {times: 'both'}));
    rec.produced.push(finish);
    for (const question of script.followUps) {
      const followUp = assistantMessage({type: 'follow_up', content: question});
      out.send('conversation.message.completed', eventMessage(followUp, {times: 'both'}));
      rec.produced.push(followUp);
    }

    chat.status = 'completed';
    chat.completed_at = nowSeconds();
    countUsage();
    if (script.awaits) conversation.waiting = {chatId: chat.id, node: script.awaits};
    saveProduced();
    out.send('conversation.chat.completed', chatView(rec));
    out.send('done', doneData);
    return out.end();
  } finally {
    if (conversation.running === rec) conversation.running = null;
  }
}
