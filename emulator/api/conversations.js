// @ts-check
/** Conversation endpoints: create, list, retrieve, rename, delete, clear context. */
import {
  CONVERSATION_NOT_FOUND,
  INVALID_PARAMETER,
  META_DATA_LIMIT,
  NOT_ON_CHANNEL,
} from '../errors.js';
import {offChannel} from './bots.js';
import {bodyObject, metaDataProblem, stringField, stringMapField} from './validate.js';
import {enterMessages} from './enter-messages.js';
import {unknownFileId} from './object-string.js';

/** @typedef {import('../exchange.js').Exchange} Exchange */
/** @typedef {import('../store.js').ConversationRecord} ConversationRecord */

/** The API channel, used when a request names none. */
export const DEFAULT_CONNECTOR = '1024';

/**
 * The conversation named by the request, or a 4000/4001 reply and `undefined`. Another token
 * identity's conversation is not found, as on Coze.
 * @param {Exchange} ex
 * @param {string} id
 * @returns {ConversationRecord | undefined}
 */
export function findConversation(ex, id) {
  if (!id) {
    ex.fail(INVALID_PARAMETER, 'invalid parameter: conversation_id is required');
    return undefined;
  }
  const record = ex.state.store.conversation(id, ex.identity);
  if (!record) ex.fail(CONVERSATION_NOT_FOUND.code, CONVERSATION_NOT_FOUND.msg);
  return record;
}

/**
 * `POST /v1/conversation/create`. An app's conversation comes with `app_id`, `workflow_id` and
 * `conversation_name`; with `get_or_create: true` the owner's existing conversation of that name
 * in that app and channel is returned instead of a new one.
 * @param {Exchange} ex
 */
export function createConversation(ex) {
  const body = bodyObject(ex.body);
  if (!body) return ex.fail(INVALID_PARAMETER, 'invalid parameter: body must be a JSON object');
  const metaData = stringMapField(body, 'meta_data');
  if (metaData === null) return ex.fail(INVALID_PARAMETER, 'invalid parameter: meta_data');
  const tooBig = metaDataProblem(metaData);
  if (tooBig) return ex.fail(META_DATA_LIMIT, tooBig);
  const appId = stringField(body, 'app_id');
  const conversationName = stringField(body, 'conversation_name');
  const name = stringField(body, 'name') || conversationName;
  if (name.length > 100) return ex.fail(INVALID_PARAMETER, 'invalid parameter: name is too long');
  const getOrCreate = body.get_or_create === true;
  if (getOrCreate && !(appId && conversationName)) {
    return ex.fail(
      INVALID_PARAMETER,
      'invalid parameter: get_or_create needs app_id and conversation_name'
    );
  }
  const messages = body.messages === undefined ? [] : enterMessages(body.messages);
  if (typeof messages === 'string')
    return ex.fail(INVALID_PARAMETER, `invalid parameter: ${messages}`);

  const {store} = ex.state;
  const missing = unknownFileId(messages, (id) => store.file(id) !== undefined);
  if (missing) {
    return ex.fail(INVALID_PARAMETER, `invalid parameter: file_id ${missing} does not exist`);
  }
  const owner = {
    connectorId: stringField(body, 'connector_id') || DEFAULT_CONNECTOR,
    userId: stringField(body, 'user_id') || ex.url.searchParams.get('user_id') || '',
    owner: ex.identity,
  };
  const botId = stringField(body, 'bot_id') || appId;
  if (offChannel(botId, owner.connectorId)) return ex.fail(NOT_ON_CHANNEL.code, NOT_ON_CHANNEL.msg);
  if (getOrCreate) {
    const existing = store.namedConversation({...owner, appId, name: conversationName});
    if (existing) return ex.ok(existing.data);
  }
  const record = store.createConversation({
    ...owner,
    botId,
    appId,
    name,
    metaData: metaData ?? {},
  });
  if (messages.length > 0) {
    store.save(
      record,
      messages.map((m) =>
        store.newMessage(record, {
          // The type as sent: Coze lists a message created without one with `type: ""`.
          ...m,
          ...(record.botId ? {bot_id: record.botId} : {}),
        })
      )
    );
  }
  ex.ok(record.data);
}

/**
 * `GET /v1/conversations`: the token identity's conversations of that bot and channel, newest
 * created first (`sort_field=updated_at`: most recently used first). `user_id` is ignored.
 * @param {Exchange} ex
 */
export function listConversations(ex) {
  const q = ex.url.searchParams;
  const botId = q.get('bot_id') ?? '';
  if (!botId) return ex.fail(INVALID_PARAMETER, 'invalid parameter: bot_id is required');
  const pageNum = Number(q.get('page_num') ?? 1);
  const pageSize = Number(q.get('page_size') ?? 50);
  if (!Number.isInteger(pageNum) || pageNum < 1) {
    return ex.fail(INVALID_PARAMETER, 'invalid parameter: page_num');
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50) {
    return ex.fail(INVALID_PARAMETER, 'invalid parameter: page_size must be between 1 and 50');
  }
  const sortField = q.get('sort_field') ?? 'created_at';
  if (sortField !== 'created_at' && sortField !== 'updated_at') {
    return ex.fail(
      INVALID_PARAMETER,
      'invalid parameter: sort_field must be created_at or updated_at'
    );
  }
  const connectorId = q.get('connector_id') || DEFAULT_CONNECTOR;
  if (offChannel(botId, connectorId)) return ex.fail(NOT_ON_CHANNEL.code, NOT_ON_CHANNEL.msg);
  const all = ex.state.store.listConversations({
    botId,
    connectorId,
    owner: ex.identity,
    ascending: (q.get('sort_order') ?? '').toUpperCase() === 'ASC',
    byUpdate: sortField === 'updated_at',
  });
  const start = (pageNum - 1) * pageSize;
  ex.ok({
    conversations: all.slice(start, start + pageSize).map((c) => c.data),
    has_more: all.length > start + pageSize,
  });
}

/** `GET /v1/conversation/retrieve?conversation_id=` @param {Exchange} ex */
export function retrieveConversation(ex) {
  const record = findConversation(ex, ex.url.searchParams.get('conversation_id') ?? '');
  if (record) ex.ok(record.data);
}

/** `PUT /v1/conversations/{conversation_id}` with `{name}` @param {Exchange} ex */
export function renameConversation(ex) {
  const body = bodyObject(ex.body);
  if (!body) return ex.fail(INVALID_PARAMETER, 'invalid parameter: body must be a JSON object');
  const name = stringField(body, 'name');
  if (!name || name.length > 100) return ex.fail(INVALID_PARAMETER, 'invalid parameter: name');
  const record = findConversation(ex, ex.params.conversation_id);
  if (!record) return;
  record.data.name = name;
  ex.state.store.touch(record);
  ex.ok(record.data);
}

/** `DELETE /v1/conversations/{conversation_id}` @param {Exchange} ex */
export function deleteConversation(ex) {
  const record = findConversation(ex, ex.params.conversation_id);
  if (!record) return;
  ex.state.store.deleteConversation(record.data.id);
  ex.json(200, {code: 0, msg: '', detail: {logid: ex.logid}});
}

/** `POST /v1/conversations/{conversation_id}/clear`: starts a new context section. @param {Exchange} ex */
export function clearConversation(ex) {
  const record = findConversation(ex, ex.params.conversation_id);
  if (!record) return;
  record.data.last_section_id = ex.state.newId();
  ex.ok({id: record.data.last_section_id, conversation_id: record.data.id});
}
