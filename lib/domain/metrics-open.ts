// Aging of open work: buckets by days since the first denial, as of a day. Each bucket is also a range of
// first-denied dates, which is what the SQL counts and what the queue link filters on (one definition).
import { type IsoDate, addDays, diffDays } from './dates';
import { isOpen } from './lifecycle';
import { type DenialRow, type OpenSums, sumOpen } from './metrics-sums';

export const AGING_BUCKETS = [
  { key: '0-30', label: '0–30', min: 0, max: 30 },
  { key: '31-60', label: '31–60', min: 31, max: 60 },
  { key: '61-90', label: '61–90', min: 61, max: 90 },
  { key: '91-120', label: '91–120', min: 91, max: 120 },
  { key: '120+', label: '120+', min: 121, max: null },
] as const;
export type AgingKey = (typeof AGING_BUCKETS)[number]['key'];

/** The first-denied dates of a bucket as of `today` (inclusive; `from` null = no lower bound). */
export function agingRange(bucket: (typeof AGING_BUCKETS)[number], today: IsoDate): { from: IsoDate | null; to: IsoDate } {
  // A denial first denied after today (clock skew, a future-dated import) is 0 days old.
  return { from: bucket.max === null ? null : addDays(today, -bucket.max), to: bucket.min === 0 ? addDays(today, 36_500) : addDays(today, -bucket.min) };
}

export function agingKeyOf(firstDeniedOn: IsoDate, today: IsoDate): AgingKey {
  const age = Math.max(0, diffDays(today, firstDeniedOn));
  return (AGING_BUCKETS.find((b) => age >= b.min && (b.max === null || age <= b.max)) ?? AGING_BUCKETS[4]).key;
}

/** Open denials per bucket as of `today`, with outstanding dollars (sumOpen). */
export function agingBuckets(rows: readonly DenialRow[], today: IsoDate): { key: AgingKey; label: string; sums: OpenSums }[] {
  return AGING_BUCKETS.map((b) => ({
    key: b.key,
    label: b.label,
    sums: sumOpen(rows.filter((d) => isOpen(d.status) && agingKeyOf(d.firstDeniedOn, today) === b.key)),
  }));
}
