/**
 * The site-side half of Coze's OAuth JWT flow: a Fetch API handler that signs a JWT for the
 * signed-in site user (`session_name`), exchanges it for a short-lived Coze access token, caches
 * that token per user until shortly before it expires, and answers the widget's `token-url`.
 * Uses only the Fetch API and WebCrypto, so it runs in Node 20+, Deno, Bun and edge workers.
 */
import {importPrivateKey, isPkcs8Pem, signJwt} from './jwt.js';
import type {SigningKey} from './jwt.js';

export interface TokenHandlerOptions {
  /** The OAuth app id (the JWT's `iss`). */
  appId: string;
  /** The public key's id in the OAuth app (the JWT header's `kid`). */
  keyId: string;
  /** The app's private key, PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`). */
  privateKey: string;
  /** Coze's API origin; default `https://api.coze.cn` (`https://api.coze.com` for coze.com). */
  apiBase?: string;
  /**
   * The site's own id for the user making this request, read from the site's session (a cookie,
   * a header set by the auth layer…). Conversations are owned per session name, so each user
   * sees only their own. Return `undefined`/`null`/`''` when nobody is signed in: the answer is
   * then 401.
   */
  sessionName: (request: Request) => string | null | undefined | Promise<string | null | undefined>;
  /** Lifetime of each access token in seconds, 1–86399; default 900. */
  durationSeconds?: number;
  /** Narrow the tokens to chatting with these bots (`Connector.botChat` on the listed ids). */
  botIds?: readonly string[];
  /** How long the exchange with Coze may take, in ms; default 10 000. */
  timeoutMs?: number;
  /** The current time in ms; default `Date.now`. */
  now?: () => number;
  /** Receives one line per failure; default `console.error`. No line holds a key or a token. */
  log?: (line: string) => void;
}

/** Answers the widget's `token-url` request: `{access_token, expires_in, user_id}` or an error. */
export type TokenHandler = (request: Request) => Promise<Response>;

/** The JSON body of a failure: a stable `error` code and a sentence for people. */
export interface TokenErrorBody {
  error: string;
  message: string;
}

const DEFAULT_API_BASE = 'https://api.coze.cn';
const TOKEN_PATH = '/api/permission/oauth2/token';
const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const DEFAULT_DURATION_S = 900;
const MAX_DURATION_S = 86399;
/** The JWT itself is only needed for the exchange. */
const JWT_LIFETIME_S = 300;
/** A cached token is handed out while it has more than this left (capped at half its life). */
const REUSE_MARGIN_S = 60;
const MAX_SESSION_NAME = 256;
/** Cached sessions kept before expired ones are swept out. */
const SWEEP_AT = 10_000;

interface Held {
  token: string;
  /** Unix seconds. */
  expiresAt: number;
}

class TokenError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

/**
 * Creates the handler. Options are checked at once: a missing id, a private key that is not a
 * PKCS#8 PEM, or a bad duration throw a `TypeError` here rather than on the first request.
 */
export function createTokenHandler(options: TokenHandlerOptions): TokenHandler {
  const config = checkOptions(options);
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.error(line));
  const cache = new Map<string, Held>();
  const inflight = new Map<string, Promise<Held>>();
  let key: Promise<SigningKey> | undefined;
  const margin = Math.min(REUSE_MARGIN_S, Math.floor(config.durationSeconds / 2));

  const nowS = () => Math.floor(now() / 1000);

  async function exchange(session: string): Promise<Held> {
    key ??= importPrivateKey(options.privateKey);
    let signingKey: SigningKey;
    try {
      signingKey = await key;
    } catch (cause) {
      throw new TokenError(500, 'key_error', `The token server cannot sign: ${messageOf(cause)}`);
    }
    const iat = nowS();
    const jwt = await signJwt(signingKey, config.keyId, {
      iss: config.appId,
      aud: config.audience,
      iat,
      exp: iat + JWT_LIFETIME_S,
      jti: crypto.randomUUID(),
      session_name: session,
    });
    const body: Record<string, unknown> = {
      grant_type: GRANT_TYPE,
      duration_seconds: config.durationSeconds,
    };
    if (config.botIds.length > 0) {
      body.scope = {
        account_permission: {permission_list: ['Connector.botChat']},
        attribute_constraint: {connector_bot_chat_attribute: {bot_id_list: config.botIds}},
      };
    }
    let response: Response;
    try {
      response = await fetch(config.tokenUrl, {
        method: 'POST',
        headers: {Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json'},
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (cause) {
      const timedOut = cause instanceof DOMException && cause.name === 'TimeoutError';
      throw timedOut
        ? new TokenError(
            504,
            'coze_timeout',
            `Coze did not answer the token exchange within ${config.timeoutMs} ms.`
          )
        : new TokenError(
            502,
            'coze_unreachable',
            `Could not reach Coze at ${config.origin} for the token exchange.`
          );
    }
    const logid = response.headers.get('x-tt-logid');
    const where = logid ? ` (logid ${scrub(logid, [jwt])})` : '';
    let answer: Record<string, unknown> = {};
    try {
      const parsed: unknown = await response.json();
      if (typeof parsed === 'object' && parsed !== null) answer = parsed as Record<string, unknown>;
    } catch {
      // An unreadable body is reported below like a body without a token.
    }
    const token = answer.access_token;
    const expiresIn = Number(answer.expires_in);
    if (response.ok && typeof token === 'string' && token && Number.isFinite(expiresIn)) {
      // Coze sends a Unix time; a small number would be a lifetime in seconds.
      const expiresAt = expiresIn > 1_000_000_000 ? expiresIn : nowS() + expiresIn;
      return {token, expiresAt};
    }
    const reason = [
      answer.error_code ?? answer.error,
      answer.error_message ?? answer.error_description ?? answer.msg,
    ]
      .filter((part) => typeof part === 'string' && part !== '')
      .map((part) =>
        scrub(String(part), [jwt, typeof token === 'string' ? token : '']).slice(0, 300)
      )
      .join(': ');
    throw new TokenError(
      502,
      'coze_rejected',
      `Coze refused the token exchange with HTTP ${response.status}${reason ? ` (${reason})` : ''}${where}.`
    );
  }

  function tokenFor(session: string): Promise<Held> {
    const held = cache.get(session);
    if (held && held.expiresAt - nowS() > margin) return Promise.resolve(held);
    const running = inflight.get(session);
    if (running) return running;
    const started = exchange(session)
      .then((fresh) => {
        cache.delete(session);
        cache.set(session, fresh);
        if (cache.size > SWEEP_AT) sweep(cache, nowS());
        return fresh;
      })
      .finally(() => inflight.delete(session));
    inflight.set(session, started);
    return started;
  }

  return async (request: Request): Promise<Response> => {
    try {
      if (request.method !== 'GET' && request.method !== 'POST') {
        throw new TokenError(
          405,
          'method_not_allowed',
          'Use GET (or POST) to ask for a Coze token.'
        );
      }
      let session: string | null | undefined;
      try {
        session = await options.sessionName(request);
      } catch (cause) {
        throw new TokenError(500, 'session_error', `sessionName() failed (${nameOf(cause)}).`);
      }
      if (session === undefined || session === null || session === '') {
        throw new TokenError(
          401,
          'no_session',
          'No signed-in user: a Coze token is only handed to a site session.'
        );
      }
      if (typeof session !== 'string' || session.length > MAX_SESSION_NAME) {
        throw new TokenError(
          500,
          'session_error',
          `sessionName() must return a string of at most ${MAX_SESSION_NAME} characters.`
        );
      }
      const held = await tokenFor(session);
      return json(200, {access_token: held.token, expires_in: held.expiresAt, user_id: session});
    } catch (error) {
      const failure =
        error instanceof TokenError
          ? error
          : new TokenError(500, 'internal_error', `The token server failed (${nameOf(error)}).`);
      log(`[coze-token] ${failure.status} ${failure.code}: ${failure.message}`);
      const body: TokenErrorBody = {error: failure.code, message: failure.message};
      return json(failure.status, body);
    }
  };
}

interface Config {
  appId: string;
  keyId: string;
  audience: string;
  origin: string;
  tokenUrl: string;
  durationSeconds: number;
  botIds: string[];
  timeoutMs: number;
}

function checkOptions(options: TokenHandlerOptions): Config {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createTokenHandler needs an options object.');
  }
  const text = (name: 'appId' | 'keyId') => {
    const value = options[name];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new TypeError(`createTokenHandler: ${name} is required (a non-empty string).`);
    }
    return value.trim();
  };
  const appId = text('appId');
  const keyId = text('keyId');
  if (typeof options.privateKey !== 'string' || !isPkcs8Pem(options.privateKey)) {
    throw new TypeError(
      'createTokenHandler: privateKey must be the OAuth app\'s PKCS#8 PEM private key ("-----BEGIN PRIVATE KEY-----").'
    );
  }
  if (typeof options.sessionName !== 'function') {
    throw new TypeError(
      'createTokenHandler: sessionName(request) is required: it names the signed-in site user.'
    );
  }
  let base: URL;
  try {
    base = new URL(options.apiBase ?? DEFAULT_API_BASE);
  } catch {
    throw new TypeError(
      'createTokenHandler: apiBase must be an absolute URL such as https://api.coze.cn.'
    );
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new TypeError('createTokenHandler: apiBase must be an http(s) URL.');
  }
  const durationSeconds = options.durationSeconds ?? DEFAULT_DURATION_S;
  if (
    !Number.isInteger(durationSeconds) ||
    durationSeconds < 1 ||
    durationSeconds > MAX_DURATION_S
  ) {
    throw new TypeError(
      `createTokenHandler: durationSeconds must be a whole number from 1 to ${MAX_DURATION_S}.`
    );
  }
  const botIds = options.botIds ?? [];
  if (!Array.isArray(botIds) || !botIds.every((id) => typeof id === 'string' && id !== '')) {
    throw new TypeError('createTokenHandler: botIds must be an array of bot id strings.');
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!(timeoutMs > 0)) throw new TypeError('createTokenHandler: timeoutMs must be positive.');
  const path = base.pathname.replace(/\/+$/, '');
  return {
    appId,
    keyId,
    audience:
      base.hostname === 'coze.com' || base.hostname.endsWith('.coze.com')
        ? 'api.coze.com'
        : 'api.coze.cn',
    origin: base.origin,
    tokenUrl: `${base.origin}${path}${TOKEN_PATH}`,
    durationSeconds,
    botIds: [...botIds],
    timeoutMs,
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store'},
  });
}

/** Drops expired sessions from the cache (called when it grows large). */
function sweep(cache: Map<string, Held>, nowS: number): void {
  for (const [session, held] of cache) if (held.expiresAt <= nowS) cache.delete(session);
}

/** Text from elsewhere with every known secret and anything shaped like a token or a JWT removed. */
function scrub(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join('[redacted]');
  return out
    .replace(/\beyJ[\w-]*\.[\w-]*\.[\w-]*/g, '[redacted]')
    .replace(/\b(czs|czu|pat|sat)_[\w-]+/g, '[redacted]')
    .replace(/-----BEGIN[\s\S]*?(-----END[^-]*-----|$)/g, '[redacted]');
}

/** An error's own message when it is one of ours (they never hold a secret), else its class name. */
function messageOf(error: unknown): string {
  return error instanceof TypeError ? error.message : nameOf(error);
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
