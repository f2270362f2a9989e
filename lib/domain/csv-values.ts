// Values as clearinghouse and practice-management CSV exports write them: money with a dollar sign, thousands
// separators and accounting parentheses; dates as YYYY-MM-DD or the US MM/DD/YYYY. Parsed with integer and
// string arithmetic only: "$1,234.50" is 123450 cents exactly, never 1234.5 × 100 in floating point
// (parseMoneyCents in money.ts).
import { type IsoDate, parseIsoDate } from './dates';

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
