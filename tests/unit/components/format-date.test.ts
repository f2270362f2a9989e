import { describe, expect, it } from 'vitest';
import { formatDate } from '@/components/denials/format';

describe('formatDate', () => {
  it.each([
    ['2011-10-30', '2026-12-05', 'Oct 30, 2011'],
    ['2027-01-04', '2026-12-05', 'Jan 4, 2027'],
    ['2026-03-09', '2026-12-05', 'Mar 9'],
    ['2026-03-09', undefined, 'Mar 9, 2026'],
    [null, '2026-12-05', '—'],
  ])('%s seen on %s reads %j', (iso, today, text) => {
    expect(formatDate(iso, today)).toBe(text);
  });
});
