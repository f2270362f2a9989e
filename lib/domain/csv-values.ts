// Values as clearinghouse and practice-management CSV exports write them: money with a dollar sign, thousands
// separators and accounting parentheses; dates as YYYY-MM-DD or the US MM/DD/YYYY. Parsed with integer and
// string arithmetic only: "$1,234.50" is 123450 cents exactly, never 1234.5 × 100 in floating point.
import { type IsoDate, parseIsoDate } from './dates';

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

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** An ISO date from "YYYY-MM-DD" or "MM/DD/YYYY" (one-digit month and day allowed), or null if not a real day. */
export function parseCsvDate(text: string): IsoDate | null {
  const value = text.trim();
  const us = US_DATE.exec(value);
  if (us) return parseIsoDate(`${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`);
  return parseIsoDate(value);
}

/** Remark codes in one cell: "N115, M127" or "N115;M127" or "N115 M127" → ["N115", "M127"]. */
export function splitCodes(text: string): string[] {
  return text
    .split(/[\s,;|]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}

/** "CO-50", "CO50", "CO 50" → group and reason; a bare "50" → no group. */
export function parseGroupAndReason(text: string): { group: string | null; reason: string } | null {
  const value = text.trim().toUpperCase();
  const match = /^(?:(CO|PR|OA|PI|CR)[\s-]?)?([A-Z]?\d{1,3})$/.exec(value);
  if (!match) return null;
  return { group: match[1] ?? null, reason: match[2]! };
}
