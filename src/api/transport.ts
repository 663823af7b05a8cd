import type {TokenSource} from './auth.js';
import {CozeApiError, abortReason, isAbortError, isAuthError, redact} from './errors.js';
import {readEnvelope, type Envelope} from './envelope.js';
import {IdleTimer} from './idle-timer.js';

type Query = Record<string, string | number | undefined>;

/** One request to Coze. */
export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Query;
  /** A JSON body, or a form (sent as `multipart/form-data`, boundary set by the browser). */
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Report upload progress (sends with `XMLHttpRequest` instead of `fetch`). */
  onUploadProgress?: ((loaded: number, total: number) => void) | undefined;
}

export interface TransportOptions {
  apiBase: () => string;
  auth: TokenSource;
  lang: () => string | undefined;
  /**
   * How long (ms) a JSON call may wait for Coze's answer, or an upload go without progress,
   * before it fails with kind `timeout`; read on every call. Default 30 000.
   */
  requestTimeout?: () => number | undefined;
}

/** How long a JSON call may take unless `TransportOptions.requestTimeout` says otherwise. */
export const DEFAULT_REQUEST_TIMEOUT = 30_000;

/**
 * Sends calls to Coze: the URL, the headers (only `Authorization`, `Content-Type` with a JSON
 * body, and `Accept-Language`), `fetch` without cookies (or `XMLHttpRequest` for an upload with
 * progress), and the token refresh-and-retry. Every request's signal passes through
 * {@link Transport.signalFor}, the one place a per-request deadline joins the caller's signal.
 */
export class Transport {
  readonly #options: TransportOptions;

  constructor(options: TransportOptions) {
    this.#options = options;
  }

  /** A JSON call with the auth refresh-and-retry; resolves to Coze's envelope. */
  async json(call: Call): Promise<Envelope> {
    if (call.signal?.aborted) throw abortReason(call.signal);
    const ms = this.#options.requestTimeout?.() ?? DEFAULT_REQUEST_TIMEOUT;
    // The deadline: the whole answer for a JSON call; for an upload, each quiet stretch.
    const deadline = new IdleTimer(ms, this.signalFor(call));
    const signal = deadline.signal;
    const progress = call.onUploadProgress;
    const sent: Call = {
      ...call,
      signal,
      ...(progress && {
        onUploadProgress: (loaded: number, total: number) => {
          deadline.arm();
          progress(loaded, total);
        },
      }),
    };
    try {
      const {value} = await this.withAuth(
        async (token) => readEnvelope(await this.send(sent, token), signal),
        signal
      );
      return value;
    } catch (error) {
      if (deadline.fired && !call.signal?.aborted) {
        throw new CozeApiError({
          kind: 'timeout',
          message: `Coze did not answer within ${Math.round(ms / 100) / 10} s.`,
        });
      }
      throw error;
    } finally {
      deadline.stop();
    }
  }

  /**
   * The signal a request is sent with: the caller's. A per-request timeout belongs here, as
   * `AbortSignal.any([call.signal, deadline])`, so that every call (JSON, upload, stream
   * opening) gets it the same way.
   */
  signalFor(call: Call): AbortSignal | undefined {
    return call.signal;
  }

  /**
   * Runs `attempt` with the current token; on a token rejection, refreshes
   * once and runs it once more. `signal` ends the wait for a token. Errors
   * never carry a token in their message.
   */
  async withAuth<T>(
    attempt: (token: string) => Promise<T>,
    signal?: AbortSignal
  ): Promise<{value: T; tokens: string[]}> {
    const auth = this.#options.auth;
    const tokens: string[] = [];
    try {
      const token = await auth.get(signal);
      tokens.push(token);
      try {
        return {value: await attempt(token), tokens};
      } catch (err) {
        if (!isAuthError(err) || !auth.canRefresh) throw err;
        const next = await auth.refresh(token, signal);
        tokens.push(next);
        return {value: await attempt(next), tokens};
      }
    } catch (err) {
      throw redact(err, tokens);
    }
  }

  #url(path: string, query: Query = {}): string {
    const base = this.#options.apiBase().replace(/\/+$/, '');
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
    const lang = this.#options.lang();
    if (lang) headers['Accept-Language'] = lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
    return headers;
  }

  /** Sends a call by `fetch`, or by `XMLHttpRequest` when it reports upload progress. */
  send(call: Call, token: string): Promise<Response> {
    return call.onUploadProgress
      ? this.#xhr(call, token, call.onUploadProgress)
      : this.fetch(call, token);
  }

  async fetch(call: Call, token: string): Promise<Response> {
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
   * Same headers as `fetch`; `withCredentials` stays false, so no cookies go
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
}

/** The error for a request that got no answer at all. */
function unreachable(url: string, cause?: unknown): CozeApiError {
  return new CozeApiError({
    kind: 'network',
    message: `Could not reach Coze at ${originOf(url)}: the network request failed (offline, blocked by CORS, or a wrong address).`,
    ...(cause === undefined ? {} : {cause}),
  });
}

function originOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+/i.exec(url);
  return match ? match[0] : (url.split(/[?#]/)[0] ?? url);
}

/** A call's body as sent: a form as is, anything else as JSON text. */
function bodyOf(call: Call): {form?: FormData; json?: string} {
  if (call.body instanceof FormData) return {form: call.body};
  return call.body === undefined ? {} : {json: JSON.stringify(call.body)};
}

/** A form with one part named `file`, as Coze's upload endpoints take it. */
export function formWithFile(file: Blob, fileName: string): FormData {
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
