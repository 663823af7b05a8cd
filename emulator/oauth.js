// @ts-check
/**
 * Coze's OAuth JWT flow as the emulator plays it: `POST /api/permission/oauth2/token` verifies an
 * RS256 JWT against the configured public keys and mints a short-lived access token whose identity
 * is the app plus the JWT's `session_name`. Answers are bare OAuth JSON (no `{code,msg}` envelope).
 */
import {createPublicKey, randomBytes, verify} from 'node:crypto';
import {readBody, sendJson, writeHead} from './http.js';

/**
 * An OAuth app's public key, as registered in the Coze console.
 * @typedef {object} OAuthKey
 * @property {string} appId the app id (the JWT's `iss`)
 * @property {string} keyId the public key's id (the JWT header's `kid`)
 * @property {string} publicKey SPKI PEM (`-----BEGIN PUBLIC KEY-----`)
 */

/**
 * A token minted by the exchange.
 * @typedef {object} MintedToken
 * @property {string} identity who owns what the token creates: app + session name
 * @property {string} appId
 * @property {string} sessionName '' when the JWT had none
 * @property {number} expiresAt Unix seconds
 * @property {string[] | null} botIds the bots the token may chat with, or null for any
 */

/** The audience the emulator answers to: it plays api.coze.cn. */
export const AUDIENCE = 'api.coze.cn';
export const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
export const OAUTH_TOKEN_PATH = '/api/permission/oauth2/token';
/** Prefix of the minted service tokens. */
export const MINTED_PREFIX = 'czs_';
const DEFAULT_DURATION_S = 900;
const MAX_DURATION_S = 86399;
/** How far in the future an `iat` may lie (clock skew). */
const IAT_SKEW_S = 60;

/**
 * The OAuth state of one emulator: keys, used JWT ids and minted tokens.
 * @param {() => number} nowSeconds the emulator's clock
 */
export function createOAuth(nowSeconds) {
  /** @type {Map<string, {appId: string, key: import('node:crypto').KeyObject}>} */
  const keys = new Map();
  /** @type {Set<string>} */
  const usedJti = new Set();
  /** @type {Map<string, MintedToken>} */
  const tokens = new Map();

  return {
    nowSeconds,
    /** @param {OAuthKey} entry */
    addKey({appId, keyId, publicKey}) {
      keys.set(keyId, {appId, key: createPublicKey(publicKey)});
    },
    /** @param {string} kid */
    key(kid) {
      return keys.get(kid);
    },
    /** @param {string} jti true the first time a JWT id is seen */
    useJti(jti) {
      if (usedJti.has(jti)) return false;
      usedJti.add(jti);
      return true;
    },
    /** @param {Omit<MintedToken, 'identity'>} grant */
    mint(grant) {
      const token = MINTED_PREFIX + randomBytes(24).toString('hex');
      const identity = grant.sessionName
        ? `app:${grant.appId}/session:${grant.sessionName}`
        : `app:${grant.appId}`;
      tokens.set(token, {...grant, identity});
      return token;
    },
    /** @param {string} token */
    token(token) {
      return tokens.get(token);
    },
    /** Minted tokens are forgotten on reset; keys stay configured. */
    clear() {
      usedJti.clear();
      tokens.clear();
    },
  };
}

/** @typedef {ReturnType<typeof createOAuth>} OAuth */

/**
 * An OAuth error body, as Coze's token endpoint sends it.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} code
 * @param {string} message
 */
function oauthError(res, status, code, message) {
  sendJson(res, status, {error_code: code, error_message: message, error: code});
}

/**
 * Decodes one base64url JWT segment as JSON, or undefined.
 * @param {string} segment
 * @returns {Record<string, unknown> | undefined}
 */
function segmentJson(segment) {
  try {
    const value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a JWT bearer assertion. Returns its claims, or the OAuth error to answer with.
 * @param {OAuth} oauth
 * @param {string} jwt
 * @returns {{ok: true, appId: string, sessionName: string}
 *   | {ok: false, status: number, code: string, message: string}}
 */
export function verifyJwt(oauth, jwt) {
  const bad = (/** @type {string} */ message) => ({
    ok: /** @type {const} */ (false),
    status: 401,
    code: 'invalid_client',
    message,
  });
  const parts = jwt.split('.');
  if (parts.length !== 3) return bad('the bearer is not a JWT');
  const header = segmentJson(parts[0]);
  const claims = segmentJson(parts[1]);
  if (!header || !claims) return bad('the JWT header or payload is not JSON');
  if (header.alg !== 'RS256') return bad('the JWT must be signed with RS256');
  if (typeof header.kid !== 'string' || !header.kid) return bad('the JWT header has no kid');
  const entry = oauth.key(header.kid);
  if (!entry) return bad(`no public key with kid ${header.kid} is registered`);
  const signed = verify(
    'sha256',
    Buffer.from(`${parts[0]}.${parts[1]}`),
    entry.key,
    Buffer.from(parts[2], 'base64url')
  );
  if (!signed) return bad('the JWT signature does not match the public key');
  if (claims.iss !== entry.appId) return bad('the JWT iss is not the app of this key');
  if (claims.aud !== AUDIENCE) return bad(`the JWT aud must be ${AUDIENCE}`);
  const now = oauth.nowSeconds();
  if (typeof claims.iat !== 'number' || claims.iat > now + IAT_SKEW_S) {
    return bad('the JWT iat is missing or in the future');
  }
  if (typeof claims.exp !== 'number' || claims.exp <= now) return bad('the JWT has expired');
  if (typeof claims.jti !== 'string' || !claims.jti) return bad('the JWT has no jti');
  if (claims.session_name !== undefined && typeof claims.session_name !== 'string') {
    return bad('the JWT session_name must be a string');
  }
  if (!oauth.useJti(claims.jti)) return bad('this JWT has been used already (jti)');
  return {ok: true, appId: entry.appId, sessionName: claims.session_name ?? ''};
}

/**
 * The bots a token exchange's `scope` narrows the token to, null for none, or an error text.
 * @param {unknown} scope
 * @returns {string[] | null | string}
 */
function scopedBots(scope) {
  if (scope === undefined || scope === null) return null;
  if (typeof scope !== 'object') return 'scope must be an object';
  const constraint = /** @type {any} */ (scope).attribute_constraint?.connector_bot_chat_attribute;
  if (constraint === undefined) return null;
  const list = constraint?.bot_id_list;
  if (!Array.isArray(list) || !list.every((id) => typeof id === 'string' && id)) {
    return 'scope bot_id_list must be an array of bot ids';
  }
  return list;
}

/**
 * `POST /api/permission/oauth2/token` with `Authorization: Bearer <JWT>` and
 * `{grant_type, duration_seconds?, scope?}`.
 * @param {OAuth} oauth
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {import('./request-log.js').LogEntry} entry
 */
export async function exchangeToken(oauth, req, res, entry) {
  if (req.method === 'OPTIONS') {
    entry.status = 204;
    writeHead(res, 204);
    res.end();
    return;
  }
  const answer = (/** @type {number} */ status, /** @type {() => void} */ send) => {
    entry.status = status;
    send();
  };
  if (req.method !== 'POST') {
    return answer(405, () => oauthError(res, 405, 'invalid_request', 'use POST'));
  }
  /** @type {unknown} */
  let body;
  try {
    const raw = (await readBody(req, 64 * 1024)).toString('utf8').trim();
    body = raw ? JSON.parse(raw) : {};
  } catch {
    return answer(400, () => oauthError(res, 400, 'invalid_request', 'the body is not JSON'));
  }
  entry.body = body ?? null;
  const fields = typeof body === 'object' && body !== null ? /** @type {any} */ (body) : {};
  const header = req.headers.authorization ?? '';
  const jwt = /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1];
  if (!jwt) {
    return answer(401, () =>
      oauthError(res, 401, 'invalid_client', 'Authorization: Bearer <JWT> is required')
    );
  }
  if (fields.grant_type !== JWT_GRANT) {
    return answer(400, () =>
      oauthError(res, 400, 'unsupported_grant_type', `grant_type must be ${JWT_GRANT}`)
    );
  }
  const duration = fields.duration_seconds ?? DEFAULT_DURATION_S;
  if (!Number.isInteger(duration) || duration < 1 || duration > MAX_DURATION_S) {
    return answer(400, () =>
      oauthError(res, 400, 'invalid_request', `duration_seconds must be 1 to ${MAX_DURATION_S}`)
    );
  }
  const botIds = scopedBots(fields.scope);
  if (typeof botIds === 'string') {
    return answer(400, () => oauthError(res, 400, 'invalid_request', botIds));
  }
  const checked = verifyJwt(oauth, jwt);
  if (!checked.ok) {
    return answer(checked.status, () =>
      oauthError(res, checked.status, checked.code, checked.message)
    );
  }
  const expiresAt = oauth.nowSeconds() + duration;
  const token = oauth.mint({
    appId: checked.appId,
    sessionName: checked.sessionName,
    expiresAt,
    botIds,
  });
  answer(200, () => sendJson(res, 200, {access_token: token, expires_in: expiresAt}));
}
