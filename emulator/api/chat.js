// @ts-check
/** Chat endpoints: `POST /v3/chat` (streaming), cancel, retrieve, and a chat's messages. */
import {toolOutputAnswer} from '../answers.js';
import {
  BUSY_ERROR,
  CANNOT_CANCEL,
  CONVERSATION_NOT_FOUND,
  INVALID_PARAMETER,
  NOT_SAVED_ERROR,
  UNPUBLISHED_ERROR,
} from '../errors.js';
import {NORMAL, chooseBotScript} from '../bot.js';
import {isPlainObject} from '../http.js';
import {CHAT_FRAMING} from '../sse.js';
import {chatView} from '../store.js';
import {UNPUBLISHED_MARK, offChannel} from './bots.js';
import {DEFAULT_CONNECTOR} from './conversations.js';
import {enterMessages} from './enter-messages.js';
import {answerTurn, playTurn} from './turn.js';
import {bodyObject, stringField, stringMapField} from './validate.js';
import {readShortcutCommand, shortcutAnswer} from '../shortcuts.js';

/** @typedef {import('../exchange.js').Exchange} Exchange */

const CHAT_NOT_FOUND = {code: 4000, msg: 'invalid parameter: chat not found'};

/** How many `additional_messages` one `/v3/chat` takes. */
const MAX_ADDITIONAL_MESSAGES = 100;

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
  const connectorId = stringField(body, 'connector_id') || DEFAULT_CONNECTOR;
  if (botId.includes(UNPUBLISHED_MARK) || offChannel(botId, connectorId))
    return ex.fail(UNPUBLISHED_ERROR.code, UNPUBLISHED_ERROR.msg);
  const shortcut = readShortcutCommand(body, botId, (id) => ex.state.store.file(id));
  if (typeof shortcut === 'string')
    return ex.fail(INVALID_PARAMETER, `invalid parameter: ${shortcut}`);

  await answerTurn(ex, {
    botId,
    ownerBotId: botId,
    userId,
    connectorId,
    conversationId: ex.url.searchParams.get('conversation_id'),
    messages,
    maxMessages: MAX_ADDITIONAL_MESSAGES,
    metaData,
    save,
    stream,
    framing: CHAT_FRAMING,
    doneData: () => '[DONE]',
    choose: shortcut
      ? () => ({
          type: 'stream',
          name: `shortcut ${shortcut.command.command}`,
          followUps: [],
          steps: [{kind: 'answer', text: shortcutAnswer(shortcut), pacing: NORMAL}],
        })
      : chooseBotScript,
  });
}

/**
 * The chat named by `conversation_id` + `chat_id`, or a 4000 reply and `undefined`. Chats of
 * another token identity's conversations are not found.
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
  if (
    !rec ||
    rec.chat.conversation_id !== conversationId ||
    !ex.state.store.conversation(conversationId, ex.identity)
  ) {
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
  const conversation = ex.state.store.conversation(rec.chat.conversation_id, ex.identity);
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

/**
 * The `tool_outputs` of a submission, or a reason string when malformed.
 * @param {unknown} value
 * @returns {{tool_call_id: string, output: string}[] | string}
 */
function readToolOutputs(value) {
  if (!Array.isArray(value) || value.length === 0) return 'tool_outputs must be a non-empty array';
  /** @type {{tool_call_id: string, output: string}[]} */
  const outputs = [];
  for (const [i, item] of value.entries()) {
    if (!isPlainObject(item)) return `tool_outputs[${i}] must be an object`;
    const {tool_call_id: id, output} = item;
    if (typeof id !== 'string' || !id) return `tool_outputs[${i}].tool_call_id is required`;
    if (typeof output !== 'string') return `tool_outputs[${i}].output must be a string`;
    outputs.push({tool_call_id: id, output});
  }
  return outputs;
}

/**
 * `POST /v3/chat/submit_tool_outputs?conversation_id=&chat_id=` with `{tool_outputs, stream}`:
 * the page's results for a chat paused in `requires_action`. Continues the same chat (same id):
 * `in_progress`, an answer quoting the outputs, `completed`, `done`.
 * @param {Exchange} ex
 */
export async function submitToolOutputs(ex) {
  const body = bodyObject(ex.body);
  if (!body) return ex.fail(INVALID_PARAMETER, 'invalid parameter: body must be a JSON object');
  const q = ex.url.searchParams;
  const rec = findChat(ex, q.get('conversation_id') ?? '', q.get('chat_id') ?? '');
  if (!rec) return;
  const outputs = readToolOutputs(body.tool_outputs);
  if (typeof outputs === 'string')
    return ex.fail(INVALID_PARAMETER, `invalid parameter: ${outputs}`);
  const calls =
    rec.chat.status === 'requires_action'
      ? rec.chat.required_action?.submit_tool_outputs.tool_calls
      : undefined;
  if (!calls) {
    return ex.fail(
      INVALID_PARAMETER,
      `invalid parameter: the chat is not waiting for tool outputs (its status is ${rec.chat.status})`
    );
  }
  if (!rec.save) return ex.fail(NOT_SAVED_ERROR.code, NOT_SAVED_ERROR.msg);
  const unknown = outputs.find((o) => !calls.some((c) => c.id === o.tool_call_id));
  if (unknown) {
    return ex.fail(
      INVALID_PARAMETER,
      `invalid parameter: tool_call_id ${unknown.tool_call_id} is not a pending tool call of this chat`
    );
  }
  const unanswered = calls.find((c) => !outputs.some((o) => o.tool_call_id === c.id));
  if (unanswered) {
    return ex.fail(
      INVALID_PARAMETER,
      `invalid parameter: tool_outputs has no output for tool_call_id ${unanswered.id}`
    );
  }
  const conversation = ex.state.store.conversation(rec.chat.conversation_id, ex.identity);
  if (!conversation) return ex.fail(CONVERSATION_NOT_FOUND.code, CONVERSATION_NOT_FOUND.msg);
  if (conversation.running) return ex.fail(BUSY_ERROR.code, BUSY_ERROR.msg);

  const answers = calls.map((c) => outputs.find((o) => o.tool_call_id === c.id)?.output ?? '');
  delete rec.chat.required_action;
  conversation.running = rec;
  await playTurn(ex, {
    conversation,
    rec,
    script: {
      type: 'stream',
      name: 'tool outputs',
      continues: true,
      followUps: [],
      steps: [{kind: 'answer', text: toolOutputAnswer(answers), pacing: NORMAL}],
    },
    stream: body.stream === true,
    framing: CHAT_FRAMING,
    inputChars: answers.reduce((n, a) => n + a.length, 0),
    doneData: '[DONE]',
  });
}
