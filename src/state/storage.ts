/**
 * Where the chat keeps small things between visits (the generated user id, previews of sent
 * images): shaped like `localStorage`, passed in by the element layer so the state layer
 * touches no browser global. Every use is wrapped: storage that is blocked or full (a sandboxed
 * frame, a private window) costs the reader the convenience, nothing else.
 */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
