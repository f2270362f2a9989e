// The X12 envelope around 835 transactions: ISA/IEA interchange, GS/GE functional group, ST/SE transaction set.
// Trailer checks (X12.5/X12.6): SE01 = segments from ST to SE inclusive, SE02 = ST02; GE01 = number of ST,
// GE02 = GS06; IEA01 = number of GS, IEA02 = ISA13. A mismatch is a warning; a missing trailer is an error.
import { fail, issue, type X12Warning } from './issues';
import { ownString } from './own-string';
import type { SegmentHandler } from './scanner';
import type { SegmentView } from './segment';
import * as id from './segment-ids';
import { TransactionReader, type TransactionOutput } from './transaction';
import type { Delimiters, FunctionalGroup, Interchange, Remit835File, Transaction } from './types';
import { countAt, yymmdd } from './values';

export interface EnvelopeOutput extends TransactionOutput {
  transaction(transaction: Transaction): void;
}

type State = 'start' | 'interchange' | 'group' | 'transaction' | 'closed';

export class EnvelopeReader implements SegmentHandler {
  readonly file: Remit835File = { interchanges: [] };
  private state: State = 'start';
  private delimitersInUse: Delimiters | null = null;
  private interchange: Interchange | null = null;
  private group: FunctionalGroup | null = null;
  private reader: TransactionReader | null = null;
  private transactionSegments = 0;

  constructor(private readonly output: EnvelopeOutput) {}

  /** The interchange being read (a synthetic one for a file without ISA). */
  get currentInterchange(): Interchange | null {
    return this.interchange;
  }

  warn(warning: X12Warning): void {
    if (this.reader !== null) this.reader.warn(warning);
    else this.output.warn(warning);
  }

  delimiters(delimiters: Delimiters, enveloped: boolean): void {
    this.delimitersInUse = delimiters;
    // A file that starts at ST or GS gets an interchange of its own, marked as not enveloped.
    if (!enveloped) this.openInterchange(null, delimiters);
  }

  segment(view: SegmentView): void {
    const key = view.key;
    if (this.state === 'transaction') {
      this.transactionSegments++;
      if (key === id.SE) return this.closeTransaction(view);
      // Envelope ids start with S, G or I (ST, GS, GE, IEA, ISA): one test passes nearly every segment on.
      const first = key >>> 16;
      if ((first !== 83 && first !== 71 && first !== 73) || (key !== id.ST && key !== id.GS && key !== id.GE && key !== id.IEA && key !== id.ISA)) {
        return this.reader!.segment(view);
      }
    }
    switch (key) {
      case id.ISA:
        if (this.state === 'transaction' || (this.interchange?.enveloped && this.state !== 'closed')) this.unexpected(view);
        return this.openInterchange(view, this.delimitersInUse!);
      case id.GS:
        if (this.state !== 'interchange') this.unexpected(view);
        return this.openGroup(view);
      case id.ST:
        if (this.state === 'interchange' && !this.interchange!.enveloped) this.openGroup(null);
        if (this.state !== 'group') this.unexpected(view);
        return this.openTransaction(view);
      case id.GE:
        if (this.state !== 'group' || !this.group!.enveloped) this.unexpected(view);
        return this.closeGroup(view);
      case id.IEA:
        if (this.state !== 'interchange' || !this.interchange!.enveloped) this.unexpected(view);
        return this.closeInterchange(view);
    }
    this.unexpected(view);
  }

  /** The text ended inside this segment: only a complete final trailer is accepted, with a warning. */
  unterminated(view: SegmentView): void {
    const key = view.key;
    const complete =
      (key === id.IEA && this.state === 'interchange' && view.str(2) === this.interchange?.controlNumber) ||
      (key === id.GE && this.state === 'group' && view.str(2) === this.group?.controlNumber) ||
      (key === id.SE && this.state === 'transaction' && view.str(2) === this.reader?.transaction.controlNumber);
    if (!complete) fail('truncated', view.at(), 'a segment terminator', view.text.slice(view.start, view.end), `the file ends inside this segment (no terminator after ${JSON.stringify(view.text.slice(view.start, view.start + 40))})`);
    this.warn(issue('odd-value', view.at(), 'a segment terminator', null, 'the file ends without a segment terminator after its last segment'));
    this.segment(view);
  }

  /** End of text: every open envelope must have been closed by its trailer. */
  finish(lastIndex: number): void {
    const missing =
      this.state === 'transaction' ? 'SE' : this.state === 'group' && this.group!.enveloped ? 'GE' : this.state === 'interchange' && this.interchange!.enveloped ? 'IEA' : null;
    if (missing !== null) {
      fail('truncated', { segmentIndex: lastIndex + 1, segmentId: null }, missing, null, `expected ${missing} before the end of the file, found the end of the file`);
    }
  }

  private unexpected(view: SegmentView): never {
    const expected: Record<State, string> = {
      start: 'ISA',
      interchange: this.interchange?.enveloped ? 'GS or IEA' : 'GS or ST',
      group: this.group?.enveloped ? 'ST or GE' : 'ST',
      transaction: 'SE',
      closed: 'ISA or the end of the file',
    };
    const where = this.state === 'transaction' ? 'inside a transaction' : 'outside a transaction';
    return fail('structure', view.at(), expected[this.state], view.id, `expected ${expected[this.state]}, found ${view.id} ${where}`);
  }

  private openInterchange(isa: SegmentView | null, delimiters: Delimiters): void {
    this.interchange = {
      enveloped: isa !== null,
      segmentIndex: isa?.index ?? 1,
      controlNumber: isa?.trimmed(13) ?? null,
      senderQualifier: isa?.trimmed(5) ?? null,
      // Ids of up to 15 characters kept with the result: copied out of the input (own-string.ts).
      senderId: ownString(isa?.trimmed(6) ?? null),
      receiverQualifier: isa?.trimmed(7) ?? null,
      receiverId: ownString(isa?.trimmed(8) ?? null),
      date: isa ? yymmdd(isa.str(9)) : null,
      time: isa?.trimmed(10) ?? null,
      versionNumber: isa?.trimmed(12) ?? null,
      usage: isa?.trimmed(15) ?? null,
      delimiters,
      groups: [],
    };
    this.file.interchanges.push(this.interchange);
    this.group = null;
    this.state = 'interchange';
  }

  private openGroup(gs: SegmentView | null): void {
    this.group = {
      enveloped: gs !== null,
      segmentIndex: gs?.index ?? 1,
      controlNumber: gs?.trimmed(6) ?? null,
      senderCode: ownString(gs?.trimmed(2) ?? null),
      receiverCode: ownString(gs?.trimmed(3) ?? null),
      date: gs?.has(4) ? gs.dates.ccyymmdd(gs.chars, gs.from(4), gs.to(4)) : null,
      version: gs?.trimmed(8) ?? null,
      transactions: [],
    };
    this.interchange!.groups.push(this.group);
    this.state = 'group';
  }

  private openTransaction(st: SegmentView): void {
    const type = st.str(1);
    if (type !== '835') fail('envelope', st.at(1), 'transaction set 835', type);
    st.newTransaction();
    if (!st.has(2)) st.reject('value', 2, 'a transaction set control number');
    this.reader = new TransactionReader(st, this.output);
    this.transactionSegments = 1;
    this.state = 'transaction';
  }

  private closeTransaction(se: SegmentView): void {
    const reader = this.reader!;
    const transaction = reader.end(se);
    this.checkCount(se, 'SE01', 'segments from ST to SE', this.transactionSegments);
    this.checkControl(se, 'SE02', 'ST02', transaction.controlNumber);
    this.reader = null;
    this.group!.transactions.push(transaction);
    this.state = 'group';
    this.output.transaction(transaction);
  }

  private closeGroup(ge: SegmentView): void {
    this.checkCount(ge, 'GE01', 'transaction sets (ST) in the group', this.group!.transactions.length);
    this.checkControl(ge, 'GE02', 'GS06', this.group!.controlNumber);
    this.state = 'interchange';
  }

  private closeInterchange(iea: SegmentView): void {
    this.checkCount(iea, 'IEA01', 'functional groups (GS) in the interchange', this.interchange!.groups.length);
    this.checkControl(iea, 'IEA02', 'ISA13', this.interchange!.controlNumber);
    this.state = 'closed';
  }

  private checkCount(view: SegmentView, element: string, what: string, actual: number): void {
    const declared = countAt(view.chars, view.bounds[1]! + 1, view.bounds[2]!);
    if (declared === actual) return;
    this.warn(issue('control-count', view.at(1), String(actual), view.str(1),
      `${element} says ${JSON.stringify(view.str(1))} ${what}, ${actual} read`));
  }

  private checkControl(view: SegmentView, element: string, header: string, expected: string | null): void {
    const found = view.trimmed(2);
    if (found === expected) return;
    this.warn(issue('control-number', view.at(2), `${header} ${JSON.stringify(expected)}`, found,
      `${element} ${JSON.stringify(found)} does not match ${header} ${JSON.stringify(expected)}`));
  }
}
