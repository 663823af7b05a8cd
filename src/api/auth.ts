import {CozeApiError, abortReason, isAbortError} from './errors.js';

/**
 * A function that supplies access tokens (the convention of Coze's JS SDK):
 * called without an argument for the first token and with the rejected token
 * when Coze refuses it.
 */
export type TokenProvider = (previousToken?: string) => string | Promise<string>;

/** Where tokens come from; read afresh on every use, so changes apply live. */
export interface TokenOptions {
  /** A token set directly by the page, or a function that supplies one (takes the place of `onRefreshToken`). */
  token?: string | TokenProvider | undefined;
  /** Called with the rejected token (or `''` when there is none yet); returns a new one. */
  onRefreshToken?: ((oldToken: string) => string | Promise<string>) | undefined;
  /** The site's own endpoint answering `{access_token, expires_in, user_id?}` to a same-origin GET. */
  tokenUrl?: string | undefined;
  /**
   * How long (ms) the token function, `onRefreshToken` or the token-url may take before getting a
   * token fails with kind `timeout`; default 15 000.
   */
  timeout?: number | undefined;
}

/** How long getting a token may take unless `TokenOptions.timeout` says otherwise. */
export const DEFAULT_TOKEN_TIMEOUT = 15_000;

interface HeldToken {
  token: string;
  /** Unix time (ms) after which the token should not be used; absent when unknown. */
  expiresAt?: number;
  /** The token came from `TokenOptions.token` rather than a refresh. */
  fromOption: boolean;
  /** The site's user the token-url minted it for (its `user_id`). */
  userId?: string;
}

/** Refresh a token-url token this long before it expires. */
const EXPIRY_MARGIN_MS = 30_000;

/** `expires_in` values below this are durations (seconds), not Unix times. */
const EPOCH_THRESHOLD_S = 1_000_000_000;

/**
 * Hands out the current access token and refreshes it: lazily when none is
 * set, proactively when a token-url token is about to expire, and on demand
 * after Coze rejected one. Concurrent refreshes share one request.
 */
export class TokenSource {
  readonly #options: () => TokenOptions;
  #held?: HeldToken;
  /** The `token` option as last seen, to notice when the page sets a new one. */
  #seenOption?: string;
  #refreshing?: Promise<string>;

  constructor(options: () => TokenOptions) {
    this.#options = options;
  }

  /** The `user_id` the token-url answered with the current token (the site's user), if any. */
  get userId(): string | undefined {
    return this.#held?.userId;
  }

  /** Whether a rejected token can be replaced (a token function, `onRefreshToken` or `tokenUrl` is set). */
  get canRefresh(): boolean {
    const options = this.#options();
    return Boolean(
      typeof options.token === 'function' || options.onRefreshToken || options.tokenUrl
    );
  }

  /**
   * The token to use now; obtains or renews one when needed. `signal` ends this caller's wait
   * (the shared refresh goes on for the others, bounded by the timeout).
   */
  async get(signal?: AbortSignal): Promise<string> {
    const held = this.#sync();
    if (this.#refreshing) return waitFor(this.#refreshing, signal);
    if (held && !expiring(held)) return held.token;
    if (held && !this.canRefresh) return held.token;
    return this.refresh(held?.token ?? '', signal);
  }

  /**
   * A replacement for `rejected`. If the token already changed since
   * `rejected` was handed out, that newer token is returned without another
   * refresh; concurrent callers share one in-flight refresh, which fails with
   * kind `timeout` when the page's function or the token-url takes too long.
   */
  refresh(rejected: string, signal?: AbortSignal): Promise<string> {
    if (this.#refreshing) return waitFor(this.#refreshing, signal);
    const held = this.#sync();
    if (held && held.token !== rejected && !expiring(held)) return Promise.resolve(held.token);
    const refreshing = this.#obtain(rejected).finally(() => {
      if (this.#refreshing === refreshing) this.#refreshing = undefined;
    });
    this.#refreshing = refreshing;
    return waitFor(refreshing, signal);
  }

  /** Adopts a newly set `token` option; drops a held option token that was unset. */
  #sync(): HeldToken | undefined {
    const option = tokenText(this.#options());
    if (option !== this.#seenOption) {
      this.#seenOption = option;
      if (option) this.#held = {token: option, fromOption: true};
      else if (this.#held?.fromOption) this.#held = undefined;
    }
    return this.#held;
  }

  async #obtain(rejected: string): Promise<string> {
    const options = this.#options();
    const ms =
      options.timeout !== undefined && options.timeout > 0
        ? options.timeout
        : DEFAULT_TOKEN_TIMEOUT;
    let next: HeldToken;
    if (typeof options.token === 'function') {
      const provider = options.token;
      next = await deadline(
        ask('The token function', () => provider(rejected || undefined)),
        ms,
        'The token function'
      );
    } else if (options.onRefreshToken) {
      const refresh = options.onRefreshToken;
      next = await deadline(
        ask('onRefreshToken', () => refresh(rejected)),
        ms,
        'onRefreshToken'
      );
    } else if (options.tokenUrl) {
      const url = options.tokenUrl;
      next = await fetchToken(url, ms);
    } else if (rejected) {
      throw noToken(
        'The token was rejected and there is no onRefreshToken or token-url to get a new one.'
      );
    } else {
      throw noToken(
        'No token: set the token property (a token or a function), onRefreshToken or token-url.'
      );
    }
    // A token set by the page while the refresh ran wins over the refreshed one.
    const option = tokenText(this.#options());
    if (option && option !== this.#seenOption) {
      this.#sync();
      return option;
    }
    this.#held = next;
    return next.token;
  }
}

/** `promise`, or the signal's abort reason as soon as it aborts (the promise itself goes on). */
function waitFor<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, {once: true});
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** `promise`, or a kind `timeout` error naming `who` when it has not settled within `ms`. */
function deadline<T>(promise: Promise<T>, ms: number, who: string): Promise<T> {
  if (!Number.isFinite(ms)) return promise;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(tooLate(who, ms)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function tooLate(who: string, ms: number): CozeApiError {
  return new CozeApiError({
    kind: 'timeout',
    message: `${who} gave no token within ${Math.round(ms / 100) / 10} s.`,
  });
}

/** The `token` option when it is a token (not a function); `undefined` when empty. */
function tokenText(options: TokenOptions): string | undefined {
  return typeof options.token === 'string' ? options.token || undefined : undefined;
}

/** Calls a page's token function; what it throws or returns instead of a token becomes a 4100 `CozeApiError`. */
async function ask(name: string, supply: () => string | Promise<string>): Promise<HeldToken> {
  let token: unknown;
  try {
    token = await supply();
  } catch (cause) {
    if (cause instanceof CozeApiError || isAbortError(cause)) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new CozeApiError({kind: 'api', code: 4100, message: `${name} failed: ${reason}`, cause});
  }
  if (typeof token !== 'string' || !token) {
    throw noToken(`${name} returned no token.`);
  }
  return {token, fromOption: false};
}

function expiring(held: HeldToken): boolean {
  return held.expiresAt !== undefined && Date.now() >= held.expiresAt - EXPIRY_MARGIN_MS;
}

function noToken(message: string): CozeApiError {
  return new CozeApiError({kind: 'api', code: 4100, message});
}

/** GETs the site's token endpoint within `ms`; `expires_in` is a Unix time in seconds. */
async function fetchToken(tokenUrl: string, ms: number): Promise<HeldToken> {
  const signal = Number.isFinite(ms) ? AbortSignal.timeout(ms) : undefined;
  let response: Response;
  try {
    response = await fetch(tokenUrl, {
      method: 'GET',
      headers: {Accept: 'application/json'},
      credentials: 'same-origin',
      cache: 'no-store',
      ...(signal ? {signal} : {}),
    });
  } catch (cause) {
    if (signal?.aborted) throw tooLate('The token-url', ms);
    if (isAbortError(cause)) throw cause;
    throw new CozeApiError({
      kind: 'network',
      message: 'Could not reach the token-url to get a Coze token.',
      cause,
    });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    if (signal?.aborted) throw tooLate('The token-url', ms);
    body = undefined;
  }
  if (!response.ok) {
    throw new CozeApiError({
      kind: 'http',
      status: response.status,
      message: `The token-url answered HTTP ${response.status}.`,
    });
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const token = record.access_token;
  if (typeof token !== 'string' || !token) {
    throw noToken('The token-url answer has no access_token.');
  }
  const expiresIn = Number(record.expires_in);
  const held: HeldToken = {token, fromOption: false};
  const userId = record.user_id;
  if (typeof userId === 'string' && userId) held.userId = userId;
  if (Number.isFinite(expiresIn) && expiresIn > 0) {
    held.expiresAt =
      expiresIn >= EPOCH_THRESHOLD_S ? expiresIn * 1000 : Date.now() + expiresIn * 1000;
  }
  return held;
}
