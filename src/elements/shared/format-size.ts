const units = ['B', 'KB', 'MB', 'GB', 'TB'];

/**
 * A byte count for people, in binary multiples as file managers show them:
 * `512 B`, `12.3 KB`, `512 MB`; one decimal below 100 of a unit, written the
 * way `lang` writes numbers.
 */
export function formatSize(bytes: number, lang = 'en'): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(lang, {maximumFractionDigits: digits})} ${units[unit]}`;
}
