// How long the score backtest's replay takes at its limit: 5,000 resolved denials over a year of working days,
// with a team too small to keep up (the open queue grows into the thousands, the costly case) and one that keeps
// up. Pure computation, no database: the one query that loads the history is bounded by the same limit.
// The baseline is the same walk ordered by amount (a key that costs nothing): the ratio is what scoring every
// open denial every day adds. Run: npm run bench:backtest
import type { ResolvedDenial } from '@/lib/domain/backtest/history';
import { CURRENT_WEIGHTS } from '@/lib/domain/backtest/policies';
import { type ReplayOptions, replay, replayPolicy } from '@/lib/domain/backtest/replay';
import { DENIAL_CATEGORIES } from '@/lib/domain/codes';
import { addDays } from '@/lib/domain/dates';

/** mulberry32: the same history every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FROM = '2025-12-01';
const TO = addDays(FROM, 364);

function history(count: number): ResolvedDenial[] {
  const next = random(15);
  return Array.from({ length: count }, (_, i) => {
    const openedOn = addDays(FROM, Math.floor(next() * 365));
    const amountCents = Math.round(5_000 + next() ** 3 * 2_000_000);
    const recovered = next() < 0.55;
    return {
      id: `d${String(i).padStart(5, '0')}`,
      payerId: `p${Math.floor(next() * 12)}`,
      category: DENIAL_CATEGORIES[Math.floor(next() * DENIAL_CATEGORIES.length)]!,
      appealable: true,
      openedOn,
      resolvedOn: addDays(openedOn, 30),
      deadline: next() < 0.05 ? null : addDays(openedOn, 20 + Math.floor(next() * 160)),
      amountCents,
      recoveredCents: recovered ? Math.round(amountCents * (0.4 + next() * 0.6)) : 0,
      warningWindowDays: 14,
    };
  });
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

const rows = history(5_000);
const cases: [string, ReplayOptions][] = [
  ['2 specialists × 5 a day (falls behind)', { from: FROM, to: TO, perSpecialistPerDay: 5, specialists: 2, weights: CURRENT_WEIGHTS }],
  ['5 specialists × 10 a day (keeps up)', { from: FROM, to: TO, perSpecialistPerDay: 10, specialists: 5, weights: CURRENT_WEIGHTS }],
];
replay(rows, cases[0]![1]); // warm-up: the JIT, not the replay, would otherwise be measured first
for (const [name, options] of cases) {
  const all = time(() => replay(rows, options));
  const score = Math.min(...Array.from({ length: 3 }, () => time(() => replayPolicy(rows, options, 'score')).ms));
  const largest = Math.min(...Array.from({ length: 3 }, () => time(() => replayPolicy(rows, options, 'largest')).ms));
  console.log(
    `${name}: all five policies ${all.ms.toFixed(0)} ms over ${all.value.days.length} working days; ` +
      `score ${score.toFixed(0)} ms, largest first ${largest.toFixed(0)} ms, ratio ${(score / largest).toFixed(2)}×; ` +
      `recovered score ${(all.value.policies[0]!.recoveredCents / 100).toFixed(0)} $ vs oldest ${(all.value.policies[2]!.recoveredCents / 100).toFixed(0)} $`,
  );
}
