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

const FEEDBACK_TYPES = new Set(['like', 'unlike']);
const MAX_REASONS = 10;
const MAX_REASON_CHARS = 30;
const MAX_COMMENT_CHARS = 250;

/**
 * The feedback a request body describes, or a reason string when it breaks Coze's limits.
 * @param {unknown} value
 * @returns {import('../store.js').Feedback | string}
 */
function readFeedback(value) {
  const body = bodyObject(value);
  if (!body) return 'body must be a JSON object';
  const type = stringField(body, 'feedback_type');
  if (!FEEDBACK_TYPES.has(type)) return 'feedback_type must be like or unlike';
  /** @type {import('../store.js').Feedback} */
  const feedback = {feedback_type: /** @type {'like' | 'unlike'} */ (type)};
  const reasons = body.reason_types;
  if (reasons !== undefined && reasons !== null) {
    if (!Array.isArray(reasons) || !reasons.every((r) => typeof r === 'string')) {
      return 'reason_types must be an array of strings';
    }
    if (reasons.length > MAX_REASONS) return `reason_types takes at most ${MAX_REASONS} items`;
    const long = reasons.find((r) => Array.from(r).length > MAX_REASON_CHARS);
    if (long !== undefined) {
      return `each reason_types item is at most ${MAX_REASON_CHARS} characters`;
    }
    feedback.reason_types = [...reasons];
  }
  const comment = body.comment;
  if (comment !== undefined && comment !== null) {
    if (typeof comment !== 'string') return 'comment must be a string';
    if (Array.from(comment).length > MAX_COMMENT_CHARS) {
      return `comment is at most ${MAX_COMMENT_CHARS} characters`;
    }
    feedback.comment = comment;
  }
  return feedback;
}

/**
 * `POST` / `DELETE /v1/conversations/{conversation_id}/messages/{message_id}/feedback`: like or
 * unlike a text answer (the last submission wins), or withdraw it. The stored feedback is not
 * part of any Coze answer; tests read it at `GET /__emulator/feedback?message_id=`.
 * @param {Exchange} ex
 */
export function messageFeedback(ex) {
  const message = findMessage(ex, ex.params.conversation_id, ex.params.message_id);
  if (!message) return;
  const {store} = ex.state;
  if (ex.req.method === 'POST') {
    const feedback = readFeedback(ex.body);
    if (typeof feedback === 'string') {
      return ex.fail(INVALID_PARAMETER, `invalid parameter: ${feedback}`);
    }
    if (message.type !== 'answer' || message.content_type !== 'text') {
      return ex.fail(INVALID_PARAMETER, 'invalid parameter: only text answers can get feedback');
    }
    store.setFeedback(message.id, feedback);
  } else {
    if (message.type !== 'answer') {
      return ex.fail(INVALID_PARAMETER, 'invalid parameter: only answers have feedback');
    }
    store.deleteFeedback(message.id);
  }
  ex.json(200, {code: 0, msg: '', detail: {logid: ex.logid}});
}
