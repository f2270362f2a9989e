// Latency under concurrency for the benchmarks: many calls from concurrent clients, p50/p95, and an operation
// measured beside its raw SQL in alternating rounds.
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export interface Stats {
  p50: number;
  p95: number;
  mean: number;
  n: number;
}

/** `n` calls of `fn` from `clients` concurrent clients; the latency of each call in ms. */
export async function run(fn: () => Promise<unknown>, n: number, clients: number): Promise<number[]> {
  const times: number[] = [];
  let left = n;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (left-- > 0) {
        const t = performance.now();
        await fn();
        times.push(performance.now() - t);
      }
    }),
  );
  return times;
}

export function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return { p50: r(pct(sorted, 50)), p95: r(pct(sorted, 95)), mean: r(sorted.reduce((s, x) => s + x, 0) / sorted.length), n: sorted.length };
}

export const ROUNDS = 5;

/**
 * The operation and its raw SQL, `requests` calls each, in alternating rounds: the machine is shared, and
 * alternating spreads whatever else runs on it over both sides instead of penalising whichever ran second.
 */
export async function measurePair(a: () => Promise<unknown>, b: () => Promise<unknown>, clients: number, requests: number): Promise<[Stats, Stats]> {
  // A round of fewer calls than clients never has them all in flight (--requests 20 over 20 clients: 4 at a time).
  if (Math.ceil(requests / ROUNDS) < clients) {
    console.warn(`  (only ${Math.ceil(requests / ROUNDS)} calls in flight a round, not ${clients}: pass --requests ${clients * ROUNDS} or more)`);
  }
  await run(a, clients, clients); // warm plans and caches
  await run(b, clients, clients);
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    ta.push(...(await run(a, Math.ceil(requests / ROUNDS), clients)));
    tb.push(...(await run(b, Math.ceil(requests / ROUNDS), clients)));
  }
  return [stats(ta), stats(tb)];
}
