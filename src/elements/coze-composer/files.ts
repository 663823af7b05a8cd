/** Pure helpers for the files a reader attaches: what fits, and how a size reads. */

/** How many files one message may carry. */
export const maxAttachments = 6;
/** Coze's upload limit per file. */
export const maxFileBytes = 512 * 1024 * 1024;

export interface Admission<T> {
  /** The files to attach, in order. */
  readonly accepted: T[];
  /** Files refused for their size. */
  readonly tooLarge: T[];
  /** Whether files were left out because the message is full. */
  readonly tooMany: boolean;
}

/** Which of `incoming` may join `present` attachments: none over `maxBytes`, at most `maxCount` in all. */
export function admitFiles<T extends {readonly size: number}>(
  incoming: readonly T[],
  present: number,
  {maxCount = maxAttachments, maxBytes = maxFileBytes}: {maxCount?: number; maxBytes?: number} = {}
): Admission<T> {
  const tooLarge = incoming.filter((file) => file.size > maxBytes);
  const fitting = incoming.filter((file) => file.size <= maxBytes);
  const room = Math.max(0, maxCount - present);
  return {accepted: fitting.slice(0, room), tooLarge, tooMany: fitting.length > room};
}

/** Elapsed seconds as `m:ss`. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
