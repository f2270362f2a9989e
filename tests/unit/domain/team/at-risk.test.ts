import { describe, expect, it } from 'vitest';
import { UNTOUCHED_DAYS, followUpAfterDeadline, isAtRisk, isUntouched, untouchedCutoff, workedDays } from '@/lib/domain/team/at-risk';

const TODAY = '2025-06-02';

describe('at risk', () => {
  it('flags a follow-up set after the deadline, and nothing when either date is unknown', () => {
    expect(followUpAfterDeadline('2025-06-05', '2025-06-10')).toBe(true);
    expect(followUpAfterDeadline('2025-06-10', '2025-06-10')).toBe(false); // looked at on the deadline day: still in time
    expect(followUpAfterDeadline(null, '2025-06-10')).toBe(false);
    expect(followUpAfterDeadline('2025-06-05', null)).toBe(false);
  });

  it(`counts a denial untouched after ${UNTOUCHED_DAYS} days without a person’s event, not a new one`, () => {
    expect(untouchedCutoff(TODAY)).toBe('2025-05-19');
    expect(isUntouched({ openedOn: '2025-05-01', lastTouchedOn: null }, TODAY)).toBe(true);
    expect(isUntouched({ openedOn: '2025-05-01', lastTouchedOn: '2025-05-18' }, TODAY)).toBe(true);
    expect(isUntouched({ openedOn: '2025-05-01', lastTouchedOn: '2025-05-19' }, TODAY)).toBe(false);
    expect(isUntouched({ openedOn: '2025-05-19', lastTouchedOn: null }, TODAY)).toBe(false); // opened inside the window
  });

  it('is at risk by either rule', () => {
    const fresh = { openedOn: TODAY, lastTouchedOn: TODAY };
    expect(isAtRisk({ ...fresh, deadlineDate: '2025-06-03', followUpDate: '2025-06-04' }, TODAY)).toBe(true);
    expect(isAtRisk({ openedOn: '2025-01-01', lastTouchedOn: null, deadlineDate: null, followUpDate: null }, TODAY)).toBe(true);
    expect(isAtRisk({ ...fresh, deadlineDate: '2025-06-30', followUpDate: '2025-06-04' }, TODAY)).toBe(false);
  });

  it('works in days: today alone, or the seven days ending today', () => {
    expect(workedDays('today', TODAY)).toEqual({ from: TODAY, through: TODAY });
    expect(workedDays('7d', TODAY)).toEqual({ from: '2025-05-27', through: TODAY });
  });
});
