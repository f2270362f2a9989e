import { describe, expect, it } from 'vitest';
import {
  type ResubmissionRequest,
  checkResubmission,
  correctedClaimChecklist,
  needsPayerClaimNumber,
  recommendedFrequency,
  resubmissionPath,
} from '@/lib/domain/appeals/corrected-claim';
import { DENIAL_CATEGORIES } from '@/lib/domain/codes';

const ids = (facts: { category: string; carcCodes?: string[]; rarcCodes?: string[] }) =>
  correctedClaimChecklist({ carcCodes: [], rarcCodes: [], ...facts }).map((i) => i.id);

describe('the corrected-claim checklist', () => {
  it.each([
    ['coding_modifiers', 'coding.modifier'],
    ['units_days', 'units.dates'],
    ['registration_demographics', 'reg.member-id'],
    ['eligibility_coverage', 'elig.270'],
    ['coordination_of_benefits', 'cob.primary-eob'],
    ['bundling', 'bundle.ncci-pair'],
    ['duplicate', 'dup.original-paid'],
    ['correct_resubmit', 'data.rarc'],
  ])('for %s starts with the category’s own items (%s) and ends with what every resubmission needs', (category, item) => {
    const list = ids({ category });
    expect(list).toContain(item);
    expect(list.indexOf(item)).toBeLessThan(list.indexOf('all.frequency-ref'));
    expect(list.slice(-3)).toEqual(['all.every-line', 'all.frequency-ref', 'all.timely']);
  });

  it('adds the remark codes’ causes: M53 for units and days, CO-16 with MA130 for missing data', () => {
    expect(ids({ category: 'units_days', rarcCodes: ['M53'] })).toContain('rarc.m53');
    const missing = ids({ category: 'correct_resubmit', carcCodes: ['16'], rarcCodes: ['MA130', 'M76'] });
    expect(missing).toEqual(expect.arrayContaining(['rarc.ma130', 'rarc.m76', 'carc.16']));
  });

  it('names the fields to fix in 837 terms', () => {
    const text = correctedClaimChecklist({ category: 'coding_modifiers', carcCodes: [], rarcCodes: [] }).map((i) => i.text).join('\n');
    expect(text).toContain('CLM05-3');
    expect(text).toContain('REF*F8');
    expect(text).toContain('SV101-3');
  });

  it('gives every category at least the common items, each item once with a unique id', () => {
    for (const category of [...DENIAL_CATEGORIES, 'not-a-category']) {
      const list = ids({ category, carcCodes: ['16'], rarcCodes: ['M53', 'MA130', 'M53'] });
      expect(new Set(list).size).toBe(list.length);
      expect(list).toContain('all.frequency-ref');
    }
  });
});

describe('which claim carries the fix', () => {
  it.each([
    [{ adjudicated: true, shouldNotHaveBeenBilled: false }, '7'],
    [{ adjudicated: false, shouldNotHaveBeenBilled: false }, '1'],
    [{ adjudicated: true, shouldNotHaveBeenBilled: true }, '8'],
    [{ adjudicated: false, shouldNotHaveBeenBilled: true }, null],
  ] as const)('%j → frequency %s', (facts, code) => {
    expect(resubmissionPath(facts).code).toBe(code);
  });

  it('recommends a replacement for an adjudicated denial and a new claim for one returned unprocessable (MA130)', () => {
    expect(recommendedFrequency({ rarcCodes: ['M53'] }).code).toBe('7');
    expect(recommendedFrequency({ rarcCodes: ['N382', 'MA130'] })).toMatchObject({ code: '1', reason: expect.stringContaining('MA130') });
  });

  it('needs the payer’s claim number for a replacement or a void only', () => {
    expect([needsPayerClaimNumber('7'), needsPayerClaimNumber('8'), needsPayerClaimNumber('1')]).toEqual([true, true, false]);
  });
});

describe('checking a resubmission', () => {
  const request: ResubmissionRequest = { sentOn: '2026-03-02', frequencyCode: '7', payerClaimNumber: ' ICN-1 ', newClaimNumber: '', checklist: ['b', 'a'] };
  const context = { today: '2026-03-10', noticeDate: '2026-02-01', offered: ['a', 'b', 'c'], followUpDays: null };

  it('keeps the ticked items in checklist order, trims the numbers and sets the follow-up 30 days after sending', () => {
    expect(checkResubmission(request, context)).toEqual({
      ok: true,
      value: { ...request, payerClaimNumber: 'ICN-1', newClaimNumber: null, checklist: ['a', 'b'], followUpOn: '2026-04-01' },
    });
  });

  it('uses the payer’s own number of days when it has one', () => {
    expect(checkResubmission(request, { ...context, followUpDays: 14 })).toMatchObject({ ok: true, value: { followUpOn: '2026-03-16' } });
  });

  it.each([
    [{ sentOn: '2026-03-11' }, 'sentOn', 'The date sent cannot be in the future.'],
    [{ sentOn: '2026-01-31' }, 'sentOn', 'The date sent cannot be before the denial’s notice of 2026-02-01.'],
    [{ payerClaimNumber: '  ' }, 'payerClaimNumber', 'A replacement needs the payer’s claim number of the original claim (REF*F8).'],
    [{ frequencyCode: '8' as const, payerClaimNumber: null }, 'payerClaimNumber', 'A void needs the payer’s claim number of the original claim (REF*F8).'],
    [{ newClaimNumber: 'N'.repeat(51) }, 'newClaimNumber', 'A claim number is at most 50 characters.'],
    [{ checklist: ['a', 'zzz'] }, 'checklist', 'A ticked item is not on this denial’s checklist: reload the page and tick again.'],
  ])('refuses %j at its field', (change, field, reason) => {
    expect(checkResubmission({ ...request, ...change }, context)).toEqual({ ok: false, field, reason });
  });

  it('accepts a new claim without the payer’s claim number', () => {
    expect(checkResubmission({ ...request, frequencyCode: '1', payerClaimNumber: null }, context)).toMatchObject({ ok: true });
  });
});
