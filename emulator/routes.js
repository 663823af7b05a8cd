// @ts-check
/** The API route table and the request pipeline for `/v1/*` and `/v3/*`: log, CORS, auth, dispatch. */
import {
  cancelChat,
  listChatMessages,
  retrieveChat,
  startChat,
  submitToolOutputs,
} from './api/chat.js';
import {getApp} from './api/apps.js';
import {getBot} from './api/bots.js';
import {
  clearConversation,
  createConversation,
  deleteConversation,
  listConversations,
  renameConversation,
  retrieveConversation,
} from './api/conversations.js';
import {transcribe} from './api/audio.js';
import {retrieveFile, uploadFile} from './api/files.js';
import {listMessages, messageFeedback, retrieveMessage} from './api/messages.js';
import {getWorkflow, workflowChat} from './api/workflows.js';
import {
  AUTH_ERROR,
  INTERNAL_ERROR,
  INVALID_PARAMETER,
  NOT_FOUND,
  PERMISSION_ERROR,
} from './errors.js';
import {createExchange} from './exchange.js';
import {bearerToken, isMultipart, isPlainObject, parseJson, readBody, writeHead} from './http.js';
import {newLogId} from './ids.js';
import {parseMultipart} from './multipart.js';
import {MINTED_PREFIX} from './oauth.js';

/** @typedef {import('./exchange.js').Exchange} Exchange */
/** @typedef {import('./exchange.js').EmulatorState} EmulatorState */
/** @typedef {(ex: Exchange) => void | Promise<void>} Handler */

/** Tokens containing this word are treated as expired: a 4100 reply with HTTP 200. */
export const EXPIRED_MARK = 'expired';

/**
 * Tokens containing `hang-<group>` make that group's requests hang: the request is read, and
 * no answer ever comes (until the client gives up), as from a server that stalled.
 * @type {Record<string, Handler[]>}
 */
export const HANG_GROUPS = {
  profile: [getBot, getApp, getWorkflow],
  list: [listConversations],
  create: [createConversation],
  history: [listMessages],
  feedback: [messageFeedback],
  upload: [uploadFile],
  chat: [startChat, workflowChat],
  tools: [submitToolOutputs],
  cancel: [cancelChat],
};

/**
 * Whether the token asks for this handler's requests to hang: every one with `hang-<group>`,
 * only the group's first n with `hang<n>-<group>` (a server that stalled and came back, so a
 * Retry gets an answer).
 * @param {EmulatorState} state
 * @param {string} token
 * @param {Handler} handler
 */
function hangs(state, token, handler) {
  return Object.entries(HANG_GROUPS).some(([group, handlers]) => {
    if (!handlers.includes(handler)) return false;
    if (token.includes(`hang-${group}`)) return true;
    const times = Number(new RegExp(`hang(\\d{1,3})-${group}\\b`).exec(token)?.[1] ?? 0);
    const key = `${group} ${token}`;
    const hung = state.hungTimes.get(key) ?? 0;
    if (hung >= times) return false;
    state.hungTimes.set(key, hung + 1);
    return true;
  });
}

/**
 * Holds a request open without answering until the client hangs up.
 * @param {import('node:http').ServerResponse} res
 * @returns {Promise<void>}
 */
export function hangUntilClosed(res) {
  res.socket?.setTimeout(0);
  return new Promise((resolve) => res.once('close', () => resolve()));
}

/** @type {[method: string, path: string, handler: Handler][]} */
const TABLE = [
  ['GET', '/v1/bots/:bot_id', getBot],
  ['GET', '/v1/apps/:app_id', getApp],
  ['GET', '/v1/workflows/:workflow_id', getWorkflow],
  ['GET', '/v1/conversations', listConversations],
  ['POST', '/v1/conversation/create', createConversation],
  ['GET', '/v1/conversation/retrieve', retrieveConversation],
  ['PUT', '/v1/conversations/:conversation_id', renameConversation],
  ['DELETE', '/v1/conversations/:conversation_id', deleteConversation],
  ['POST', '/v1/conversations/:conversation_id/clear', clearConversation],
  ['POST', '/v1/conversation/message/list', listMessages],
  ['GET', '/v1/conversation/message/retrieve', retrieveMessage],
  ['POST', '/v1/conversations/:conversation_id/messages/:message_id/feedback', messageFeedback],
  ['DELETE', '/v1/conversations/:conversation_id/messages/:message_id/feedback', messageFeedback],
  ['POST', '/v1/files/upload', uploadFile],
  ['GET', '/v1/files/retrieve', retrieveFile],
  ['POST', '/v1/audio/transcriptions', transcribe],
  ['POST', '/v1/workflows/chat', workflowChat],
  ['POST', '/v3/chat', startChat],
  ['POST', '/v3/chat/cancel', cancelChat],
  ['POST', '/v3/chat/submit_tool_outputs', submitToolOutputs],
  // Coze documents GET; the Python and JS SDKs send POST, which it tolerates.
  ['GET', '/v3/chat/retrieve', retrieveChat],
  ['POST', '/v3/chat/retrieve', retrieveChat],
  ['GET', '/v3/chat/message/list', listChatMessages],
  ['POST', '/v3/chat/message/list', listChatMessages],
];

/** @type {{method: string, pattern: RegExp, names: string[], handler: Handler}[]} */
const ROUTES = TABLE.map(([method, path, handler]) => {
  /** @type {string[]} */
  const names = [];
  const source = path.replace(/:(\w+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  });
  return {method, pattern: new RegExp(`^${source}/?$`), names, handler};
});

/**
 * The handler and path parameters for a request, if any route matches.
 * @param {string} method
 * @param {string} pathname
 */
export function matchRoute(method, pathname) {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    /** @type {Record<string, string>} */
    const params = {};
    route.names.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1]);
    });
    return {handler: route.handler, params};
  }
  return null;
}

/**
 * What the request log shows of a multipart part: its name, file name, type and size.
 * @param {import('./multipart.js').Part} part
 */
function partSummary(part) {
  return {
    name: part.name,
    ...(part.filename === undefined ? {} : {filename: part.filename}),
    ...(part.contentType === undefined ? {} : {content_type: part.contentType}),
    bytes: part.data.length,
  };
}

/**
 * Answers one request to `/v1/*` or `/v3/*`. Resolves once the response is complete.
 * @param {EmulatorState} state
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 */
export async function handleApi(state, req, res, url) {
  const entry = state.log.add(req, url);
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    entry.status = 204;
    writeHead(res, 204);
    res.end();
    return;
  }

  /** @type {Buffer} */
  let rawBody = Buffer.alloc(0);
  let bodyTooLarge = false;
  if (method !== 'GET' && method !== 'HEAD') {
    try {
      rawBody = await readBody(req);
    } catch {
      bodyTooLarge = true;
    }
  }
  const multipart = isMultipart(req);
  const parts = multipart ? parseMultipart(req.headers['content-type'] ?? '', rawBody) : null;
  const parsed = multipart ? {ok: true, value: undefined} : parseJson(rawBody);
  entry.body = multipart
    ? {multipart: true, parts: parts?.map(partSummary) ?? null}
    : parsed.ok
      ? (parsed.value ?? null)
      : null;

  const ex = createExchange({
    req,
    res,
    url,
    body: parsed.ok ? parsed.value : undefined,
    rawBody,
    parts,
    token: bearerToken(req),
    logid: newLogId(),
    entry,
    state,
  });
  res.on('close', () => {
    if (!res.writableFinished && !ex.serverCut) entry.clientAborted = true;
    entry.closedAfter = state.log.seq;
  });

  try {
    const route = matchRoute(method, url.pathname);
    if (!route) return ex.fail(NOT_FOUND.code, NOT_FOUND.msg, 404);
    ex.params = route.params;
    if (!ex.token) return ex.fail(AUTH_ERROR.code, AUTH_ERROR.msg, 401);
    if (ex.token.includes(EXPIRED_MARK)) return ex.fail(AUTH_ERROR.code, AUTH_ERROR.msg);
    if (ex.token.startsWith(MINTED_PREFIX)) {
      // A token from the JWT exchange: unknown or past its `expires_in` → 4100, as on Coze.
      const minted = state.oauth.token(ex.token);
      if (!minted || minted.expiresAt <= state.oauth.nowSeconds()) {
        return ex.fail(AUTH_ERROR.code, AUTH_ERROR.msg);
      }
      ex.identity = minted.identity;
      ex.botIds = minted.botIds;
    }
    if (bodyTooLarge) return ex.fail(INVALID_PARAMETER, 'invalid parameter: body too large', 413);
    if (!parsed.ok) return ex.fail(INVALID_PARAMETER, 'invalid parameter: body is not valid JSON');
    if (ex.botIds) {
      // A token narrowed to some bots (scope `bot_id_list`) may not touch another one.
      const body = /** @type {Record<string, unknown>} */ (isPlainObject(ex.body) ? ex.body : {});
      const botId = typeof body.bot_id === 'string' ? body.bot_id : url.searchParams.get('bot_id');
      if (botId && !ex.botIds.includes(botId)) {
        return ex.fail(PERMISSION_ERROR.code, PERMISSION_ERROR.msg);
      }
    }
    if (hangs(state, ex.token, route.handler)) {
      ex.entry.status = null;
      return await hangUntilClosed(res);
    }
    await route.handler(ex);
    if (!res.headersSent) ex.fail(INTERNAL_ERROR.code, INTERNAL_ERROR.msg, 500);
  } catch (error) {
    console.error('[coze-emulator]', method, url.pathname, error);
    if (!res.headersSent) ex.fail(INTERNAL_ERROR.code, INTERNAL_ERROR.msg, 500);
    else res.destroy();
  }
}
