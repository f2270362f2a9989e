// A prevention action's effect on its cause: monthly counts before the month the action took effect and after
// it. The action's own month is neither (it holds both); the current month is shown but flagged partial and
// kept out of the averages, so a half-month never passes for an improvement.
import type { IsoDate } from '../dates';
import { type MonthKey, monthOf } from './front-desk';

export interface MonthCount {
  month: MonthKey;
  count: number;
}

export interface BeforeAfter {
  actionMonth: MonthKey;
  before: MonthCount[];
  after: (MonthCount & { partial: boolean })[];
  /** Mean per full month, null when there is no full month on that side. */
  beforeAverage: number | null;
  afterAverage: number | null;
  /** (after − before) ÷ before, null when either side is missing or before is 0. */
  change: number | null;
}

const mean = (counts: readonly MonthCount[]): number | null =>
  counts.length === 0 ? null : counts.reduce((s, c) => s + c.count, 0) / counts.length;

/**
 * `counts`: the cause's count per month (months without denials may be absent); `monthsBefore`: how many full
 * months before the action month to compare with. Months run up to today's. `dataSince`: the first day anything
 * was imported — months before it are not zero denials but no data, so they are left out (null: no data yet).
 */
export function beforeAfter(counts: readonly MonthCount[], actionDate: IsoDate, today: IsoDate, monthsBefore = 6, dataSince: IsoDate | null = null): BeforeAfter {
  const actionMonth = monthOf(actionDate);
  const current = monthOf(today);
  const countOf = new Map(counts.map((c) => [c.month, c.count]));
  const before: MonthCount[] = [];
  const window = shift(actionMonth, -monthsBefore);
  // A month the data starts in part-way is partial too: the first full month of data is the one after it.
  const firstFull = dataSince === null ? window : dataSince.endsWith('-01') ? monthOf(dataSince) : shift(monthOf(dataSince), 1);
  for (let m = firstFull > window ? firstFull : window; m < actionMonth; m = shift(m, 1)) before.push({ month: m, count: countOf.get(m) ?? 0 });
  const after: BeforeAfter['after'] = [];
  for (let m = shift(actionMonth, 1); m <= current; m = shift(m, 1)) after.push({ month: m, count: countOf.get(m) ?? 0, partial: m === current });
  const beforeAverage = mean(before);
  const afterAverage = mean(after.filter((m) => !m.partial));
  const change = beforeAverage && afterAverage !== null ? (afterAverage - beforeAverage) / beforeAverage : null;
  return { actionMonth, before, after, beforeAverage, afterAverage, change };
}

/** The month `by` months from `month` ('YYYY-MM'). */
export function shift(month: MonthKey, by: number): MonthKey {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
