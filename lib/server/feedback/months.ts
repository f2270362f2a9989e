import 'server-only';

/** The first instant (UTC) of the month `offset` months from the month of `today`. */
export function addMonthsToMonthStart(today: Date, offset: number): Date {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset, 1));
}

/** 'YYYY-MM' keys for `count` months starting at `start`. */
export function monthKeys(start: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonthsToMonthStart(start, i).toISOString().slice(0, 7));
}
