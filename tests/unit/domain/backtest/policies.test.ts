import { describe, expect, it } from 'vitest';
import { CURRENT_WEIGHTS, weightedScore } from '@/lib/domain/backtest/policies';
import { DENIAL_CATEGORIES } from '@/lib/domain/codes';
import { addDays, toDayNumber } from '@/lib/domain/dates';
import { computePriority } from '@/lib/domain/priority';

const TODAY = '2026-05-11';

describe('the backtest’s score', () => {
  // The replay computes the score itself (no explanation, no date parsing): it must be the queue's, exactly.
  const cases = DENIAL_CATEGORIES.flatMap((category) =>
    [null, -20, -1, 0, 1, 7, 14, 15, 90].flatMap((daysLeft) =>
      [null, { recoveredCount: 3, resolvedCount: 5 }, { recoveredCount: 0, resolvedCount: 60 }].map((outcomes) => ({ category, daysLeft, outcomes })),
    ),
  );
  it.each(cases)('equals computePriority for $category, $daysLeft days left, outcomes $outcomes', ({ category, daysLeft, outcomes }) => {
    const deadline = daysLeft === null ? null : addDays(TODAY, daysLeft);
    const queue = computePriority({ deniedAmountCents: 123_456, category, appealable: true, outcomes, appealDueDate: deadline, today: TODAY, warningWindowDays: 14 });
    const facts = { amountCents: 123_456, category, deadlineDay: deadline === null ? null : toDayNumber(deadline), warningWindowDays: 14 };
    expect(weightedScore(facts, toDayNumber(TODAY), outcomes, CURRENT_WEIGHTS)).toBe(queue.score);
  });

  it('raises each factor to its weight: 0 ignores it, 2 counts it twice', () => {
    const facts = { amountCents: 10_000, category: 'medical_necessity' as const, deadlineDay: null, warningWindowDays: 14 };
    // medical necessity: prior 0.45, effort 2.5; no deadline: urgency 1.
    expect(weightedScore(facts, 0, null, { amount: 0, likelihood: 1, urgency: 1, effort: 1 })).toBeCloseTo(0.45 / 2.5, 12);
    expect(weightedScore(facts, 0, null, { amount: 1, likelihood: 2, urgency: 1, effort: 0 })).toBeCloseTo(10_000 * 0.45 ** 2, 9);
  });
});
