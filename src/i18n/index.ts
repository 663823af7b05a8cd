import type {Strings} from './en.js';
import {launcherEn, launcherZhCN, type LauncherStrings} from './launcher.js';

export type {LauncherStrings, Strings};
export type Lang = 'en' | 'zh-CN';

/** The full tables of languages other than English loaded so far (see `loadStrings`). */
const tables: Partial<Record<Lang, Strings>> = {};
const launcherTables: Record<Lang, LauncherStrings> = {en: launcherEn, 'zh-CN': launcherZhCN};

/** The closest supported language for a BCP 47 tag (`zh`, `zh-Hans-CN` → `zh-CN`; else `en`). */
export function toLang(tag: string | null | undefined): Lang {
  return tag && /^zh\b/i.test(tag) ? 'zh-CN' : 'en';
}

/** The full table of a language other than English, once loaded (see `loadStrings`); else undefined (use `en`). */
export function stringsFor(lang: Lang): Strings | undefined {
  return tables[lang];
}

/** The launcher's strings of a language: always there, so the first chunk needs no full table. */
export function launcherStringsFor(lang: Lang): LauncherStrings {
  return launcherTables[lang];
}

/** Loads the full table of a language other than English (a chunk of its own); resolves to whether it was not there before. */
export async function loadStrings(lang: Lang): Promise<boolean> {
  if (lang === 'en' || tables[lang]) return false;
  tables[lang] = (await import('./zh-CN.js')).zhCN;
  return true;
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
