// Short X12 codes (segment ids, qualifiers, CARC/group codes) handled as numbers, so the hot path compares
// and shares them instead of cutting a new string for every "CO", "45" or "472".
import type { Chars } from './chars';

export function isIdChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** A segment id packed as c0 << 16 | c1 << 8 | c2, the keys of segment-ids.ts. */
export function segmentKey(id: string): number {
  return (id.charCodeAt(0) << 16) | (id.charCodeAt(1) << 8) | (id.length > 2 ? id.charCodeAt(2) : 0);
}

/** The id chars[start, idEnd) as a segment key; -1 when it is not a capital then 1–2 capitals or digits. */
export function segmentKeyAt(chars: Chars, start: number, idEnd: number): number {
  const idLength = idEnd - start;
  if (idLength < 2 || idLength > 3) return -1;
  const c0 = chars[start]!;
  const c1 = chars[start + 1]!;
  const c2 = idLength === 3 ? chars[start + 2]! : 0;
  if (c0 < 65 || c0 > 90 || !isIdChar(c1) || (idLength === 3 && !isIdChar(c2))) return -1;
  return (c0 << 16) | (c1 << 8) | c2;
}

/** A code of 1–5 Latin-1 characters as a number (base 256, no zero digits, so unique); codeAt on a string. */
export function codeOf(value: string): number {
  // Read from the string itself: a Uint16Array given to codeAt here would make its hot element loads polymorphic.
  if (value.length > 5) return -1;
  let code = 0;
  for (let i = value.length - 1; i >= 0; i--) {
    const c = value.charCodeAt(i);
    if (c > 255) return -1;
    code = code * 256 + c;
  }
  return code;
}

/** What codeAt returns for a code with a lower-case letter: never a code, so it matches none. */
export const LOWER_CASE = -2;

/**
 * codeOf of chars[from, to) without cutting a string; -1 when longer than 5 or not Latin-1, LOWER_CASE when
 * it holds a lower-case letter (X12 codes are upper-case: the caller decides whether to read it folded).
 */
export function codeAt(chars: Chars, from: number, to: number): number {
  if (to - from > 5) return -1;
  let code = 0;
  let lower = 0;
  for (let i = to - 1; i >= from; i--) {
    const c = chars[i]!;
    if (c > 255) return -1;
    // Bit 0x40 of c & (c << 1) is set only for 0x60–0x7F and 0xE0–0xFF: lower-case letters (and `{|}~ and
    // accented ones, which foldedCodeAt leaves as they are). One test after the loop, not one per character.
    lower |= c & (c << 1);
    code = code * 256 + c;
  }
  return (lower & 0x40) === 0 ? code : LOWER_CASE;
}

export function isLowerCaseLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** codeAt reading a–z as A–Z. */
export function foldedCodeAt(chars: Chars, from: number, to: number): number {
  if (to - from > 5) return -1;
  let code = 0;
  for (let i = to - 1; i >= from; i--) {
    const c = chars[i]!;
    if (c > 255) return -1;
    code = code * 256 + (isLowerCaseLetter(c) ? c - 32 : c);
  }
  return code;
}

/**
 * False when chars[from, to) has no lower-case letter; true when it may (it has one, or one of `{|}~ or an
 * accented letter: the same bit test as codeAt, one branch for the whole range).
 */
export function mayHaveLowerCase(chars: Chars, from: number, to: number): boolean {
  let bits = 0;
  for (let i = from; i < to; i++) {
    const c = chars[i]!;
    bits |= c & (c << 1);
  }
  return (bits & 0x40) !== 0;
}

/** Every 1–2 character code seen, by its code: a table lookup instead of a new string per adjustment. */
export class SharedCodes {
  private readonly table: (string | undefined)[] = new Array<string | undefined>(65536).fill(undefined);

  /**
   * text[from, to) (chars being its codes), shared with earlier occurrences when it is 1–2 Latin-1 characters;
   * null when it holds a lower-case letter (a code written off-guide: the caller reads it upper-case). Lower-case
   * codes never enter the table, so a code found there needs no test.
   */
  at(text: string, chars: Chars, from: number, to: number): string | null {
    const length = to - from;
    if (length > 2 || length === 0) return mayHaveLowerCase(chars, from, to) ? null : text.slice(from, to);
    const c0 = chars[from]!;
    const c1 = length === 2 ? chars[from + 1]! : 0;
    if (c0 > 255 || c1 > 255) return text.slice(from, to);
    const key = (c1 << 8) | c0;
    const shared = this.table[key];
    if (shared !== undefined) return shared;
    if (isLowerCaseLetter(c0) || isLowerCaseLetter(c1)) return null;
    return (this.table[key] = text.slice(from, to));
  }
}

/** A set of 1–2 character codes tested by code (codeOf) with one table read, not a hash look-up per segment. */
export class ShortCodeSet {
  private readonly table = new Uint8Array(65536);

  constructor(values: readonly string[]) {
    for (const value of values) {
      const code = codeOf(value);
      if (value.length > 2 || code < 0) throw new RangeError(`not a 1–2 character code: ${value}`);
      this.table[code] = 1;
    }
  }

  /** A code outside the table (negative, or longer than two characters) reads as undefined: not a member. */
  has(code: number): boolean {
    return this.table[code] === 1;
  }
}
