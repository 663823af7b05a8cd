import type {ComplexAttributeConverter} from 'lit';
import {isRecord} from '../../api/json.js';

/** Logs a configuration mistake the way every option reports one. */
export function reportOption(name: string, problem: string): void {
  console.error(`[coze-chat] ${name}: ${problem}`);
}

/**
 * A converter for JSON-valued attributes that reports bad JSON (or a value of
 * the wrong shape) instead of throwing from attributeChangedCallback.
 */
export function jsonAttribute<T>(
  name: string,
  check: (value: unknown) => value is T,
  expected: string
): ComplexAttributeConverter<T | undefined> {
  return {
    fromAttribute(value) {
      if (value === null || value.trim() === '') return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        reportOption(name, `is not valid JSON; expected ${expected}.`);
        return undefined;
      }
      if (!check(parsed)) {
        reportOption(name, `expected ${expected}.`);
        return undefined;
      }
      return parsed;
    },
    toAttribute(value) {
      return value === undefined ? null : JSON.stringify(value);
    },
  };
}

/** A converter for numeric attributes; an unparsable value is reported and ignored. */
export function numberAttribute(name: string): ComplexAttributeConverter<number | undefined> {
  return {
    fromAttribute(value) {
      if (value === null || value.trim() === '') return undefined;
      const n = Number(value);
      if (!Number.isFinite(n)) {
        reportOption(name, `"${value}" is not a number.`);
        return undefined;
      }
      return n;
    },
    toAttribute(value) {
      return value === undefined ? null : String(value);
    },
  };
}

export {isRecord};

export interface FooterLink {
  text: string;
  link?: string;
}
export type FooterLinks = Record<string, FooterLink>;

export const isFooterLinks = (v: unknown): v is FooterLinks =>
  isRecord(v) && Object.values(v).every((l) => isRecord(l) && typeof l.text === 'string');

export interface FeedbackTag {
  label: string;
  isNeedDetail?: boolean;
}

export const isFeedbackTags = (v: unknown): v is FeedbackTag[] =>
  Array.isArray(v) && v.every((t) => isRecord(t) && typeof t.label === 'string');

/** The feedback card shown after "unlike" (`ui.chatBot.feedback.feedbackPanel`). */
export interface FeedbackPanel {
  title?: string;
  placeholder?: string;
  tags?: FeedbackTag[];
}

/** Checks a value against its allowed set; reports and returns the fallback when it is not one of them. */
export function oneOf<T extends string>(
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T
): T {
  if (allowed.includes(value as T)) return value as T;
  reportOption(
    name,
    `"${String(value)}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}; using "${fallback}".`
  );
  return fallback;
}

/** Whether the page put content in a slot of `host` that is passed on to a part (a passed-on empty slot would hide the part's default). */
export function slotted(host: Element, name: string): boolean {
  return Boolean(host.querySelector(`:scope > [slot="${name}"]`));
}
