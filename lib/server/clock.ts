import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';

/**
 * Today's calendar date where the server runs (set TZ to the organisation's time zone). The domain never
 * reads the clock; server code asks here once per request and passes the date down.
 */
export function todayIso(now: Date = new Date()): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${m}-${d}`;
}

/**
 * The instant a calendar day starts where the server runs (the same zone todayIso reads), for comparing a day
 * with timestamps such as timeline events: "worked today" is from this instant of today to that of tomorrow.
 */
export function startOfDay(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const start = new Date(2000, 0, 1);
  start.setFullYear(y, m - 1, d);
  start.setHours(0, 0, 0, 0);
  return start;
}
