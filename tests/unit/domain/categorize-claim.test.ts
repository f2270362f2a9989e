import { describe, expect, it } from 'vitest';
import { type ClaimInput, categorizeClaim } from '@/lib/domain/categorize-claim';
import { seedMapping } from './code-files';

const claim = (overrides: Partial<ClaimInput>): ClaimInput => ({
  statusCode: '1',
  billedCents: 100_00,
  paidCents: 0,
  adjustments: [],
  remarkCodes: [],
  lines: [],
  ...overrides,
});
const cas = (group: string, reason: string, amountCents: number) => ({ group, reason, amountCents });

describe('what is not a denial', () => {
  it('is not a denial when a paid claim has only CO-45, CO-253 and PR-2', () => {
    const result = categorizeClaim(
      claim({ billedCents: 200_00, paidCents: 120_00, adjustments: [cas('CO', '45', 50_00), cas('CO', '253', 10_00), cas('PR', '2', 20_00)] }),
      seedMapping,
    );
    expect(result).toMatchObject({ isDenial: false, isWork: false, deniedAmountCents: 0, frontDeskFeedback: false });
  });

  it('is not a denial when a claim reverses an earlier payment (CLP02 = 22)', () => {
    const result = categorizeClaim(claim({ statusCode: '22', paidCents: -100_00, adjustments: [cas('CO', '50', -100_00)] }), seedMapping);
    expect(result).toMatchObject({ isDenial: false, isReversal: true, deniedAmountCents: 0 });
  });

  it('is not a new denial when a 4010 file reverses with group CR', () => {
    const result = categorizeClaim(claim({ adjustments: [cas('CR', '50', -100_00)] }), seedMapping);
    expect(result).toMatchObject({ isDenial: false, isReversal: true });
  });

  it('still sees a new denial beside 4010 CR reversal lines', () => {
    const result = categorizeClaim(
      claim({ adjustments: [cas('CR', '45', -30_00)], lines: [{ adjustments: [cas('CO', '97', 40_00)], remarkCodes: [] }] }),
      seedMapping,
    );
    expect(result).toMatchObject({ isDenial: true, isReversal: true, deniedAmountCents: 40_00, category: 'bundling' });
  });
});

describe('what is a denial, and for how much', () => {
  it('sums the denial adjustments at claim and line level and leaves out the rest', () => {
    const result = categorizeClaim(
      claim({
        billedCents: 500_00,
        paidCents: 150_00,
        adjustments: [cas('CO', '45', 50_00)],
        lines: [
          { adjustments: [cas('CO', '97', 100_00)], remarkCodes: [] },
          { adjustments: [cas('CO', '50', 180_00), cas('PR', '2', 20_00)], remarkCodes: ['N115'] },
        ],
      }),
      seedMapping,
    );
    expect(result).toMatchObject({
      isDenial: true,
      isWork: true,
      deniedAmountCents: 280_00,
      category: 'medical_necessity',
      department: 'clinical',
      avoidable: true,
      appealable: true,
      action: 'appeal',
      codes: ['CO-45', 'CO-97', 'CO-50', 'PR-2', 'N115'],
      unmappedCodes: [],
    });
    expect(result.adjustments.map((a) => a.lineIndex)).toEqual([null, 0, 1, 1]);
  });

  it('takes the category of the largest denial adjustment, the first on a tie', () => {
    const tie = categorizeClaim(claim({ adjustments: [cas('CO', '29', 50_00), cas('CO', '18', 50_00)] }), seedMapping);
    expect(tie.category).toBe('timely_filing');
    const larger = categorizeClaim(claim({ adjustments: [cas('CO', '29', 50_00), cas('OA', '18', 60_00)] }), seedMapping);
    expect(larger).toMatchObject({ category: 'duplicate', department: 'billing' });
  });

  it('is a denial when CLP02 = 4 even without a denial CAS: billed − paid − patient share − expected', () => {
    const result = categorizeClaim(
      claim({ statusCode: '4', billedCents: 300_00, paidCents: 0, adjustments: [cas('PR', '1', 40_00), cas('CO', '45', 10_00)] }),
      seedMapping,
    );
    expect(result).toMatchObject({ isDenial: true, isWork: true, deniedAmountCents: 250_00, category: 'other' });
  });

  it('prefers CLP05 for the patient share when the claim gives it', () => {
    const result = categorizeClaim(claim({ statusCode: '4', billedCents: 300_00, patientResponsibilityCents: 100_00 }), seedMapping);
    expect(result.deniedAmountCents).toBe(200_00);
  });

  it('takes the cause of a CLP02 = 4 without denial CAS from the claim remark codes', () => {
    const result = categorizeClaim(claim({ statusCode: '4', remarkCodes: ['MA130', 'MA36'] }), seedMapping);
    expect(result).toMatchObject({ category: 'registration_demographics', department: 'front_desk', appealable: false, action: 'correct_resubmit' });
  });

  it('counts a CLP02 = 4 that is all patient share as a denial with nothing to work, and as front-desk feedback', () => {
    const result = categorizeClaim(claim({ statusCode: '4', adjustments: [cas('PR', '27', 100_00)] }), seedMapping);
    expect(result).toMatchObject({ isDenial: true, isWork: false, deniedAmountCents: 0, frontDeskFeedback: true });
  });

  it('counts a paid claim with PR-204 as front-desk feedback but not as a denial', () => {
    const result = categorizeClaim(claim({ paidCents: 60_00, adjustments: [cas('PR', '204', 40_00)] }), seedMapping);
    expect(result).toMatchObject({ isDenial: false, frontDeskFeedback: true });
  });
});

describe('appeal rights', () => {
  it('is not appealable when the claim carries MA130: correct and submit a new claim', () => {
    const result = categorizeClaim(claim({ adjustments: [cas('CO', '16', 100_00)], remarkCodes: ['MA130'] }), seedMapping);
    expect(result).toMatchObject({ category: 'correct_resubmit', department: 'billing', appealable: false, action: 'correct_resubmit' });
  });

  it('applies a claim-level remark to the line adjustments too', () => {
    const result = categorizeClaim(
      claim({ remarkCodes: ['M53'], lines: [{ adjustments: [cas('CO', '16', 100_00)], remarkCodes: [] }] }),
      seedMapping,
    );
    expect(result.category).toBe('units_days');
  });

  it('is not appealable when any denied line says N211', () => {
    const result = categorizeClaim(
      claim({
        lines: [
          { adjustments: [cas('CO', '50', 300_00)], remarkCodes: [] },
          { adjustments: [cas('CO', '97', 100_00)], remarkCodes: ['N211'] },
        ],
      }),
      seedMapping,
    );
    expect(result).toMatchObject({ category: 'medical_necessity', appealable: false });
  });
});

describe('unmapped codes land in "other", reported, never dropped', () => {
  it('reports each unknown code once and still counts its money', () => {
    const result = categorizeClaim(
      claim({ adjustments: [cas('CO', 'Q9', 70_00), cas('CO', 'Q9', 5_00)], lines: [{ adjustments: [], remarkCodes: ['XX9'] }] }),
      seedMapping,
    );
    expect(result).toMatchObject({ isDenial: true, deniedAmountCents: 75_00, category: 'other', unmappedCodes: ['Q9', 'XX9'] });
  });
});
