// @ts-check
/**
 * Chatflow endpoints: `GET /v1/workflows/{workflow_id}` (the chatflow's role) and
 * `POST /v1/workflows/chat` (a chatflow turn, streamed with a space after each colon).
 */
import {CHATFLOW_PROLOGUE, CHATFLOW_SUGGESTED_QUESTIONS} from '../answers.js';
import {chooseChatflowScript} from '../chatflow.js';
import {INVALID_PARAMETER, UNPUBLISHED_ERROR, WORKFLOW_NOT_PUBLISHED} from '../errors.js';
import {isPlainObject} from '../http.js';
import {iconUrl} from '../inspect.js';
import {WORKFLOW_FRAMING} from '../sse.js';
import {UNPUBLISHED_MARK, offChannel} from './bots.js';
import {DEFAULT_CONNECTOR} from './conversations.js';
import {enterMessages} from './enter-messages.js';
import {answerTurn} from './turn.js';
import {bodyObject, stringField} from './validate.js';

/** @typedef {import('../exchange.js').Exchange} Exchange */

/** The space every emulated chatflow lives in (appears in debug links). */
const SPACE_ID = '7400000000000000009';

/** Workflow ids containing this word describe a plain workflow: `workflow_detail` only, no role. */
export const PLAIN_MARK = 'plain';

/** How many `additional_messages` one chatflow turn takes. */
const MAX_ADDITIONAL_MESSAGES = 50;

/** A fixed creation time, so the role is stable across restarts. */
const CREATED = 1750000000;

/**
 * The chatflow's debug link, as the `done` event carries it.
 * @param {string} executeId
 * @param {string} workflowId
 */
function debugUrl(executeId, workflowId) {
  return `https://www.coze.cn/work_flow?execute_id=${executeId}&space_id=${SPACE_ID}&workflow_id=${workflowId}&execute_mode=2`;
}

/**
 * `GET /v1/workflows/{workflow_id}?connector_id=`: the workflow under `workflow_detail` and the
 * chatflow's role (name, avatar, onboarding) under `role`, the parts the official widget reads.
 * @param {Exchange} ex
 */
export function getWorkflow(ex) {
  const workflowId = ex.params.workflow_id;
  if (workflowId.includes(UNPUBLISHED_MARK)) {
    return ex.fail(WORKFLOW_NOT_PUBLISHED.code, WORKFLOW_NOT_PUBLISHED.msg);
  }
  const icon = iconUrl(ex.req, 'chatflow-icon.svg');
  const detail = {
    workflow_id: workflowId,
    workflow_name: 'emulator_chatflow',
    description: 'A scripted chatflow: echoes, shows markdown, and asks for a size.',
    icon_url: icon,
    created_at: CREATED,
    updated_at: CREATED,
  };
  if (workflowId.includes(PLAIN_MARK)) return ex.ok({workflow_detail: detail});
  ex.ok({
    workflow_detail: detail,
    role: {
      name: 'Emulator Chatflow',
      description: 'The role the emulated chatflow speaks as.',
      avatar: {image_uri: 'emulator/chatflow-icon.svg', image_url: icon},
      onboarding_info: {
        prologue: CHATFLOW_PROLOGUE,
        suggested_questions: [...CHATFLOW_SUGGESTED_QUESTIONS],
        display_all_suggestions: false,
      },
      suggest_reply_info: {suggest_reply_mode: 0},
      user_input_config: {default_input_mode: 1},
    },
  });
}

/** `POST /v1/workflows/chat` @param {Exchange} ex */
export async function workflowChat(ex) {
  const body = bodyObject(ex.body);
  if (!body) return ex.fail(INVALID_PARAMETER, 'invalid parameter: body must be a JSON object');
  const workflowId = stringField(body, 'workflow_id');
  if (!workflowId) return ex.fail(INVALID_PARAMETER, 'invalid parameter: workflow_id is required');
  const appId = stringField(body, 'app_id');
  const botId = stringField(body, 'bot_id');
  if (appId && botId) {
    return ex.fail(INVALID_PARAMETER, 'invalid parameter: app_id and bot_id are exclusive');
  }
  if (!appId && !botId) {
    return ex.fail(INVALID_PARAMETER, 'invalid parameter: app_id or bot_id is required');
  }
  if (body.parameters !== undefined && !isPlainObject(body.parameters)) {
    return ex.fail(INVALID_PARAMETER, 'invalid parameter: parameters must be an object');
  }
  const messages = enterMessages(body.additional_messages ?? []);
  if (typeof messages === 'string')
    return ex.fail(INVALID_PARAMETER, `invalid parameter: ${messages}`);
  const last = messages.at(-1);
  if (!last) return ex.fail(INVALID_PARAMETER, 'invalid parameter: additional_messages is empty');
  if (last.role !== 'user') {
    return ex.fail(INVALID_PARAMETER, 'invalid parameter: the last message must be from the user');
  }
  if (workflowId.includes(UNPUBLISHED_MARK)) {
    return ex.fail(WORKFLOW_NOT_PUBLISHED.code, WORKFLOW_NOT_PUBLISHED.msg);
  }
  const ext = isPlainObject(body.ext) ? body.ext : {};
  const connectorId = stringField(body, 'connector_id') || DEFAULT_CONNECTOR;
  if (offChannel(appId || botId, connectorId)) {
    return ex.fail(UNPUBLISHED_ERROR.code, UNPUBLISHED_ERROR.msg);
  }

  await answerTurn(ex, {
    botId: '',
    ownerBotId: appId || botId,
    appId,
    userId: typeof ext.user_id === 'string' ? ext.user_id : '',
    connectorId,
    conversationId: stringField(body, 'conversation_id') || null,
    messages,
    maxMessages: MAX_ADDITIONAL_MESSAGES,
    metaData: undefined,
    save: true,
    stream: true,
    framing: WORKFLOW_FRAMING,
    doneData: (chatId) => ({debug_url: debugUrl(chatId, workflowId)}),
    choose: chooseChatflowScript,
  });
}
