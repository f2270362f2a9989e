// Money in the domain is integer cents (house style); these helpers keep it that way.

export function assertCents(value: number, what = 'amount'): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be integer cents, got ${value}`);
  return value;
}

export function sumCents(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += assertCents(value);
  return total;
}

/** 13 integer digits keep every amount (up to $9,999,999,999,999.99) a safe integer of cents. */
const MONEY = /^(-)?\$?(\d{1,3}(?:,\d{3}){1,3}|\d{1,13})?(?:\.(\d{0,2}))?$/;

/**
 * Cents of a money cell, or null when it is not an exact amount: "$1,234.50" → 123450, "-12" → -1200,
 * "(45.00)" and "$-45.00" → -4500, ".5" → 50. Digits past the cent, exponents and misplaced commas are refused.
 */
export function parseMoneyCents(text: string): number | null {
  let value = text.trim();
  let negative = false;
  // Accounting negatives: "(45.00)" or "($45.00)".
  if (value.startsWith('(') && value.endsWith(')')) {
    negative = true;
    value = value.slice(1, -1).trim();
  }
  // "$-45.00" and "-$45.00" are both seen in exports.
  if (value.startsWith('$-')) value = `-$${value.slice(2)}`;
  const match = MONEY.exec(value);
  if (!match) return null;
  const [, minus, whole, fraction] = match;
  if (whole === undefined && (fraction === undefined || fraction === '')) return null;
  if (minus && negative) return null; // "(-45.00)" says negative twice: not a value we can trust
  const cents = Number((whole ?? '0').replaceAll(',', '')) * 100 + Number((fraction ?? '').padEnd(2, '0'));
  return minus || negative ? (cents === 0 ? 0 : -cents) : cents;
}

/** Above this, a typed amount is a typo (extra digits), not a denial's money: $100,000,000.00. */
export const MAX_ENTERED_CENTS = 100_000_000_00;

export type EnteredAmount = { ok: true; cents: number } | { ok: false; reason: string };

/** Integer cents a person may enter: whole cents, zero or more, at most `maxCents`. */
export function checkEnteredCents(cents: number, maxCents = MAX_ENTERED_CENTS): EnteredAmount {
  if (!Number.isSafeInteger(cents)) return { ok: false, reason: 'Amounts are whole cents.' };
  if (cents < 0) return { ok: false, reason: 'Enter an amount of zero or more.' };
  if (cents > maxCents) return { ok: false, reason: `Enter an amount of at most ${formatUsd(maxCents)}.` };
  return { ok: true, cents };
}

/**
 * An amount a person typed ("1,234.5", "$1,234.56", "0.1", ".5") as integer cents, exactly — never through a
 * float — or the reason it is refused: empty, negative, more than two decimals, above `maxCents`, not a number.
 * The browser checks with it as the person types and the server parses the same text with it again.
 */
export function parseEnteredAmount(text: string, maxCents = MAX_ENTERED_CENTS): EnteredAmount {
  const value = text.trim().replace(/^\$\s+/, '$');
  if (value === '') return { ok: false, reason: 'Enter an amount.' };
  if (/^\(|-/.test(value)) return { ok: false, reason: 'Enter an amount of zero or more.' };
  if (/\.\d{3,}$/.test(value)) return { ok: false, reason: 'Enter at most two decimal places (cents).' };
  const cents = parseMoneyCents(value);
  if (cents === null) return { ok: false, reason: 'Enter an amount such as 1,234.56.' };
  return checkEnteredCents(cents, maxCents);
}

/** Cents as plain text a person can edit and parseEnteredAmount reads back exactly: 250000 → "2500", 1205 → "12.05". */
export function centsToText(cents: number): string {
  assertCents(cents);
  const abs = Math.abs(cents);
  const rest = abs % 100;
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * US dollars for people to read: "$4,210" for whole dollars (or "$4,210.00" with showCents), "$4,210.05" otherwise,
 * "-$12.50" below zero.
 * Written out by hand rather than with Intl so server and browser render the same string.
 */
export function formatUsd(cents: number, options: { showCents?: boolean } = {}): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = groupThousands(String(Math.floor(abs / 100)));
  const rest = abs % 100;
  return rest === 0 && !options.showCents ? `${sign}$${dollars}` : `${sign}$${dollars}.${String(rest).padStart(2, '0')}`;
}

/** The most a write-off approval threshold may be, global or a payer's: $1,000,000. */
export const MAX_WRITE_OFF_THRESHOLD_CENTS = 100_000_000;
