import 'server-only';

// The board's counts, remembered briefly per reach. Counting every open denial in reach is a full pass over them
// (bench/board.ts: seconds at a million under load), and a manager's home is opened, refreshed and returned to
// all day; several managers of one organisation-wide scope ask the same question. Within MEMO_TTL_MS they get the
// same answer, and concurrent askers share one count in flight instead of each starting their own.

/** How long a count is shown before it is counted again (the page says when it was counted, and can refresh). */
export const MEMO_TTL_MS = 15_000;
const MAX_ENTRIES = 200;

const memo = new Map<string, { at: number; value: Promise<unknown> }>();

/** `fresh`: count now (the page's "Refresh", tests) and remember that. A failed count is never remembered. */
export function remembered<T>(key: string, fresh: boolean, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  const known = memo.get(key);
  if (!fresh && known && now - known.at < MEMO_TTL_MS) return known.value as Promise<T>;
  const value = compute();
  if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  memo.set(key, { at: now, value });
  value.catch(() => {
    if (memo.get(key)?.value === value) memo.delete(key);
  });
  return value;
}
