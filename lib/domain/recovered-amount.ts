// What a person may record as recovered when they resolve a denial by hand: at least one cent, and at most the
// denied amount. There is no notion of an overpayment here: money beyond the denied amount arrives on a
// remittance (an 835 or CSV import), never as a typed figure — so a typed $10,000,000,000,000 on a $38 denial
// is refused with the denied amount named, not stored.
import { formatUsd } from './money';

/** Why `recoveredCents` cannot be recorded against `deniedCents` for `status`, or null when it can. */
export function recoveredAmountProblem(recoveredCents: number, deniedCents: number, status: 'resolved_paid' | 'resolved_partial'): string | null {
  if (recoveredCents < 1) return 'Enter an amount of at least $0.01. Nothing recovered is not a payment: record the outcome instead.';
  if (recoveredCents > deniedCents) return `The payer cannot have paid more than the denied amount (${formatUsd(deniedCents)}).`;
  if (status === 'resolved_partial' && recoveredCents === deniedCents) {
    return `${formatUsd(deniedCents)} is the whole denied amount: mark it paid in full instead.`;
  }
  return null;
}
