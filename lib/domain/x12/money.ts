// Amounts (X12 data type R, e.g. CLP03, CAS03, BPR02) become integer cents with integer math only:
// "150000.00" → 15000000, "-1.27" → -127, ".5" → 50, "12" → 1200. Exponents ("1e3"), signs other than a
// leading minus, and digits past the cent that are not zero are rejected: the amount would not be exact.

import { type Chars, charsOf } from './chars';

/** Integer digits allowed: 13 keeps every amount (up to $9,999,999,999,999.99) a safe integer of cents. */
const MAX_INTEGER_DIGITS = 13;

const DIGIT_0 = 48;
const MINUS = 45;
const DOT = 46;

/**
 * Cents of the decimal in chars[start, end); NaN when it is not an exact amount.
 * Works on a range so the scanner never allocates a substring for an amount.
 */
export function centsAt(chars: Chars, start: number, end: number): number {
  let i = start;
  const negative = i < end && chars[i] === MINUS;
  if (negative) i++;
  const wholeFrom = i;
  let whole = 0;
  // d >>> 0 > 9 tests "not a digit" (d < 0 or d > 9) with one comparison.
  for (; i < end; i++) {
    const d = chars[i]! - DIGIT_0;
    if (d >>> 0 > 9) break;
    whole = whole * 10 + d;
  }
  // Counted once after the loop rather than per digit: a longer run is rejected all the same.
  let digits = i - wholeFrom;
  if (digits > MAX_INTEGER_DIGITS) return NaN;
  let fraction = 0;
  if (i < end) {
    if (chars[i] !== DOT) return NaN;
    i++;
    digits += end - i;
    for (let place = 0; i < end; i++, place++) {
      const d = chars[i]! - DIGIT_0;
      if (d >>> 0 > 9) return NaN;
      if (place === 0) fraction = d * 10;
      else if (place === 1) fraction += d;
      else if (d !== 0) return NaN; // a fraction of a cent cannot be represented
    }
  }
  if (digits === 0) return NaN;
  const cents = whole * 100 + fraction;
  return negative && cents !== 0 ? -cents : cents;
}

/** Cents of a whole decimal string, or null when it is not an exact amount. */
export function parseCents(text: string): number | null {
  const cents = centsAt(charsOf(text), 0, text.length);
  return Number.isNaN(cents) ? null : cents;
}

/** "-1.27" for -127: for messages, never for arithmetic. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
