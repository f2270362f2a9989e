import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLISTS, checklistFor } from '@/lib/domain/prevention/default-checklists';
import {
  FRONT_DESK_CATEGORIES, distinctExamples, spreadAcrossCauses, isFrontDeskCategory, maskMemberId, monthTotals, monthWindow, topCauses, trendLines,
} from '@/lib/domain/prevention/front-desk';

describe('monthWindow', () => {
  it('ends with the current month, marked partial through today', () => {
    const w = monthWindow('2026-12-06', 6);
    expect(w.months).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(w).toMatchObject({ current: '2026-12', currentIsPartial: true, partialThrough: '2026-12-06', since: '2026-07-01' });
  });

  it('is not partial on the last day of the month (leap February included)', () => {
    expect(monthWindow('2028-02-29', 3).currentIsPartial).toBe(false);
    expect(monthWindow('2028-02-28', 3).currentIsPartial).toBe(true);
    expect(monthWindow('2026-12-31', 2).currentIsPartial).toBe(false);
  });

  it('crosses the year boundary', () => {
    expect(monthWindow('2027-02-01', 4).months).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('trendLines', () => {
  const months = ['2026-10', '2026-11', '2026-12'];
  it('puts each count in its month, zero elsewhere, largest total first, and ignores months outside the window', () => {
    const lines = trendLines(
      [
        { key: 'Aetna', month: '2026-11', count: 2 },
        { key: 'Medicare', month: '2026-10', count: 1 },
        { key: 'Medicare', month: '2026-12', count: 4 },
        { key: 'Aetna', month: '2026-06', count: 50 },
      ],
      months,
    );
    expect(lines).toEqual([
      { key: 'Medicare', byMonth: [1, 0, 4], total: 5, thisMonth: 4 },
      { key: 'Aetna', byMonth: [0, 2, 0], total: 2, thisMonth: 0 },
    ]);
    expect(monthTotals(lines, months)).toEqual([1, 2, 4]);
  });

  it('orders equal totals by key, so the table does not shuffle between loads', () => {
    const lines = trendLines([{ key: 'b', month: '2026-12', count: 1 }, { key: 'a', month: '2026-12', count: 1 }], months);
    expect(lines.map((l) => l.key)).toEqual(['a', 'b']);
  });
});

describe('topCauses', () => {
  it('keeps front-desk causes only, most frequent first, up to the limit', () => {
    const top = topCauses(
      [
        { category: 'eligibility_coverage', carc: '27', count: 5 },
        { category: 'medical_necessity', carc: '50', count: 9 },
        { category: 'authorization_referral', carc: '197', count: 7 },
        { category: 'coordination_of_benefits', carc: '22', count: 1 },
      ],
      2,
    );
    expect(top.map((t) => t.carc)).toEqual(['197', '27']);
  });
});

describe('distinctExamples', () => {
  const row = (claimKey: string, category: string, carcCodes = ['27']) => ({ claimKey, category, carcCodes });
  it('shows a claim denied again for the same cause once, the newest', () => {
    const rows = [{ ...row('A', 'eligibility_coverage'), n: 1 }, { ...row('A', 'eligibility_coverage'), n: 2 }, { ...row('B', 'eligibility_coverage'), n: 3 }];
    expect(distinctExamples(rows, 10).map((r) => r.n)).toEqual([1, 3]);
  });

  it('keeps the same claim under another cause, and stops at the limit', () => {
    const rows = [row('A', 'eligibility_coverage'), row('A', 'authorization_referral', ['197']), row('C', 'eligibility_coverage'), row('D', 'eligibility_coverage')];
    expect(distinctExamples(rows, 3).map((r) => `${r.claimKey}:${r.category}`)).toEqual(['A:eligibility_coverage', 'A:authorization_referral', 'C:eligibility_coverage']);
  });
});

describe('spreadAcrossCauses', () => {
  it('takes one of each cause in turn, the cause with the newest example first', () => {
    const rows = ['elig1', 'elig2', 'elig3', 'auth1', 'elig4', 'cob1', 'auth2'].map((id) => ({ id, category: id.replace(/\d$/, '') }));
    expect(spreadAcrossCauses(rows, 5).map((r) => r.id)).toEqual(['elig1', 'auth1', 'cob1', 'elig2', 'auth2']);
    expect(spreadAcrossCauses(rows, 20)).toHaveLength(7);
  });
});

describe('maskMemberId', () => {
  it.each([
    ['M123456789', '••••6789'],
    ['  W99887766 ', '••••7766'],
    ['1234', '••••'],
    ['', null],
    [null, null],
  ])('masks %j as %j', (id, masked) => {
    expect(maskMemberId(id)).toBe(masked);
  });
});

describe('the front-desk categories and their checklists', () => {
  it('are the five causes the front desk can prevent, each with a default checklist', () => {
    expect([...FRONT_DESK_CATEGORIES].sort()).toEqual(
      ['authorization_referral', 'coordination_of_benefits', 'eligibility_coverage', 'non_covered_benefit_limits', 'registration_demographics'],
    );
    for (const c of FRONT_DESK_CATEGORIES) expect(DEFAULT_CHECKLISTS[c].length).toBeGreaterThan(2);
    expect(isFrontDeskCategory('medical_necessity')).toBe(false);
  });

  it('uses a manager’s own list over the default', () => {
    expect(checklistFor('eligibility_coverage', new Map([['eligibility_coverage', ['Call the payer']]]))).toEqual({ items: ['Call the payer'], custom: true });
    expect(checklistFor('eligibility_coverage', new Map()).custom).toBe(false);
  });
});
