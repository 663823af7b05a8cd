import type {KeyValueStorage} from './storage.js';

const storageKey = 'coze-chat-elements:user-id';
let memoryId: string | undefined;

function randomId(): string {
  return `web-${crypto.randomUUID()}`;
}

/**
 * The end-user id sent as `user_id`: the one given, else one generated once
 * and kept in `storage` so it survives reloads (memory only when there is no
 * storage or it is blocked, e.g. in a sandboxed frame).
 */
export function resolveUserId(given: string | null | undefined, storage?: KeyValueStorage): string {
  if (given) return given;
  try {
    let id = storage!.getItem(storageKey);
    if (!id) {
      id = randomId();
      storage!.setItem(storageKey, id);
    }
    return id;
  } catch {
    memoryId ??= randomId();
    return memoryId;
  }
}
