// @ts-check
/**
 * One conversational turn, shared by `/v3/chat` and `/v1/workflows/chat`: pick the bot's script,
 * find or create the conversation, store the question, and play the answer.
 */
import {NULL_SINK, playChat} from '../chat-runner.js';
import {BUSY_ERROR, INVALID_PARAMETER, META_DATA_LIMIT, MESSAGES_LIMIT} from '../errors.js';
import {readFixture, resolveFixture, sendChunked} from '../fixture-files.js';
import {writeHead} from '../http.js';
import {HOSTILE_STREAMS, rawBytes} from '../hostile.js';
import {EVENT_STREAM_TYPE, openEventStream} from '../sse.js';
import {chatView} from '../store.js';
import {findConversation} from './conversations.js';
import {readQuestion} from './enter-messages.js';
import {describeItems, unknownFileId} from './object-string.js';
import {metaDataProblem} from './validate.js';

/** @typedef {import('../exchange.js').Exchange} Exchange */
/** @typedef {import('./enter-messages.js').EnterMessage} EnterMessage */

/**
 * @typedef {object} Turn
 * @property {string} botId put on chats and messages ('' for chatflows, whose streams have none)
 * @property {string} ownerBotId the bot or app the conversation belongs to
 * @property {string} [appId] the app, for a conversation this turn creates
 * @property {string} userId
 * @property {string} connectorId
 * @property {string | null} conversationId existing conversation, or null to create one
 * @property {EnterMessage[]} messages validated, non-empty, last one from the user
 * @property {number} maxMessages how many `additional_messages` the endpoint takes (else 4004)
 * @property {Record<string, string> | undefined} metaData
 * @property {boolean} save `auto_save_history`
 * @property {boolean} stream
 * @property {import('../sse.js').SseFraming} framing
 * @property {(chatId: string) => unknown} doneData data of the final `done` event
 * @property {ChooseScript} choose picks the script from the question
 */

/**
 * @callback ChooseScript
 * @param {string} question the text of the last user message
 * @param {import('./object-string.js').Attachment[]} attachments files/images sent with it
 * @param {import('../store.js').Waiting | null} waiting what the named conversation waits for
 * @returns {import('../bot.js').Script}
 */

/** `fixture <file>` replays: 64-byte chunks, 5 ms apart (times the emulator speed). */
const REPLAY_CHUNK = 64;
const REPLAY_DELAY_MS = 5;

/**
 * Answers a validated turn: a JSON rejection, a raw body, a fixture replay, or a played chat.
 * @param {Exchange} ex
 * @param {Turn} turn
 */
export async function answerTurn(ex, turn) {
  if (turn.messages.length > turn.maxMessages) {
    return ex.fail(
      MESSAGES_LIMIT,
      `additional_messages has ${turn.messages.length} messages; at most ${turn.maxMessages} are allowed`
    );
  }
  const tooBig = [turn.metaData, ...turn.messages.map((m) => m.meta_data)]
    .map(metaDataProblem)
    .find(Boolean);
  if (tooBig) return ex.fail(META_DATA_LIMIT, tooBig);
  const last = turn.messages[turn.messages.length - 1];
  const question = readQuestion(last);
  const {store} = ex.state;
  const missing = unknownFileId(turn.messages, (id) => store.file(id) !== undefined);
  if (missing) {
    return ex.fail(INVALID_PARAMETER, `invalid parameter: file_id ${missing} does not exist`);
  }
  const named = turn.conversationId
    ? store.conversation(turn.conversationId, ex.identity)
    : undefined;
  const attachments = describeItems(question.items, (id) => store.file(id));
  const script = turn.choose(question.text, attachments, named?.waiting ?? null);
  if (script.type === 'reject') return ex.fail(script.code, script.msg, script.status);
  if (script.type === 'bare') {
    ex.entry.status = 200;
    writeHead(ex.res, 200, {'Content-Type': EVENT_STREAM_TYPE, 'x-tt-logid': ex.logid});
    ex.res.end(script.body);
    return;
  }
  if (script.type === 'gateway') {
    ex.entry.status = script.status;
    writeHead(ex.res, script.status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'x-tt-logid': ex.logid,
    });
    ex.res.end(script.body);
    return;
  }
  if (script.type === 'fixture') return replayFixture(ex, script.file);
  if (script.type === 'raw') {
    const raw = HOSTILE_STREAMS[script.shape];
    const id = turn.conversationId ?? '7500000000000000902';
    ex.entry.status = 200;
    await sendChunked(ex.res, rawBytes(script.shape, raw.body(id)), {
      type: EVENT_STREAM_TYPE,
      chunk: raw.chunk,
      delayMs: ex.state.speed,
      headers: {'x-tt-logid': ex.logid},
    });
    return;
  }

  const conversation = turn.conversationId
    ? findConversation(ex, turn.conversationId)
    : store.createConversation({
        botId: turn.ownerBotId,
        appId: turn.appId,
        connectorId: turn.connectorId,
        userId: turn.userId,
        owner: ex.identity,
        autoName: true,
      });
  if (!conversation) return;
  if (conversation.running) return ex.fail(BUSY_ERROR.code, BUSY_ERROR.msg);

  const rec = store.createChat(conversation, {
    botId: turn.botId,
    metaData: turn.metaData,
    save: turn.save,
  });
  const entered = turn.messages.map((m) =>
    store.newMessage(conversation, {
      ...m,
      type: m.type || (m.role === 'user' ? 'question' : 'answer'),
      ...(turn.botId ? {bot_id: turn.botId} : {}),
      chat_id: rec.chat.id,
    })
  );
  if (turn.save) {
    store.save(conversation, entered);
    rec.inserted = entered.map((m) => m.id);
  }
  await playTurn(ex, {
    conversation,
    rec,
    script,
    stream: turn.stream,
    framing: turn.framing,
    inputChars: turn.messages.reduce((n, m) => n + m.content.length, 0),
    doneData: turn.doneData(rec.chat.id),
  });
}

/**
 * Plays a chat's script as the response: an event stream, or (`stream: false`) the Chat object
 * at once with the chat running on in the background.
 * @param {Exchange} ex
 * @param {object} run
 * @param {import('../store.js').ConversationRecord} run.conversation
 * @param {import('../store.js').ChatRecord} run.rec
 * @param {import('../bot.js').StreamScript} run.script
 * @param {boolean} run.stream
 * @param {import('../sse.js').SseFraming} run.framing
 * @param {number} run.inputChars length of the prompt, for the usage counts
 * @param {unknown} run.doneData data of the final `done` event
 */
export async function playTurn(
  ex,
  {conversation, rec, script, stream, framing, inputChars, doneData}
) {
  const play = (/** @type {import('../chat-runner.js').EventSink} */ out) =>
    playChat({
      store: ex.state.store,
      conversation,
      rec,
      script,
      out,
      speed: ex.state.speed,
      inputChars,
      doneData,
    });

  if (!stream) {
    ex.ok(chatView(rec));
    play(NULL_SINK).catch((error) => console.error('[coze-emulator] chat failed:', error));
    return;
  }
  ex.entry.status = 200;
  const events = openEventStream(ex.res, {framing, logid: ex.logid});
  await play({
    get live() {
      return events.live;
    },
    send: (name, data) => events.send(name, data),
    end: () => events.end(),
    closed: events.closed,
    cut: () => {
      ex.serverCut = true;
      events.cut();
    },
  });
}

/**
 * Streams a fixture file as the chat response, byte for byte.
 * @param {Exchange} ex
 * @param {string} name
 */
async function replayFixture(ex, name) {
  const file = resolveFixture(ex.state.fixturesDir, name);
  const bytes = file && (await readFixture(file));
  if (!bytes) return ex.fail(INVALID_PARAMETER, `invalid parameter: no fixture named ${name}`);
  ex.entry.status = 200;
  await sendChunked(ex.res, bytes, {
    type: EVENT_STREAM_TYPE,
    chunk: REPLAY_CHUNK,
    delayMs: REPLAY_DELAY_MS * ex.state.speed,
    headers: {'x-tt-logid': ex.logid},
  });
}
