// One segment as a view over the text it was read from: element k lives in text[bounds[k] + 1, bounds[k + 1]).
// The scanner reuses a single view for every segment, and strings are only cut for what is kept: values are
// read from the text's character codes (chars.ts), qualifiers are compared as numbers (code), 1–2 character
// codes are shared (intern), amounts and dates are read in place.
import { type Chars, charsOf } from './chars';
import { codeAt, foldedCodeAt, LOWER_CASE, segmentKeyAt, SharedCodes } from './codes';
import { fail, issue, type X12ErrorCode, type X12Warning } from './issues';
import { DATE_YEARS } from '../dates';
import { centsAt } from './money';
import type { Delimiters } from './types';
import { DateReader, quantityAt } from './values';

/** Elements kept per segment: MIA has 24, the most of any 835 segment; more are counted, not kept. */
export const MAX_ELEMENTS = 30;
/** Longest element accepted (the longest in 005010X221A1 is 264, MIA/MOA text is far less). */
export const MAX_ELEMENT_LENGTH = 1000;

/** One table for every reader: its strings are 1–2 characters, immutable, and hold no input text alive. */
const SHARED_CODES = new SharedCodes();
const NO_CHARS = new Uint8Array(0);

export class SegmentView {
  text = '';
  /** The text's character codes: chars[i] === text.charCodeAt(i). */
  chars: Chars = NO_CHARS;
  /** 1-based position of this segment in the file. */
  index = 0;
  key = 0;
  start = 0;
  end = 0;
  /** Number of elements (trailing empty ones included), may exceed MAX_ELEMENTS. */
  count = 0;
  /** Elements whose bounds are kept: min(count, MAX_ELEMENTS). */
  private kept = 0;
  separatorCode = 42; // '*'
  component = ':';
  /** The component and repetition separators: a file may choose control characters for them (0x1F is seen). */
  private componentCode = 58;
  private repetitionCode = -1;
  readonly bounds = new Int32Array(MAX_ELEMENTS + 2);
  readonly dates = new DateReader();
  /** Where a segment reader's warnings go (set by the scanner to its handler). */
  warn: (warning: X12Warning) => void = () => {};
  private cachedId: string | null = null;
  /** Off-guide forms read anyway are warned about once per transaction (newTransaction() resets these). */
  private lowerCaseWarned = false;
  private trailingSpaceWarned = false;

  /** An ST: the next lower-case code or trailing whitespace is warned about again. */
  newTransaction(): void {
    this.lowerCaseWarned = false;
    this.trailingSpaceWarned = false;
  }

  get id(): string {
    if (this.cachedId === null) this.cachedId = this.text.slice(this.start, this.bounds[1]);
    return this.cachedId;
  }

  /** The text the next segments are cut from (a new chunk, or the leftover of the last one plus it). */
  setText(text: string, chars: Chars = charsOf(text)): void {
    this.text = text;
    this.chars = chars;
  }

  useDelimiters(delimiters: Delimiters): void {
    this.component = delimiters.component;
    this.separatorCode = delimiters.element.charCodeAt(0);
    this.componentCode = delimiters.component.charCodeAt(0);
    this.repetitionCode = delimiters.repetition?.charCodeAt(0) ?? -1;
  }

  /**
   * Point the view at the segment text[start, end) and find its element separators (the scanner's byte-scan.ts
   * does this for ordinary segments; this is for the ISA and a last segment without a terminator).
   * False when it does not start with a segment id (a capital, then 1–2 capitals or digits).
   */
  load(index: number, start: number, end: number): boolean {
    const chars = this.chars;
    const bounds = this.bounds;
    const separator = this.separatorCode;
    let k = 1;
    for (let i = start; i < end; i++) {
      if (chars[i] !== separator) continue;
      if (k <= MAX_ELEMENTS + 1) bounds[k] = i;
      k++;
    }
    if (k <= MAX_ELEMENTS + 1) bounds[k] = end;
    this.place(start, end, k - 1, segmentKeyAt(chars, start, bounds[1]!));
    if (!this.commit(index)) return false;
    if (chars[end - 1]! <= 32) this.trimEnd(); // a last segment with no terminator, followed by a line end
    return true;
  }

  /** The segment text[start, end) with its bounds recorded; commit() follows. key is -1 when it has no id. */
  place(start: number, end: number, count: number, key: number): void {
    this.start = start;
    this.end = end;
    this.count = count;
    this.kept = count < MAX_ELEMENTS ? count : MAX_ELEMENTS;
    this.key = key;
    this.cachedId = null;
  }

  /** Completes a placed segment: false when it has no id; stops the read on an overlong element. */
  commit(index: number): boolean {
    this.index = index;
    if (this.key >= 0 && this.end - this.start > MAX_ELEMENT_LENGTH) this.checkLengths();
    return this.key >= 0;
  }

  /**
   * Drops whitespace between the last element and the terminator ("CLP*...*11 ~", which would otherwise make
   * the last amount unreadable), with one warning per transaction. The scanner calls it only when the
   * character before the terminator is whitespace: one test per segment, where the characters are at hand.
   */
  trimEnd(): void {
    const last = this.count;
    if (last > MAX_ELEMENTS) return;
    const from = this.bounds[last]! + 1;
    let end = this.end;
    while (end > from && this.chars[end - 1]! <= 32) end--;
    if (end === this.end) return;
    this.end = end;
    this.bounds[last + 1] = end;
    if (this.trailingSpaceWarned) return;
    this.trailingSpaceWarned = true;
    this.warn(issue('off-guide', this.at(), 'the segment terminator right after the last element', null,
      'whitespace before the segment terminator: ignored (said once per transaction)'));
  }

  /** An element can only be too long in a long segment, so commit() checks only those. */
  private checkLengths(): void {
    const chars = this.chars;
    const separator = this.separatorCode;
    let from = this.bounds[1]!;
    for (let i = from + 1, k = 1; i <= this.end; i++) {
      if (i < this.end && chars[i] !== separator) continue;
      if (i - from - 1 > MAX_ELEMENT_LENGTH) fail('too-long', this.at(k), `at most ${MAX_ELEMENT_LENGTH} characters`, `${i - from - 1} characters`);
      from = i;
      k++;
    }
  }

  at(element: number | null = null): { segmentIndex: number; segmentId: string; element: number | null } {
    return { segmentIndex: this.index, segmentId: this.id, element };
  }

  has(k: number): boolean {
    return k <= this.kept && this.bounds[k + 1]! - this.bounds[k]! > 1;
  }

  /** Start of element k in text (only meaningful when has(k)). */
  from(k: number): number {
    return this.bounds[k]! + 1;
  }

  /** End of element k in text (exclusive). */
  to(k: number): number {
    return this.bounds[k + 1]!;
  }

  // The readers below test presence and read the bounds in one go (has() and then from()/to() would load them
  // twice: typed array loads are not shared between calls), once per element read in the hot path.

  /** Element k as written, '' when absent. */
  str(k: number): string {
    return this.opt(k) ?? '';
  }

  /** Element k, or null when absent or empty. */
  opt(k: number): string | null {
    if (k > this.kept) return null;
    const from = this.bounds[k]! + 1;
    const to = this.bounds[k + 1]!;
    return to > from ? this.cut(k, from, to) : null;
  }

  /**
   * text[from, to) of element k, refused (a 'value' error with its position) when it holds a control character
   * other than tab, CR, LF or the file's own separators: NUL and its kind mean a corrupt or binary file, and
   * PostgreSQL refuses NUL in text (lib/domain/contracts/text.ts has the same rule for typed text).
   */
  private cut(k: number, from: number, to: number): string {
    this.refuseControls(k, from, to);
    return this.text.slice(from, to);
  }

  private refuseControls(k: number, from: number, to: number): void {
    const chars = this.chars;
    for (let i = from; i < to; i++) {
      const c = chars[i]!;
      if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 127 && c <= 159)) {
        if (c !== this.componentCode && c !== this.repetitionCode) fail('value', this.at(k), 'text without control characters', this.text.slice(from, to));
      }
    }
  }

  /** Element k without surrounding spaces (ids are sometimes padded), or null when blank. */
  trimmed(k: number): string | null {
    if (k > this.kept) return null;
    const chars = this.chars;
    let from = this.bounds[k]! + 1;
    let to = this.bounds[k + 1]!;
    while (from < to && chars[from] === 32) from++;
    while (to > from && chars[to - 1] === 32) to--;
    return from === to ? null : this.cut(k, from, to);
  }

  /** Element k as a number when it is 1–5 Latin-1 characters (compare with codeOf('472')); 0 when empty, -1 otherwise. */
  code(k: number): number {
    if (k > this.kept) return 0;
    // An empty element reads as 0 in codeAt too (no characters).
    return this.codeAt(this.bounds[k]! + 1, this.bounds[k + 1]!);
  }

  /** A code read case-insensitively: "co" is CO, with one warning per transaction (codes are upper-case). */
  codeAt(from: number, to: number): number {
    const code = codeAt(this.chars, from, to);
    if (code !== LOWER_CASE) return code;
    this.lowerCase(from, to);
    return foldedCodeAt(this.chars, from, to);
  }

  /**
   * text[from, to), the same string as every earlier 1–2 character code like it (CO, PR, 45, HC, MI...); a
   * lower-case code is read upper-case ("co" → "CO") with one warning per transaction.
   */
  internAt(from: number, to: number): string {
    return SHARED_CODES.at(this.text, this.chars, from, to) ?? this.lowerCase(from, to);
  }

  /** Element k as a shared short code, or null when absent. */
  intern(k: number): string | null {
    if (k > this.kept) return null;
    const from = this.bounds[k]! + 1;
    const to = this.bounds[k + 1]!;
    if (to <= from) return null;
    this.refuseControls(k, from, to); // codes are stored too
    return this.internAt(from, to);
  }

  /** A value read as a code (e.g. PLB03-1), upper-cased with the same warning when it is not already. */
  codeText(value: string, k: number): string {
    const upper = upperCase(value);
    if (upper !== value) this.warnLowerCase(k, value, upper);
    return upper;
  }

  /** text[from, to) upper-cased, after one warning per transaction if that changed it. */
  private lowerCase(from: number, to: number): string {
    const found = this.text.slice(from, to);
    const upper = upperCase(found);
    if (upper === found) return found; // `{|}~ or accented letters, which are no lower-case code
    let k = 1;
    while (k < this.kept && this.bounds[k + 1]! < from) k++;
    this.warnLowerCase(k, found, upper);
    return upper;
  }

  private warnLowerCase(k: number, found: string, upper: string): void {
    if (this.lowerCaseWarned) return;
    this.lowerCaseWarned = true;
    this.warn(issue('off-guide', this.at(k), 'an upper-case code', found,
      `expected an upper-case code, found ${JSON.stringify(found)}: read as ${JSON.stringify(upper)} (said once per transaction)`));
  }

  /** Element k, which the TR3 marks required. */
  required(k: number, expected: string): string {
    return this.intern(k) ?? this.reject('value', k, expected);
  }

  cents(k: number): number {
    const cents = k <= this.kept ? centsAt(this.chars, this.bounds[k]! + 1, this.bounds[k + 1]!) : NaN;
    // An empty element is NaN too (no digits): the same rejection as an absent one.
    if (Number.isNaN(cents)) this.reject('value', k, 'an amount');
    return cents;
  }

  optCents(k: number): number | null {
    if (k > this.kept) return null;
    const from = this.bounds[k]! + 1;
    const to = this.bounds[k + 1]!;
    if (to <= from) return null;
    const cents = centsAt(this.chars, from, to);
    if (Number.isNaN(cents)) this.reject('value', k, 'an amount');
    return cents;
  }

  optQuantity(k: number): number | null {
    if (k > this.kept) return null;
    const from = this.bounds[k]! + 1;
    const to = this.bounds[k + 1]!;
    if (to <= from) return null;
    const quantity = quantityAt(this.chars, from, to);
    if (Number.isNaN(quantity)) this.reject('value', k, 'a quantity');
    return quantity;
  }

  /**
   * A date is information, not money: one that is not a calendar date (the TR3's own managed-care example
   * has BPR16 = 20002316) or falls outside DATE_YEARS (00000101, 99991231) is left empty with a positioned
   * warning instead of stopping the read — refusing a whole remittance over it would block posting its payments.
   */
  optDate(k: number): string | null {
    if (k > this.kept) return null;
    const from = this.bounds[k]! + 1;
    const to = this.bounds[k + 1]!;
    if (to <= from) return null;
    const date = this.dates.ccyymmdd(this.chars, from, to);
    if (date === null) {
      const expected = `a date CCYYMMDD in ${DATE_YEARS.min}–${DATE_YEARS.max}`;
      this.warn(issue('odd-value', this.at(k), expected, this.str(k), `expected ${expected}, found ${JSON.stringify(this.str(k))}: left empty`));
    }
    return date;
  }

  /** Stop the read: element k is not what the TR3 says it must be. */
  reject(code: X12ErrorCode, k: number | null, expected: string): never {
    return fail(code, this.at(k), expected, k !== null && this.has(k) ? this.str(k) : k === null ? this.id : null);
  }
}

/** a–z as A–Z, nothing else changed (toUpperCase alone would also turn ß into SS). */
function upperCase(value: string): string {
  return value.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}
