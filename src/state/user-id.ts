const storageKey = 'coze-chat-elements:user-id';
let memoryId: string | undefined;

function randomId(): string {
  return `web-${crypto.randomUUID()}`;
}

/**
 * The end-user id sent as `user_id`: the one given, else one generated once
 * and kept in localStorage so it survives reloads (memory only when storage
 * is blocked, e.g. in a sandboxed frame).
 */
export function resolveUserId(given?: string | null): string {
  if (given) return given;
  try {
    let id = localStorage.getItem(storageKey);
    if (!id) {
      id = randomId();
      localStorage.setItem(storageKey, id);
    }
    return id;
  } catch {
    memoryId ??= randomId();
    return memoryId;
  }
}
