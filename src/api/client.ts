import type {TokenSource} from './auth.js';
import {
  CozeApiError,
  abortReason,
  hasCozeCode,
  isAbortError,
  isAuthCode,
  isAuthError,
  redact,
  redactEvent,
  toCode,
  toCozeError,
} from './errors.js';
import {readCozeStream} from './sse.js';
import {profileExtras} from './bot-profile.js';
import type {
  AppInfo,
  BotInfo,
  ChatRequest,
  ContextSection,
  ConversationData,
  ConversationPage,
  CozeChat,
  CozeFile,
  CozeMessage,
  CozeStreamEvent,
  EnterMessage,
  MessageFeedback,
  MessagePage,
  RequestOptions,
  SubmitToolOutputsRequest,
  UploadOptions,
  WorkflowChatRequest,
  WorkflowInfo,
} from './types.js';

export interface CozeClientOptions {
  /** API origin, e.g. `https://api.coze.cn`; a function is read on every request. */
  apiBase: string | (() => string);
  /** Supplies and refreshes the access token. */
  auth: TokenSource;
  /** UI language; sent as `Accept-Language: zh|en` so Coze localises its messages. */
  lang?: () => string | undefined;
  /**
   * How long (ms) an answer stream may go without an event, its opening included, before the
   * send fails with kind `timeout`; default 210 000 (210 s, as the official SDK). A function is
   * read on every stream.
   */
  streamIdleTimeout?: number | (() => number | undefined);
}

/** The official SDK's idle limit for an answer stream. */
export const DEFAULT_STREAM_IDLE_TIMEOUT = 210_000;

export interface ListConversationsParams extends RequestOptions {
  botId: string;
  /** Channel; default `'999'` (Chat SDK). */
  connectorId?: string;
  userId?: string;
  pageNum?: number;
  pageSize?: number;
  sortOrder?: 'ASC' | 'DESC';
  /** `updated_at` (default: most recently used first) or `created_at`. */
  sortField?: 'updated_at' | 'created_at';
}

export interface CreateConversationParams extends RequestOptions {
  /** The bot the conversation belongs to; omitted from the body when absent (app conversations). */
  botId?: string;
  /** Channel; default `'999'` (Chat SDK). */
  connectorId?: string;
  userId?: string;
  name?: string;
  messages?: EnterMessage[];
  /** App mode: the app the conversation belongs to. */
  appId?: string;
  /** App mode: the chatflow that will run in it. */
  workflowId?: string;
  /** App mode: the conversation's name within the app (the official widget uses `'Default'`). */
  conversationName?: string;
  /** App mode: return the existing conversation of that name instead of making a second one. */
  getOrCreate?: boolean;
  /** Key/value pairs kept with the conversation (at most 16; keys ≤ 64, values ≤ 512 characters). */
  metaData?: Record<string, string>;
}

export interface AppInfoParams {
  /** App version to describe; the latest published one when absent. */
  version?: string;
  /** Channel; default `'999'` (Chat SDK). */
  connectorId?: string;
}

export interface WorkflowInfoParams {
  /** Channel; default `'999'` (Chat SDK). */
  connectorId?: string;
}

export interface ListMessagesParams extends RequestOptions {
  order?: 'asc' | 'desc';
  limit?: number;
  beforeId?: string;
  afterId?: string;
  /** Also list the bot's plugin calls and results (`function_call`, `tool_response`). */
  includeMiddleMessage?: boolean;
}

type Query = Record<string, string | number | undefined>;

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Query;
  /** A JSON body, or a form (sent as `multipart/form-data`, boundary set by the browser). */
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Report upload progress (sends with `XMLHttpRequest` instead of `fetch`). */
  onUploadProgress?: ((loaded: number, total: number) => void) | undefined;
}

/** A Coze JSON answer: the `{code, msg, data, detail}` envelope, or message list's top-level variant. */
type Envelope = Record<string, unknown> & {data?: unknown};

const DEFAULT_CONNECTOR = '999';

/** Coze code for "this chat cannot be cancelled in its current state". */
const CANNOT_CANCEL = 4104;

/**
 * A small client for the parts of the Coze OpenAPI a chat widget uses.
 * Every request carries only `Authorization`, `Content-Type` (with a JSON
 * body) and `Accept-Language`; cookies are never sent (`fetch` with
 * `credentials: 'omit'`). The one exception is an upload with progress, which
 * needs `XMLHttpRequest`: it sends no cookies to another origin (such as
 * `api.coze.cn`), but XHR cannot hold back the page's own cookies when the
 * API is on the page's origin. A token rejection triggers one refresh through
 * the `TokenSource` and one retry.
 */
export class CozeClient {
  readonly #apiBase: () => string;
  readonly #auth: TokenSource;
  readonly #lang: () => string | undefined;
  readonly #idleTimeout: () => number | undefined;

  constructor(options: CozeClientOptions) {
    const {apiBase, streamIdleTimeout: idle} = options;
    this.#apiBase = typeof apiBase === 'function' ? apiBase : () => apiBase;
    this.#auth = options.auth;
    this.#lang = options.lang ?? (() => undefined);
    this.#idleTimeout = typeof idle === 'function' ? idle : () => idle;
  }

  /** The bot's name, icon, description, prologue and suggested questions (`GET /v1/bots/{bot_id}`). */
  async getBotInfo(botId: string, options: RequestOptions = {}): Promise<BotInfo> {
    const envelope = await this.#json({
      method: 'GET',
      path: `/v1/bots/${encodeURIComponent(botId)}`,
      signal: options.signal,
    });
    const data = record(envelope.data);
    const onboarding = record(data.onboarding_info);
    const info: BotInfo = {
      id: str(data.bot_id) ?? str(data.id) ?? botId,
      name: str(data.name) ?? '',
      suggestedQuestions: suggestedQuestions(onboarding),
      ...profileExtras(data),
    };
    const iconUrl = str(data.icon_url);
    const description = str(data.description);
    const prologue = str(onboarding.prologue);
    if (iconUrl) info.iconUrl = iconUrl;
    if (description) info.description = description;
    if (prologue) info.prologue = prologue;
    return info;
  }

  /**
   * The app's name, icon and description (`GET /v1/apps/{app_id}`), for app
   * mode. Field names are read leniently (`app_id`/`id`, `icon_url`/`icon`).
   */
  async getAppInfo(
    appId: string,
    params: AppInfoParams = {},
    options: RequestOptions = {}
  ): Promise<AppInfo> {
    const envelope = await this.#json({
      method: 'GET',
      path: `/v1/apps/${encodeURIComponent(appId)}`,
      query: {version: params.version, connector_id: params.connectorId ?? DEFAULT_CONNECTOR},
      signal: options.signal,
    });
    const data = record(envelope.data);
    const nested = record(data.app);
    const field = (key: string) => str(data[key]) ?? str(nested[key]);
    const info: AppInfo = {
      id: field('app_id') ?? field('id') ?? appId,
      name: field('name') ?? field('app_name') ?? '',
    };
    const iconUrl = field('icon_url') ?? field('icon');
    const description = field('description') ?? field('desc');
    if (iconUrl) info.iconUrl = iconUrl;
    if (description) info.description = description;
    return info;
  }

  /**
   * A chatflow's role (`GET /v1/workflows/{workflow_id}`): the name, avatar,
   * prologue and suggested questions the chat shows in app mode. Read
   * leniently, in this order: the role config under `data.role` (`name`,
   * `avatar` as a URL or `{image_url}`, `onboarding_info`), then the workflow
   * under `data.workflow_detail` (`workflow_name`, `icon_url`), then the same
   * keys on `data` itself.
   */
  async getWorkflowInfo(
    workflowId: string,
    params: WorkflowInfoParams = {},
    options: RequestOptions = {}
  ): Promise<WorkflowInfo> {
    const envelope = await this.#json({
      method: 'GET',
      path: `/v1/workflows/${encodeURIComponent(workflowId)}`,
      query: {connector_id: params.connectorId ?? DEFAULT_CONNECTOR},
      signal: options.signal,
    });
    const data = record(envelope.data);
    const role = record(data.role);
    const detail = record(data.workflow_detail ?? data.workflow);
    const layers = [role, detail, data];
    const first = (read: (layer: Record<string, unknown>) => string | undefined) =>
      layers.map(read).find((value) => value !== undefined);
    const onboarding = record(layers.map((l) => l.onboarding_info).find((v) => v !== undefined));
    const info: WorkflowInfo = {
      id: first((l) => str(l.workflow_id)) ?? str(data.id) ?? workflowId,
      suggestedQuestions: suggestedQuestions(onboarding),
    };
    const name = first((l) => str(l.name) ?? str(l.workflow_name));
    const iconUrl = first((l) => imageUrl(l.avatar) ?? str(l.icon_url) ?? imageUrl(l.icon));
    const prologue = str(onboarding.prologue);
    if (name) info.name = name;
    if (iconUrl) info.iconUrl = iconUrl;
    if (prologue) info.prologue = prologue;
    return info;
  }

  /** One page of the caller's conversations with a bot (`GET /v1/conversations`). */
  async listConversations(
    params: ListConversationsParams,
    options: RequestOptions = {}
  ): Promise<ConversationPage> {
    const envelope = await this.#json({
      method: 'GET',
      path: '/v1/conversations',
      query: {
        bot_id: params.botId,
        connector_id: params.connectorId ?? DEFAULT_CONNECTOR,
        page_num: params.pageNum ?? 1,
        page_size: params.pageSize ?? 20,
        sort_order: params.sortOrder ?? 'DESC',
        sort_field: params.sortField ?? 'updated_at',
        user_id: params.userId,
      },
      signal: options.signal ?? params.signal,
    });
    const data = record(envelope.data);
    return {
      conversations: Array.isArray(data.conversations)
        ? (data.conversations as ConversationData[])
        : [],
      hasMore: data.has_more === true,
    };
  }

  /**
   * Creates a conversation (`POST /v1/conversation/create`). For an app, pass
   * `appId`, `workflowId` and `conversationName`; with `getOrCreate` the
   * existing conversation of that name comes back instead of a new one.
   */
  async createConversation(
    params: CreateConversationParams,
    options: RequestOptions = {}
  ): Promise<ConversationData> {
    const body: Record<string, unknown> = {};
    if (params.botId) body.bot_id = params.botId;
    if (params.appId) body.app_id = params.appId;
    if (params.workflowId) body.workflow_id = params.workflowId;
    if (params.conversationName !== undefined) body.conversation_name = params.conversationName;
    if (params.getOrCreate !== undefined) body.get_or_create = params.getOrCreate;
    body.connector_id = params.connectorId ?? DEFAULT_CONNECTOR;
    if (params.userId) body.user_id = params.userId;
    if (params.name !== undefined) body.name = params.name;
    if (params.messages) body.messages = params.messages;
    if (params.metaData) body.meta_data = params.metaData;
    const envelope = await this.#json({
      method: 'POST',
      path: '/v1/conversation/create',
      body,
      signal: options.signal ?? params.signal,
    });
    return envelope.data as ConversationData;
  }

  /**
   * One page of a conversation's messages (`POST /v1/conversation/message/list`).
   * With the default `order: 'desc'`, pass the previous page's `lastId` as
   * `afterId` to get older messages.
   */
  async listMessages(
    conversationId: string,
    params: ListMessagesParams = {},
    options: RequestOptions = {}
  ): Promise<MessagePage> {
    const body: Record<string, unknown> = {
      order: params.order ?? 'desc',
      limit: params.limit ?? 20,
    };
    if (params.beforeId) body.before_id = params.beforeId;
    if (params.afterId) body.after_id = params.afterId;
    if (params.includeMiddleMessage !== undefined)
      body.include_middle_message = params.includeMiddleMessage;
    const envelope = await this.#json({
      method: 'POST',
      path: '/v1/conversation/message/list',
      query: {conversation_id: conversationId},
      body,
      signal: options.signal ?? params.signal,
    });
    const page: MessagePage = {
      messages: Array.isArray(envelope.data) ? (envelope.data as CozeMessage[]) : [],
      hasMore: envelope.has_more === true,
    };
    const firstId = str(envelope.first_id);
    const lastId = str(envelope.last_id);
    if (firstId) page.firstId = firstId;
    if (lastId) page.lastId = lastId;
    return page;
  }

  /**
   * Starts a chat and streams its events (`POST /v3/chat`, `stream: true`).
   * A rejection before the stream starts (a JSON answer instead of
   * `text/event-stream`, or a bare auth error as the stream's first line) is
   * thrown as a `CozeApiError`, after one token refresh and retry for auth
   * errors. Errors inside the stream arrive as `error` /
   * `conversation.chat.failed` events; a stream that ends early throws kind
   * `interrupted` after yielding what arrived.
   */
  async *streamChat(
    req: ChatRequest,
    options: RequestOptions = {}
  ): AsyncGenerator<CozeStreamEvent, void, undefined> {
    const body: Record<string, unknown> = {
      bot_id: req.botId,
      user_id: req.userId,
      stream: true,
      additional_messages: req.additionalMessages,
      connector_id: req.connectorId ?? DEFAULT_CONNECTOR,
    };
    if (req.parameters) body.parameters = req.parameters;
    if (req.customVariables) body.custom_variables = req.customVariables;
    if (req.shortcutCommand) {
      const {commandId, parameters} = req.shortcutCommand;
      body.shortcut_command = {command_id: commandId, ...(parameters ? {parameters} : {})};
    }
    yield* this.#stream({
      method: 'POST',
      path: '/v3/chat',
      query: {conversation_id: req.conversationId},
      body,
      signal: options.signal,
    });
  }

  /**
   * Runs one turn of an app's chatflow and streams its events
   * (`POST /v1/workflows/chat`). Unlike `streamChat`, `conversation_id` goes
   * in the body, and `parameters` is always sent (`{}` when absent). Errors,
   * token refresh and retry behave exactly as for `streamChat`.
   *
   * When a question or input node pauses the flow, the question arrives as an
   * `answer`, then a `verbose` message for which `isInterrupt()` is true, and
   * the stream ends with `done` (which carries `debugUrl`) and no
   * `conversation.chat.completed`. Resume by calling this again with the
   * user's reply in the same conversation.
   */
  async *streamWorkflowChat(
    req: WorkflowChatRequest,
    options: RequestOptions = {}
  ): AsyncGenerator<CozeStreamEvent, void, undefined> {
    const body: Record<string, unknown> = {
      workflow_id: req.workflowId,
      app_id: req.appId,
      additional_messages: req.additionalMessages,
      parameters: req.parameters ?? {},
    };
    if (req.conversationId) body.conversation_id = req.conversationId;
    body.connector_id = req.connectorId ?? DEFAULT_CONNECTOR;
    body.ext = {user_id: req.userId};
    if (req.appVersion) body.version = req.appVersion;
    yield* this.#stream({
      method: 'POST',
      path: '/v1/workflows/chat',
      body,
      signal: options.signal,
    });
  }

  /**
   * Sends the page's results for a chat paused in `requires_action` (a local
   * plugin) and streams the rest of that same chat
   * (`POST /v3/chat/submit_tool_outputs`, `stream: true`): `in_progress`, the
   * answer, `completed`, `done`. Errors, token refresh and retry behave
   * exactly as for `streamChat`. Every pending tool call needs an output.
   */
  async *submitToolOutputs(
    req: SubmitToolOutputsRequest,
    options: RequestOptions = {}
  ): AsyncGenerator<CozeStreamEvent, void, undefined> {
    yield* this.#stream({
      method: 'POST',
      path: '/v3/chat/submit_tool_outputs',
      query: {conversation_id: req.conversationId, chat_id: req.chatId},
      body: {
        tool_outputs: req.toolOutputs.map(({tool_call_id, output}) => ({tool_call_id, output})),
        stream: true,
      },
      signal: options.signal,
    });
  }

  /**
   * Opens a streaming call and yields its events. A rejection before the
   * stream starts (a JSON answer instead of `text/event-stream`, or a bare
   * auth error as the stream's first event) is thrown as a `CozeApiError`,
   * after one token refresh and retry for auth errors.
   */
  async *#stream(outer: Call): AsyncGenerator<CozeStreamEvent, void, undefined> {
    if (outer.signal?.aborted) throw abortReason(outer.signal);
    const idle = new IdleTimer(this.#idleTimeout() ?? DEFAULT_STREAM_IDLE_TIMEOUT, outer.signal);
    const call: Call = {...outer, signal: idle.signal};
    const signal = call.signal;
    let logId: string | undefined;
    let tokens: string[] = [];
    try {
      const opened = await this.#withAuth(async (token) => {
        const response = await this.#fetch(call, token);
        const logId = response.headers.get('x-tt-logid') ?? undefined;
        const type = response.headers.get('content-type') ?? '';
        if (!response.ok || !type.includes('text/event-stream') || !response.body) {
          await this.#envelope(response, signal);
          throw new CozeApiError({
            kind: 'http',
            status: response.status,
            message: 'Coze did not answer with an event stream.',
            ...(logId ? {logId} : {}),
          });
        }
        idle.arm();
        const events = readCozeStream(response.body, signal);
        const first = await events.next();
        if (!first.done && first.value.event === 'error' && isAuthCode(first.value.error.code)) {
          await events.return(undefined);
          throw new CozeApiError({
            kind: 'api',
            code: first.value.error.code,
            message: first.value.error.msg,
            status: response.status,
            ...(logId ? {logId} : {}),
          });
        }
        return {events, first, logId};
      });
      logId = opened.value.logId;
      tokens = opened.tokens;
      const {events, first} = opened.value;
      try {
        if (!first.done) {
          idle.pause();
          yield redactEvent(first.value, tokens);
          idle.arm();
        }
        for await (const event of events) {
          idle.pause();
          yield redactEvent(event, tokens);
          idle.arm();
        }
      } finally {
        await events.return(undefined);
      }
    } catch (err) {
      if (idle.fired && !outer.signal?.aborted) {
        throw new CozeApiError({
          kind: 'timeout',
          message: `Coze sent nothing for ${Math.round(idle.ms / 1000)} s.`,
          ...(logId ? {logId} : {}),
        });
      }
      throw redact(withLogId(err, logId), tokens);
    } finally {
      idle.stop();
    }
  }

  /**
   * Asks Coze to cancel a running chat (`POST /v3/chat/cancel`). Resolves to
   * `undefined` when the chat can no longer be cancelled (code 4104). The
   * stream keeps flowing: abort it as well.
   */
  async cancelChat(
    conversationId: string,
    chatId: string,
    options: RequestOptions = {}
  ): Promise<CozeChat | undefined> {
    try {
      const envelope = await this.#json({
        method: 'POST',
        path: '/v3/chat/cancel',
        body: {conversation_id: conversationId, chat_id: chatId},
        signal: options.signal,
      });
      return envelope.data as CozeChat;
    } catch (err) {
      if (err instanceof CozeApiError && err.kind === 'api' && err.code === CANNOT_CANCEL)
        return undefined;
      throw err;
    }
  }

  /** Renames a conversation (`PUT /v1/conversations/{conversation_id}`). */
  async renameConversation(
    conversationId: string,
    name: string,
    options: RequestOptions = {}
  ): Promise<ConversationData> {
    const envelope = await this.#json({
      method: 'PUT',
      path: `/v1/conversations/${encodeURIComponent(conversationId)}`,
      body: {name},
      signal: options.signal,
    });
    return envelope.data as ConversationData;
  }

  /** Deletes a conversation for good (`DELETE /v1/conversations/{conversation_id}`). */
  async deleteConversation(conversationId: string, options: RequestOptions = {}): Promise<void> {
    await this.#json({
      method: 'DELETE',
      path: `/v1/conversations/${encodeURIComponent(conversationId)}`,
      signal: options.signal,
    });
  }

  /**
   * Starts a new context section: the model forgets earlier turns, the history
   * stays listed (`POST /v1/conversations/{conversation_id}/clear`).
   */
  async clearContext(
    conversationId: string,
    options: RequestOptions = {}
  ): Promise<ContextSection> {
    const envelope = await this.#json({
      method: 'POST',
      path: `/v1/conversations/${encodeURIComponent(conversationId)}/clear`,
      signal: options.signal,
    });
    return envelope.data as ContextSection;
  }

  /** Likes or unlikes an answer (`POST …/messages/{message_id}/feedback`). */
  async sendFeedback(
    conversationId: string,
    messageId: string,
    feedback: MessageFeedback,
    options: RequestOptions = {}
  ): Promise<void> {
    const body: Record<string, unknown> = {feedback_type: feedback.feedbackType};
    if (feedback.reasonTypes?.length) body.reason_types = feedback.reasonTypes;
    if (feedback.comment) body.comment = feedback.comment;
    await this.#json({
      method: 'POST',
      path: feedbackPath(conversationId, messageId),
      body,
      signal: options.signal,
    });
  }

  /** Withdraws the feedback on an answer (`DELETE …/messages/{message_id}/feedback`). */
  async deleteFeedback(
    conversationId: string,
    messageId: string,
    options: RequestOptions = {}
  ): Promise<void> {
    await this.#json({
      method: 'DELETE',
      path: feedbackPath(conversationId, messageId),
      signal: options.signal,
    });
  }

  /**
   * Uploads one file (`POST /v1/files/upload`, part `file`); its `id` goes
   * into `object_string` items. With `onProgress` the upload goes through
   * `XMLHttpRequest` to report progress; errors, token refresh and abort
   * behave the same either way. Coze's upload errors (4300 empty, 4301 more
   * than one file, 4302 too large, 4303 unsupported format, 4304 broken file)
   * come back as a `CozeApiError` with that code.
   */
  async uploadFile(file: Blob, fileName?: string, options: UploadOptions = {}): Promise<CozeFile> {
    const name =
      fileName ?? (typeof File !== 'undefined' && file instanceof File ? file.name : 'file');
    const envelope = await this.#json({
      method: 'POST',
      path: '/v1/files/upload',
      body: formWithFile(file, name),
      signal: options.signal,
      onUploadProgress: options.onProgress,
    });
    return envelope.data as CozeFile;
  }

  /** An uploaded file's record (`GET /v1/files/retrieve`). */
  async retrieveFile(fileId: string, options: RequestOptions = {}): Promise<CozeFile> {
    const envelope = await this.#json({
      method: 'GET',
      path: '/v1/files/retrieve',
      query: {file_id: fileId},
      signal: options.signal,
    });
    return envelope.data as CozeFile;
  }

  /**
   * Speech to text (`POST /v1/audio/transcriptions`, part `file`). Coze takes
   * wav, mp3, ogg, m4a and a few more — not the webm most browsers record —
   * up to 10 MB; other formats are rejected with code 4303.
   */
  async transcribe(
    audio: Blob,
    fileName = 'speech.wav',
    options: RequestOptions = {}
  ): Promise<string> {
    const envelope = await this.#json({
      method: 'POST',
      path: '/v1/audio/transcriptions',
      body: formWithFile(audio, fileName),
      signal: options.signal,
    });
    const text = record(envelope.data).text;
    return typeof text === 'string' ? text : '';
  }

  /** A JSON call with the auth refresh-and-retry. */
  async #json(call: Call): Promise<Envelope> {
    if (call.signal?.aborted) throw abortReason(call.signal);
    const {value} = await this.#withAuth(async (token) =>
      this.#envelope(await this.#send(call, token), call.signal)
    );
    return value;
  }

  /**
   * Runs `attempt` with the current token; on a token rejection, refreshes
   * once and runs it once more. Errors never carry a token in their message.
   */
  async #withAuth<T>(
    attempt: (token: string) => Promise<T>
  ): Promise<{value: T; tokens: string[]}> {
    const tokens: string[] = [];
    try {
      const token = await this.#auth.get();
      tokens.push(token);
      try {
        return {value: await attempt(token), tokens};
      } catch (err) {
        if (!isAuthError(err) || !this.#auth.canRefresh) throw err;
        const next = await this.#auth.refresh(token);
        tokens.push(next);
        return {value: await attempt(next), tokens};
      }
    } catch (err) {
      throw redact(err, tokens);
    }
  }

  #url(path: string, query: Query = {}): string {
    const base = this.#apiBase().replace(/\/+$/, '');
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') search.set(key, String(value));
    }
    const qs = search.toString();
    return `${base}${path}${qs ? `?${qs}` : ''}`;
  }

  #headers(token: string, jsonBody: boolean): Record<string, string> {
    const headers: Record<string, string> = {Authorization: `Bearer ${token}`};
    if (jsonBody) headers['Content-Type'] = 'application/json';
    const lang = this.#lang();
    if (lang) headers['Accept-Language'] = lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
    return headers;
  }

  /** Sends a call by `fetch`, or by `XMLHttpRequest` when it reports upload progress. */
  #send(call: Call, token: string): Promise<Response> {
    return call.onUploadProgress
      ? this.#xhr(call, token, call.onUploadProgress)
      : this.#fetch(call, token);
  }

  async #fetch(call: Call, token: string): Promise<Response> {
    const url = this.#url(call.path, call.query);
    const {form, json} = bodyOf(call);
    try {
      return await fetch(url, {
        method: call.method,
        headers: this.#headers(token, json !== undefined),
        ...(form ? {body: form} : json !== undefined ? {body: json} : {}),
        ...(call.signal ? {signal: call.signal} : {}),
        credentials: 'omit',
        mode: 'cors',
        cache: 'no-store',
      });
    } catch (cause) {
      if (call.signal?.aborted) throw abortReason(call.signal);
      if (isAbortError(cause)) throw cause;
      throw unreachable(url, cause);
    }
  }

  /**
   * Sends a call by `XMLHttpRequest`, reporting upload progress, and hands the
   * answer back as a `Response` so it is read exactly like a `fetch` answer.
   * Same headers as `#fetch`; `withCredentials` stays false, so no cookies go
   * to another origin.
   */
  #xhr(
    call: Call,
    token: string,
    onProgress: (loaded: number, total: number) => void
  ): Promise<Response> {
    const url = this.#url(call.path, call.query);
    const {form, json} = bodyOf(call);
    const {signal} = call;
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const xhr = new XMLHttpRequest();
      xhr.open(call.method, url);
      xhr.withCredentials = false;
      xhr.responseType = 'text';
      for (const [name, value] of Object.entries(this.#headers(token, json !== undefined))) {
        xhr.setRequestHeader(name, value);
      }
      let reported = -1;
      const report = (event: ProgressEvent) => {
        if (!event.lengthComputable || event.loaded === reported) return;
        reported = event.loaded;
        onProgress(event.loaded, event.total);
      };
      xhr.upload.addEventListener('progress', report);
      // The final progress event normally says `loaded === total`; make sure the caller sees it.
      xhr.upload.addEventListener('load', (event) => {
        if (event.lengthComputable && reported < event.total) {
          reported = event.total;
          onProgress(event.total, event.total);
        }
      });
      const onAbort = () => xhr.abort();
      signal?.addEventListener('abort', onAbort, {once: true});
      const settle = (outcome: () => void) => {
        signal?.removeEventListener('abort', onAbort);
        outcome();
      };
      xhr.addEventListener('load', () =>
        settle(() => {
          if (xhr.status < 200 || xhr.status > 599) reject(unreachable(url));
          else resolve(xhrResponse(xhr));
        })
      );
      xhr.addEventListener('error', () => settle(() => reject(unreachable(url))));
      xhr.addEventListener('timeout', () => settle(() => reject(unreachable(url))));
      xhr.addEventListener('abort', () =>
        settle(() =>
          reject(
            signal?.aborted
              ? abortReason(signal)
              : new DOMException('The upload was aborted.', 'AbortError')
          )
        )
      );
      xhr.send(form ?? json ?? null);
    });
  }

  /** Reads a JSON answer; throws `CozeApiError` for a non-zero code, a non-2xx status or an unreadable body. */
  async #envelope(response: Response, signal: AbortSignal | undefined): Promise<Envelope> {
    const headerLogId = response.headers.get('x-tt-logid') ?? undefined;
    const context = {
      status: response.status,
      statusText: response.statusText,
      ...(headerLogId ? {logId: headerLogId} : {}),
    };
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw abortReason(signal);
      if (isAbortError(cause)) throw cause;
      throw new CozeApiError({
        kind: 'network',
        status: response.status,
        message: 'The connection to Coze broke while reading its answer.',
        cause,
        ...(headerLogId ? {logId: headerLogId} : {}),
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      throw toCozeError(hasCozeCode(body) && toCode(body.code) !== 0 ? body : undefined, context);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw toCozeError(undefined, context);
    if (hasCozeCode(body) && toCode(body.code) !== 0) throw toCozeError(body, context);
    return body as Envelope;
  }
}

/** The error for a request that got no answer at all. */
function unreachable(url: string, cause?: unknown): CozeApiError {
  return new CozeApiError({
    kind: 'network',
    message: `Could not reach Coze at ${originOf(url)}: the network request failed (offline, blocked by CORS, or a wrong address).`,
    ...(cause === undefined ? {} : {cause}),
  });
}

/** A call's body as sent: a form as is, anything else as JSON text. */
function bodyOf(call: Call): {form?: FormData; json?: string} {
  if (call.body instanceof FormData) return {form: call.body};
  return call.body === undefined ? {} : {json: JSON.stringify(call.body)};
}

/** A form with one part named `file`, as Coze's upload endpoints take it. */
function formWithFile(file: Blob, fileName: string): FormData {
  const form = new FormData();
  form.append('file', file, fileName);
  return form;
}

/** A finished `XMLHttpRequest` as a `Response`: status, exposed headers and text. */
function xhrResponse(xhr: XMLHttpRequest): Response {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    try {
      headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    } catch {
      // A header the Headers class refuses is of no use to the reader anyway.
    }
  }
  const noBody = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
  return new Response(noBody ? null : xhr.responseText, {
    status: xhr.status,
    statusText: xhr.statusText,
    headers,
  });
}

function feedbackPath(conversationId: string, messageId: string): string {
  return `/v1/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}/feedback`;
}

function withLogId(err: unknown, logId: string | undefined): unknown {
  if (!(err instanceof CozeApiError) || err.logId || !logId) return err;
  return new CozeApiError({
    kind: err.kind,
    code: err.code,
    message: err.message,
    logId,
    ...(err.status === undefined ? {} : {status: err.status}),
    ...(err.cause === undefined ? {} : {cause: err.cause}),
  });
}

function originOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+/i.exec(url);
  return match ? match[0] : (url.split(/[?#]/)[0] ?? url);
}

/** Non-empty suggested questions of an `onboarding_info`: strings, or `{content}` objects. */
function suggestedQuestions(onboarding: Record<string, unknown>): string[] {
  const list = Array.isArray(onboarding.suggested_questions) ? onboarding.suggested_questions : [];
  return list
    .map((q: unknown) => (typeof q === 'string' ? q : str(record(q).content)))
    .filter((q): q is string => typeof q === 'string' && q.trim() !== '');
}

/** An image given as a URL string or as `{image_url}` / `{url}`. */
function imageUrl(value: unknown): string | undefined {
  if (typeof value === 'string') return str(value);
  const image = record(value);
  return str(image.image_url) ?? str(image.url);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * An abort signal that follows the caller's and also fires when `arm()` was not called again
 * within `ms` (an answer stream that went quiet). The clock runs while the stream is read only:
 * the time a consumer takes between events does not count.
 */
class IdleTimer {
  readonly #controller = new AbortController();
  readonly #outer: AbortSignal | undefined;
  readonly #onOuterAbort = () => this.#controller.abort(this.#outer?.reason);
  readonly ms: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  fired = false;

  constructor(ms: number, outer: AbortSignal | undefined) {
    this.ms = ms;
    this.#outer = outer;
    outer?.addEventListener('abort', this.#onOuterAbort, {once: true});
    this.arm();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Starts the wait again, from now. */
  arm(): void {
    clearTimeout(this.#timer);
    if (!(this.ms > 0) || !Number.isFinite(this.ms)) return;
    this.#timer = setTimeout(() => {
      this.fired = true;
      this.#controller.abort(new DOMException('The answer stream went quiet.', 'TimeoutError'));
    }, this.ms);
  }

  /** Stops the clock while the consumer handles an event. */
  pause(): void {
    clearTimeout(this.#timer);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#outer?.removeEventListener('abort', this.#onOuterAbort);
  }
}
