/**
 * `coze-chat-elements/server`: per-user Coze access tokens for the widget's `token-url`, minted
 * with the OAuth JWT flow. The handler uses only the Fetch API and WebCrypto (Node 20+, Deno,
 * Bun, edge workers); `toNodeListener` mounts it on `node:http` or Express.
 */
export {createTokenHandler} from './handler.js';
export type {TokenErrorBody, TokenHandler, TokenHandlerOptions} from './handler.js';
export {toNodeListener} from './node.js';
export type {FetchHandler} from './node.js';
export {importPrivateKey, signJwt} from './jwt.js';
export type {CozeJwtClaims, SigningKey} from './jwt.js';
