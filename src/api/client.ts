// Over 400 lines on purpose: one method per Coze endpoint with its JSDoc; sending, reading and
// streaming live in transport.ts, envelope.ts, stream-open.ts and wire.ts.
import type {TokenSource} from './auth.js';
import {CozeApiError} from './errors.js';
import type {Envelope} from './envelope.js';
import {str} from './json.js';
import {
  readChat,
  readConversation,
  readIdentified,
  readList,
  readMessage,
  readObject,
  text,
} from './wire.js';
import {readAppInfo, readBotInfo, readWorkflowInfo} from './profiles.js';
import {openStream} from './stream-open.js';
import {Transport, formWithFile, type Call} from './transport.js';
import type {
  AppInfoParams,
  CreateConversationParams,
  ListConversationsParams,
  ListMessagesParams,
  WorkflowInfoParams,
} from './params.js';
import type {
  AppInfo,
  BotInfo,
  ChatRequest,
  ContextSection,
  ConversationData,
  ConversationPage,
  CozeChat,
  CozeFile,
  CozeStreamEvent,
  MessageFeedback,
  MessagePage,
  RequestOptions,
  SubmitToolOutputsRequest,
  UploadOptions,
  WorkflowChatRequest,
  WorkflowInfo,
} from './types.js';

export type {
  AppInfoParams,
  CreateConversationParams,
  ListConversationsParams,
  ListMessagesParams,
  WorkflowInfoParams,
} from './params.js';

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
  /**
   * How long (ms) any other call (profile, lists, history, feedback, …) may wait for Coze's
   * answer, and an upload go without progress, before it fails with kind `timeout`; default
   * 30 000. A function is read on every call.
   */
  requestTimeout?: number | (() => number | undefined);
}

/** The official SDK's idle limit for an answer stream. */
export const DEFAULT_STREAM_IDLE_TIMEOUT = 210_000;

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
  readonly #transport: Transport;
  readonly #idleTimeout: () => number | undefined;

  constructor(options: CozeClientOptions) {
    const {apiBase, streamIdleTimeout: idle, requestTimeout: request} = options;
    this.#transport = new Transport({
      apiBase: typeof apiBase === 'function' ? apiBase : () => apiBase,
      auth: options.auth,
      lang: options.lang ?? (() => undefined),
      requestTimeout: typeof request === 'function' ? request : () => request,
    });
    this.#idleTimeout = typeof idle === 'function' ? idle : () => idle;
  }

  #json(call: Call): Promise<Envelope> {
    return this.#transport.json(call);
  }

  #stream(call: Call): AsyncGenerator<CozeStreamEvent, void, undefined> {
    return openStream(this.#transport, call, this.#idleTimeout() ?? DEFAULT_STREAM_IDLE_TIMEOUT);
  }

  /** The bot's name, icon, description, prologue and suggested questions (`GET /v1/bots/{bot_id}`). */
  async getBotInfo(botId: string, options: RequestOptions = {}): Promise<BotInfo> {
    const envelope = await this.#json({
      method: 'GET',
      path: `/v1/bots/${encodeURIComponent(botId)}`,
      signal: options.signal,
    });
    return readBotInfo(readObject(envelope.data, 'a bot profile'), botId);
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
    return readAppInfo(readObject(envelope.data, 'an app profile'), appId);
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
    return readWorkflowInfo(readObject(envelope.data, 'a chatflow profile'), workflowId);
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
    const data = readObject(envelope.data, 'a conversation list');
    return {
      // No conversations may come as a missing list.
      conversations: readList(data.conversations ?? [], readConversation, 'a conversation list'),
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
    return readConversation(envelope.data);
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
      messages: readList(envelope.data, readMessage, 'a message list'),
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
      return readChat(envelope.data);
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
    return readConversation(envelope.data);
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
    return readIdentified<ContextSection>(envelope.data, 'a context section');
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
    return readIdentified<CozeFile>(envelope.data, 'a file');
  }

  /** An uploaded file's record (`GET /v1/files/retrieve`). */
  async retrieveFile(fileId: string, options: RequestOptions = {}): Promise<CozeFile> {
    const envelope = await this.#json({
      method: 'GET',
      path: '/v1/files/retrieve',
      query: {file_id: fileId},
      signal: options.signal,
    });
    return readIdentified<CozeFile>(envelope.data, 'a file');
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
    return text(readObject(envelope.data, 'a transcription').text);
  }
}

function feedbackPath(conversationId: string, messageId: string): string {
  return `/v1/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}/feedback`;
}
