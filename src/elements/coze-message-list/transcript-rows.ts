import type {ChatMessage} from '../../state/types.js';

/** A row of the transcript: a message, or the divider before a new context section. */
export type TranscriptRow =
  {readonly divider: string} | {readonly message: ChatMessage; readonly continued: boolean};

/**
 * The rows to show for a list of messages: a divider wherever the context
 * section changes, and one at the end when the current section (after "clear
 * context") is newer than the last message's. A message sent from this page
 * carries no section until history reloads: it belongs with what follows it,
 * and the last ones with the current section. `continued` marks an answer
 * right after another (a plugin call, then the answer): one reply, one name.
 */
export function transcriptRows(
  messages: readonly ChatMessage[],
  currentSection: string | undefined
): TranscriptRow[] {
  const sections: Array<string | undefined> = [];
  let next = currentSection;
  for (let i = messages.length - 1; i >= 0; i--) {
    next = messages[i].sectionId ?? next;
    sections[i] = next;
  }
  const rows: TranscriptRow[] = [];
  messages.forEach((message, i) => {
    const before = sections[i - 1];
    const divided = i > 0 && Boolean(before && sections[i]) && before !== sections[i];
    if (divided) rows.push({divider: message.key});
    const continued = !divided && i > 0 && messages[i - 1].role === message.role;
    rows.push({message, continued});
  });
  const last = sections.at(-1);
  if (last && currentSection && last !== currentSection) rows.push({divider: 'end'});
  return rows;
}

/** Rows per chunk: a chunk out of sight skips style, layout and paint as one box. */
export const chunkSize = 10;

/** A run of consecutive rows, keyed by a number that does not change while it is shown. */
export interface TranscriptChunk {
  readonly id: number;
  readonly rows: TranscriptRow[];
  /** Index of the chunk's last row among all rows. */
  readonly end: number;
}

/**
 * Numbers the messages of one conversation so that a message keeps its number while it is
 * shown: newer messages count up, older ones loaded above count down. Chunks made from
 * these numbers keep their rows as history grows at either end, so no row moves between
 * chunks (a row that moved would be drawn again from scratch).
 */
export class RowNumbers {
  #numbers = new Map<string, number>();

  /** The number of each message, in order. */
  number(messages: readonly ChatMessage[]): number[] {
    const had = this.#numbers;
    const known = messages.findIndex((m) => had.has(m.key));
    let n = known < 0 ? 0 : had.get(messages[known].key)! - known;
    this.#numbers = new Map();
    return messages.map((m) => {
      n = Math.max(n, had.get(m.key) ?? n);
      this.#numbers.set(m.key, n);
      return n++;
    });
  }
}

/**
 * Groups rows by their message's number into chunks of `chunkSize` numbers. A divider goes
 * with the message after it; the closing divider with the last message.
 */
export function chunkRows(
  rows: readonly TranscriptRow[],
  numbers: readonly number[]
): TranscriptChunk[] {
  const chunks: Array<{id: number; rows: TranscriptRow[]; end: number}> = [];
  let m = 0;
  rows.forEach((row, end) => {
    const id = Math.floor(numbers[Math.min(m, numbers.length - 1)] / chunkSize);
    if ('message' in row) m++;
    const last = chunks.at(-1);
    if (last?.id === id) {
      last.rows.push(row);
      last.end = end;
    } else chunks.push({id, rows: [row], end});
  });
  return chunks;
}
