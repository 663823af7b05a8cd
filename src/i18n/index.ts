import {en, type Strings} from './en.js';
import {zhCN} from './zh-CN.js';
import type {ChatError} from '../state/types.js';
import {LocalErrorCode} from '../state/types.js';

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

const localKeys: Record<number, string> = {
  [LocalErrorCode.network]: 'network',
  [LocalErrorCode.interrupted]: 'interrupted',
  [LocalErrorCode.http]: 'http',
  [LocalErrorCode.unsupported]: 'unsupported',
};

/** A readable message for an error: ours for known codes, else the server's, else a generic one. */
export function errorText(strings: Strings, error: ChatError): string {
  if (error.code === LocalErrorCode.unsupported && error.message) {
    return format(strings.toolNotHandled, {name: error.message});
  }
  const key = localKeys[error.code] ?? String(error.code);
  return strings.errors[key] ?? (error.message || strings.errors.generic);
}
