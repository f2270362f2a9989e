// Display formats, written out by hand (not Intl with the local zone) where server and browser must agree.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * 'YYYY-MM-DD' -> "Jun 9, 2025" (a calendar date: no time zone involved). Given today's date, the year is left
 * out when it is this year's ("Jun 9") and kept otherwise, so a 2011 deadline never reads like this year's.
 */
export function formatDate(iso: string | null | undefined, today?: string): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  const thisYear = today !== undefined && today.slice(0, 4) === iso.slice(0, 4);
  return `${MONTHS[(m ?? 1) - 1]} ${d}${thisYear ? '' : `, ${y}`}`;
}

/** An instant in the reader's own time zone (render inside suppressHydrationWarning). */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** The score reads as expected dollars recovered, urgency- and effort-weighted: "3,915". */
export function formatScore(score: number): string {
  return Math.round(score / 100).toLocaleString('en-US');
}

export function daysText(daysLeft: number): string {
  if (daysLeft < 0) return `missed ${-daysLeft} d ago`;
  if (daysLeft === 0) return 'due today';
  return `${daysLeft} d left`;
}
