// @ts-check
/** In-memory conversations, messages and chats. Survives page reloads; lives as long as the server. */
import {compareIds, nowSeconds} from './ids.js';

/**
 * A message as Coze puts it on the wire (stream events and message lists).
 * @typedef {object} Message
 * @property {string} id
 * @property {string} conversation_id
 * @property {string} [bot_id]
 * @property {string} [chat_id]
 * @property {'user' | 'assistant'} role
 * @property {string} type
 * @property {string} content
 * @property {string} content_type
 * @property {Record<string, string>} meta_data
 * @property {number} created_at
 * @property {number} updated_at
 * @property {string} section_id
 * @property {string} [reasoning_content]
 */

/**
 * The Chat object of stream events and chat endpoints.
 * @typedef {object} Chat
 * @property {string} id
 * @property {string} conversation_id
 * @property {string} [bot_id] absent in `/v1/workflows/chat` streams
 * @property {number} created_at
 * @property {number} [completed_at]
 * @property {number} [failed_at]
 * @property {Record<string, string>} [meta_data]
 * @property {{code: number, msg: string}} last_error
 * @property {'created' | 'in_progress' | 'completed' | 'failed' | 'requires_action' | 'canceled'} status
 * @property {{token_count: number, output_count: number, input_count: number}} usage
 * @property {string} section_id
 * @property {RequiredAction} [required_action] while the chat waits for tool outputs
 */

/**
 * A local plugin call the page is asked to run.
 * @typedef {{id: string, type: 'function', function: {name: string, arguments: string}}} ToolCall
 */

/**
 * @typedef {{type: 'submit_tool_outputs', submit_tool_outputs: {tool_calls: ToolCall[]}}}
 *   RequiredAction
 */

/**
 * @typedef {object} ConversationData
 * @property {string} id
 * @property {string} name
 * @property {number} created_at
 * @property {number} updated_at
 * @property {string} last_section_id
 * @property {string} connector_id
 * @property {Record<string, string>} meta_data
 * @property {string} creator_id
 */

/**
 * A chatflow paused on a question node, waiting for the user's reply in the next turn.
 * @typedef {object} Waiting
 * @property {string} chatId the chat that asked
 * @property {string} node what the node waits for (the chatflow's name for it)
 */

/**
 * @typedef {object} ConversationRecord
 * @property {ConversationData} data
 * @property {string} botId the bot or app it belongs to
 * @property {string} appId the app it belongs to ('' for bot conversations)
 * @property {string} userId `user_id` that created it ('' when none was given); informative only
 * @property {string} owner the token identity that created it: only that identity can use it
 * @property {number} touched ordering tie-breaker for equal `updated_at`
 * @property {number} born ordering tie-breaker for equal `created_at`
 * @property {boolean} autoName named after its first question (made by a chat without a
 *   `conversation_id`); one made by `/v1/conversation/create` stays untitled until renamed
 * @property {Message[]} messages stored history, oldest first
 * @property {ChatRecord | null} running the chat currently producing an answer
 * @property {Waiting | null} waiting the chatflow question node awaiting the next message
 */

/**
 * @typedef {object} ChatRecord
 * @property {Chat} chat
 * @property {string[]} inserted ids of the stored `additional_messages`
 * @property {Message[]} produced every message the chat produced (answers, tool calls, verbose, follow-ups)
 * @property {AbortController} controller aborted on cancel or reset
 * @property {boolean} save whether the turn goes into history (`auto_save_history`)
 * @property {number} saved how many of `produced` are in the history already
 */

/**
 * The last like/unlike given to an answer.
 * @typedef {{feedback_type: 'like' | 'unlike', reason_types?: string[], comment?: string}} Feedback
 */

/**
 * An uploaded file's record, as `/v1/files/upload` returns it.
 * @typedef {{id: string, bytes: number, created_at: number, file_name: string}} FileInfo
 */

/** Message types listed without `include_middle_message`. */
const VISIBLE_TYPES = new Set(['question', 'answer', '']);
/**
 * Added by `include_middle_message: true`: the plugin calls and their results. Verbose and
 * follow-up messages are never listed.
 */
const MIDDLE_TYPES = new Set(['function_call', 'tool_response', 'tool_output']);

/** @param {() => string} newId */
export function createStore(newId) {
  /** @type {Map<string, ConversationRecord>} */
  const conversations = new Map();
  /** @type {Map<string, ChatRecord>} */
  const chats = new Map();
  /** @type {Map<string, FileInfo>} */
  const files = new Map();
  /** @type {Map<string, string>} owner key → creator id */
  const creators = new Map();
  /** @type {Map<string, Feedback>} message id → its last feedback */
  const feedbacks = new Map();
  let touches = 0;
  let calls = 0;

  /** @param {string} owner */
  function creatorId(owner) {
    let id = creators.get(owner);
    if (!id) {
      id = newId();
      creators.set(owner, id);
    }
    return id;
  }

  return {
    /**
     * @param {{botId: string, appId?: string, connectorId: string, userId: string, owner: string,
     *   name?: string, metaData?: Record<string, string>, autoName?: boolean}} init
     * @returns {ConversationRecord}
     */
    createConversation({
      botId,
      appId = '',
      connectorId,
      userId,
      owner,
      name = '',
      metaData = {},
      autoName = false,
    }) {
      const id = newId();
      const now = nowSeconds();
      /** @type {ConversationRecord} */
      const record = {
        data: {
          id,
          name,
          created_at: now,
          updated_at: now,
          last_section_id: id,
          connector_id: connectorId,
          meta_data: metaData,
          creator_id: creatorId(owner),
        },
        botId,
        appId,
        userId,
        owner,
        touched: ++touches,
        born: touches,
        autoName,
        messages: [],
        running: null,
        waiting: null,
      };
      conversations.set(id, record);
      return record;
    },

    /**
     * A conversation, if it exists and belongs to `owner` (another identity's is not found).
     * @param {string} id
     * @param {string} owner
     */
    conversation(id, owner) {
      const record = conversations.get(id);
      return record && record.owner === owner ? record : undefined;
    },

    /** @param {string} id */
    deleteConversation(id) {
      const record = conversations.get(id);
      record?.running?.controller.abort();
      return conversations.delete(id);
    },

    /**
     * Conversations of one owner, bot and channel, by creation (or by last use with
     * `byUpdate`), newest first unless `ascending`. `user_id` plays no part, as on Coze.
     * @param {{botId: string, connectorId: string, owner: string, ascending?: boolean,
     *   byUpdate?: boolean}} filter
     */
    listConversations({botId, connectorId, owner, ascending = false, byUpdate = false}) {
      const mine = [...conversations.values()].filter(
        (c) => c.botId === botId && c.data.connector_id === connectorId && c.owner === owner
      );
      mine.sort((a, b) =>
        byUpdate
          ? a.data.updated_at - b.data.updated_at || a.touched - b.touched
          : a.data.created_at - b.data.created_at || a.born - b.born
      );
      if (!ascending) mine.reverse();
      return mine;
    },

    /**
     * An app's conversation of that name for that owner and channel (the newest, should there be
     * several), as `get_or_create` finds it.
     * @param {{appId: string, connectorId: string, owner: string, name: string}} key
     */
    namedConversation({appId, connectorId, owner, name}) {
      let found;
      for (const c of conversations.values()) {
        if (
          c.appId === appId &&
          c.data.name === name &&
          c.data.connector_id === connectorId &&
          c.owner === owner &&
          (!found || c.touched > found.touched)
        ) {
          found = c;
        }
      }
      return found;
    },

    /**
     * Marks a conversation as just used (moves it to the top of the list).
     * @param {ConversationRecord} record
     */
    touch(record) {
      record.data.updated_at = nowSeconds();
      record.touched = ++touches;
    },

    /**
     * Builds a message with a fresh id in the conversation's current section (not yet stored).
     * @param {ConversationRecord} record
     * @param {Pick<Message, 'role' | 'type' | 'content' | 'content_type'> & Partial<Message>} fields
     * @returns {Message}
     */
    newMessage(record, fields) {
      const now = nowSeconds();
      return {
        id: newId(),
        conversation_id: record.data.id,
        meta_data: {},
        created_at: now,
        updated_at: now,
        section_id: record.data.last_section_id,
        ...fields,
      };
    },

    /**
     * Appends messages to the conversation history.
     * @param {ConversationRecord} record
     * @param {Message[]} messages
     */
    save(record, messages) {
      record.messages.push(...messages);
      if (record.autoName && !record.data.name) {
        const question = messages.find((m) => m.role === 'user' && m.content_type === 'text');
        if (question) record.data.name = question.content.slice(0, 100);
      }
      this.touch(record);
    },

    /**
     * Starts a chat in a conversation and marks the conversation busy.
     * @param {ConversationRecord} record
     * @param {{botId: string, metaData?: Record<string, string>, save: boolean}} init
     * @returns {ChatRecord}
     */
    createChat(record, {botId, metaData, save}) {
      /** @type {Chat} */
      const chat = {
        id: newId(),
        conversation_id: record.data.id,
        bot_id: botId,
        created_at: nowSeconds(),
        last_error: {code: 0, msg: ''},
        status: 'created',
        usage: {token_count: 0, output_count: 0, input_count: 0},
        section_id: record.data.last_section_id,
      };
      if (metaData) chat.meta_data = metaData;
      /** @type {ChatRecord} */
      const rec = {
        chat,
        inserted: [],
        produced: [],
        controller: new AbortController(),
        save,
        saved: 0,
      };
      chats.set(chat.id, rec);
      record.running = rec;
      return rec;
    },

    /** @param {string} id */
    chat(id) {
      return chats.get(id);
    },

    /**
     * @param {string} messageId
     * @param {Feedback} feedback
     */
    setFeedback(messageId, feedback) {
      feedbacks.set(messageId, feedback);
    },

    /** @param {string} messageId */
    feedback(messageId) {
      return feedbacks.get(messageId);
    },

    /** @param {string} messageId */
    deleteFeedback(messageId) {
      feedbacks.delete(messageId);
    },

    /** A fresh number for a tool call id. */
    nextCallNumber() {
      return ++calls;
    },

    /** @param {FileInfo} info */
    saveFile(info) {
      files.set(info.id, info);
    },

    /** @param {string} id */
    file(id) {
      return files.get(id);
    },

    /** Forgets everything and stops every running chat. */
    clear() {
      for (const rec of chats.values()) rec.controller.abort();
      conversations.clear();
      chats.clear();
      creators.clear();
      files.clear();
      feedbacks.clear();
    },
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */

/**
 * A page of a conversation's history with Coze's cursor rules. In the requested order, `after_id`
 * returns what follows that id and `before_id` what precedes it (the items nearest to it).
 * @param {Message[]} messages history, oldest first
 * @param {{order: 'asc' | 'desc', limit: number, beforeId?: string, afterId?: string,
 *   chatId?: string, includeMiddle?: boolean}} query
 * @returns {{items: Message[], hasMore: boolean}}
 */
export function pageMessages(messages, {order, limit, beforeId, afterId, chatId, includeMiddle}) {
  let list = messages.filter(
    (m) =>
      (VISIBLE_TYPES.has(m.type) || (includeMiddle && MIDDLE_TYPES.has(m.type))) &&
      (!chatId || m.chat_id === chatId)
  );
  list.sort((a, b) => compareIds(a.id, b.id));
  if (order === 'desc') list.reverse();
  const sign = order === 'desc' ? -1 : 1;
  if (afterId) {
    list = list.filter((m) => compareIds(m.id, afterId) * sign > 0);
    return {items: list.slice(0, limit), hasMore: list.length > limit};
  }
  if (beforeId) {
    list = list.filter((m) => compareIds(m.id, beforeId) * sign < 0);
    return {items: list.slice(Math.max(0, list.length - limit)), hasMore: list.length > limit};
  }
  return {items: list.slice(0, limit), hasMore: list.length > limit};
}

/**
 * A Chat object for the wire (a copy).
 * @param {ChatRecord} rec
 * @param {{withInserted?: boolean}} [options] add `inserted_additional_messages` (as in `chat.created`)
 */
export function chatView(rec, {withInserted = false} = {}) {
  const c = rec.chat;
  /** @type {Chat & {inserted_additional_messages?: {id: string}[]}} */
  const view = {
    id: c.id,
    conversation_id: c.conversation_id,
    ...(c.bot_id ? {bot_id: c.bot_id} : {}),
    created_at: c.created_at,
    ...(c.completed_at === undefined ? {} : {completed_at: c.completed_at}),
    ...(c.failed_at === undefined ? {} : {failed_at: c.failed_at}),
    ...(c.meta_data ? {meta_data: {...c.meta_data}} : {}),
    last_error: {...c.last_error},
    status: c.status,
    usage: {...c.usage},
    ...(c.required_action ? {required_action: structuredClone(c.required_action)} : {}),
    section_id: c.section_id,
  };
  if (withInserted && rec.inserted.length > 0) {
    view.inserted_additional_messages = rec.inserted.map((id) => ({id}));
  }
  return view;
}
