import 'server-only';

// The board's counts, remembered per reach. Counting every open denial in reach is a full pass over them
// (bench/board.ts: seconds at a million), and a manager's home is opened, refreshed and returned to all day;
// several managers of one organisation-wide scope ask the same question. So: within MEMO_TTL_MS everyone gets the
// same answer; after it, the last answer is still given while one fresh count runs (its result is the next
// answer), and concurrent askers share that count in flight instead of each starting their own. Only the very
// first asker of a reach (or one asking to count fresh) waits for a count.

/** How long a count is shown before a new one is started (the page says when it was counted, and can refresh). */
export const MEMO_TTL_MS = 15_000;
const MAX_ENTRIES = 200;

interface Entry {
  at: number;
  /** The count in flight or last finished. */
  value: Promise<unknown>;
  /** The last finished count, given while a newer one runs. */
  settled?: unknown;
}

const memo = new Map<string, Entry>();

function start<T>(key: string, compute: () => Promise<T>, now: number, previous?: unknown): Promise<T> {
  const value = compute();
  if (!memo.has(key) && memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  const entry: Entry = { at: now, value, settled: previous };
  memo.set(key, entry);
  value.then(
    (result) => {
      entry.settled = result;
    },
    () => {
      // A failed count is never remembered; the previous answer (if any) stays for the next asker.
      if (memo.get(key) === entry) {
        if (previous === undefined) memo.delete(key);
        else memo.set(key, { at: 0, value: Promise.resolve(previous), settled: previous });
      }
    },
  );
  return value;
}

/** `fresh`: count now and wait for it (the page's "Refresh", tests); the result is remembered. */
export function remembered<T>(key: string, fresh: boolean, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  const known = memo.get(key);
  if (fresh || !known) return start(key, compute, now, known?.settled);
  if (now - known.at < MEMO_TTL_MS) return (known.settled !== undefined ? Promise.resolve(known.settled) : known.value) as Promise<T>;
  // Stale: give the last answer now and count again in the background.
  if (known.settled === undefined) return known.value as Promise<T>;
  void start(key, compute, now, known.settled).catch(() => {});
  return Promise.resolve(known.settled as T);
}
