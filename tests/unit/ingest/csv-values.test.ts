import { describe, expect, it } from 'vitest';
import { parseCsvDate, parseGroupAndReason, parseMoneyCents, splitCodes } from '@/lib/domain/csv-values';

describe('money in CSV exports', () => {
  it.each([
    ['$1,234.50', 123450],
    ['1234.5', 123450],
    ['1234', 123400],
    ['.5', 50],
    ['0.07', 7],
    ['$0.00', 0],
    ['-12', -1200],
    ['-$12.34', -1234],
    ['$-12.34', -1234],
    ['(45.00)', -4500],
    ['($1,000.01)', -100001],
    ['  $ 12.00 '.replace('$ ', '$'), 1200],
    ['999,999,999,999.99', 99999999999999],
    ['0.1', 10],
  ])('reads %j as %i cents exactly', (text, cents) => {
    expect(parseMoneyCents(text)).toBe(cents);
  });

  it.each(['', '$', 'abc', '12.3.4', '1,23.00', '12.345', '1e3', '--5', '(-5)', '12,34', '1,2345', '$$5', '5$', '12 34', '99999999999999'])(
    'refuses %j: not an exact amount',
    (text) => {
      expect(parseMoneyCents(text)).toBeNull();
    },
  );

  it('never goes through floating point: 0.29 is 29 cents, not 28.999…', () => {
    expect(parseMoneyCents('0.29')).toBe(29);
    expect(parseMoneyCents('1,000,000.07')).toBe(100000007);
  });
});

describe('dates in CSV exports', () => {
  it.each([
    ['2026-09-02', '2026-09-02'],
    ['09/02/2026', '2026-09-02'],
    ['9/2/2026', '2026-09-02'],
    ['02/29/2024', '2024-02-29'],
    [' 2026-01-31 ', '2026-01-31'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseCsvDate(text)).toBe(iso);
  });

  it.each(['2026-02-30', '02/29/2025', '13/01/2026', '2026/09/02', '09-02-2026', '9/2/26', '', 'yesterday'])('refuses %j', (text) => {
    expect(parseCsvDate(text)).toBeNull();
  });
});

describe('codes in CSV exports', () => {
  it.each([
    ['CO-50', { group: 'CO', reason: '50' }],
    ['co50', { group: 'CO', reason: '50' }],
    ['PR 1', { group: 'PR', reason: '1' }],
    ['197', { group: null, reason: '197' }],
    ['B15', { group: null, reason: 'B15' }],
    ['OA-A1', { group: 'OA', reason: 'A1' }],
  ])('reads %j as group and reason', (text, parsed) => {
    expect(parseGroupAndReason(text)).toEqual(parsed);
  });

  it.each(['', 'XX-50', 'CO-', '5000', 'denied'])('refuses %j as a CARC', (text) => {
    expect(parseGroupAndReason(text)).toBeNull();
  });

  it('splits remark codes on commas, semicolons, pipes and spaces', () => {
    expect(splitCodes('n115, M127;MA130|N19  N211')).toEqual(['N115', 'M127', 'MA130', 'N19', 'N211']);
    expect(splitCodes('  ')).toEqual([]);
  });
});
