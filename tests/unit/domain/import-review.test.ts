import { describe, expect, it } from 'vitest';
import { CLAIM_IMBALANCE_SHARE_PERCENT, type ImportBalanceFigures, balanceReviewReason, joinReviewReasons } from '@/lib/domain/import-review';

const balanced = { paymentCents: 1_000_00, claimPaymentsCents: 1_000_00, providerAdjustmentsCents: 0 };
const file = (over: Partial<ImportBalanceFigures> = {}): ImportBalanceFigures => ({ payments: [balanced], claims: 30, unbalancedClaims: 0, ...over });

describe('an import needs review when its money does not add up', () => {
  it.each<[string, ImportBalanceFigures, string | null]>([
    ['a balanced file with balanced claims', file(), null],
    ['a file with no claims and no payment', { payments: [{ paymentCents: 0, claimPaymentsCents: 0, providerAdjustmentsCents: 0 }], claims: 0, unbalancedClaims: 0 }, null],
    [
      'a payment one cent short of its claims',
      file({ payments: [{ paymentCents: 999_99, claimPaymentsCents: 1_000_00, providerAdjustmentsCents: 0 }] }),
      'Payment $999.99 (BPR02) does not equal claim payments $1,000.00 less provider adjustments $0.00.',
    ],
    [
      'the issue’s file: $9,999 paid against $11,044 of claim payments',
      file({ payments: [{ paymentCents: 9_999_00, claimPaymentsCents: 11_044_00, providerAdjustmentsCents: 0 }] }),
      'Payment $9,999.00 (BPR02) does not equal claim payments $11,044.00 less provider adjustments $0.00.',
    ],
    ['a PLB withhold that explains the difference', file({ payments: [{ paymentCents: 950_00, claimPaymentsCents: 1_000_00, providerAdjustmentsCents: 50_00 }] }), null],
    ['negative PLB (interest paid) that explains the difference', file({ payments: [{ paymentCents: 1_012_34, claimPaymentsCents: 1_000_00, providerAdjustmentsCents: -12_34 }] }), null],
    [
      'a PLB that does not explain all of it',
      file({ payments: [{ paymentCents: 950_00, claimPaymentsCents: 1_000_00, providerAdjustmentsCents: 49_99 }] }),
      'Payment $950.00 (BPR02) does not equal claim payments $1,000.00 less provider adjustments $49.99.',
    ],
    ['a debit (recoupment) that balances', file({ payments: [{ paymentCents: -25_00, claimPaymentsCents: -25_00, providerAdjustmentsCents: 0 }] }), null],
    [
      'the second of two payments off',
      file({ payments: [balanced, { paymentCents: 10_00, claimPaymentsCents: 20_00, providerAdjustmentsCents: 0 }] }),
      'Payment $10.00 (BPR02) does not equal claim payments $20.00 less provider adjustments $0.00.',
    ],
    ['exactly 10% of claims out of balance (3 of 30)', file({ unbalancedClaims: 3 }), null],
    ['just above 10% (4 of 39 = 10.3%)', file({ claims: 39, unbalancedClaims: 4 }), '4 of 39 claims (10.3%) do not balance; more than 10% needs a look.'],
    ['exactly 10% of 1,000 claims (100)', file({ claims: 1000, unbalancedClaims: 100 }), null],
    ['one claim above 10% of 1,000', file({ claims: 1000, unbalancedClaims: 101 }), '101 of 1000 claims (10.1%) do not balance; more than 10% needs a look.'],
    ['the issue’s file: 27 of 30 claims', file({ unbalancedClaims: 27 }), '27 of 30 claims (90%) do not balance; more than 10% needs a look.'],
    ['a single claim, out of balance', file({ claims: 1, unbalancedClaims: 1 }), '1 of 1 claims (100%) do not balance; more than 10% needs a look.'],
  ])('%s', (_, figures, reason) => {
    expect(balanceReviewReason(figures)).toBe(reason);
  });

  it('says both when the payment and the claims are off, payment first', () => {
    const reason = balanceReviewReason(file({ payments: [{ paymentCents: 1, claimPaymentsCents: 2, providerAdjustmentsCents: 0 }], unbalancedClaims: 30 }));
    expect(reason).toBe(
      'Payment $0.01 (BPR02) does not equal claim payments $0.02 less provider adjustments $0.00. 30 of 30 claims (100%) do not balance; more than 10% needs a look.',
    );
  });

  it('names three mismatched payments and counts the rest', () => {
    const off = { paymentCents: 1_00, claimPaymentsCents: 2_00, providerAdjustmentsCents: 0 };
    const reason = balanceReviewReason(file({ payments: [off, off, off, off, off] }))!;
    expect(reason.match(/\(BPR02\)/g)).toHaveLength(3);
    expect(reason).toContain('2 more payment(s) in this file do not balance either.');
  });

  it('keeps the threshold at 10%', () => {
    expect(CLAIM_IMBALANCE_SHARE_PERCENT).toBe(10);
  });
});

describe('the stored review reason joins every rule that applies', () => {
  it.each<[(string | null)[], string | null]>([
    [[null, null], null],
    [['Repeats a file.', null], 'Repeats a file.'],
    [[null, 'Does not balance.'], 'Does not balance.'],
    [['Repeats a file.', 'Does not balance.'], 'Repeats a file. Does not balance.'],
    [['', null], null],
  ])('%j → %j', (reasons, joined) => {
    expect(joinReviewReasons(...reasons)).toBe(joined);
  });
});
