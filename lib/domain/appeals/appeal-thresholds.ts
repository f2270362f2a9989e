// The amount-in-controversy thresholds a payer's levels need: what a manager stored for a level, else the default
// for the payer's type (DEFAULT_AMOUNT_IN_CONTROVERSY). A stored 0 means "no threshold" for that level.
import { type AppealLevel, parseAppealLevel } from '../appeal-levels';
import type { PayerType } from '../payer-rules';
import { type AmountInControversy, DEFAULT_AMOUNT_IN_CONTROVERSY, DEFAULT_STATUS_CHECK_DAYS } from './appeal-chain';

export interface StoredThreshold {
  level: string;
  minimumAmountCents: number | null;
  minimumAmountYear: number | null;
}

export function effectiveThresholds(payerType: PayerType, stored: readonly StoredThreshold[]): AmountInControversy[] {
  const defaults = DEFAULT_AMOUNT_IN_CONTROVERSY[payerType];
  const result: AmountInControversy[] = [];
  const seen = new Set<AppealLevel>();
  for (const row of stored) {
    const level = parseAppealLevel(row.level);
    if (level === null || row.minimumAmountCents === null) continue;
    seen.add(level);
    const year = row.minimumAmountYear ?? defaults.find((d) => d.level === level)?.year ?? null;
    if (row.minimumAmountCents > 0 && year !== null) result.push({ level, minimumCents: row.minimumAmountCents, year });
  }
  for (const threshold of defaults) if (!seen.has(threshold.level)) result.push(threshold);
  return result;
}

/** Days after submission to check on an appeal: the payer's own setting, else its type's default. */
export function statusCheckDays(payerType: PayerType, stored: number | null): number {
  return stored ?? DEFAULT_STATUS_CHECK_DAYS[payerType];
}
