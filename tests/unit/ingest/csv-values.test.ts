import { describe, expect, it } from 'vitest';
import { parseCsvDate, parseGroupAndReason, splitCodes } from '@/lib/domain/csv-values';

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
