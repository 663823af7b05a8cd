import type {ConversationSummary} from '../../state/types.js';

/** The headings the list sorts conversations under, newest first. */
export type ConversationGroupKey = 'today' | 'last30Days' | 'older';

export interface ConversationGroup {
  readonly key: ConversationGroupKey;
  /** Newest first. */
  readonly items: readonly ConversationSummary[];
}

/**
 * Sorts conversations under Today (since local midnight of `now`), Last 30
 * days (the 30 days before that) and Older, by `updatedAt` (Unix seconds),
 * newest first within each. Empty groups are left out; a time in the future
 * (a clock ahead of ours) counts as today.
 */
export function groupConversations(
  items: readonly ConversationSummary[],
  now: Date
): ConversationGroup[] {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const monthAgo = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 30).getTime();
  const buckets: Record<ConversationGroupKey, ConversationSummary[]> = {
    today: [],
    last30Days: [],
    older: [],
  };
  for (const item of items) {
    const ms = item.updatedAt * 1000;
    const key: ConversationGroupKey =
      ms >= midnight ? 'today' : ms >= monthAgo ? 'last30Days' : 'older';
    buckets[key].push(item);
  }
  const order: ConversationGroupKey[] = ['today', 'last30Days', 'older'];
  return order
    .filter((key) => buckets[key].length > 0)
    .map((key) => ({key, items: buckets[key].sort((a, b) => b.updatedAt - a.updatedAt)}));
}
