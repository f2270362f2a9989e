// The metrics of open work (design.md "Metrics"): open denial dollars and aging buckets. Re-exported by
// metrics.ts, where the other definitions live.
import { type IsoDate, diffDays } from './dates';
import { isOpen } from './lifecycle';
import type { DenialRow } from './metrics';
import { sumCents } from './money';

/** What is still outstanding on open denials: denied less anything already recovered. */
export function openDenialDollars(denials: readonly DenialRow[]): number {
  return sumCents(denials.filter((d) => isOpen(d.status)).map((d) => Math.max(0, d.deniedCents - d.recoveredCents)));
}

export const AGING_BUCKETS = [
  { label: '0–30', min: 0, max: 30 },
  { label: '31–60', min: 31, max: 60 },
  { label: '61–90', min: 61, max: 90 },
  { label: '91–120', min: 91, max: 120 },
  { label: '120+', min: 121, max: Number.POSITIVE_INFINITY },
] as const;

/** Open denials by days since the first denial, as of `today`; outstanding dollars as openDenialDollars. */
export function agingBuckets(denials: readonly DenialRow[], today: IsoDate): { label: string; count: number; cents: number }[] {
  const buckets = AGING_BUCKETS.map((b) => ({ label: b.label, count: 0, cents: 0 }));
  for (const d of denials) {
    if (!isOpen(d.status)) continue;
    const age = Math.max(0, diffDays(today, d.firstDeniedOn));
    const index = AGING_BUCKETS.findIndex((b) => age >= b.min && age <= b.max);
    const bucket = buckets[index] as (typeof buckets)[number];
    bucket.count += 1;
    bucket.cents += Math.max(0, d.deniedCents - d.recoveredCents);
  }
  return buckets;
}
