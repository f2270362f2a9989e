// Non-money element types: quantities (R, e.g. SVC05 units "1.00", CAS quantity), counts (N0, SE01) and
// dates (DT, CCYYMMDD as in DTM02, BPR16; YYMMDD in ISA09). All work on a range of the segment's characters.
import { DATE_YEARS } from '../dates';
import type { Chars } from './chars';

const DIGIT_0 = 48;
const DIGIT_9 = 57;

/**
 * A plain decimal ("1", "1.00", "-2", ".5"); NaN otherwise (no exponents, no '+', at most 15 digits, at most 9
 * of them before the point once leading zeros are dropped). Nine because the quantities an import keeps (units
 * of service, CAS quantities) go into numeric(12,3) columns: a 10-digit quantity failed the whole import on
 * PostgreSQL's "numeric field overflow", where it now gets the reader's positioned error like any bad value.
 */
export const MAX_QUANTITY_INTEGER_DIGITS = 9;

export function quantityAt(chars: Chars, start: number, end: number): number {
  let i = start;
  if (i < end && chars[i] === 45) i++;
  let digits = 0;
  let integerDigits = 0;
  let dots = 0;
  let value = 0;
  let scale = 1;
  for (; i < end; i++) {
    const c = chars[i]!;
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      digits++;
      if (dots === 0 && (value > 0 || c !== DIGIT_0)) integerDigits++;
      value = value * 10 + (c - DIGIT_0);
      if (dots > 0) scale *= 10;
    } else if (c === 46 && dots === 0) dots++;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || integerDigits > MAX_QUANTITY_INTEGER_DIGITS) return NaN;
  // At most 15 digits: value is an exact integer and one division rounds correctly, as Number() would.
  const quantity = value / scale;
  return chars[start] === 45 ? -quantity : quantity;
}

/** A non-negative integer count (SE01, GE01, IEA01); NaN otherwise. */
export function countAt(chars: Chars, start: number, end: number): number {
  if (end <= start || end - start > 10) return NaN;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = chars[i]!;
    if (c < DIGIT_0 || c > DIGIT_9) return NaN;
    n = n * 10 + (c - DIGIT_0);
  }
  return n;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return isLeap(year);
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Slots in DateReader's cache (a power of two). */
const DATE_SLOTS = 4096;

/**
 * Turns CCYYMMDD into 'YYYY-MM-DD', remembering the strings it made: a remittance repeats the same few dates
 * thousands of times, and sharing them saves a string per DTM (and memory when claims are kept). The cache
 * is direct-mapped (one slot per date, from its year, month and day), which is cheaper to look up than a Map
 * and bounded by construction; two dates that share a slot just take turns.
 */
export class DateReader {
  private readonly values = new Int32Array(DATE_SLOTS).fill(-1);
  private readonly strings: (string | undefined)[] = new Array<string | undefined>(DATE_SLOTS).fill(undefined);

  /** CCYYMMDD in chars[start, end) as 'YYYY-MM-DD'; null when it is not a calendar date within DATE_YEARS. */
  ccyymmdd(chars: Chars, start: number, end: number): string | null {
    if (end - start !== 8) return null;
    // Eight digits read straight through, with no loop per part; any other character fails.
    const y0 = chars[start]! - DIGIT_0;
    const y1 = chars[start + 1]! - DIGIT_0;
    const y2 = chars[start + 2]! - DIGIT_0;
    const y3 = chars[start + 3]! - DIGIT_0;
    const m0 = chars[start + 4]! - DIGIT_0;
    const m1 = chars[start + 5]! - DIGIT_0;
    const d0 = chars[start + 6]! - DIGIT_0;
    const d1 = chars[start + 7]! - DIGIT_0;
    // x >>> 0 > 9 is x < 0 || x > 9 in one test.
    if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return null;
    const year = ((y0 * 10 + y1) * 10 + y2) * 10 + y3;
    const month = m0 * 10 + m1;
    const day = d0 * 10 + d1;
    const value = year * 10000 + month * 100 + day; // < 10^8: fits an Int32Array slot
    // Consecutive days of recent years fall in distinct slots (about 11 years before they wrap).
    const slot = (year * 372 + month * 31 + day) & (DATE_SLOTS - 1);
    if (this.values[slot] === value) return this.strings[slot]!;
    // Outside DATE_YEARS (00000101, 99991231) is no more a usable date than 20002316 is.
    if (year < DATE_YEARS.min || year > DATE_YEARS.max || !validDay(year, month, day)) return null;
    const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    this.values[slot] = value;
    this.strings[slot] = iso;
    return iso;
  }
}

/** ISA09 YYMMDD: the interchange date; 5010 and 4010 files are all from this century. */
export function yymmdd(text: string): string | null {
  if (text.length !== 6) return null;
  const year = textDigits(text, 0);
  const month = textDigits(text, 2);
  const day = textDigits(text, 4);
  if (!validDay(2000 + year, month, day)) return null;
  return `20${text.slice(0, 2)}-${text.slice(2, 4)}-${text.slice(4, 6)}`;
}

/** Two digits of a string, -1 unless both are digits (read from the string: no Uint16Array copy, see codes.ts codeOf). */
function textDigits(text: string, start: number): number {
  const tens = text.charCodeAt(start) - DIGIT_0;
  const ones = text.charCodeAt(start + 1) - DIGIT_0;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}
