import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  diffDays,
  fromDayNumber,
  isWeekend,
  parseIsoDate,
  rollToWeekday,
  toDayNumber,
  weekday,
} from '@/lib/domain/dates';

// Test-only oracle: the platform's UTC calendar, for years where Date has no quirks.
const viaDate = (date: string) => new Date(`${date}T00:00:00Z`);
const isoDay = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('parseIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-1-01', false],
    ['2025-01-01T00:00:00Z', false],
    ['0000-01-01', false],
    ['', false],
  ])('accepts %s: %s', (text, valid) => {
    expect(parseIsoDate(text) !== null).toBe(valid);
  });
});

describe('day arithmetic', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(fromDayNumber(toDayNumber('0001-01-01'))).toBe('0001-01-01');
  });

  it('agrees with the UTC calendar for any day', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        expect(toDayNumber(date)).toBe(viaDate(date).getTime() / 86_400_000);
        expect(addDays(date, days)).toBe(new Date(viaDate(date).getTime() + days * 86_400_000).toISOString().slice(0, 10));
        expect(weekday(date)).toBe(viaDate(date).getUTCDay());
      }),
    );
  });

  it('round-trips day numbers and measures differences', () => {
    fc.assert(
      fc.property(isoDay, isoDay, (a, b) => {
        expect(fromDayNumber(toDayNumber(a))).toBe(a);
        expect(addDays(b, diffDays(a, b))).toBe(a);
      }),
    );
  });

  it('crosses leap days and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(diffDays('2025-03-01', '2024-03-01')).toBe(365);
    expect(diffDays('2024-03-01', '2023-03-01')).toBe(366);
  });

  it('refuses a string that is not a date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-03-15', 12, '2025-03-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2025-05-31', -3, '2025-02-28'],
    ['2025-01-15', -1, '2024-12-15'],
  ])('%s + %i months = %s (clamped to the month end, never spilling over)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('weekdays', () => {
  it.each([
    ['2025-01-01', 3],
    ['2024-02-29', 4],
    ['2000-01-01', 6],
    ['2025-05-18', 0],
  ])('%s is day %i of the week', (date, day) => {
    expect(weekday(date)).toBe(day);
  });

  it('rolls Saturday and Sunday to Monday and leaves weekdays alone', () => {
    expect(rollToWeekday('2025-05-17')).toBe('2025-05-19');
    expect(rollToWeekday('2025-05-18')).toBe('2025-05-19');
    expect(rollToWeekday('2025-05-16')).toBe('2025-05-16');
    expect(isWeekend('2025-05-17')).toBe(true);
    expect(isWeekend('2025-05-19')).toBe(false);
  });
});
