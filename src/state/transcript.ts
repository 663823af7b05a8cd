import type {CozeMessage, EnterMessage, ShortcutCommandRun} from '../api/types.js';
import {
  parseCard,
  parseFunctionCall,
  parseObjectString,
  parseQuestionOptions,
  parseToolResponse,
  toObjectString,
} from '../api/content.js';
import type {ChatMessage, MessageFile, MessageStatus, QuotedReply} from './types.js';

/**
 * Between Coze messages and the transcript: what a user message carries on
 * the wire (text, files and a quote, in a form the bot can read, plus
 * `meta_data` so history shows them the same way) and how Coze's messages of
 * every type read back.
 */

/** `meta_data` keys (values ≤ 512 characters). */
const filesKey = 'chat_files';
const quoteKey = 'chat_quote';
const metaLimit = 512;

let keySeed = 0;
export const newKey = () => `m${++keySeed}`;

/** The quote as the bot reads it: a markdown blockquote before the question. */
function quoteBlock(quote: QuotedReply): string {
  const lines = [
    ...(quote.text ? quote.text.split('\n') : []),
    ...(quote.imageUrl ? [`![quoted image](${quote.imageUrl})`] : []),
  ];
  return lines.map((line) => `> ${line}`).join('\n');
}

function fitMeta(value: string): string | undefined {
  return value.length <= metaLimit ? value : undefined;
}

/**
 * The quote's `meta_data` value: `{"text": …}` cut so that the JSON, escapes included, stays
 * within Coze's 512 characters (newlines, quotes and backslashes take two characters each).
 */
function quoteMeta(text: string): string {
  let cut = text.slice(0, metaLimit);
  let json = JSON.stringify({text: cut});
  while (json.length > metaLimit) {
    // Drop what is over, plus a margin for the escapes still inside the kept part.
    cut = cut.slice(0, Math.max(0, cut.length - Math.ceil((json.length - metaLimit) / 2) - 1));
    json = JSON.stringify({text: cut});
  }
  return json;
}

/** The `additional_messages` entry for a question with its files and quote. */
export function toEnterMessage(
  text: string,
  files: readonly MessageFile[] = [],
  quote?: QuotedReply
): EnterMessage {
  const question = quote ? `${quoteBlock(quote)}\n\n${text}` : text;
  const meta: Record<string, string> = {};
  if (files.length) {
    const listed = fitMeta(
      JSON.stringify(
        files.map((f) => ({id: f.fileId, name: f.name.slice(0, 60), size: f.size, kind: f.kind}))
      )
    );
    if (listed) meta[filesKey] = listed;
  }
  if (quote?.text) meta[quoteKey] = quoteMeta(quote.text);
  else if (quote?.imageUrl)
    meta[quoteKey] = fitMeta(JSON.stringify({imageUrl: quote.imageUrl})) ?? '{}';
  const metaData = Object.keys(meta).length ? {meta_data: meta} : {};
  if (!files.length) return {role: 'user', content: question, content_type: 'text', ...metaData};
  const items = [
    ...(question ? [{type: 'text' as const, text: question}] : []),
    ...files.map((f) => ({type: f.kind, file_id: f.fileId})),
  ];
  return {role: 'user', content: toObjectString(items), content_type: 'object_string', ...metaData};
}

function parseJson<T>(value: string | undefined): T | undefined {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as T;
  } catch {
    return undefined;
  }
}

/** A user message from history: text, files and quote as they were sent. */
function userFromCoze(m: CozeMessage, base: ChatMessage, thumbnail?: Thumbnails): ChatMessage {
  let text = m.content;
  let files: MessageFile[] = [];
  if (m.content_type === 'object_string') {
    const items = parseObjectString(m.content) ?? [];
    text = items.find((i) => i.type === 'text')?.text ?? '';
    const listed =
      parseJson<Array<{id: string; name?: string; size?: number; kind?: 'image' | 'file'}>>(
        m.meta_data?.[filesKey]
      ) ?? [];
    files = items
      .filter((i) => (i.type === 'file' || i.type === 'image') && i.file_id)
      .map((i) => {
        const known = listed.find((l) => l.id === i.file_id);
        const previewUrl = thumbnail?.(i.file_id!);
        return {
          fileId: i.file_id!,
          name: known?.name ?? (i.type === 'image' ? 'image' : 'file'),
          kind: i.type === 'image' ? 'image' : 'file',
          ...(known?.size !== undefined ? {size: known.size} : {}),
          ...(previewUrl ? {previewUrl} : {}),
        } satisfies MessageFile;
      });
  }
  const quote = parseJson<QuotedReply>(m.meta_data?.[quoteKey]);
  if (quote && (quote.text || quote.imageUrl)) {
    const block = quoteBlock(quote);
    if (text.startsWith(block)) text = text.slice(block.length).replace(/^\n+/, '');
  }
  return {
    ...base,
    content: text,
    contentType: 'text',
    ...(files.length ? {files} : {}),
    ...(quote && (quote.text || quote.imageUrl) ? {quote} : {}),
  };
}

/** An assistant message, with question-node options and card fallbacks read out. */
export function assistantFromCoze(
  m: CozeMessage,
  status: MessageStatus,
  base: ChatMessage = baseOf(m, status)
): ChatMessage {
  if (m.type === 'function_call') {
    const call = parseFunctionCall(m.content);
    return {
      ...base,
      tool: {
        name: call?.name ?? 'tool',
        ...(call?.arguments !== undefined ? {arguments: pretty(call.arguments, m.content)} : {}),
        ...(call?.thought ? {thought: call.thought} : {}),
      },
    };
  }
  if (m.content_type === 'card') {
    return {...base, content: parseCard(m.content) ?? ''};
  }
  if (m.type === 'answer' && status === 'complete') {
    const question = parseQuestionOptions(m.content);
    if (question) return {...base, content: question.question, options: question.options};
  }
  return base;
}

/**
 * Arguments pretty-printed; as they came (`raw`) when they are not JSON or too deeply nested
 * to print (`JSON.stringify` recurses and overflows the stack).
 */
export function pretty(value: unknown, raw: string): string {
  try {
    return JSON.stringify(typeof value === 'string' ? JSON.parse(value) : value, null, 2);
  } catch {
    return typeof value === 'string' ? value : raw;
  }
}

function baseOf(m: CozeMessage, status: MessageStatus): ChatMessage {
  return {
    key: newKey(),
    id: m.id,
    role: m.role,
    type: m.type,
    content: m.content,
    contentType: m.content_type,
    status,
    ...(m.chat_id ? {chatId: m.chat_id} : {}),
    ...(m.section_id ? {sectionId: m.section_id} : {}),
    ...(m.created_at ? {createdAt: Number(m.created_at)} : {}),
    ...(m.reasoning_content ? {reasoning: m.reasoning_content} : {}),
  };
}

/** Message types the transcript shows. */
export function shown(m: CozeMessage): boolean {
  if (m.role === 'user') return m.type === 'question' || m.type === '';
  return (
    m.type === 'answer' ||
    m.type === '' ||
    m.type === 'function_call' ||
    m.type === 'tool_response' ||
    m.type === 'tool_output'
  );
}

export function isToolResponse(m: CozeMessage): boolean {
  return m.type === 'tool_response' || m.type === 'tool_output';
}

/** Attaches a tool response to the latest call still waiting for one; returns the updated list. */
export function attachToolOutput(
  messages: readonly ChatMessage[],
  m: CozeMessage
): readonly ChatMessage[] {
  const index = messages.findLastIndex((x) => x.tool && x.tool.output === undefined);
  if (index < 0) return messages;
  const call = messages[index];
  const output = parseToolResponse(m.content).text;
  const updated: ChatMessage = {...call, tool: {...call.tool!, output}};
  return messages.map((x, i) => (i === index ? updated : x));
}

/** Looks up the preview of an image the reader sent, by Coze file id. */
export type Thumbnails = (fileId: string) => string | undefined;

/** History pages come newest first; the transcript reads oldest first. */
export function fromHistory(page: readonly CozeMessage[], thumbnail?: Thumbnails): ChatMessage[] {
  let out: readonly ChatMessage[] = [];
  for (const raw of [...page].reverse()) {
    if (!shown(raw)) continue;
    // Coze may list an assistant's answer with an empty type: it is an answer all the same.
    const m: CozeMessage =
      raw.role === 'assistant' && raw.type === '' ? {...raw, type: 'answer'} : raw;
    if (isToolResponse(m)) {
      out = attachToolOutput(out, m);
      continue;
    }
    const base = baseOf(m, 'complete');
    out = [
      ...out,
      m.role === 'user' ? userFromCoze(m, base, thumbnail) : assistantFromCoze(m, 'complete', base),
    ];
  }
  return [...out];
}

/** A new user message in the transcript. */
export function userMessage(
  text: string,
  files: readonly MessageFile[] = [],
  quote?: QuotedReply,
  shortcut?: ShortcutCommandRun
): ChatMessage {
  return {
    key: newKey(),
    role: 'user',
    type: 'question',
    content: text,
    contentType: 'text',
    status: 'complete',
    ...(files.length ? {files} : {}),
    ...(quote ? {quote} : {}),
    ...(shortcut ? {shortcut} : {}),
  };
}
