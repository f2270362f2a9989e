import 'server-only';
import { parseIsoDate, toDayNumber } from '@/lib/domain/dates';

// Values in PostgreSQL's binary wire forms, for binary-rows.ts: each refuses what its type cannot hold with a
// RangeError (the row writer adds the table and column).

/** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix milliseconds and days (toDayNumber's, from 1970-01-01). */
const PG_EPOCH_MS = 946_684_800_000;
const PG_EPOCH_DAYS = 10_957;

/** A byte from two hex digits: HEX_PAIR[(first << 7) | second], -1 when either is not a hex digit. */
const HEX_PAIR = (() => {
  const digit = new Int8Array(128).fill(-1);
  for (let i = 0; i < 16; i++) digit['0123456789abcdef'.charCodeAt(i)] = digit['0123456789ABCDEF'.charCodeAt(i)] = i;
  const pairs = new Int16Array(128 * 128).fill(-1);
  for (let a = 0; a < 128; a++) for (let b = 0; b < 128; b++) if (digit[a]! >= 0 && digit[b]! >= 0) pairs[(a << 7) | b] = (digit[a]! << 4) | digit[b]!;
  return pairs;
})();
/** Where each of a uuid's 16 bytes starts in its text (8-4-4-4-12 hex digits between dashes). */
const PAIRS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

/** A uuid's text as its 16 bytes, written to `out` at `at`. */
export function uuidInto(s: string, out: Uint8Array, at: number): void {
  if (s.length !== 36 || s.charCodeAt(8) !== 45 || s.charCodeAt(13) !== 45 || s.charCodeAt(18) !== 45 || s.charCodeAt(23) !== 45) {
    throw new RangeError(`"${s}" is not a uuid`);
  }
  let bad = 0;
  let wide = 0;
  for (let k = 0; k < 16; k++) {
    const i = PAIRS[k]!;
    const c1 = s.charCodeAt(i);
    const c2 = s.charCodeAt(i + 1);
    wide |= c1 | c2;
    const byte = HEX_PAIR[((c1 & 127) << 7) | (c2 & 127)]!;
    bad |= byte;
    out[at + k] = byte;
  }
  // A pair that is not two hex digits reads -1, which sets the sign bit of `bad`.
  if (bad < 0 || wide > 127) throw new RangeError(`"${s}" is not a uuid`);
}

/** 'YYYY-MM-DD' as days since 2000-01-01 (date's binary form). */
export function pgDays(iso: string): number {
  if (parseIsoDate(iso) === null) throw new RangeError(`"${iso}" is not a date`);
  return toDayNumber(iso) - PG_EPOCH_DAYS;
}

/** An ISO timestamp as microseconds since 2000-01-01T00:00:00Z (timestamptz's binary form). */
export function pgMicros(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`"${iso}" is not a timestamp`);
  return (ms - PG_EPOCH_MS) * 1000;
}

export interface NumericParts {
  /** Base-10000 digits, no leading or trailing zero groups. */
  digits: number[];
  /** Power of 10000 of the first digit. */
  weight: number;
  negative: boolean;
  /** Decimal places in the number's shortest text (2.5 → 1: a number cannot carry 2.50's trailing zero). */
  scale: number;
}

/** A number as numeric's binary parts, from its shortest decimal text (so 0.1 stays 0.1). */
export function numericParts(n: number): NumericParts {
  if (!Number.isFinite(n)) throw new RangeError(`Cannot store ${n}`);
  const text = String(Math.abs(n));
  if (text.includes('e')) throw new RangeError(`${n} is too large or too small for this column`);
  const point = text.indexOf('.');
  const whole = point < 0 ? text : text.slice(0, point);
  const fraction = point < 0 ? '' : text.slice(point + 1);
  const wholeDigits = whole.padStart(Math.ceil(whole.length / 4) * 4, '0');
  const fractionDigits = fraction.padEnd(Math.ceil(fraction.length / 4) * 4, '0');
  const groups: number[] = [];
  for (let i = 0; i < wholeDigits.length; i += 4) groups.push(Number(wholeDigits.slice(i, i + 4)));
  for (let i = 0; i < fractionDigits.length; i += 4) groups.push(Number(fractionDigits.slice(i, i + 4)));
  let weight = wholeDigits.length / 4 - 1;
  let first = 0;
  while (first < groups.length && groups[first] === 0) {
    first++;
    weight--;
  }
  let last = groups.length;
  while (last > first && groups[last - 1] === 0) last--;
  const digits = groups.slice(first, last);
  return { digits, weight: digits.length === 0 ? 0 : weight, negative: n < 0 && digits.length > 0, scale: fraction.length };
}
