// What a later remittance for an already-denied claim (same patient control number + payer claim control
// number) does to that denial (design.md "What a denial is"): a payment is a recovery that resolves it, as
// paid or partially paid; CLP02 = 22 reverses an earlier payment. What is recovered is the signed sum of CLP04
// over the later claims: a reversal gives back what the adjudication before it paid (possibly the denied
// claim's own partial payment, which was never a recovery) and the correction after it pays the new total,
// so paid 120 / denied 700, then reversal −120 and correction 820, recovers 700 — nothing counted twice.
// A payer that pays more than was denied has overpaid: the excess is kept apart as `overpaidCents` (it is
// owed back, not recovered), so recovery figures never exceed the denied dollars. A later reversal takes back
// the overpayment first. Money is integer cents; every function returns a new state.
import { type DenialStatus, isOpen } from './lifecycle';

export interface DenialMoney {
  status: DenialStatus;
  deniedCents: number;
  recoveredCents: number;
  /** Paid beyond the denied amount: owed back to the payer, never counted as recovered. */
  overpaidCents: number;
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

/** The paid total split into what recovers the denial (at most the denied amount) and what overpays it. */
export function splitPaid(paidTotalCents: number, deniedCents: number): { recoveredCents: number; overpaidCents: number } {
  const overpaidCents = Math.max(0, paidTotalCents - deniedCents);
  return { recoveredCents: paidTotalCents - overpaidCents, overpaidCents };
}

export function applyLaterClaim(denial: DenialMoney, claim: LaterClaim): LaterClaimEffect {
  if (claim.isReversal) {
    // The reversal repeats the original amounts with the opposite sign; some payers send them unsigned.
    const amountCents = -Math.abs(claim.paidCents);
    const split = splitPaid(denial.recoveredCents + denial.overpaidCents + amountCents, denial.deniedCents);
    const status = statusAfterMoney(denial.status, split.recoveredCents, denial.deniedCents, denial.owned);
    return { kind: 'reversal', amountCents, next: { ...denial, ...split, status, reversed: true } };
  }
  if (claim.paidCents > 0) {
    // resolved_paid without a reversal before it: this is the same payment sent again, not new money.
    const takesMoney = isOpen(denial.status) || denial.status !== 'resolved_paid' || denial.reversed;
    if (takesMoney) {
      const split = splitPaid(denial.recoveredCents + denial.overpaidCents + claim.paidCents, denial.deniedCents);
      const status = statusAfterMoney(denial.status, split.recoveredCents, denial.deniedCents, denial.owned);
      return { kind: 'payment', amountCents: claim.paidCents, next: { ...denial, ...split, status, reversed: false } };
    }
    return { kind: 'none', next: denial };
  }
  if (claim.isWork) return { kind: isOpen(denial.status) ? 'repeat_denial' : 'new_denial', next: denial };
  return { kind: 'none', next: denial };
}
