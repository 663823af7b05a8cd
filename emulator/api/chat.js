// @ts-check
/** Chat endpoints: `POST /v3/chat` (streaming), cancel, retrieve, and a chat's messages. */
import {chooseScript} from '../bot.js';
import {NULL_SINK, playChat} from '../chat-runner.js';
import {readFixture, resolveFixture, sendChunked} from '../fixture-files.js';
import {writeHead} from '../http.js';
import {CHAT_FRAMING, EVENT_STREAM_TYPE, openEventStream} from '../sse.js';
import {chatView} from '../store.js';
import {BUSY_ERROR, CANNOT_CANCEL, INVALID_PARAMETER, UNPUBLISHED_ERROR} from '../errors.js';
import {UNPUBLISHED_MARK} from './bots.js';
import {DEFAULT_CONNECTOR, findConversation} from './conversations.js';
import {enterMessages, readQuestion} from './enter-messages.js';
import {bodyObject, stringField, stringMapField} from './validate.js';

/** @typedef {import('../exchange.js').Exchange} Exchange */

const CHAT_NOT_FOUND = {code: 4000, msg: 'invalid parameter: chat not found'};

/** Statuses a chat ends in. */
const FINAL_STATUSES = new Set(['completed', 'failed', 'requires_action', 'canceled']);

/** `fixture <file>` replays: 64-byte chunks, 5 ms apart (times the emulator speed). */
const REPLAY_CHUNK = 64;
const REPLAY_DELAY_MS = 5;

/** `POST /v3/chat?conversation_id=` @param {Exchange} ex */
export async function startChat(ex) {
  const body = bodyObject(ex.body);
  if (!body) return ex.fail(INVALID_PARAMETER, 'invalid parameter: body must be a JSON object');
  const botId = stringField(body, 'bot_id');
  const userId = stringField(body, 'user_id');
  if (!botId) return ex.fail(INVALID_PARAMETER, 'invalid parameter: bot_id is required');
  if (!userId) return ex.fail(INVALID_PARAMETER, 'invalid parameter: user_id is required');
  const messages = enterMessages(body.additional_messages ?? []);
  if (typeof messages === 'string') return ex.fail(INVALID_PARAMETER, `invalid parameter: ${messages}`);
  const last = messages.at(-1);
  if (!last) return ex.fail(INVALID_PARAMETER, 'invalid parameter: additional_messages is empty');
  if (last.role !== 'user') {
    return ex.fail(INVALID_PARAMETER, 'invalid parameter: the last message must be from the user');
  }
  const metaData = stringMapField(body, 'meta_data');
  if (metaData === null) return ex.fail(INVALID_PARAMETER, 'invalid parameter: meta_data');
  const stream = body.stream === true;
  const save = body.auto_save_history !== false;
  if (!stream && !save) {
    return ex.fail(INVALID_PARAMETER, 'invalid parameter: use stream when auto_save_history is false');
  }
  if (botId.includes(UNPUBLISHED_MARK)) return ex.fail(UNPUBLISHED_ERROR.code, UNPUBLISHED_ERROR.msg);

  const question = readQuestion(last);
  const script = chooseScript(question.text, question.attachments);
  if (script.type === 'reject') return ex.fail(script.code, script.msg, script.status);
  if (script.type === 'bare') {
    ex.entry.status = 200;
    writeHead(ex.res, 200, {'Content-Type': EVENT_STREAM_TYPE, 'x-tt-logid': ex.logid});
    ex.res.end(script.body);
    return;
  }
  if (script.type === 'fixture') return replayFixture(ex, script.file);

  const {store} = ex.state;
  const conversationId = ex.url.searchParams.get('conversation_id');
  const conversation = conversationId
    ? findConversation(ex, conversationId)
    : store.createConversation({
        botId,
        connectorId: stringField(body, 'connector_id') || DEFAULT_CONNECTOR,
        userId,
        token: ex.token,
      });
  if (!conversation) return;
  if (conversation.running) return ex.fail(BUSY_ERROR.code, BUSY_ERROR.msg);

  const rec = store.createChat(conversation, {botId, metaData, save});
  const entered = messages.map((m) =>
    store.newMessage(conversation, {
      ...m,
      type: m.type || (m.role === 'user' ? 'question' : 'answer'),
      bot_id: botId,
      chat_id: rec.chat.id,
    })
  );
  if (save) {
    store.save(conversation, entered);
    rec.inserted = entered.map((m) => m.id);
  }
  const inputChars = messages.reduce((n, m) => n + m.content.length, 0);
  const play = (/** @type {import('../chat-runner.js').EventSink} */ out) =>
    playChat({store, conversation, rec, script, out, speed: ex.state.speed, inputChars});

  if (!stream) {
    ex.ok(chatView(rec));
    play(NULL_SINK).catch((error) => console.error('[coze-emulator] chat failed:', error));
    return;
  }
  ex.entry.status = 200;
  const events = openEventStream(ex.res, {framing: CHAT_FRAMING, logid: ex.logid});
  await play({
    get live() {
      return events.live;
    },
    send: (name, data) => events.send(name, data),
    end: () => events.end(),
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

/**
 * The chat named by `conversation_id` + `chat_id`, or a 4000 reply and `undefined`.
 * @param {Exchange} ex
 * @param {string} conversationId
 * @param {string} chatId
 */
function findChat(ex, conversationId, chatId) {
  if (!conversationId || !chatId) {
    ex.fail(INVALID_PARAMETER, 'invalid parameter: conversation_id and chat_id are required');
    return undefined;
  }
  const rec = ex.state.store.chat(chatId);
  if (!rec || rec.chat.conversation_id !== conversationId) {
    ex.fail(CHAT_NOT_FOUND.code, CHAT_NOT_FOUND.msg);
    return undefined;
  }
  return rec;
}

/** `POST /v3/chat/cancel` with `{conversation_id, chat_id}` @param {Exchange} ex */
export function cancelChat(ex) {
  const body = bodyObject(ex.body);
  if (!body) return ex.fail(INVALID_PARAMETER, 'invalid parameter: body must be a JSON object');
  const rec = findChat(ex, stringField(body, 'conversation_id'), stringField(body, 'chat_id'));
  if (!rec) return;
  if (FINAL_STATUSES.has(rec.chat.status)) return ex.fail(CANNOT_CANCEL.code, CANNOT_CANCEL.msg);
  rec.chat.status = 'canceled';
  rec.chat.completed_at = Math.floor(Date.now() / 1000);
  rec.controller.abort();
  const conversation = ex.state.store.conversation(rec.chat.conversation_id);
  if (conversation?.running === rec) conversation.running = null;
  ex.ok(chatView(rec));
}

/** `GET|POST /v3/chat/retrieve?conversation_id=&chat_id=` @param {Exchange} ex */
export function retrieveChat(ex) {
  const q = ex.url.searchParams;
  const rec = findChat(ex, q.get('conversation_id') ?? '', q.get('chat_id') ?? '');
  if (rec) ex.ok(chatView(rec));
}

/** `GET|POST /v3/chat/message/list?conversation_id=&chat_id=` @param {Exchange} ex */
export function listChatMessages(ex) {
  const q = ex.url.searchParams;
  const rec = findChat(ex, q.get('conversation_id') ?? '', q.get('chat_id') ?? '');
  if (rec) ex.ok(rec.produced.map((m) => ({...m})));
}
