import {en, type Strings} from './en.js';
import {zhCN} from './zh-CN.js';

export type {Strings};
export type Lang = 'en' | 'zh-CN';

const tables: Record<Lang, Strings> = {en, 'zh-CN': zhCN};

/** The closest supported language for a BCP 47 tag (`zh`, `zh-Hans-CN` → `zh-CN`; else `en`). */
export function toLang(tag: string | null | undefined): Lang {
  return tag && /^zh\b/i.test(tag) ? 'zh-CN' : 'en';
}

export function stringsFor(lang: Lang): Strings {
  return tables[lang];
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
