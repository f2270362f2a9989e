import { describe, expect, it } from 'vitest';
import { type WriteOffFacts, writeOffWarnings } from '@/lib/domain/write-off-checks';

const facts = (over: Partial<WriteOffFacts>): WriteOffFacts => ({
  reasonCode: 'other',
  amountCents: 1_000,
  today: '2026-12-06',
  timelyFilingDate: '2026-01-01',
  category: 'medical_necessity',
  carcCodes: ['50'],
  groupCodes: ['CO'],
  appealsPending: 0,
  ...over,
});
const kinds = (over: Partial<WriteOffFacts>) => writeOffWarnings(facts(over)).map((w) => w.kind);

describe('write-off contradictions', () => {
  it('finds none when the reason fits the data', () => {
    expect(kinds({ reasonCode: 'timely_filing_missed' })).toEqual([]);
    expect(kinds({ reasonCode: 'small_balance', amountCents: 2_500 })).toEqual([]);
    expect(kinds({ reasonCode: 'duplicate', carcCodes: ['18'] })).toEqual([]);
    expect(kinds({ reasonCode: 'authorization_not_obtainable', category: 'authorization_referral' })).toEqual([]);
    expect(kinds({ reasonCode: 'contractual', groupCodes: ['co'] })).toEqual([]);
    expect(kinds({ reasonCode: 'non_covered_not_billable', groupCodes: ['CO', 'OA'] })).toEqual([]);
    expect(kinds({ reasonCode: 'other' })).toEqual([]);
  });

  it('"timely filing missed" while the timely-filing date is today or ahead', () => {
    const [warning] = writeOffWarnings(facts({ reasonCode: 'timely_filing_missed', timelyFilingDate: '2026-12-16' }));
    expect(warning).toEqual({ kind: 'timely_filing_open', message: "Timely filing is not missed: the payer's limit is 2026-12-16 (10 days left)." });
    expect(writeOffWarnings(facts({ reasonCode: 'timely_filing_missed', timelyFilingDate: '2026-12-06' }))[0]?.message).toMatch(/\(today\)/);
    // Unknown (no service date): nothing to contradict.
    expect(kinds({ reasonCode: 'timely_filing_missed', timelyFilingDate: null })).toEqual([]);
  });

  it('"small balance" above the limit, which may be configured', () => {
    expect(writeOffWarnings(facts({ reasonCode: 'small_balance', amountCents: 2_501 }))[0]?.message).toBe('$25.01 is not a small balance (the limit is $25).');
    expect(kinds({ reasonCode: 'small_balance', amountCents: 4_000, smallBalanceLimitCents: 5_000 })).toEqual([]);
  });

  it('"duplicate" without CARC 18, "authorization" outside its category, "contractual" without CO', () => {
    expect(kinds({ reasonCode: 'duplicate', carcCodes: ['50', '197'] })).toEqual(['duplicate_without_carc_18']);
    expect(kinds({ reasonCode: 'authorization_not_obtainable', category: 'coding_modifiers' })).toEqual(['authorization_other_category']);
    expect(kinds({ reasonCode: 'contractual', groupCodes: ['PR'] })).toEqual(['contractual_without_co']);
    expect(kinds({ reasonCode: 'contractual', groupCodes: [] })).toEqual(['contractual_without_co']);
  });

  it('"non-covered, not billable to the patient" when the payer put it on the patient', () => {
    expect(kinds({ reasonCode: 'non_covered_not_billable', groupCodes: ['PR'] })).toEqual(['non_covered_patient_responsibility']);
  });

  it('warns of an appeal still with the payer whatever the reason, after the reason\'s own warning', () => {
    expect(kinds({ reasonCode: 'other', appealsPending: 1 })).toEqual(['appeal_pending']);
    expect(kinds({ reasonCode: 'duplicate', appealsPending: 2 })).toEqual(['duplicate_without_carc_18', 'appeal_pending']);
    expect(writeOffWarnings(facts({ appealsPending: 2 }))[0]?.message).toBe('2 appeals are still with the payer, undecided.');
  });
});
