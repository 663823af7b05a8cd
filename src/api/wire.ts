/**
 * Coze's data checked where it enters: each reader takes what came over the wire and returns
 * the type the rest of the code trusts, or throws a `CozeApiError` of kind `malformed` when the
 * shape is not one Coze sends. Text fields are always strings (`''` when missing or of another
 * type), so nothing downstream shows "undefined" or "null".
 */
import {CozeApiError} from './errors.js';
import {isRecord} from './json.js';
import type {ConversationData, CozeChat, CozeMessage, ToolCall} from './types.js';

type Json = Record<string, unknown>;

/** The error for an answer that is not of the shape Coze sends. */
export function malformed(what: string): CozeApiError {
  return new CozeApiError({
    kind: 'malformed',
    message: `Coze sent ${what} that could not be read.`,
  });
}

/** A string, else `''`. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** An id: a non-empty string, or a number as text (some ids arrive as JSON numbers). */
function id(value: unknown): string | undefined {
  return typeof value === 'string' && value
    ? value
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : undefined;
}

/** Only the string values of a `meta_data` object. */
function meta(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string') out[key] = v;
  return out;
}

/** The object without its undefined fields (a field is there, or absent). */
function defined<T>(fields: Json): T {
  for (const key in fields) if (fields[key] === undefined) delete fields[key];
  return fields as T;
}

/** An object with an id, else the `malformed` error for `what`. */
function withId(value: unknown, what: string): [Json, string] {
  const key = isRecord(value) ? id(value.id) : undefined;
  if (!key) throw malformed(what);
  return [value as Json, key];
}

/**
 * A message, from a stream event or a history page: its text fields strings, its ids ids;
 * other fields pass as they came.
 */
export function readMessage(value: unknown): CozeMessage {
  const [m, messageId] = withId(value, 'a message');
  if (m.role !== 'user' && m.role !== 'assistant') throw malformed('a message');
  return defined<CozeMessage>({
    ...m,
    id: messageId,
    conversation_id: text(m.conversation_id),
    chat_id: id(m.chat_id),
    section_id: id(m.section_id),
    type: text(m.type),
    content: text(m.content),
    content_type: text(m.content_type) || 'text',
    meta_data: meta(m.meta_data),
    reasoning_content: typeof m.reasoning_content === 'string' ? m.reasoning_content : undefined,
  });
}

function readToolCall(value: unknown): ToolCall {
  const [call, callId] = withId(value, 'a tool call');
  const fn = isRecord(call.function) ? call.function : {};
  const args = fn.arguments;
  return {
    id: callId,
    type: text(call.type),
    function: {
      name: text(fn.name),
      // Arguments are a JSON text; an object some flows send is kept as its JSON.
      arguments: typeof args === 'string' ? args : args === undefined ? '' : JSON.stringify(args),
    },
  };
}

/** A chat (`/v3/chat`'s `data`, or a stream's chat event). */
export function readChat(value: unknown): CozeChat {
  const [c, chatId] = withId(value, 'a chat');
  const action = isRecord(c.required_action) ? c.required_action : undefined;
  const calls = isRecord(action?.submit_tool_outputs) ? action.submit_tool_outputs.tool_calls : [];
  const inserted = Array.isArray(c.inserted_additional_messages)
    ? c.inserted_additional_messages.map((m: unknown) => ({id: id(isRecord(m) ? m.id : m) ?? ''}))
    : undefined;
  return defined<CozeChat>({
    ...c,
    id: chatId,
    conversation_id: text(c.conversation_id),
    status: text(c.status),
    section_id: id(c.section_id),
    inserted_additional_messages: inserted,
    required_action: action && {
      type: text(action.type),
      submit_tool_outputs: {tool_calls: Array.isArray(calls) ? calls.map(readToolCall) : []},
    },
  });
}

/** A conversation (`/v1/conversation/create`, a list's entries, a rename). */
export function readConversation(value: unknown): ConversationData {
  const [c, conversationId] = withId(value, 'a conversation');
  return defined<ConversationData>({
    ...c,
    id: conversationId,
    name: typeof c.name === 'string' ? c.name : undefined,
    last_section_id: id(c.last_section_id),
    meta_data: meta(c.meta_data),
  });
}

/** A list of `read` items, else the `malformed` error for `what`. */
export function readList<T>(value: unknown, read: (item: unknown) => T, what: string): T[] {
  if (!Array.isArray(value)) throw malformed(what);
  return value.map(read);
}

/** An object with an id (a file, a context section), else the `malformed` error for `what`. */
export function readIdentified<T extends {id: string}>(value: unknown, what: string): T {
  const [record, key] = withId(value, what);
  return {...record, id: key} as unknown as T;
}

/** An object (an envelope's `data`), else the `malformed` error for `what`. */
export function readObject(value: unknown, what: string): Json {
  if (!isRecord(value)) throw malformed(what);
  return value;
}
