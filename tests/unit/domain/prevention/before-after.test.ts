import { describe, expect, it } from 'vitest';
import { beforeAfter, shift } from '@/lib/domain/prevention/before-after';

describe('beforeAfter', () => {
  const counts = [
    { month: '2026-06', count: 8 },
    { month: '2026-07', count: 10 },
    { month: '2026-08', count: 12 },
    { month: '2026-09', count: 7 }, // the action's month: neither side
    { month: '2026-10', count: 4 },
    { month: '2026-11', count: 2 },
    { month: '2026-12', count: 1 }, // partial
  ];

  it('compares full months before the action month with full months after it', () => {
    const t = beforeAfter(counts, '2026-09-15', '2026-12-06', 3);
    expect(t.actionMonth).toBe('2026-09');
    expect(t.before).toEqual([{ month: '2026-06', count: 8 }, { month: '2026-07', count: 10 }, { month: '2026-08', count: 12 }]);
    expect(t.after).toEqual([
      { month: '2026-10', count: 4, partial: false },
      { month: '2026-11', count: 2, partial: false },
      { month: '2026-12', count: 1, partial: true },
    ]);
    expect(t.beforeAverage).toBe(10);
    // The partial December is shown but not averaged: (4 + 2) / 2.
    expect(t.afterAverage).toBe(3);
    expect(t.change).toBeCloseTo(-0.7);
  });

  it('counts months without denials as zero', () => {
    const t = beforeAfter([{ month: '2026-08', count: 3 }], '2026-09-01', '2026-11-30', 2);
    expect(t.before).toEqual([{ month: '2026-07', count: 0 }, { month: '2026-08', count: 3 }]);
    expect(t.after).toEqual([{ month: '2026-10', count: 0, partial: false }, { month: '2026-11', count: 0, partial: true }]);
  });

  it('has no after average and no change while only the partial month has passed', () => {
    const t = beforeAfter(counts, '2026-11-20', '2026-12-06', 2);
    expect(t.afterAverage).toBeNull();
    expect(t.change).toBeNull();
  });

  it('leaves out the months before the data starts, and the part-month it starts in', () => {
    const t = beforeAfter(counts, '2026-09-15', '2026-12-06', 6, '2026-06-10');
    expect(t.before.map((m) => m.month)).toEqual(['2026-07', '2026-08']);
    expect(t.beforeAverage).toBe(11);
    expect(beforeAfter(counts, '2026-09-15', '2026-12-06', 6, '2026-06-01').before[0]!.month).toBe('2026-06');
  });

  it('has no change when nothing happened before (no division by zero)', () => {
    expect(beforeAfter([{ month: '2026-11', count: 2 }], '2026-10-01', '2026-12-06', 2).change).toBeNull();
  });
});

describe('shift', () => {
  it.each([
    ['2026-12', 1, '2027-01'],
    ['2027-01', -1, '2026-12'],
    ['2026-03', -14, '2025-01'],
  ])('%s moved by %i is %s', (month, by, expected) => {
    expect(shift(month, by)).toBe(expected);
  });
});
