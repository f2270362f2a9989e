// When an imported 835 needs a person to look at it before its figures are trusted (design.md "Balancing": a
// file that does not balance is still ingested, with a warning — and this is the warning people act on).
// Pure: the reader's figures in, a sentence with the figures out. All money is integer cents.
import { formatUsd } from './money';

/** More than this share of a file's claims out of balance, and the file needs a look. */
export const CLAIM_IMBALANCE_SHARE_PERCENT = 10;

/** One transaction (ST..SE): one payment. */
export interface PaymentFigures {
  /** BPR02, negative when BPR03 = D (the payer takes money back). */
  paymentCents: number;
  /** Σ CLP04 of its claims. */
  claimPaymentsCents: number;
  /** Σ PLB amounts (positive reduces the payment). */
  providerAdjustmentsCents: number;
}

export interface ImportBalanceFigures {
  payments: readonly PaymentFigures[];
  claims: number;
  /** Claims the reader warned about: CLP03 − CLP04 ≠ Σ CAS (claim and line level). */
  unbalancedClaims: number;
}

const usd = (cents: number) => formatUsd(cents, { showCents: true });

/** Transaction rule (005010X221A1 balancing): BPR02 = Σ CLP04 − Σ PLB, to the cent. */
export function paymentBalances(p: PaymentFigures): boolean {
  return p.paymentCents === p.claimPaymentsCents - p.providerAdjustmentsCents;
}

/** Strictly more than the share, in integers: 10% of claims out of balance is tolerated, one more is not. */
export function tooManyUnbalanced(unbalanced: number, claims: number): boolean {
  return claims > 0 && unbalanced * 100 > claims * CLAIM_IMBALANCE_SHARE_PERCENT;
}

function percentText(part: number, whole: number): string {
  const tenths = Math.round((part * 1000) / whole);
  return tenths % 10 === 0 ? `${tenths / 10}%` : `${(tenths / 10).toFixed(1)}%`;
}

/**
 * Why this import needs review, as sentences with the figures, or null when it balances well enough: any
 * payment that does not equal its claim payments less provider adjustments, or more than
 * CLAIM_IMBALANCE_SHARE_PERCENT of its claims out of balance.
 */
export function balanceReviewReason(figures: ImportBalanceFigures): string | null {
  const sentences: string[] = [];
  const mismatched = figures.payments.filter((p) => !paymentBalances(p));
  for (const p of mismatched.slice(0, 3)) {
    sentences.push(
      `Payment ${usd(p.paymentCents)} (BPR02) does not equal claim payments ${usd(p.claimPaymentsCents)} ` +
        `less provider adjustments ${usd(p.providerAdjustmentsCents)}.`,
    );
  }
  if (mismatched.length > 3) sentences.push(`${mismatched.length - 3} more payment(s) in this file do not balance either.`);
  if (tooManyUnbalanced(figures.unbalancedClaims, figures.claims)) {
    sentences.push(
      `${figures.unbalancedClaims} of ${figures.claims} claims (${percentText(figures.unbalancedClaims, figures.claims)}) do not balance; ` +
        `more than ${CLAIM_IMBALANCE_SHARE_PERCENT}% needs a look.`,
    );
  }
  return sentences.length ? sentences.join(' ') : null;
}

/** The stored review reason: each rule's sentences, in order; null when none applies. */
export function joinReviewReasons(...reasons: (string | null)[]): string | null {
  const kept = reasons.filter((r): r is string => r !== null && r !== '');
  return kept.length ? kept.join(' ') : null;
}
