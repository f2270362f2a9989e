import { describe, expect, it } from 'vitest';
import { categorizeAdjustment } from '@/lib/domain/categorize';
import { categorizeClaim } from '@/lib/domain/categorize-claim';
import { withOverrides } from '@/lib/domain/code-mapping';
import { type CodeOverride, buildOverrideIndex, findOverride } from '@/lib/domain/code-overrides';
import { resolveCodeMapping } from '@/lib/domain/resolve-code-mapping';
import { seedMapping } from './code-files';

const override = (o: Partial<CodeOverride> & Pick<CodeOverride, 'group' | 'carc'>): CodeOverride => ({
  rarc: null,
  category: 'coding_modifiers',
  department: 'coding',
  avoidable: true,
  isDenial: true,
  ...o,
});

const adjust = (mapping: typeof seedMapping, group: string, reason: string, remarks: string[] = []) =>
  categorizeAdjustment({ group, reason, amountCents: 10_000 }, remarks, mapping);

describe('override resolution: most specific wins', () => {
  const index = buildOverrideIndex([
    override({ group: 'CO', carc: '50', category: 'documentation_requested' }),
    override({ group: 'CO', carc: '50', rarc: 'N115', category: 'non_covered_benefit_limits' }),
    override({ group: 'CO', carc: '50', rarc: 'M127', category: 'duplicate' }),
  ]);

  it('uses the group+CARC+RARC override when that remark applies', () => {
    expect(findOverride(index, 'CO', '50', ['N115'])?.category).toBe('non_covered_benefit_limits');
  });

  it('falls back to the group+CARC override when no remark has its own', () => {
    expect(findOverride(index, 'CO', '50', ['N130'])?.category).toBe('documentation_requested');
    expect(findOverride(index, 'CO', '50', [])?.category).toBe('documentation_requested');
  });

  it('takes the first remark in the order that applies (the line before the claim)', () => {
    expect(findOverride(index, 'CO', '50', ['M127', 'N115'])?.category).toBe('duplicate');
    expect(findOverride(index, 'CO', '50', ['N115', 'M127'])?.category).toBe('non_covered_benefit_limits');
  });

  it('does not apply another group\'s override', () => {
    expect(findOverride(index, 'PI', '50', ['N115'])).toBeUndefined();
  });
});

describe('categorizeAdjustment with overrides', () => {
  it('without overrides gives the shipped answer', () => {
    expect(adjust(seedMapping, 'CO', '50')).toMatchObject({ kind: 'denial', category: 'medical_necessity', department: 'clinical' });
  });

  it('a group+CARC override replaces category, department and avoidable', () => {
    const mapping = withOverrides(seedMapping, [override({ group: 'CO', carc: '50', category: 'documentation_requested', department: 'billing', avoidable: false })]);
    expect(adjust(mapping, 'CO', '50')).toMatchObject({ kind: 'denial', category: 'documentation_requested', department: 'billing', avoidable: false });
    expect(adjust(mapping, 'OA', '50')).toMatchObject({ category: 'medical_necessity' });
  });

  it('a RARC override beats the group+CARC one and is named among the applied remarks', () => {
    const mapping = withOverrides(seedMapping, [
      override({ group: 'CO', carc: '16', category: 'registration_demographics', department: 'front_desk' }),
      override({ group: 'CO', carc: '16', rarc: 'M53', category: 'coding_modifiers' }),
    ]);
    expect(adjust(mapping, 'CO', '16', ['M53'])).toMatchObject({ category: 'coding_modifiers', department: 'coding' });
    expect(adjust(mapping, 'CO', '16', ['M53']).appliedRemarks[0]).toBe('M53');
    expect(adjust(mapping, 'CO', '16', ['N130'])).toMatchObject({ category: 'registration_demographics', department: 'front_desk' });
  });

  it('"not a denial" makes a denial CARC an expected adjustment', () => {
    const mapping = withOverrides(seedMapping, [override({ group: 'CO', carc: '97', isDenial: false, category: 'pricing_contract', department: 'none', avoidable: false })]);
    expect(adjust(mapping, 'CO', '97')).toMatchObject({ kind: 'expected_adjustment', category: 'pricing_contract' });
  });

  it('"a denial" makes an expected adjustment queueable', () => {
    const mapping = withOverrides(seedMapping, [override({ group: 'CO', carc: '45', category: 'pricing_contract', department: 'payer_error', avoidable: false })]);
    expect(adjust(mapping, 'CO', '45')).toMatchObject({ kind: 'denial', department: 'payer_error' });
  });

  it('never touches PR or CR adjustments: those are rules, not data', () => {
    const mapping = withOverrides(seedMapping, [override({ group: 'PR', carc: '1' }), override({ group: 'CR', carc: '50' })]);
    expect(adjust(mapping, 'PR', '1')).toMatchObject({ kind: 'patient_responsibility' });
    expect(adjust(mapping, 'CR', '50')).toMatchObject({ kind: 'informational', reversal: true });
  });

  it('a claim whose only denial CAS is overridden to "not a denial" is no longer work', () => {
    const claim = { statusCode: '1', billedCents: 20_000, paidCents: 10_000, adjustments: [{ group: 'CO', reason: '97', amountCents: 10_000 }], remarkCodes: [], lines: [] };
    expect(categorizeClaim(claim, seedMapping).isWork).toBe(true);
    const mapping = withOverrides(seedMapping, [override({ group: 'CO', carc: '97', isDenial: false, category: 'pricing_contract', department: 'none', avoidable: false })]);
    expect(categorizeClaim(claim, mapping)).toMatchObject({ isDenial: false, isWork: false });
  });
});

describe('resolveCodeMapping', () => {
  it('names where the answer comes from', () => {
    const mapping = withOverrides(seedMapping, [override({ group: 'CO', carc: '50' }), override({ group: 'CO', carc: '50', rarc: 'N115', category: 'bundling' })]);
    expect(resolveCodeMapping(seedMapping, 'CO', '50', null)).toMatchObject({ source: 'shipped', category: 'medical_necessity', isDenial: true });
    expect(resolveCodeMapping(mapping, 'CO', '50', null)).toMatchObject({ source: 'override', category: 'coding_modifiers' });
    expect(resolveCodeMapping(mapping, 'CO', '50', 'N115')).toMatchObject({ source: 'override_rarc', category: 'bundling' });
    expect(resolveCodeMapping(seedMapping, 'CO', '45', null)).toMatchObject({ source: 'shipped', isDenial: false });
  });
});
