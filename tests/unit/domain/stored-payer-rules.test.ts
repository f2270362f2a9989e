import { describe, expect, it } from 'vitest';
import { defaultPayerRules } from '@/lib/domain/payer-rules';
import { type StoredPayerRules, effectivePayerRules, nextAppealLevel } from '@/lib/domain/stored-payer-rules';

const stored = (over: Partial<StoredPayerRules>): StoredPayerRules => ({
  payerType: 'commercial',
  timelyFilingDays: null,
  timelyFilingMonths: null,
  warningWindowDays: 14,
  rollWeekendDeadlines: false,
  levels: [],
  ...over,
});

describe('a payer’s rules as stored', () => {
  it('are the defaults for its type until a manager sets them', () => {
    expect(effectivePayerRules(stored({ payerType: 'medicare' }))).toEqual(defaultPayerRules('medicare'));
  });

  it('take the stored levels in appeal order, skipping rows that cannot be read', () => {
    const rules = effectivePayerRules(
      stored({
        levels: [
          { level: 'external', days: 120, trigger: 'prior_decision', receiptPresumptionDays: 0 },
          { level: '1', days: 60, trigger: 'receipt', receiptPresumptionDays: 5 },
          { level: '9', days: 1, trigger: 'notice', receiptPresumptionDays: 0 },
          { level: '2', days: 30, trigger: 'whenever', receiptPresumptionDays: 0 },
        ],
      }),
    );
    expect(rules.appealLevels.map((l) => [l.level, l.days])).toEqual([
      [1, 60],
      ['external', 120],
    ]);
  });

  it('count timely filing in months or days as stored (12 months for Medicare by default)', () => {
    expect(effectivePayerRules(stored({ timelyFilingMonths: 6 })).timelyFiling).toEqual({ months: 6 });
    expect(effectivePayerRules(stored({ timelyFilingDays: 365 })).timelyFiling).toEqual({ days: 365 });
    expect(effectivePayerRules(stored({ payerType: 'medicare' })).timelyFiling).toEqual({ months: 12 });
  });

  it('keep the weekend roll off unless the payer says so, and the warning window as set', () => {
    expect(effectivePayerRules(stored({})).rollWeekendToBusinessDay).toBe(false);
    expect(effectivePayerRules(stored({ rollWeekendDeadlines: true, warningWindowDays: 30 }))).toMatchObject({ rollWeekendToBusinessDay: true, warningWindowDays: 30 });
  });
});

describe('the next appeal level', () => {
  const medicare = defaultPayerRules('medicare');
  const commercial = defaultPayerRules('commercial');
  it.each([
    [medicare, null, 1],
    [medicare, 1, 2],
    [medicare, 2, 3],
    [medicare, 3, 4],
    [medicare, 4, 5],
    [medicare, 5, null],
    [commercial, null, 1],
    [commercial, 1, 2],
    [commercial, 2, 'external'],
    [commercial, 'external', null],
  ] as const)('follows the payer’s own levels (%#)', (rules, current, next) => {
    expect(nextAppealLevel(rules, current)).toBe(next);
  });
});
