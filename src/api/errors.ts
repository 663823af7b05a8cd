import type {CozeErrorBody, CozeStreamEvent} from './types.js';
import {isRecord} from './json.js';

/**
 * Where a failure came from:
 * - `api`: Coze answered with its own `{code, msg}` body (any HTTP status);
 * - `http`: a non-2xx answer (or an unreadable one) without a Coze body;
 * - `network`: `fetch` itself failed (offline, CORS, DNS, refused);
 * - `interrupted`: an answer stream ended before its `done` event;
 * - `timeout`: an answer stream sent nothing for longer than its idle timeout;
 * - `malformed`: a 2xx answer whose data is not of the shape Coze sends (e.g. no `data`).
 */
export type CozeErrorKind = 'api' | 'http' | 'network' | 'interrupted' | 'timeout' | 'malformed';

export interface CozeApiErrorInit {
  message: string;
  kind: CozeErrorKind;
  /** Coze error code; 0 when the failure did not come with one. */
  code?: number;
  /** HTTP status, when there was a response. */
  status?: number;
  /** Coze's request id (`x-tt-logid` / `detail.logid`), for support tickets. */
  logId?: string;
  cause?: unknown;
}

/** A failed Coze call. Never carries the access token in its message. */
export class CozeApiError extends Error {
  readonly code: number;
  readonly kind: CozeErrorKind;
  readonly status?: number;
  readonly logId?: string;

  constructor(init: CozeApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : {cause: init.cause});
    this.name = 'CozeApiError';
    this.kind = init.kind;
    this.code = init.code ?? 0;
    if (init.status !== undefined) this.status = init.status;
    if (init.logId) this.logId = init.logId;
  }
}

/** Codes Coze uses for a missing, expired, wrong-region or under-privileged token. */
const AUTH_CODES: ReadonlySet<number> = new Set([4100, 4101, 700012006]);

/** Whether a Coze error code means "the token was not accepted". */
export function isAuthCode(code: number): boolean {
  return AUTH_CODES.has(code);
}

/** Whether `err` is a token rejection: HTTP 401, or code 4100, 4101 or 700012006. */
export function isAuthError(err: unknown): boolean {
  return err instanceof CozeApiError && (err.status === 401 || isAuthCode(err.code));
}

/** Whether `err` is the platform's abort rejection (`AbortError` or an `AbortSignal.timeout()` `TimeoutError`). */
export function isAbortError(err: unknown): err is DOMException {
  return err instanceof DOMException && (err.name === 'AbortError' || err.name === 'TimeoutError');
}

/** The error an aborted operation rejects with: the signal's own reason when it is a DOMException, else a fresh `AbortError`. */
export function abortReason(signal: AbortSignal): DOMException {
  const reason: unknown = signal.reason;
  return reason instanceof DOMException
    ? reason
    : new DOMException('The operation was aborted.', 'AbortError');
}

/** Coerces a Coze code (a number, or a numeric string as chatflows send it) to a number; anything else is 0. */
export function toCode(value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/** Whether a parsed JSON value looks like a Coze error or envelope (has a `code`). */
export function hasCozeCode(value: unknown): value is Record<string, unknown> & {code: unknown} {
  return (
    isRecord(value) &&
    'code' in value &&
    (typeof value.code === 'number' || typeof value.code === 'string')
  );
}

/**
 * Normalises whatever Coze sent as an error (`{code, msg}` with a numeric or
 * string code, `{}`, or something else) into a `CozeErrorBody` with a number
 * code and a message a person can read.
 */
export function toErrorBody(value: unknown): CozeErrorBody {
  const code = isRecord(value) ? toCode(value.code) : 0;
  const raw = isRecord(value) ? (value.msg ?? value.message) : undefined;
  const msg = typeof raw === 'string' && raw.trim() !== '' ? raw : fallbackMessage(code);
  return {code, msg};
}

function fallbackMessage(code: number): string {
  return code
    ? `Coze reported error ${code} without a message.`
    : 'Coze reported an error without details.';
}

function logIdOf(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const detail = value.detail;
  if (isRecord(detail) && typeof detail.logid === 'string' && detail.logid) return detail.logid;
  const legacy = value.error;
  if (isRecord(legacy) && typeof legacy.logid === 'string' && legacy.logid) return legacy.logid;
  return undefined;
}

export interface ToCozeErrorContext {
  /** HTTP status of the response the body came from. */
  status?: number;
  /** `x-tt-logid` header, used when the body has no `detail.logid`. */
  logId?: string;
  /** HTTP status text, for a readable `http` message. */
  statusText?: string;
}

/**
 * Turns a failed answer into a `CozeApiError`.
 * - a Coze body (`{code, msg, detail?}`) → kind `api`;
 * - a bare HTTP status number, or a body without a Coze code → kind `http`.
 */
export function toCozeError(source: unknown, context: ToCozeErrorContext = {}): CozeApiError {
  const status = typeof source === 'number' ? source : context.status;
  if (typeof source !== 'number' && hasCozeCode(source)) {
    const {code, msg} = toErrorBody(source);
    return new CozeApiError({
      kind: 'api',
      code,
      message: msg,
      ...(status === undefined ? {} : {status}),
      ...optionalLogId(logIdOf(source) ?? context.logId),
    });
  }
  const text = context.statusText ? ` ${context.statusText}` : '';
  return new CozeApiError({
    kind: 'http',
    message:
      status === undefined || (status >= 200 && status < 300)
        ? 'Coze sent an answer that could not be read.'
        : `Coze answered with HTTP ${status}${text}.`,
    ...(status === undefined ? {} : {status}),
    ...optionalLogId(context.logId),
  });
}

function optionalLogId(logId: string | undefined): {logId?: string} {
  return logId ? {logId} : {};
}

/**
 * Returns `err` with every occurrence of the given secrets masked in its
 * message (a no-op for errors that contain none). Used so that a token can
 * never leak into an error a page might log or display.
 */
export function redact<E>(err: E, secrets: Iterable<string | undefined>): E {
  if (!(err instanceof Error)) return err;
  const message = redactText(err.message, secrets);
  if (message !== err.message) err.message = message;
  return err;
}

/** `text` with every occurrence of the given secrets (four characters or more) masked. */
export function redactText(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4 && out.includes(secret))
      out = out.split(secret).join('[token]');
  }
  return out;
}

/**
 * A stream event with the given secrets masked in the error it carries
 * (`error`, `conversation.chat.failed` in either shape): the same masking
 * as {@link redact} gives thrown errors, for errors that arrive as events.
 */
export function redactEvent(
  event: CozeStreamEvent,
  secrets: readonly (string | undefined)[]
): CozeStreamEvent {
  if (event.event !== 'error' && event.event !== 'conversation.chat.failed') return event;
  const msg = redactText(event.error.msg, secrets);
  if (msg === event.error.msg) return event;
  const error = {...event.error, msg};
  if (event.event === 'error') return {...event, error};
  return {...event, error, ...(event.chat && {chat: {...event.chat, last_error: error}})};
}
