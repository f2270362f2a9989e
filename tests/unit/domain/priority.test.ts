import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DENIAL_CATEGORIES, type DenialCategory } from '@/lib/domain/codes';
import { addDays } from '@/lib/domain/dates';
import {
  MAX_URGENCY,
  MISSED_RECOVERY_LIKELIHOOD,
  MISSED_URGENCY,
  type PriorityInput,
  WAITING_URGENCY,
  computePriority,
  percentText,
  recoveryLikelihood,
  urgencyMultiplier,
} from '@/lib/domain/priority';
import { CATEGORY_PRIORS, PRIOR_PSEUDO_COUNT } from '@/lib/domain/priority-priors';

const TODAY = '2025-06-01';
const base: PriorityInput = { deniedAmountCents: 421_000, category: 'coding_modifiers', appealable: true, today: TODAY };

describe('likelihood of recovery', () => {
  it('is the category prior when the organisation has no outcomes yet', () => {
    expect(recoveryLikelihood(null, 0.45)).toEqual({ likelihood: 0.45, source: 'prior' });
    expect(recoveryLikelihood({ recoveredCount: 0, resolvedCount: 0 }, 0.45).source).toBe('prior');
  });

  it('blends own outcomes with the prior: (recovered + m·prior) ÷ (resolved + m)', () => {
    const { likelihood, source } = recoveryLikelihood({ recoveredCount: 3, resolvedCount: 4 }, 0.45);
    expect(likelihood).toBeCloseTo((3 + PRIOR_PSEUDO_COUNT * 0.45) / (4 + PRIOR_PSEUDO_COUNT), 12);
    expect(source).toBe('blend');
  });

  it('follows own outcomes once there are enough of them', () => {
    const { likelihood, source } = recoveryLikelihood({ recoveredCount: 900, resolvedCount: 1000 }, 0.2);
    expect(source).toBe('own');
    expect(likelihood).toBeCloseTo(0.893, 3);
  });

  it('cannot be pushed outside 0–1 by inconsistent counts', () => {
    expect(recoveryLikelihood({ recoveredCount: 50, resolvedCount: 10 }, 0.5).likelihood).toBeLessThanOrEqual(1);
    expect(recoveryLikelihood({ recoveredCount: -5, resolvedCount: -1 }, 0.5)).toEqual({ likelihood: 0.5, source: 'prior' });
  });
});

describe('urgency', () => {
  it.each([
    [null, 1],
    [60, 1],
    [15, 1],
    [14, 1 + 2 / 15],
    [9, 1 + (2 * 6) / 15],
    [0, MAX_URGENCY],
    [-1, MISSED_URGENCY],
    [-400, MISSED_URGENCY],
  ])('with %s days left the multiplier is %d', (daysLeft, expected) => {
    expect(urgencyMultiplier(daysLeft, 14)).toBeCloseTo(expected, 12);
  });

  it('never falls as the deadline approaches (until it is missed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 90 }), (a, b, window) => {
        const [near, far] = a <= b ? [a, b] : [b, a];
        expect(urgencyMultiplier(near, window)).toBeGreaterThanOrEqual(urgencyMultiplier(far, window));
      }),
    );
  });
});

describe('the score', () => {
  it('reads as the sum a specialist can check', () => {
    const result = computePriority({ ...base, appealDueDate: addDays(TODAY, 9) });
    expect(result.explanation).toBe('$4,210 × 70% recovery (category prior) × due in 9 days (urgency 1.8) ÷ effort 1');
    expect(result.deadline).toEqual({ kind: 'appeal', dueDate: '2025-06-10', daysLeft: 9, status: 'due_soon' });
  });

  it('uses timely filing when the denial cannot be appealed', () => {
    const result = computePriority({
      ...base,
      category: 'correct_resubmit',
      appealable: false,
      appealDueDate: addDays(TODAY, 2),
      timelyFilingDueDate: addDays(TODAY, 100),
    });
    expect(result.deadline?.kind).toBe('timely_filing');
    expect(result.parts.urgency).toBe(1);
    expect(result.explanation).toContain('timely filing due in 100 days');
  });

  it('keeps a missed deadline visible and flagged, its recovery at the floor and its urgency damped', () => {
    const result = computePriority({ ...base, appealDueDate: addDays(TODAY, -3) });
    expect(result.deadline?.status).toBe('missed');
    expect(result.parts).toMatchObject({ likelihood: MISSED_RECOVERY_LIKELIHOOD, likelihoodSource: 'missed', urgency: MISSED_URGENCY });
    expect(result.score).toBeGreaterThan(0);
    expect(result.explanation).toBe(
      '$4,210 × 0.5% recovery (window closed: only a late appeal with good cause) × deadline missed 3 days ago: recovery unlikely (urgency 0.5) ÷ effort 1',
    );
  });

  it('has no deadline part when no date is known', () => {
    const result = computePriority(base);
    expect(result).toMatchObject({ deadline: null, parts: { urgency: 1 } });
    expect(result.explanation).toContain('no deadline known');
  });

  it('sinks work that waits on the payer below work that can be done now, until its follow-up date', () => {
    const waiting = (followUpDate: string | null) => computePriority({ ...base, waiting: { reason: 'the appeal is with the payer', followUpDate } });
    const actionable = computePriority(base);
    expect(waiting(null)).toMatchObject({ deadline: null, parts: { urgency: WAITING_URGENCY } });
    expect(waiting(null).explanation).toContain('the appeal is with the payer, no follow-up set (urgency 0.25)');
    expect(waiting(addDays(TODAY, 14)).explanation).toContain('the appeal is with the payer, follow-up in 14 days (urgency 0.25)');
    expect(waiting(addDays(TODAY, 14)).score).toBeLessThan(actionable.score);
    // From the follow-up date on, a status check is due: as urgent as work without a deadline.
    expect(waiting(TODAY)).toMatchObject({ parts: { urgency: 1 }, score: actionable.score });
    expect(waiting(addDays(TODAY, -5)).explanation).toContain('follow-up due (urgency 1)');
  });

  it('ignores a deadline given while waiting: nothing is due from us then', () => {
    const result = computePriority({ ...base, appealDueDate: addDays(TODAY, 2), waiting: { reason: 'the write-off awaits a manager', followUpDate: null } });
    expect(result).toMatchObject({ deadline: null, parts: { urgency: WAITING_URGENCY } });
  });

  it('has a prior and an effort for every category', () => {
    for (const category of DENIAL_CATEGORIES) {
      expect(CATEGORY_PRIORS[category].recovery).toBeGreaterThan(0);
      expect(CATEGORY_PRIORS[category].recovery).toBeLessThan(1);
      expect(CATEGORY_PRIORS[category].effort).toBeGreaterThan(0);
    }
  });

  const input = fc.record({
    deniedAmountCents: fc.integer({ min: 0, max: 10_000_000_00 }),
    category: fc.constantFrom(...DENIAL_CATEGORIES),
    appealable: fc.boolean(),
    outcomes: fc.option(fc.record({ recoveredCount: fc.nat(500), resolvedCount: fc.nat(500) })),
    dueIn: fc.option(fc.integer({ min: -200, max: 400 })),
    tfIn: fc.option(fc.integer({ min: -200, max: 400 })),
    warningWindowDays: fc.integer({ min: 0, max: 60 }),
  });
  type Generated = typeof input extends fc.Arbitrary<infer T> ? T : never;
  const toInput = (i: Generated): PriorityInput => ({
    deniedAmountCents: i.deniedAmountCents,
    category: i.category,
    appealable: i.appealable,
    outcomes: i.outcomes,
    appealDueDate: i.dueIn === null ? null : addDays(TODAY, i.dueIn),
    timelyFilingDueDate: i.tfIn === null ? null : addDays(TODAY, i.tfIn),
    warningWindowDays: i.warningWindowDays,
    today: TODAY,
  });

  it('is exactly its parts: amount × likelihood × urgency ÷ effort', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { score, parts } = computePriority(toInput(i));
        expect(score).toBe((parts.amountCents * parts.likelihood * parts.urgency) / parts.effort);
      }),
    );
  });

  it('never falls when the amount rises', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 1_000_000_00 }), (i, more) => {
        const lower = computePriority(toInput(i)).score;
        const higher = computePriority({ ...toInput(i), deniedAmountCents: i.deniedAmountCents + more }).score;
        expect(higher).toBeGreaterThanOrEqual(lower);
      }),
    );
  });

  it('never falls as the deadline comes closer, until it is missed', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (i, a, b) => {
        const [near, far] = a <= b ? [a, b] : [b, a];
        const at = (days: number) => computePriority({ ...toInput(i), appealable: true, appealDueDate: addDays(TODAY, days) }).score;
        expect(at(near)).toBeGreaterThanOrEqual(at(far));
      }),
    );
  });
});

describe('a missed deadline', () => {
  const live = (category: DenialCategory, deniedAmountCents: number, dueIn: number | null) =>
    computePriority({ deniedAmountCents, category, appealable: true, appealDueDate: dueIn === null ? null : addDays(TODAY, dueIn), today: TODAY });
  const missed = (category: DenialCategory, deniedAmountCents: number, daysAgo: number) =>
    computePriority({ deniedAmountCents, category, appealable: true, appealDueDate: addDays(TODAY, -daysAgo), today: TODAY });

  it.each(DENIAL_CATEGORIES)('ranks a live denial of any category due in 6 days above a missed %s one of similar value', (missedCategory) => {
    for (const liveCategory of DENIAL_CATEGORIES) {
      // The case: a $1,464 denial due in 6 days sat below denials missed 5,515 days ago.
      expect(live(liveCategory, 146_400, 6).score).toBeGreaterThan(missed(missedCategory, 160_000, 5515).score);
      expect(live(liveCategory, 146_400, 6).score).toBeGreaterThan(missed(missedCategory, 146_400, 1).score);
    }
  });

  it.each(DENIAL_CATEGORIES)('ranks a missed %s $X below every live denial of $X/10 or more, whatever its category and deadline', (missedCategory) => {
    const x = 1_000_000;
    const missedScore = missed(missedCategory, x, 1).score;
    for (const liveCategory of DENIAL_CATEGORIES) {
      for (const dueIn of [null, 0, 6, 14, 30, 200, 400]) {
        expect(live(liveCategory, x / 10, dueIn).score).toBeGreaterThan(missedScore);
      }
    }
  });

  it('holds that rule by its constants: floor × missed urgency ÷ lowest effort < lowest prior recovery ÷ effort ÷ 10', () => {
    const priors = DENIAL_CATEGORIES.map((category) => CATEGORY_PRIORS[category]);
    const highestMissed = (MISSED_RECOVERY_LIKELIHOOD * MISSED_URGENCY) / Math.min(...priors.map((p) => p.effort));
    const lowestLive = Math.min(...priors.map((p) => p.recovery / p.effort));
    expect(highestMissed).toBeLessThan(lowestLive / 10);
  });

  it('still ranks missed denials among themselves by amount, and never hides one (its score stays above 0)', () => {
    expect(missed('coding_modifiers', 200_000, 30).score).toBeGreaterThan(missed('coding_modifiers', 100_000, 30).score);
    expect(missed('timely_filing', 1, 5515).score).toBeGreaterThan(0);
  });

  it('counts the due date itself as live: missed starts the day after', () => {
    expect(live('coding_modifiers', 100_000, 0).parts.likelihoodSource).toBe('prior');
    expect(missed('coding_modifiers', 100_000, 1).parts.likelihoodSource).toBe('missed');
  });

  it('applies to a missed timely filing deadline too', () => {
    const result = computePriority({ ...base, appealable: false, timelyFilingDueDate: addDays(TODAY, -10) });
    expect(result.parts.likelihood).toBe(MISSED_RECOVERY_LIKELIHOOD);
    expect(result.explanation).toContain('timely filing deadline missed 10 days ago: recovery unlikely');
  });

  it('takes a configured floor, and never raises a likelihood that is already below it', () => {
    const configured = computePriority({ ...base, appealDueDate: addDays(TODAY, -3), missedRecoveryLikelihood: 0.02 });
    expect(configured.parts.likelihood).toBe(0.02);
    const hopeless = computePriority({ ...base, appealDueDate: addDays(TODAY, -3), outcomes: { recoveredCount: 0, resolvedCount: 100_000 } });
    expect(hopeless.parts.likelihood).toBeLessThan(MISSED_RECOVERY_LIKELIHOOD);
    expect(hopeless.parts.likelihoodSource).toBe('own');
  });

  it('does not apply while the denial waits on someone else (nothing is due from us then)', () => {
    const result = computePriority({ ...base, appealDueDate: addDays(TODAY, -3), waiting: { reason: 'the appeal is with the payer', followUpDate: null } });
    expect(result.parts.likelihood).toBe(CATEGORY_PRIORS.coding_modifiers.recovery);
  });
});

describe('percentages', () => {
  it.each([
    [0.62, '62%'],
    [0.005, '0.5%'],
    [0.0136, '1%'],
    [0.004, '0.4%'],
    [0, '0%'],
    [1, '100%'],
  ])('shows %d as %s', (likelihood, text) => {
    expect(percentText(likelihood)).toBe(text);
  });
});
