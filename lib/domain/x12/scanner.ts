// Cuts text (given whole or in chunks) into segments and hands each one, as a reused SegmentView, to a handler.
// Linear in the input: segments are cut from the text's character codes (chars.ts, the bytes themselves for
// ASCII input) in one pass (byte-scan.ts). A segment still waiting for its terminator is parked without
// rescanning. Memory stays bounded: no segment may exceed MAX_SEGMENT_LENGTH, so the text held between chunks
// is at most that.
import { scanRun, scanSegment } from './byte-scan';
import { type Chars, charsOf } from './chars';
import { detectWithoutIsa, ISA_LENGTH, readIsa } from './delimiters';
import { fail, issue, quote, type X12Warning } from './issues';
import { SegmentView } from './segment';
import type { Delimiters } from './types';

export const MAX_SEGMENT_LENGTH = 64 * 1024;

export interface SegmentHandler {
  /** A new ISA (or, for a file without one, the detected delimiters) starts an interchange. */
  delimiters(delimiters: Delimiters, enveloped: boolean): void;
  segment(view: SegmentView): void;
  /** The text ended inside this segment: the handler accepts it (a final IEA/SE) or stops the read. */
  unterminated(view: SegmentView): void;
  warn(warning: X12Warning): void;
}

export class SegmentScanner {
  private readonly view = new SegmentView();
  private pending = '';
  /** The character codes of pending (chars.ts). */
  private pendingChars: Chars | null = null;
  private parked: string[] = [];
  private parkedLength = 0;
  /** The scan stopped inside an ordinary segment: only the current terminator can move it on. */
  private waitingForTerminator = false;
  private terminator: string | null = null;
  private terminatorCode = -1;

  constructor(private readonly handler: SegmentHandler) {
    this.view.warn = (warning) => handler.warn(warning);
  }

  /** Segments cut so far: the index of the last one (the view's, which every cut segment sets). */
  get segmentCount(): number {
    return this.view.index;
  }

  /** bytes: the chunk's UTF-8 when it is ASCII (bytes.length === chunk.length): its character codes for free. */
  push(chunk: string, bytes: Uint8Array | null = null): void {
    if (chunk.length === 0) return;
    if (this.waitingForTerminator && chunk.indexOf(this.terminator!) < 0) {
      this.parked.push(chunk); // a segment longer than a chunk is rare: its codes are made again when it ends
      this.parkedLength += chunk.length;
      if (this.pending.length + this.parkedLength > MAX_SEGMENT_LENGTH) this.overlong(this.pending.length + this.parkedLength);
      return;
    }
    if (bytes !== null && this.parkedLength === 0 && this.pending.length > 0 && this.pendingChars instanceof Uint8Array) {
      // The segment left over from the last chunk is finished on its own, so that this chunk is then scanned
      // where it is instead of being copied behind the leftover (as text and as bytes: two copies per chunk).
      const head = bytes.indexOf(this.terminatorCode) + 1;
      if (head > 0) {
        this.scan(this.pending + chunk.slice(0, head), joined(this.pendingChars, bytes.subarray(0, head))!, false);
        chunk = chunk.slice(head);
        bytes = bytes.subarray(head);
        if (this.pending.length === 0) return this.scan(chunk, bytes, false);
      }
    }
    const text = this.parkedLength > 0 ? this.pending + this.parked.join('') + chunk : this.pending + chunk;
    const chars =
      bytes === null || this.parkedLength > 0 ? charsOf(text) : this.pending.length === 0 ? bytes : joined(this.pendingChars, bytes) ?? charsOf(text);
    this.parked = [];
    this.parkedLength = 0;
    this.scan(text, chars, false);
  }

  finish(): void {
    const text = this.pending + this.parked.join('');
    const chars = this.parkedLength > 0 || this.pendingChars === null ? charsOf(text) : this.pendingChars;
    this.parked = [];
    this.parkedLength = 0;
    this.pending = '';
    this.pendingChars = null;
    this.scan(text, chars, true);
    const rest = this.pending;
    if (rest.length === 0) {
      if (this.view.index === 0) fail('empty', { segmentIndex: null, segmentId: null }, 'an X12 835 starting with ISA', '', 'the file is empty');
      return;
    }
    // Whatever is left has no terminator: the file was cut short, or only its final terminator is missing.
    const index = this.view.index + 1;
    this.view.setText(rest, this.pendingChars ?? charsOf(rest));
    if (!this.view.load(index, 0, rest.length)) {
      fail('truncated', { segmentIndex: index, segmentId: null }, 'a complete segment', rest, `the file ends inside a segment: found ${quote(rest)}`);
    }
    this.handler.unterminated(this.view);
  }

  private scan(text: string, chars: Chars, atEof: boolean): void {
    const length = text.length;
    const view = this.view;
    const handler = this.handler;
    let pos = 0;
    view.setText(text, chars);
    this.waitingForTerminator = false;
    for (;;) {
      let c = 0;
      // Whitespace between segments (CR, LF, indentation after the terminator) and a byte order mark.
      while (pos < length && ((c = chars[pos]!) <= 32 || c === 0xfeff)) pos++;
      if (pos >= length) break;
      if (this.terminator === null || (c === 73 && chars[pos + 1] === 83 && chars[pos + 2] === 65)) {
        if (!atEof && length - pos < 3) break;
        const next = this.header(text, pos, atEof);
        if (next < 0) break;
        pos = next;
        continue;
      }
      const stopped = scanRun(view, chars, pos, this.terminatorCode, MAX_SEGMENT_LENGTH, handler);
      if (stopped !== pos) {
        pos = stopped;
        continue;
      }
      // The run stopped on this segment: an ISA, no id, too long, or not complete yet.
      const end = scanSegment(view, chars, pos, this.terminatorCode);
      if (end < 0) {
        if (length - pos > MAX_SEGMENT_LENGTH) this.overlong(length - pos);
        this.waitingForTerminator = !atEof;
        break;
      }
      if (end - pos > MAX_SEGMENT_LENGTH) this.overlong(end - pos);
      if (!view.commit(view.index + 1)) this.notAnId(text, pos, end);
      if (chars[end - 1]! <= 32) view.trimEnd();
      handler.segment(view);
      pos = end + 1;
    }
    this.pending = pos < length ? text.slice(pos) : '';
    this.pendingChars = pos < length ? chars.slice(pos) : null;
  }

  private notAnId(text: string, pos: number, end: number): never {
    const found = text.slice(pos, Math.min(end, pos + 24));
    return fail('not-x12', { segmentIndex: this.view.index, segmentId: null }, 'a segment id (2–3 capitals and digits) then an element separator', found);
  }

  /** Reads an ISA (or detects delimiters for a file without one); returns where scanning resumes, or -1 for more text. */
  private header(text: string, pos: number, atEof: boolean): number {
    const segmentIndex = this.view.index + 1;
    if (text.startsWith('ISA', pos)) {
      const isa = readIsa(text, pos, atEof, segmentIndex);
      if (isa === null) return -1;
      this.useDelimiters(isa.delimiters, true);
      if (isa.length !== ISA_LENGTH) {
        this.handler.warn(issue('odd-value', { segmentIndex, segmentId: 'ISA' }, `${ISA_LENGTH} characters`, `${isa.length}`,
          `the ISA is ${isa.length} characters long, ${ISA_LENGTH} expected (fixed-width fields not padded)`));
      }
      if (!this.view.load(segmentIndex, pos, isa.terminatorAt)) this.notAnId(text, pos, isa.terminatorAt);
      this.handler.segment(this.view);
      return isa.terminatorAt + 1;
    }
    const id = text.startsWith('ST', pos) ? 'ST' : text.startsWith('GS', pos) ? 'GS' : null;
    // Wait for as much text as the message quotes, so the error does not depend on how the input was chunked.
    if (id === null && !atEof && text.length - pos < 24) return -1;
    if (id === null) fail('not-x12', { segmentIndex, segmentId: null }, 'an X12 835 starting with ISA', text.slice(pos, pos + 24));
    const delimiters = detectWithoutIsa(text, pos, atEof, segmentIndex, id);
    if (delimiters === null) return -1;
    this.useDelimiters(delimiters, false);
    this.handler.warn(issue('no-envelope', { segmentIndex, segmentId: id }, 'an ISA header', id,
      `no ISA envelope: delimiters detected from content (element ${JSON.stringify(delimiters.element)}, component ${JSON.stringify(delimiters.component)}, segment ${JSON.stringify(delimiters.segment)})`));
    return pos;
  }

  private useDelimiters(delimiters: Delimiters, enveloped: boolean): void {
    this.terminator = delimiters.segment;
    this.terminatorCode = delimiters.segment.charCodeAt(0);
    this.view.useDelimiters(delimiters);
    this.handler.delimiters(delimiters, enveloped);
  }

  private overlong(length: number): never {
    return fail('too-long', { segmentIndex: this.view.index + 1, segmentId: null }, `a segment terminator within ${MAX_SEGMENT_LENGTH} characters`, null,
      `expected a segment terminator within ${MAX_SEGMENT_LENGTH} characters, found none in ${length}`);
  }
}

/** pending + bytes; null when pending's codes are not bytes (it came as other text). */
function joined(pending: Chars | null, bytes: Uint8Array): Uint8Array | null {
  if (!(pending instanceof Uint8Array)) return null;
  const all = new Uint8Array(pending.length + bytes.length);
  all.set(pending);
  all.set(bytes, pending.length);
  return all;
}
