// 'YYYY-MM' as people read it ("Dec 2026": a two-digit year would read as a day, "Dec 26"), the same on the
// server and in the browser (UTC, no local shift).
export function monthLabel(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function dayLabel(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}
