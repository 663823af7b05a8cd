/**
 * RS256 JSON Web Tokens with WebCrypto only (`crypto.subtle`), so the same code signs in Node 20+,
 * Deno, Bun and edge workers.
 */

/** The claims of the JWT Coze exchanges for an access token (OAuth "JWT bearer" flow). */
export interface CozeJwtClaims {
  /** The OAuth app id. */
  iss: string;
  /** `api.coze.cn` or `api.coze.com`. */
  aud: string;
  /** Issued at, Unix seconds. */
  iat: number;
  /** Expires at, Unix seconds. */
  exp: number;
  /** Unique per JWT: Coze accepts each JWT once. */
  jti: string;
  /** The end user this token acts for; conversations are owned per session name. */
  session_name: string;
}

/** An imported signing key (WebCrypto's `CryptoKey`). */
export type SigningKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const PEM_PKCS8 = /-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\s]+)-----END PRIVATE KEY-----/;

/** Whether the text looks like a PKCS#8 PEM private key (`BEGIN PRIVATE KEY`). */
export function isPkcs8Pem(pem: string): boolean {
  return PEM_PKCS8.test(pem);
}

/**
 * Imports a PKCS#8 PEM RSA private key for RS256 signing. Throws a `TypeError` that names the
 * problem, never the key.
 */
export async function importPrivateKey(pem: string): Promise<SigningKey> {
  const match = PEM_PKCS8.exec(pem);
  if (!match) {
    throw new TypeError(
      'privateKey is not a PKCS#8 PEM key: expected "-----BEGIN PRIVATE KEY-----" (convert a PKCS#1 "BEGIN RSA PRIVATE KEY" file with `openssl pkcs8 -topk8 -nocrypt`).'
    );
  }
  let der: Uint8Array;
  try {
    der = base64Decode(match[1].replace(/\s+/g, ''));
  } catch {
    throw new TypeError('privateKey is not a PKCS#8 PEM key: its body is not base64.');
  }
  try {
    return await crypto.subtle.importKey(
      'pkcs8',
      der as Uint8Array<ArrayBuffer>,
      {name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256'},
      false,
      ['sign']
    );
  } catch {
    throw new TypeError('privateKey could not be imported as an RSA key for RS256.');
  }
}

/** Signs `claims` as a compact RS256 JWT with the key id `kid`. */
export async function signJwt(
  key: SigningKey,
  kid: string,
  claims: CozeJwtClaims
): Promise<string> {
  const header = {alg: 'RS256', typ: 'JWT', kid};
  const input = `${base64UrlJson(header)}.${base64UrlJson(claims)}`;
  const signature = await crypto.subtle.sign(
    'RSASSA-PKCS1-v1_5',
    key,
    new TextEncoder().encode(input)
  );
  return `${input}.${base64Url(new Uint8Array(signature))}`;
}

function base64UrlJson(value: unknown): string {
  return base64Url(new TextEncoder().encode(JSON.stringify(value)));
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64Decode(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
