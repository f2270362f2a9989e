// How a closed denial ended: what a reader needs instead of a deadline and a score (a closed denial has neither).
import type { OutcomeDto } from './contracts/denials';
import type { DenialStatus } from './lifecycle';

export interface OutcomeFacts {
  status: DenialStatus;
  deniedCents: number;
  recoveredCents: number;
  /** Paid beyond the denied amount (owed back, not recovered). */
  overpaidCents: number;
  resolvedAt: string | null;
}

/** Null while the denial is open. A write-off gives up what was not recovered. */
export function outcomeOf(f: OutcomeFacts): OutcomeDto | null {
  if (f.status === 'resolved_paid' || f.status === 'resolved_partial') return { kind: f.status, amountCents: f.recoveredCents, overpaidCents: f.overpaidCents, at: f.resolvedAt };
  if (f.status === 'written_off') return { kind: 'written_off', amountCents: Math.max(0, f.deniedCents - f.recoveredCents), overpaidCents: f.overpaidCents, at: f.resolvedAt };
  return null;
}
