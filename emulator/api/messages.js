// @ts-check
/** Message endpoints: history paging, retrieve, feedback. */
import {isIdString} from '../ids.js';
import {pageMessages} from '../store.js';
import {findConversation} from './conversations.js';
import {INVALID_PARAMETER, MESSAGE_NOT_FOUND} from '../errors.js';
import {bodyObject, stringField} from './validate.js';

/** @typedef {import('../exchange.js').Exchange} Exchange */

/**
 * `POST /v1/conversation/message/list?conversation_id=` — pagination keys are top-level.
 * @param {Exchange} ex
 */
export function listMessages(ex) {
  const body = bodyObject(ex.body);
  if (!body) return ex.fail(INVALID_PARAMETER, 'invalid parameter: body must be a JSON object');
  const order = body.order === undefined ? 'desc' : body.order;
  if (order !== 'asc' && order !== 'desc') {
    return ex.fail(INVALID_PARAMETER, 'invalid parameter: order must be asc or desc');
  }
  const beforeId = stringField(body, 'before_id');
  const afterId = stringField(body, 'after_id');
  if ((beforeId && !isIdString(beforeId)) || (afterId && !isIdString(afterId))) {
    return ex.fail(INVALID_PARAMETER, 'invalid parameter: before_id/after_id must be message ids');
  }
  if (beforeId && afterId) {
    return ex.fail(INVALID_PARAMETER, 'invalid parameter: before_id and after_id are exclusive');
  }
  const rawLimit = body.limit === undefined ? 50 : Number(body.limit);
  if (!Number.isFinite(rawLimit)) return ex.fail(INVALID_PARAMETER, 'invalid parameter: limit');
  const limit = Math.min(50, Math.max(1, Math.trunc(rawLimit)));

  const record = findConversation(ex, ex.url.searchParams.get('conversation_id') ?? '');
  if (!record) return;
  const {items, hasMore} = pageMessages(record.messages, {
    order,
    limit,
    beforeId: beforeId || undefined,
    afterId: afterId || undefined,
    chatId: stringField(body, 'chat_id') || undefined,
    includeMiddle: body.include_middle_message === true,
  });
  ex.json(200, {
    code: 0,
    msg: '',
    data: items.map((m) => ({...m})),
    first_id: items[0]?.id ?? '',
    last_id: items.at(-1)?.id ?? '',
    has_more: hasMore,
    detail: {logid: ex.logid},
  });
}

/**
 * The stored message named by the query, or a reply and `undefined`.
 * @param {Exchange} ex
 * @param {string} conversationId
 * @param {string} messageId
 */
function findMessage(ex, conversationId, messageId) {
  const record = findConversation(ex, conversationId);
  if (!record) return undefined;
  const message = record.messages.find((m) => m.id === messageId);
  if (!message) ex.fail(MESSAGE_NOT_FOUND.code, MESSAGE_NOT_FOUND.msg);
  return message;
}

/** `GET /v1/conversation/message/retrieve?conversation_id=&message_id=` @param {Exchange} ex */
export function retrieveMessage(ex) {
  const q = ex.url.searchParams;
  const message = findMessage(ex, q.get('conversation_id') ?? '', q.get('message_id') ?? '');
  if (message) ex.ok({...message});
}

/** Feedback given per message id, kept for inspection. */
const FEEDBACK_TYPES = new Set(['like', 'unlike']);

/**
 * `POST` / `DELETE /v1/conversations/{conversation_id}/messages/{message_id}/feedback`
 * @param {Exchange} ex
 */
export function messageFeedback(ex) {
  const message = findMessage(ex, ex.params.conversation_id, ex.params.message_id);
  if (!message) return;
  if (ex.req.method === 'POST') {
    const body = bodyObject(ex.body);
    const type = body ? stringField(body, 'feedback_type') : '';
    if (!FEEDBACK_TYPES.has(type)) {
      return ex.fail(INVALID_PARAMETER, 'invalid parameter: feedback_type must be like or unlike');
    }
    if (message.type !== 'answer') {
      return ex.fail(INVALID_PARAMETER, 'invalid parameter: only answers can get feedback');
    }
  }
  ex.json(200, {code: 0, msg: '', detail: {logid: ex.logid}});
}
