import {
  CozeApiError,
  abortReason,
  hasCozeCode,
  isAbortError,
  toCode,
  toCozeError,
} from './errors.js';

/** A Coze JSON answer: the `{code, msg, data, detail}` envelope, or message list's top-level variant. */
export type Envelope = Record<string, unknown> & {data?: unknown};

/** Coze's request id of an answer, from its `x-tt-logid` header. */
export function headerLogId(response: Response): string | undefined {
  return response.headers.get('x-tt-logid') ?? undefined;
}

/** Reads a JSON answer; throws `CozeApiError` for a non-zero code, a non-2xx status or an unreadable body. */
export async function readEnvelope(
  response: Response,
  signal: AbortSignal | undefined
): Promise<Envelope> {
  const logId = headerLogId(response);
  const context = {
    status: response.status,
    statusText: response.statusText,
    ...(logId ? {logId} : {}),
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
      ...(logId ? {logId} : {}),
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

/** The error with Coze's request id added, when it had none. */
export function withLogId(err: unknown, logId: string | undefined): unknown {
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
