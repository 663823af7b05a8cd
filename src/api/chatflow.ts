import type {CozeMessage} from './types.js';
import {isRecord} from './json.js';

/**
 * The parsed content of a `verbose` message: Coze writes it as a JSON string
 * `{"msg_type": "...", "data": "...", "from_module": null, "from_unit": null}`.
 */
export interface VerboseContent {
  /** `generate_answer_finish`, `interrupt`, `empty result`, … */
  msgType: string;
  /** `data` as sent: usually a string (often itself JSON), sometimes an object. */
  data: unknown;
}

/** Keys a question node's prompt may come under when the interrupt data carries it. */
const QUESTION_KEYS = ['question', 'content', 'text', 'prompt'] as const;
/** Keys the interrupt details may be nested under. */
const NESTED_KEYS = ['interrupt_data', 'data'] as const;

/** The content of a `verbose` message, or `undefined` for any other message or unreadable content. */
export function readVerbose(message: CozeMessage): VerboseContent | undefined {
  if (message.type !== 'verbose') return undefined;
  const parsed = parseObject(message.content);
  if (!parsed || typeof parsed.msg_type !== 'string') return undefined;
  return {msgType: parsed.msg_type, data: parsed.data};
}

/**
 * Whether a message says the chatflow paused on a question or input node: a
 * `verbose` message whose content has `msg_type: "interrupt"`. The stream then
 * ends with `done` and no `conversation.chat.completed`; the question itself
 * came just before as an ordinary `answer`. Resume by sending the user's reply
 * as the next turn in the same conversation.
 */
export function isInterrupt(message: CozeMessage): boolean {
  return readVerbose(message)?.msgType === 'interrupt';
}

/**
 * The question an interrupt waits on, when its verbose `data` carries one:
 * plain text, or an object (or JSON string of one) with `question`, `content`,
 * `text` or `prompt`, possibly nested one level under `interrupt_data` or
 * `data`. Coze's documented streams send `data: ""`; then this returns
 * `undefined` and the question is the `answer` that preceded the interrupt.
 */
export function interruptQuestion(message: CozeMessage): string | undefined {
  const verbose = readVerbose(message);
  if (verbose?.msgType !== 'interrupt') return undefined;
  return questionIn(verbose.data, 2);
}

function questionIn(value: unknown, depth: number): string | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    const parsed = parseObject(text);
    return parsed ? questionIn(parsed, depth) : text;
  }
  if (!isRecord(value)) return undefined;
  for (const key of QUESTION_KEYS) {
    const candidate = value[key];
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  }
  if (depth <= 0) return undefined;
  for (const key of NESTED_KEYS) {
    if (typeof value[key] === 'string' && !String(value[key]).trim().startsWith('{')) continue;
    const nested = questionIn(value[key], depth - 1);
    if (nested) return nested;
  }
  return undefined;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  if (!text.trim().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
