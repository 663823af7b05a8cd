import {LocalErrorCode, type ChatError} from './types.js';

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Coze's code for "too many requests". */
const rateLimited = 4013;

/** Local codes by the client's error kind. */
const localCodes: Record<string, number> = {
  network: LocalErrorCode.network,
  interrupted: LocalErrorCode.interrupted,
  timeout: LocalErrorCode.timeout,
  malformed: LocalErrorCode.malformed,
};

/** Turns anything thrown by the client into the error a reader is shown. */
export function toChatError(error: unknown): ChatError {
  if (error && typeof error === 'object' && 'code' in error) {
    const e = error as {code: number; message?: string; logId?: string; kind?: string};
    const status = (error as {status?: number}).status;
    const code =
      localCodes[e.kind as string] ??
      (e.kind === 'http'
        ? // HTTP 429 without a Coze body is the rate limit, as code 4013 is.
          status === 429
          ? rateLimited
          : LocalErrorCode.http
        : Number(e.code));
    return {code, message: e.message ?? '', ...(e.logId ? {logId: e.logId} : {})};
  }
  return {
    code: LocalErrorCode.unexpected,
    message: error instanceof Error ? error.message : String(error),
  };
}
