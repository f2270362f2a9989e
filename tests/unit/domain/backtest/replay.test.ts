import { describe, expect, it } from 'vitest';
import type { ResolvedDenial } from '@/lib/domain/backtest/history';
import { workingDays } from '@/lib/domain/backtest/history';
import { CURRENT_WEIGHTS } from '@/lib/domain/backtest/policies';
import { type ReplayOptions, replay, replayPolicy } from '@/lib/domain/backtest/replay';

// A tiny history, one payer and one category (coding_modifiers: prior recovery 0.7, effort 1; warning window
// 14 days, so urgency = 1 + 2 × (15 − daysLeft) ÷ 15 inside it: 2.8667 one day before, 3 on the day).
const base = { payerId: 'p', category: 'coding_modifiers', appealable: true, resolvedOn: '2026-04-01', warningWindowDays: 14 } as const;
const HISTORY: ResolvedDenial[] = [
  // B: the largest, written off. Opened the Friday before: the oldest.
  { ...base, id: 'b', openedOn: '2026-02-27', deadline: null, amountCents: 500_000, recoveredCents: 0 },
  // C: opened on the Sunday, so open from Monday; a deadline far beyond the week.
  { ...base, id: 'c', openedOn: '2026-03-01', deadline: '2026-06-30', amountCents: 200_000, recoveredCents: 200_000 },
  // A: small, paid in full, due Tuesday.
  { ...base, id: 'a', openedOn: '2026-03-02', deadline: '2026-03-03', amountCents: 100_000, recoveredCents: 100_000 },
  // D: arrives Wednesday, due Thursday, partly paid.
  { ...base, id: 'd', openedOn: '2026-03-04', deadline: '2026-03-05', amountCents: 300_000, recoveredCents: 150_000 },
];
// Monday 2 March to Friday 6 March 2026; one specialist working one denial a day.
const OPTIONS: ReplayOptions = { from: '2026-03-02', to: '2026-03-06', perSpecialistPerDay: 1, specialists: 1, weights: CURRENT_WEIGHTS };

describe('the backtest replay', () => {
  it('walks working days only', () => {
    expect(workingDays('2026-02-27', '2026-03-03')).toEqual(['2026-02-27', '2026-03-02', '2026-03-03']);
  });

  it('works the queue score’s top denial each day, learning outcomes as it resolves them', () => {
    // Mon: B 500,000 × 0.7 = 350,000 beats A 100,000 × 0.7 × 2.8667 = 200,667 and C 140,000. B is written off:
    //      likelihood (0 + 7) ÷ 11 = 0.636.
    // Tue: A 100,000 × 0.636 × 3 = 190,909 beats C 127,273: worked on its due day, +100,000. (1 + 7) ÷ 12 = 0.667.
    // Wed: D 300,000 × 0.667 × 2.8667 = 573,333 beats C 133,333: due Thursday, +150,000.
    // Thu: C, +200,000. Fri: nothing left.
    expect(replayPolicy(HISTORY, OPTIONS, 'score')).toEqual({
      policy: 'score',
      recoveredCents: 450_000,
      recoveredShare: 1,
      worked: 4,
      workedLate: 0,
      deadlinesMissed: 0,
      leftOpen: 0,
      cumulativeCents: [0, 100_000, 250_000, 450_000, 450_000],
    });
  });

  it('oldest first spends Monday on the write-off and reaches A after its deadline', () => {
    // Mon B (0), Tue C (+200,000), Wed A: due Tuesday, late, nothing. Thu D, due that day: +150,000.
    expect(replayPolicy(HISTORY, OPTIONS, 'oldest')).toMatchObject({
      recoveredCents: 350_000,
      recoveredShare: 350_000 / 450_000,
      workedLate: 1,
      deadlinesMissed: 1,
      cumulativeCents: [0, 200_000, 200_000, 350_000, 350_000],
    });
  });

  it('largest first misses A behind the bigger ones', () => {
    // Mon B (0), Tue C (+200,000) over A, Wed D (300,000 over A's 100,000, +150,000), Thu A late.
    expect(replayPolicy(HISTORY, OPTIONS, 'largest')).toMatchObject({
      recoveredCents: 350_000,
      workedLate: 1,
      deadlinesMissed: 1,
      cumulativeCents: [0, 200_000, 350_000, 350_000, 350_000],
    });
  });

  it('deadline first takes the soonest deadline ahead, and a denial with none last', () => {
    // Mon A (Tue) +100,000, Tue C (June) +200,000 before B (none), Wed D (Thu) +150,000, Thu B (0).
    expect(replayPolicy(HISTORY, OPTIONS, 'deadline')).toMatchObject({
      recoveredCents: 450_000,
      deadlinesMissed: 0,
      cumulativeCents: [100_000, 300_000, 450_000, 450_000, 450_000],
    });
  });

  it('with the amount weighted 0, the score orders by likelihood × urgency ÷ effort', () => {
    // Mon A 0.7 × 2.8667 over B and C at 0.7: +100,000; learnt (1 + 7) ÷ 11.
    // Tue B and C tie at 0.727: B is older. Wed D (urgency 2.8667) +150,000. Thu C +200,000.
    const weights = { amount: 0, likelihood: 1, urgency: 1, effort: 1 };
    expect(replayPolicy(HISTORY, { ...OPTIONS, weights }, 'weighted')).toMatchObject({
      recoveredCents: 450_000,
      cumulativeCents: [100_000, 100_000, 250_000, 450_000, 450_000],
    });
  });

  it('leaves work open and misses deadlines when there is too little capacity', () => {
    // Two days (Mon–Tue), one a day, oldest first: B then C; A's Tuesday deadline falls inside and is missed, D's
    // Thursday one falls after the period and is not counted.
    const short = replayPolicy(HISTORY, { ...OPTIONS, to: '2026-03-03' }, 'oldest');
    expect(short).toMatchObject({ recoveredCents: 200_000, worked: 2, leftOpen: 2, deadlinesMissed: 1 });
  });

  it('works everything on the day it arrives when capacity allows, so every policy recovers all', () => {
    const result = replay(HISTORY, { ...OPTIONS, specialists: 2, perSpecialistPerDay: 2 });
    expect(result.capacityPerDay).toBe(4);
    expect(result.recoverableCents).toBe(450_000);
    expect(result.deadlinesInPeriod).toBe(2);
    expect(result.policies.map((p) => [p.policy, p.recoveredCents, p.deadlinesMissed])).toEqual([
      ['score', 450_000, 0],
      ['weighted', 450_000, 0],
      ['oldest', 450_000, 0],
      ['largest', 450_000, 0],
      ['deadline', 450_000, 0],
    ]);
  });

  it('is the same however the history is ordered', () => {
    expect(replay([...HISTORY].reverse(), OPTIONS)).toEqual(replay(HISTORY, OPTIONS));
  });

  it('says nothing was recoverable rather than 0% of nothing', () => {
    const writtenOff = HISTORY.map((d) => ({ ...d, recoveredCents: 0 }));
    expect(replayPolicy(writtenOff, OPTIONS, 'score').recoveredShare).toBeNull();
  });
});
