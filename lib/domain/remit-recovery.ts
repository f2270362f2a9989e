// What a later remittance for an already-denied claim (same patient control number + payer claim control
// number) does to that denial (design.md "What a denial is"): a payment is a recovery that resolves it, as
// paid or partially paid; CLP02 = 22 reverses an earlier payment. What is recovered is the signed sum of CLP04
// over the later claims: a reversal gives back what the adjudication before it paid (possibly the denied
// claim's own partial payment, which was never a recovery) and the correction after it pays the new total,
// so paid 120 / denied 700, then reversal −120 and correction 820, recovers 700 — nothing counted twice.
// Money is integer cents; every function returns a new state.
import { type DenialStatus, isOpen } from './lifecycle';

export interface DenialMoney {
  status: DenialStatus;
  deniedCents: number;
  recoveredCents: number;
  /** Someone owns it: a denial reopened by a reversal goes back to them, not to the unassigned pile. */
  owned: boolean;
  /** A reversal came in this import since its last payment, so the next payment is its correction. */
  reversed: boolean;
}

export interface LaterClaim {
  /** CLP02 = 22, or a claim made only of CR (4010) adjustments. */
  isReversal: boolean;
  /** CLP04: negative on a reversal (it gives the earlier payment back). */
  paidCents: number;
  /** The claim is itself a denial with money at stake. */
  isWork: boolean;
}

export type LaterClaimEffect =
  /** Money moved: a Recovery row of `amountCents` (negative for a reversal). */
  | { kind: 'payment' | 'reversal'; amountCents: number; next: DenialMoney }
  /** Denied again while the first denial is still being worked: no second work item. */
  | { kind: 'repeat_denial'; next: DenialMoney }
  /** The claim is new work of its own (the earlier denial is closed and this did not pay it). */
  | { kind: 'new_denial'; next: DenialMoney }
  | { kind: 'none'; next: DenialMoney };

/**
 * The status money leaves a denial in: paid in full (≥ denied), in part (> 0), or — when a reversal took back
 * everything that had resolved it — open again, because nobody has been paid. A written-off denial stays
 * written off: later money is recorded on it, the decision is not undone.
 */
export function statusAfterMoney(current: DenialStatus, recoveredCents: number, deniedCents: number, owned: boolean): DenialStatus {
  if (current === 'written_off') return current;
  if (recoveredCents > 0) return recoveredCents >= deniedCents ? 'resolved_paid' : 'resolved_partial';
  if (current === 'resolved_paid' || current === 'resolved_partial') return owned ? 'assigned' : 'new';
  return current;
}

export function applyLaterClaim(denial: DenialMoney, claim: LaterClaim): LaterClaimEffect {
  if (claim.isReversal) {
    // The reversal repeats the original amounts with the opposite sign; some payers send them unsigned.
    const amountCents = -Math.abs(claim.paidCents);
    const recoveredCents = denial.recoveredCents + amountCents;
    const status = statusAfterMoney(denial.status, recoveredCents, denial.deniedCents, denial.owned);
    return { kind: 'reversal', amountCents, next: { ...denial, recoveredCents, status, reversed: true } };
  }
  if (claim.paidCents > 0) {
    // resolved_paid without a reversal before it: this is the same payment sent again, not new money.
    const takesMoney = isOpen(denial.status) || denial.status !== 'resolved_paid' || denial.reversed;
    if (takesMoney) {
      const recoveredCents = denial.recoveredCents + claim.paidCents;
      const status = statusAfterMoney(denial.status, recoveredCents, denial.deniedCents, denial.owned);
      return { kind: 'payment', amountCents: claim.paidCents, next: { ...denial, recoveredCents, status, reversed: false } };
    }
    return { kind: 'none', next: denial };
  }
  if (claim.isWork) return { kind: isOpen(denial.status) ? 'repeat_denial' : 'new_denial', next: denial };
  return { kind: 'none', next: denial };
}
