import { formatUsd, parseEnteredAmount } from '../money';

// A rule's amount range as a manager types it: "500-5,000", "$500 to $5,000", "over 10000", "at least 500",
// "under 50", "up to 50", or empty for any amount. Parsed exactly into integer cents (never floats), bounds
// inclusive.

export type AmountRange = { minCents: number | null; maxCents: number | null };
export type ParsedRange = ({ ok: true } & AmountRange) | { ok: false; reason: string };

const ABOVE = /^(?:over|above|more than|at least|from|>=?|≥)\s*(.+)$/i;
const BELOW = /^(?:under|below|less than|up to|at most|<=?|≤)\s*(.+)$/i;
const BETWEEN = /^(.+?)\s*(?:-|–|—|to|and)\s*(.+)$/i;

export function parseAmountRange(text: string): ParsedRange {
  const value = text.trim().replace(/^between\s+/i, '');
  if (value === '' || /^any( amount)?$/i.test(value)) return { ok: true, minCents: null, maxCents: null };
  const above = ABOVE.exec(value);
  if (above) return bound(above[1]!, (cents) => ({ minCents: cents, maxCents: null }));
  const below = BELOW.exec(value);
  if (below) return bound(below[1]!, (cents) => ({ minCents: null, maxCents: cents }));
  const between = BETWEEN.exec(value);
  if (between) {
    const low = parseEnteredAmount(between[1]!);
    const high = parseEnteredAmount(between[2]!);
    if (!low.ok) return { ok: false, reason: `From: ${low.reason}` };
    if (!high.ok) return { ok: false, reason: `To: ${high.reason}` };
    if (low.cents > high.cents) return { ok: false, reason: 'The lower amount comes first, e.g. 500-5,000.' };
    return { ok: true, minCents: low.cents, maxCents: high.cents };
  }
  return { ok: false, reason: 'Enter a range such as 500-5,000, over 10,000 or under 50 (or leave it empty for any amount).' };
}

function bound(text: string, make: (cents: number) => AmountRange): ParsedRange {
  const amount = parseEnteredAmount(text);
  return amount.ok ? { ok: true, ...make(amount.cents) } : { ok: false, reason: amount.reason };
}

/** The range as text parseAmountRange reads back to the same bounds. */
export function amountRangeText({ minCents, maxCents }: AmountRange): string {
  const money = (cents: number) => formatUsd(cents, { showCents: cents % 100 !== 0 });
  if (minCents === null && maxCents === null) return '';
  if (minCents === null) return `up to ${money(maxCents!)}`;
  if (maxCents === null) return `at least ${money(minCents)}`;
  return `${money(minCents)} - ${money(maxCents)}`;
}
