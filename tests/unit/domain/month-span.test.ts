import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '@/lib/domain/dates';
import { monthSpan } from '@/lib/domain/month-span';

/** Every day the span covers, months expanded, in order: must be exactly from..to, each once. */
function covered(from: IsoDate, to: IsoDate): IsoDate[] {
  const span = monthSpan(from, to);
  const out: IsoDate[] = [];
  for (const r of span.days) for (let d = r.from; d <= r.to; d = addDays(d, 1)) out.push(d);
  if (span.months) for (let d = span.months.first; d.slice(0, 7) <= span.months.last.slice(0, 7); d = addDays(d, 1)) out.push(d);
  return out.sort();
}

describe('monthSpan', () => {
  it('splits a 90-day period into its whole months and the loose days at each end', () => {
    expect(monthSpan('2026-03-04', '2026-06-01')).toEqual({
      months: { first: '2026-04-01', last: '2026-05-01' },
      days: [
        { from: '2026-03-04', to: '2026-03-31' },
        { from: '2026-06-01', to: '2026-06-01' },
      ],
    });
  });

  it('takes whole months at both ends, across a year and through February of a leap year', () => {
    expect(monthSpan('2023-12-01', '2024-02-29')).toEqual({ months: { first: '2023-12-01', last: '2024-02-01' }, days: [] });
    expect(monthSpan('2024-02-01', '2024-02-28')).toEqual({ months: null, days: [{ from: '2024-02-01', to: '2024-02-28' }] });
  });

  it('keeps days within one month as days, and an empty range empty', () => {
    expect(monthSpan('2026-05-10', '2026-05-20')).toEqual({ months: null, days: [{ from: '2026-05-10', to: '2026-05-20' }] });
    expect(monthSpan('2026-05-31', '2026-06-01')).toEqual({ months: null, days: [{ from: '2026-05-31', to: '2026-06-01' }] });
    expect(monthSpan('2026-05-02', '2026-05-01')).toEqual({ months: null, days: [] });
  });

  it('covers every day of the range exactly once, for many ranges', () => {
    const start: IsoDate = '2023-11-15';
    for (let a = 0; a < 120; a += 7) {
      for (let len = 0; len < 200; len += 13) {
        const from = addDays(start, a);
        const to = addDays(from, len);
        const expected: IsoDate[] = [];
        for (let d = from; d <= to; d = addDays(d, 1)) expected.push(d);
        expect(covered(from, to)).toEqual(expected);
      }
    }
  });
});
