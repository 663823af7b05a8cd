// @ts-check
/** Chat endpoints: `POST /v3/chat` (streaming), cancel, retrieve, and a chat's messages. */
import {CANNOT_CANCEL, INVALID_PARAMETER, UNPUBLISHED_ERROR} from '../errors.js';
import {chooseScript} from '../bot.js';
import {CHAT_FRAMING} from '../sse.js';
import {chatView} from '../store.js';
import {UNPUBLISHED_MARK} from './bots.js';
import {DEFAULT_CONNECTOR} from './conversations.js';
import {enterMessages} from './enter-messages.js';
import {answerTurn} from './turn.js';
import {bodyObject, stringField, stringMapField} from './validate.js';

/** @typedef {import('../exchange.js').Exchange} Exchange */

const CHAT_NOT_FOUND = {code: 4000, msg: 'invalid parameter: chat not found'};

/** Statuses a chat ends in. */
const FINAL_STATUSES = new Set(['completed', 'failed', 'requires_action', 'canceled']);

/** `POST /v3/chat?conversation_id=` @param {Exchange} ex */
export async function startChat(ex) {
  const body = bodyObject(ex.body);
  if (!body) return ex.fail(INVALID_PARAMETER, 'invalid parameter: body must be a JSON object');
  const botId = stringField(body, 'bot_id');
  const userId = stringField(body, 'user_id');
  if (!botId) return ex.fail(INVALID_PARAMETER, 'invalid parameter: bot_id is required');
  if (!userId) return ex.fail(INVALID_PARAMETER, 'invalid parameter: user_id is required');
  const messages = enterMessages(body.additional_messages ?? []);
  if (typeof messages === 'string')
    return ex.fail(INVALID_PARAMETER, `invalid parameter: ${messages}`);
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
    return ex.fail(
      INVALID_PARAMETER,
      'invalid parameter: use stream when auto_save_history is false'
    );
  }
  if (botId.includes(UNPUBLISHED_MARK))
    return ex.fail(UNPUBLISHED_ERROR.code, UNPUBLISHED_ERROR.msg);

  await answerTurn(ex, {
    botId,
    ownerBotId: botId,
    userId,
    connectorId: stringField(body, 'connector_id') || DEFAULT_CONNECTOR,
    conversationId: ex.url.searchParams.get('conversation_id'),
    messages,
    metaData,
    save,
    stream,
    framing: CHAT_FRAMING,
    doneData: () => '[DONE]',
    choose: (question, attachments) => chooseScript(question, attachments),
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
