// Rates, averages and shares finished from the sums of metrics-sums.ts: the one definition of each metric
// (design.md "Metrics"), used for in-memory rows and for PostgreSQL's grouped sums alike.
import type { ClaimSums, DenialSums, OpenSums, WorkSums } from './metrics-sums';

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

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}

/** Claims denied on first adjudication ÷ claims adjudicated; dollars: their denied ÷ billed. */
export function initialDenialRate(s: ClaimSums): CountAndDollars {
  return { count: ratio(s.denied, s.adjudicated), dollars: ratio(s.deniedCents, s.billedCents) };
}

/** Avoidable denials ÷ all denials first denied in the period, by count and by denied dollars. */
export function avoidableDenialRate(s: DenialSums): CountAndDollars {
  return { count: ratio(s.avoidable, s.opened), dollars: ratio(s.avoidableCents, s.openedCents) };
}

/** Recovered ÷ resolved: count (any money back) and dollars (recovered ÷ denied, over the resolved). */
export function overturnRate(s: DenialSums): CountAndDollars {
  return { count: ratio(s.recovered, s.resolved), dollars: ratio(s.recoveredCents, s.resolvedCents) };
}

/** Mean calendar days from first denial to paid or written off, over denials resolved in the period. */
export function daysToResolution(s: DenialSums): { count: number; meanDays: number | null } {
  return { count: s.resolved, meanDays: s.resolved === 0 ? null : s.resolutionDays / s.resolved };
}

/** Written off: count, dollars given up, and the avoidable share of those dollars. */
export function writeOffs(s: DenialSums): { count: number; cents: number; avoidableShare: Ratio } {
  return { count: s.writtenOff, cents: s.writeOffCents, avoidableShare: ratio(s.avoidableWriteOffCents, s.writeOffCents) };
}

/** Denials and their denied dollars, first denied in the period (the "denial dollars by …" breakdowns). */
export function denialDollars(s: DenialSums): { count: number; cents: number } {
  return { count: s.opened, cents: s.openedCents };
}

/** Money back on denials resolved in the period (net of reversals). */
export function recoveredDollars(s: DenialSums): { count: number; cents: number } {
  return { count: s.recovered, cents: s.recoveredCents };
}

/** What is still outstanding on open denials: denied less anything already recovered. */
export function openDenialDollars(s: OpenSums): { count: number; cents: number } {
  return { count: s.open, cents: s.openCents };
}

/** A specialist's work per calendar day of the period. */
export function productivity(s: WorkSums, days: number): WorkSums & { workedPerDay: number | null; resolvedPerDay: number | null; recoveredCentsPerDay: number | null } {
  const per = (n: number) => (days > 0 ? n / days : null);
  return { ...s, workedPerDay: per(s.worked), resolvedPerDay: per(s.resolved), recoveredCentsPerDay: per(s.recoveredCents) };
}

/** Change against a prior period in rate points (0.05 = five percentage points); null when either has no rate. */
export function rateChange(current: Ratio, prior: Ratio): number | null {
  return current.rate === null || prior.rate === null ? null : current.rate - prior.rate;
}
