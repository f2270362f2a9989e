import { describe, expect, it } from 'vitest';
import { backtestFormValues, backtestInput, parseBacktestParams, periodProblem } from '@/lib/domain/contracts/score-backtest';

const TODAY = '2026-12-06';
const messages = (search: Record<string, string>) => {
  const parsed = parseBacktestParams(search);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('the score backtest’s question', () => {
  it('takes the last twelve months, 10 a day, the team’s specialists and today’s weights when the form is empty', () => {
    const parsed = parseBacktestParams({ from: '', perDay: ' ' });
    expect(parsed.success && backtestInput(parsed.data, TODAY)).toEqual({
      from: '2025-12-07',
      to: TODAY,
      perDay: 10,
      specialists: null,
      weights: { amount: 1, likelihood: 1, urgency: 1, effort: 1 },
    });
  });

  it('reads the fields as the URL carries them', () => {
    const parsed = parseBacktestParams({ from: '2026-01-05', to: '2026-03-31', perDay: '4', specialists: '3', wAmount: '0.5', wUrgency: '3', extra: 'ignored' });
    expect(parsed.success && backtestInput(parsed.data, TODAY)).toEqual({
      from: '2026-01-05',
      to: '2026-03-31',
      perDay: 4,
      specialists: 3,
      weights: { amount: 0.5, likelihood: 1, urgency: 3, effort: 1 },
    });
  });

  it('says what is wrong with each field', () => {
    expect(messages({ perDay: 'ten' })).toEqual(['Denials per specialist per day: enter a whole number']);
    expect(messages({ perDay: '2.5' })).toEqual(['Denials per specialist per day: enter a whole number']);
    expect(messages({ specialists: '0' })).toEqual(['Specialists: at least 1']);
    expect(messages({ wEffort: '4' })).toEqual(['Effort weight: at most 3']);
    expect(messages({ wAmount: '-1' })).toEqual(['Amount weight: at least 0']);
    expect(messages({ from: '2026-02-30' })).toEqual(['From: enter a date as YYYY-MM-DD']);
    expect(messages({ from: '2026-03-01', to: '2026-02-01' })).toEqual(['The period must start on or before its end.']);
    expect(messages({ from: '2023-01-01', to: '2026-01-01' })).toEqual(['The period can be at most 731 days long.']);
  });

  it('refuses a period that ends after today, once its defaults are filled in', () => {
    expect(periodProblem({ from: '2026-12-01', to: '2026-12-07' }, TODAY)).toMatch(/cannot end after today/);
    expect(periodProblem({ from: '2026-12-07', to: TODAY }, TODAY)).toMatch(/start on or before/);
    expect(periodProblem({ from: '2025-12-07', to: TODAY }, TODAY)).toBeNull();
  });

  it('gives the form back the question asked, or the text as typed when it was refused', () => {
    const input = { from: '2026-01-05', to: '2026-03-31', perDay: 4, specialists: null, weights: { amount: 0.5, likelihood: 1, urgency: 3, effort: 1 } };
    expect(backtestFormValues(input)).toEqual({ from: '2026-01-05', to: '2026-03-31', perDay: '4', specialists: '', wAmount: '0.5', wLikelihood: '1', wUrgency: '3', wEffort: '1' });
    expect(backtestFormValues(input, { perDay: 'ten', wEffort: ['4', '5'] })).toMatchObject({ perDay: 'ten', wEffort: '4', from: '2026-01-05' });
  });
});
