// One definition per metric (design.md "Metrics"), over plain rows the server reads. Every breakdown (by
// month, payer, category, department, location, provider) is the same function over a group of rows:
// groupRows() and then the metric, so a number means the same thing on every page.
import type { DenialCategory, Department } from './codes';
import { type IsoDate, diffDays } from './dates';
import { type DenialStatus, isOpen } from './lifecycle';
import { sumCents } from './money';

export { AGING_BUCKETS, agingBuckets, openDenialDollars } from './metrics-open';

/** A share with its parts; rate is null when there is nothing to divide by (not 0%). */
export interface Ratio {
  numerator: number;
  denominator: number;
  rate: number | null;
}

export interface CountAndDollars {
  count: Ratio;
  dollars: Ratio;
}

/** Every claim of every 835, paid or not: the denial-rate denominator. */
export interface AdjudicatedClaimRow {
  billedCents: number;
  /** The payer's first decision on this claim — not a reprocessing, a reversal or a corrected claim. */
  firstAdjudication: boolean;
  isDenial: boolean;
  deniedCents: number;
}

/** One denial work item. */
export interface DenialRow {
  payerId: string;
  category: DenialCategory;
  department: Department;
  /** The CARC of its largest denial adjustment. */
  carc: string;
  avoidable: boolean;
  deniedCents: number;
  recoveredCents: number;
  status: DenialStatus;
  firstDeniedOn: IsoDate;
  /** When it was resolved (paid, partially paid or written off); null while open. */
  resolvedOn: IsoDate | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}

/** Claims denied on first adjudication ÷ claims adjudicated; dollars: their denied ÷ billed. */
export function initialDenialRate(claims: readonly AdjudicatedClaimRow[]): CountAndDollars {
  const first = claims.filter((c) => c.firstAdjudication);
  const denied = first.filter((c) => c.isDenial);
  return {
    count: ratio(denied.length, first.length),
    dollars: ratio(sumCents(denied.map((c) => c.deniedCents)), sumCents(first.map((c) => c.billedCents))),
  };
}

/** Avoidable denials ÷ all denials, by count and by denied dollars. */
export function avoidableDenialRate(denials: readonly DenialRow[]): CountAndDollars {
  const avoidable = denials.filter((d) => d.avoidable);
  return {
    count: ratio(avoidable.length, denials.length),
    dollars: ratio(sumCents(avoidable.map((d) => d.deniedCents)), sumCents(denials.map((d) => d.deniedCents))),
  };
}

export interface DollarsByKey {
  key: string;
  count: number;
  cents: number;
}

/** Σ amount per key, largest first (ties by key, so the order is stable). */
export function dollarsBy<T>(rows: readonly T[], key: (row: T) => string, cents: (row: T) => number): DollarsByKey[] {
  const totals = new Map<string, DollarsByKey>();
  for (const row of rows) {
    const k = key(row);
    const total = totals.get(k) ?? { key: k, count: 0, cents: 0 };
    total.count += 1;
    total.cents += cents(row);
    totals.set(k, total);
  }
  return [...totals.values()].sort((a, b) => b.cents - a.cents || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export const denialDollarsByPayer = (denials: readonly DenialRow[]) => dollarsBy(denials, (d) => d.payerId, (d) => d.deniedCents);
export const denialDollarsByCategory = (denials: readonly DenialRow[]) => dollarsBy(denials, (d) => d.category, (d) => d.deniedCents);

/** One denial adjustment (kind = denial): a claim denied for several reasons counts under each CARC. */
export interface DenialAdjustmentRow {
  carc: string;
  amountCents: number;
}
export const denialDollarsByCarc = (adjustments: readonly DenialAdjustmentRow[]) =>
  dollarsBy(adjustments, (a) => a.carc, (a) => a.amountCents);

/** Recovered ÷ resolved. A resolved denial counts as recovered when any money came back. */
export function overturnRate(denials: readonly DenialRow[]): CountAndDollars {
  const resolved = denials.filter((d) => !isOpen(d.status));
  const recovered = resolved.filter((d) => d.recoveredCents > 0);
  return {
    count: ratio(recovered.length, resolved.length),
    dollars: ratio(sumCents(resolved.map((d) => d.recoveredCents)), sumCents(resolved.map((d) => d.deniedCents))),
  };
}

/** First denial → paid or written off, in calendar days, over resolved denials. */
export function daysToResolution(denials: readonly DenialRow[]): { count: number; meanDays: number | null; medianDays: number | null } {
  const days = denials
    .filter((d) => !isOpen(d.status) && d.resolvedOn !== null)
    .map((d) => diffDays(d.resolvedOn as IsoDate, d.firstDeniedOn))
    .sort((a, b) => a - b);
  if (days.length === 0) return { count: 0, meanDays: null, medianDays: null };
  const middle = Math.floor(days.length / 2);
  const median = days.length % 2 ? (days[middle] as number) : ((days[middle - 1] as number) + (days[middle] as number)) / 2;
  return { count: days.length, meanDays: days.reduce((a, b) => a + b, 0) / days.length, medianDays: median };
}

/** Rows per key (a month 'YYYY-MM', a payer, a category…), keys in first-seen order. */
export function groupRows<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** Change against a prior period in rate points (0.05 = five percentage points); null when either has no rate. */
export function rateChange(current: Ratio, prior: Ratio): number | null {
  return current.rate === null || prior.rate === null ? null : current.rate - prior.rate;
}
