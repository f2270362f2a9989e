// The three balancing rules of the 835 (005010X221A1, "Balancing"), in integer cents:
//   line:        SVC02 − SVC03 = Σ line CAS amounts
//   claim:       CLP03 − CLP04 = Σ claim CAS + Σ line CAS amounts (claim-level patient responsibility is in CAS PR)
//   transaction: BPR02 = Σ CLP04 − Σ PLB amounts
// A remittance that does not balance is still read; the difference travels as a warning.
import type { Adjustment, Balance, Claim, Payment, ServiceLine } from './types';

export function sumAdjustments(adjustments: readonly Adjustment[]): number {
  let total = 0;
  for (let i = 0; i < adjustments.length; i++) total += adjustments[i]!.amountCents;
  return total;
}

function balance(expectedCents: number, actualCents: number): Balance {
  const differenceCents = expectedCents - actualCents;
  return { ok: differenceCents === 0, expectedCents, actualCents, differenceCents };
}

export function lineBalance(line: ServiceLine): Balance {
  return balance(line.billedCents - line.paidCents, sumAdjustments(line.adjustments));
}

export function claimBalance(claim: Claim): Balance {
  let adjusted = sumAdjustments(claim.adjustments);
  const lines = claim.serviceLines;
  for (let i = 0; i < lines.length; i++) adjusted += sumAdjustments(lines[i]!.adjustments);
  return balance(claim.billedCents - claim.paidCents, adjusted);
}

/** BPR03 = D (debit) means the payer takes money back: the signed total is negative. */
export function transactionBalance(payment: Payment, claimsPaidCents: number, providerAdjustmentsCents: number): Balance {
  const signedTotal = payment.creditDebit === 'D' ? -payment.totalCents : payment.totalCents;
  return balance(signedTotal, claimsPaidCents - providerAdjustmentsCents);
}
