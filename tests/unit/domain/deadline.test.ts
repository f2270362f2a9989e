import { describe, expect, it } from 'vitest';
import { computeDeadline, daysLeft, type DeadlineRequest, urgency, workingDeadline } from '@/lib/domain/deadline';
import { type PayerDeadlineRules, type PayerType, defaultPayerRules } from '@/lib/domain/payer-rules';

const due = (rules: PayerDeadlineRules | PayerType, request: DeadlineRequest) => {
  const result = computeDeadline(typeof rules === 'string' ? defaultPayerRules(rules) : rules, request);
  if (!result.ok) throw new Error(result.reason);
  return result;
};

describe('appeal deadlines by payer type and level', () => {
  it.each([
    ['medicare', 1, { noticeDate: '2025-01-10' }, '2025-05-15'],
    ['medicare', 2, { priorDecisionDate: '2025-03-01' }, '2025-09-02'],
    ['medicare', 3, { priorDecisionDate: '2025-03-01' }, '2025-05-05'],
    ['medicare', 4, { priorDecisionDate: '2025-04-10' }, '2025-06-14'],
    ['medicare', 5, { priorDecisionDate: '2025-07-01' }, '2025-09-04'],
    ['medicaid', 1, { noticeDate: '2025-01-10' }, '2025-04-10'],
    ['commercial', 1, { noticeDate: '2025-01-10' }, '2025-07-09'],
    ['commercial', 'external', { priorDecisionDate: '2025-06-01' }, '2025-09-29'],
  ] as const)('%s level %s from %j is due %s', (payerType, level, dates, expected) => {
    expect(due(payerType, { level, ...dates }).dueDate).toBe(expected);
  });

  it('is due 120 days after receipt, presumed 5 days after the remit date, for a Medicare redetermination', () => {
    const result = due('medicare', { level: 1, noticeDate: '2025-01-10' });
    expect(result.dueDate).toBe('2025-05-15');
    expect(result.basis).toBe('Redetermination: 120 days from receipt (presumed 5 days after the notice of 2025-01-10: 2025-01-15)');
  });

  it('counts a Medicare reconsideration 180 days from receipt of the redetermination, presumed 5 days after it', () => {
    expect(due('medicare', { level: 2, priorDecisionDate: '2025-03-01' }).basis).toBe(
      'Reconsideration: 180 days from receipt of the prior decision (presumed 5 days after 2025-03-01: 2025-03-06)',
    );
  });

  it.each([
    [3, 'ALJ hearing'],
    [4, 'Medicare Appeals Council review'],
    [5, 'Judicial review (federal district court)'],
  ] as const)('counts Medicare level %s (%s) 60 days from receipt of the prior decision, presumed 5 days after it', (level, name) => {
    expect(due('medicare', { level, priorDecisionDate: '2025-04-10' }).basis).toBe(
      `${name}: 60 days from receipt of the prior decision (presumed 5 days after 2025-04-10: 2025-04-15)`,
    );
  });

  it('counts a commercial level 2 from the level-1 decision, and says so where the payer’s rules have none', () => {
    expect(due('commercial', { level: 2, priorDecisionDate: '2025-04-10' })).toMatchObject({
      dueDate: '2025-06-09',
      basis: 'Level 2 appeal: 60 days from the prior decision of 2025-04-10',
    });
    const oneLevel = defaultPayerRules('commercial');
    oneLevel.appealLevels = oneLevel.appealLevels.filter((l) => l.level !== 2);
    expect(computeDeadline(oneLevel, { level: 2, priorDecisionDate: '2025-04-10' })).toMatchObject({
      ok: false,
      reason: 'Level 2 appeal: this payer has no rule for this level',
    });
  });

  it('gives commercial payers levels 1, 2 and external review, and Medicare its five levels', () => {
    expect(defaultPayerRules('commercial').appealLevels.map((l) => l.level)).toEqual([1, 2, 'external']);
    expect(defaultPayerRules('medicare').appealLevels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
  });

  it('counts from the prior decision itself when the payer sets no presumption', () => {
    const rules = defaultPayerRules('medicare');
    rules.appealLevels[1] = { level: 2, days: 180, trigger: 'prior_decision', receiptPresumptionDays: 0 };
    expect(due(rules, { level: 2, priorDecisionDate: '2025-03-01' }).dueDate).toBe('2025-08-28');
  });

  it('spans a leap day by calendar days', () => {
    expect(due('medicare', { level: 1, noticeDate: '2024-01-31' }).dueDate).toBe('2024-06-04');
    expect(due('medicare', { level: 1, noticeDate: '2023-01-31' }).dueDate).toBe('2023-06-05');
  });

  it('says what is missing instead of guessing', () => {
    expect(computeDeadline(defaultPayerRules('medicare'), { level: 2, noticeDate: '2025-01-10' })).toEqual({
      ok: false,
      level: 2,
      reason: 'Reconsideration: the prior level’s decision date is needed',
    });
    expect(computeDeadline(defaultPayerRules('medicaid'), { level: 1 })).toMatchObject({ ok: false });
    expect(computeDeadline(defaultPayerRules('medicare'), { level: 'external', noticeDate: '2025-01-10' })).toMatchObject({
      ok: false,
      reason: 'External review: this payer has no rule for this level',
    });
  });
});

describe('timely filing', () => {
  it.each([
    ['medicare', '2024-03-15', '2025-03-15'],
    ['medicare', '2024-02-29', '2025-02-28'],
    ['medicaid', '2023-12-31', '2024-12-31'],
    ['commercial', '2024-12-15', '2025-03-15'],
  ] as const)('%s: service on %s must be filed by %s', (payerType, serviceDate, expected) => {
    expect(due(payerType, { level: 'timely_filing', serviceDate }).dueDate).toBe(expected);
  });

  it('clamps "months" at the month end', () => {
    const rules: PayerDeadlineRules = { ...defaultPayerRules('commercial'), timelyFiling: { months: 1 } };
    expect(due(rules, { level: 'timely_filing', serviceDate: '2023-01-31' }).dueDate).toBe('2023-02-28');
    expect(due(rules, { level: 'timely_filing', serviceDate: '2024-01-31' }).dueDate).toBe('2024-02-29');
  });

  it('is the deadline for a denial that must be corrected and resubmitted', () => {
    const request = { noticeDate: '2025-01-10', serviceDate: '2024-06-30' };
    expect(workingDeadline(defaultPayerRules('medicare'), { ...request, appealable: false })).toMatchObject({
      level: 'timely_filing',
      dueDate: '2025-06-30',
    });
    expect(workingDeadline(defaultPayerRules('medicare'), { ...request, appealable: true })).toMatchObject({ level: 1, dueDate: '2025-05-15' });
  });
});

describe('weekend deadlines', () => {
  // 2025-01-12 + 5 days receipt + 120 days = Saturday 2025-05-17; 2025-01-13 gives Sunday 2025-05-18.
  it('stay on the weekend by default: nobody is told they have longer than they do', () => {
    expect(due('medicare', { level: 1, noticeDate: '2025-01-12' }).dueDate).toBe('2025-05-17');
  });

  it.each([
    ['2025-01-12', '2025-05-19', 'Saturday'],
    ['2025-01-13', '2025-05-19', 'Sunday'],
    ['2025-01-10', '2025-05-15', null],
  ])('move to Monday when the payer’s rule says so (notice %s → %s)', (noticeDate, expected, day) => {
    const rules = { ...defaultPayerRules('medicare'), rollWeekendToBusinessDay: true };
    const result = due(rules, { level: 1, noticeDate });
    expect(result.dueDate).toBe(expected);
    if (day) expect(result.basis).toContain(`is a ${day}, moved to Monday ${expected}`);
    else expect(result.basis).not.toContain('moved');
  });
});

describe('days left and urgency', () => {
  it.each([
    ['2025-04-30', 15, 'ok'],
    ['2025-05-01', 14, 'due_soon'],
    ['2025-05-15', 0, 'due_soon'],
    ['2025-05-16', -1, 'missed'],
  ])('on %s a deadline of 2025-05-15 has %i days left: %s', (today, left, expected) => {
    expect(daysLeft('2025-05-15', today)).toBe(left);
    expect(urgency('2025-05-15', today)).toBe(expected);
  });

  it('uses the payer’s warning window', () => {
    expect(urgency('2025-05-15', '2025-04-15', 30)).toBe('due_soon');
    expect(urgency('2025-05-15', '2025-04-15', 7)).toBe('ok');
  });
});

describe('defaults', () => {
  it('start every payer with a 14-day warning window and no weekend roll', () => {
    for (const type of ['medicare', 'medicaid', 'commercial'] as const) {
      expect(defaultPayerRules(type)).toMatchObject({ warningWindowDays: 14, rollWeekendToBusinessDay: false });
    }
  });

  it('hand out copies, so editing one payer does not change the defaults', () => {
    defaultPayerRules('medicare').appealLevels[0]!.days = 1;
    expect(defaultPayerRules('medicare').appealLevels[0]!.days).toBe(120);
  });
});
