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
