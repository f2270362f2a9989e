// Parse problems are data: an error stops the read, a warning travels with the data to the user.
// Every issue names where it is (1-based segment index in the file, segment id, element position)
// and what was expected vs found, e.g. `segment 14 (CLP), element 03: expected an amount, found "12.3.4"`.
import { ownString } from './own-string';

export type X12ErrorCode =
  | 'empty' // nothing but whitespace
  | 'not-x12' // does not start with ISA (or ST/GS), or a segment id is not an id
  | 'envelope' // ISA too short, unusable delimiters, ST01 is not 835
  | 'value' // an element that must be an amount, number, date, code... is not
  | 'too-long' // element > 1,000 chars or segment > 64 KiB
  | 'structure' // a segment out of order (CAS before any CLP, CLP before ST, missing SE before GE...)
  | 'truncated'; // file ends mid-segment or before its SE/GE/IEA

export type X12WarningCode =
  | 'no-envelope' // no ISA: delimiters detected from content
  | 'control-count' // SE01, GE01, IEA01 do not match what was read
  | 'control-number' // SE02 ≠ ST02, GE02 ≠ GS06, IEA02 ≠ ISA13
  | 'claim-imbalance' // CLP03 − CLP04 ≠ Σ CAS
  | 'line-imbalance' // SVC02 − SVC03 ≠ Σ line CAS
  | 'payment-imbalance' // BPR02 ≠ Σ CLP04 − Σ PLB
  | 'unexpected-segment' // unknown or misplaced segment that carries no money; skipped
  | 'odd-value' // a value outside its code list, a missing optional-but-expected value, ...
  | 'off-guide' // a shape the TR3 does not allow but whose meaning is unambiguous (a payee loop between claims, no LX, a lower-case code...): read
  | 'warnings-truncated'; // more warnings than the reader keeps

export interface X12Issue<C extends string = X12ErrorCode | X12WarningCode> {
  code: C;
  /** Readable sentence with the position, e.g. `segment 14 (CLP), element 03: expected an amount, found "12.3.4"`. */
  message: string;
  /** 1-based index of the segment in the file (ISA = 1); null when the file has no segment at all. */
  segmentIndex: number | null;
  segmentId: string | null;
  /** 1-based element position (CLP03 → 3); null for the segment as a whole. */
  element: number | null;
  expected: string | null;
  found: string | null;
}

export type X12Error = X12Issue<X12ErrorCode>;
export type X12Warning = X12Issue<X12WarningCode>;

export interface IssueWhere {
  segmentIndex: number | null;
  segmentId: string | null;
  element?: number | null;
}

/** Quote a found value for a message: printable, escaped, at most 40 chars. */
export function quote(value: string | null): string {
  if (value === null) return 'nothing';
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}

export function issue<C extends string>(
  code: C,
  where: IssueWhere,
  expected: string | null,
  found: string | null,
  detail?: string,
): X12Issue<C> {
  const element = where.element ?? null;
  let position =
    where.segmentIndex === null ? 'file' : `segment ${where.segmentIndex}${where.segmentId ? ` (${where.segmentId})` : ''}`;
  if (element !== null) position += `, element ${String(element).padStart(2, '0')}`;
  const what = detail ?? `expected ${expected ?? 'something else'}, found ${quote(found)}`;
  // Warnings are kept with the result: their text must not hold pieces of the input alive (own-string.ts).
  return { code, message: ownString(`${position}: ${what}`), segmentIndex: where.segmentIndex, segmentId: where.segmentId, element, expected, found: ownString(found) };
}

/** Thrown inside the reader to stop at the first error; caught at the public boundary and never escapes it. */
export class X12Stop extends Error {
  constructor(readonly issue: X12Error) {
    super(issue.message);
  }
}

export function fail(code: X12ErrorCode, where: IssueWhere, expected: string | null, found: string | null, detail?: string): never {
  throw new X12Stop(issue(code, where, expected, found, detail));
}

/** Keeps the first `limit` warnings (a masked file can make one per claim) and counts the rest. */
export class WarningLog {
  readonly kept: X12Warning[] = [];
  count = 0;

  constructor(private readonly limit: number) {}

  add(warning: X12Warning): boolean {
    this.count++;
    if (this.kept.length < this.limit) {
      this.kept.push(warning);
      return true;
    }
    return false;
  }

  /** The kept warnings, plus one saying how many were dropped. */
  list(): X12Warning[] {
    if (this.count <= this.kept.length) return this.kept;
    const dropped = this.count - this.kept.length;
    const note = issue('warnings-truncated', { segmentIndex: null, segmentId: null }, null, null,
      `${dropped} more warning(s) not kept (limit ${this.limit})`);
    return [...this.kept, note];
  }
}
