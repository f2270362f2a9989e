import { describe, expect, it } from 'vitest';
import { categorizeAdjustment } from '@/lib/domain/categorize';
import { buildCodeMapping } from '@/lib/domain/code-mapping';
import { seedMapping } from './code-files';

const adjust = (group: string, reason: string, remarks: string[] = [], amountCents = 10_000) =>
  categorizeAdjustment({ group, reason, amountCents }, remarks, seedMapping);

describe('expected adjustments are recorded, never queued (design.md)', () => {
  it.each([
    ['CO', '45'],
    ['CO', '253'],
    ['OA', '23'],
    ['CO', '24'],
    ['CO', '59'],
    ['OA', '94'],
    ['CO', '131'],
    ['CO', '144'],
    ['CO', '237'],
  ])('%s-%s is an expected adjustment in pricing and contract', (group, reason) => {
    expect(adjust(group, reason)).toMatchObject({ kind: 'expected_adjustment', category: 'pricing_contract', department: 'none' });
  });
});

describe('patient responsibility is recorded, never queued (design.md)', () => {
  it.each(['1', '2', '3'])('PR-%s is patient responsibility and no front-desk lesson', (reason) => {
    expect(adjust('PR', reason)).toMatchObject({ kind: 'patient_responsibility', frontDeskFeedback: false });
  });

  it.each(['26', '27', '31', '204'])('PR-%s is patient responsibility that still counts as front-desk feedback', (reason) => {
    expect(adjust('PR', reason)).toMatchObject({ kind: 'patient_responsibility', frontDeskFeedback: true, department: 'front_desk' });
  });

  it.each(['45', '50', '97', '16'])('any PR group is the patient’s, whatever the CARC (PR-%s)', (reason) => {
    expect(adjust('PR', reason).kind).toBe('patient_responsibility');
  });
});

// One row per line of design.md's table "The codes a product must get right from day one".
const DENIAL_TABLE: [string[], string, string][] = [
  [['26', '27', '31', '32', '177', '200', '140'], 'eligibility_coverage', 'front_desk'],
  [['109', '22', '19', '20', '21'], 'coordination_of_benefits', 'front_desk'],
  [['15', '39', '197', '198', '243', '288'], 'authorization_referral', 'front_desk'],
  [['4', '5', '6', '7', '8', '9', '10', '11', '12', '146', '181', '182'], 'coding_modifiers', 'coding'],
  [['97', '234', 'B15'], 'bundling', 'coding'],
  [['151', '152'], 'units_days', 'coding'],
  [['50', '55', '56', '150', '167'], 'medical_necessity', 'clinical'],
  [['252', '226'], 'documentation_requested', 'billing'],
  [['29'], 'timely_filing', 'billing'],
  [['18'], 'duplicate', 'billing'],
  [['96', '49', '119', '35', '149', '204'], 'non_covered_benefit_limits', 'front_desk'],
];

describe('denials by CARC (design.md table)', () => {
  const cases = DENIAL_TABLE.flatMap(([reasons, category, department]) => reasons.map((r) => [r, category, department] as const));
  it.each(cases)('CARC %s in any non-PR group is a denial: %s, %s', (reason, category, department) => {
    for (const group of ['CO', 'OA', 'PI']) {
      expect(adjust(group, reason)).toMatchObject({ kind: 'denial', category, department, appealable: true });
    }
  });
});

describe('CARC 16 and A1 take their meaning from the remark codes', () => {
  it.each([
    ['16', ['M53'], 'units_days', 'coding', true],
    ['16', ['M127'], 'documentation_requested', 'clinical', true],
    ['16', ['MA130'], 'correct_resubmit', 'billing', false],
    ['16', ['N211'], 'other', 'billing', false],
    ['16', [], 'other', 'billing', true],
    ['16', ['M16'], 'other', 'billing', true],
    ['A1', ['N130'], 'non_covered_benefit_limits', 'front_desk', true],
    ['A1', ['N386'], 'medical_necessity', 'clinical', true],
    ['A1', [], 'other', 'billing', true],
  ])('CO-%s with %j is %s, %s, appealable %s', (reason, remarks, category, department, appealable) => {
    expect(adjust('CO', reason, remarks)).toMatchObject({ kind: 'denial', category, department, appealable });
  });

  it('lets a specific remark name the cause beside MA130, which still takes the appeal away', () => {
    expect(adjust('CO', '16', ['MA130', 'M51'])).toMatchObject({
      category: 'coding_modifiers',
      department: 'coding',
      appealable: false,
      appliedRemarks: ['M51', 'MA130'],
    });
  });

  it('takes the first remark that names a cause', () => {
    expect(adjust('CO', '16', ['M127', 'M53']).category).toBe('documentation_requested');
  });

  it('reads remark codes as the 835 may send them (spaces, lower case, repeats)', () => {
    expect(adjust('co', ' 16 ', [' m53', 'M53']).category).toBe('units_days');
  });
});

describe('a specific CARC keeps its own meaning', () => {
  it('CO-50 with N115 (an LCD) is medical necessity', () => {
    expect(adjust('CO', '50', ['N115'])).toMatchObject({ category: 'medical_necessity', department: 'clinical' });
  });

  it('CO-96 with N386 stays non-covered: the remark does not re-file a specific CARC', () => {
    expect(adjust('CO', '96', ['N386']).category).toBe('non_covered_benefit_limits');
  });

  it('but a no-appeal remark applies to any CARC', () => {
    expect(adjust('CO', '97', ['N211'])).toMatchObject({ category: 'bundling', appealable: false });
  });
});

describe('codes outside the mapping', () => {
  it('treats an unknown CARC as a denial in "other" and reports it', () => {
    expect(adjust('CO', 'Z99')).toMatchObject({ kind: 'denial', category: 'other', unmappedCodes: ['Z99'] });
  });

  it('reports an unknown group code but still reads the CARC', () => {
    expect(adjust('XX', '50')).toMatchObject({ kind: 'denial', category: 'medical_necessity', unmappedCodes: ['XX'] });
  });

  it('reports a remark code that is not in the official list', () => {
    expect(adjust('CO', '16', ['ZZ1']).unmappedCodes).toEqual(['ZZ1']);
  });

  it('does not report remarks when the mapping has no list to check against', () => {
    const mapping = buildCodeMapping([...seedMapping.carc.values()], [...seedMapping.rarc.values()]);
    expect(categorizeAdjustment({ group: 'CO', reason: '16', amountCents: 1 }, ['ZZ1'], mapping).unmappedCodes).toEqual([]);
  });
});

describe('group CR (4010 corrections and reversals)', () => {
  it('is a reversal of an earlier decision, not a new denial', () => {
    expect(adjust('CR', '50', [], -10_000)).toMatchObject({ kind: 'informational', reversal: true, department: 'none' });
  });
});

describe('an admin edit to the mapping changes the result', () => {
  it('uses the mapping it is given, not a built-in table', () => {
    const edited = buildCodeMapping(
      [...seedMapping.carc.values()].map((m) => (m.code === '45' ? { ...m, kind: 'denial' as const, category: 'pricing_contract' as const, department: 'payer_error' as const } : m)),
      [...seedMapping.rarc.values()],
    );
    const result = categorizeAdjustment({ group: 'CO', reason: '45', amountCents: 5 }, [], edited);
    expect(result).toMatchObject({ kind: 'denial', department: 'payer_error' });
  });
});
