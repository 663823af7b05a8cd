import type {KeyValueStorage} from '../../state/storage.js';

/**
 * The page's `localStorage`, read at each use: reading the global itself throws where storage
 * is blocked (a sandboxed frame), and the state layer catches that like any storage failure.
 */
export const browserStorage: KeyValueStorage = {
  getItem: (key) => localStorage.getItem(key),
  setItem: (key, value) => localStorage.setItem(key, value),
  removeItem: (key) => localStorage.removeItem(key),
};
