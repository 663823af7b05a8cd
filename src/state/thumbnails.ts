import type {KeyValueStorage} from './storage.js';

/**
 * Small previews of images the reader sent, kept in this browser by Coze file
 * id: Coze gives no download URL for uploaded files, so history can show an
 * image only where it was sent from. Bounded; storage failures are ignored.
 */
const prefix = 'coze-chat-elements:thumb:';
const maxEntries = 60;
const maxBytes = 48 * 1024;
const indexKey = `${prefix}index`;

function index(storage: KeyValueStorage): string[] {
  try {
    return JSON.parse(storage.getItem(indexKey) ?? '[]') as string[];
  } catch {
    return [];
  }
}

export function rememberThumbnail(
  storage: KeyValueStorage | undefined,
  fileId: string,
  dataUrl: string
): void {
  if (!storage || !dataUrl.startsWith('data:image/') || dataUrl.length > maxBytes) return;
  try {
    const ids = index(storage).filter((id) => id !== fileId);
    ids.push(fileId);
    for (const old of ids.splice(0, Math.max(0, ids.length - maxEntries))) {
      storage.removeItem(prefix + old);
    }
    storage.setItem(prefix + fileId, dataUrl);
    storage.setItem(indexKey, JSON.stringify(ids));
  } catch {
    // Storage full or blocked: history then shows a file chip instead of the picture.
  }
}

export function thumbnailFor(
  storage: KeyValueStorage | undefined,
  fileId: string
): string | undefined {
  try {
    return storage?.getItem(prefix + fileId) ?? undefined;
  } catch {
    return undefined;
  }
}
