import { type IsoDate, addDays, addMonths } from './dates';

/** Days from..to (inclusive) as the whole calendar months inside them and the loose days at either end. */
export interface MonthSpan {
  /** First day of the first and of the last whole month, or null when no month lies wholly inside. */
  months: { first: IsoDate; last: IsoDate } | null;
  /** Day ranges (inclusive) not covered by the whole months: none, one or two. */
  days: { from: IsoDate; to: IsoDate }[];
}

const monthStart = (d: IsoDate): IsoDate => `${d.slice(0, 7)}-01`;

/**
 * The dashboard rollup keeps a row per day and per month (decision 0031), so a period reads its whole months as
 * one row each and only the days at its ends one by one: a 90-day period is about three months and thirty days.
 */
export function monthSpan(from: IsoDate, to: IsoDate): MonthSpan {
  if (from > to) return { months: null, days: [] };
  const firstWhole = from === monthStart(from) ? from : addMonths(monthStart(from), 1);
  // The last day of the last whole month: `to` itself when it ends its month.
  const endOfTo = addDays(addMonths(monthStart(to), 1), -1);
  const lastWholeEnd = to === endOfTo ? to : addDays(monthStart(to), -1);
  if (firstWhole > lastWholeEnd) return { months: null, days: [{ from, to }] };
  const days: MonthSpan['days'] = [];
  if (from < firstWhole) days.push({ from, to: addDays(firstWhole, -1) });
  if (lastWholeEnd < to) days.push({ from: addDays(lastWholeEnd, 1), to });
  return { months: { first: firstWhole, last: monthStart(lastWholeEnd) }, days };
}
