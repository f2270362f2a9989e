// Cutting segments: one pass over the character codes (chars.ts; for ASCII input, the bytes themselves) finds
// each terminator and element separator in the same loop. Indexing a typed array is far cheaper than
// charCodeAt, one loop is cheaper than an indexOf call per element (elements are a few characters long), and a
// run of ordinary segments is handled without returning to the scanner between them. Anything unusual (an ISA,
// a segment without an id, an overlong one, the end of the input) stops the run where it is, and the scanner
// takes that segment on its own.
import type { Chars } from './chars';
import { segmentKeyAt } from './codes';
import type { SegmentView } from './segment';

/** The segment handler a run feeds (the scanner's). */
export interface RunHandler {
  segment(view: SegmentView): void;
}

const ISA = (73 << 16) | (83 << 8) | 65;

/**
 * Cuts and hands on ordinary segments from `pos` while each is complete, starts with an id other than ISA,
 * and is at most `maxLength` long. Whitespace between segments is skipped. Segment indexes continue from
 * view.index, which each segment sets (so it counts a segment whose handler throws). Returns where the run
 * stopped: the start of the segment it left, or chars.length.
 */
export function scanRun(view: SegmentView, chars: Chars, pos: number, terminator: number, maxLength: number, handler: RunHandler): number {
  const length = chars.length;
  for (;;) {
    while (pos < length && chars[pos]! <= 32) pos++;
    const end = cut(view, chars, pos, terminator);
    if (end < 0 || end - pos > maxLength) return pos;
    const key = segmentKeyAt(chars, pos, view.bounds[1]!);
    if (key < 0 || key === ISA) return pos;
    view.place(pos, end, view.count, key);
    if (!view.commit(view.index + 1)) return pos;
    if (chars[end - 1]! <= 32) view.trimEnd();
    handler.segment(view);
    pos = end + 1;
  }
}

/**
 * Points the view at the one segment starting at `start` and records its element bounds. Returns the
 * terminator's index, or -1 when the chars end first. The view's key is -1 when the segment does not start
 * with an id; SegmentView.commit() checks that and the element lengths, as load() does.
 */
export function scanSegment(view: SegmentView, chars: Chars, start: number, terminator: number): number {
  const end = cut(view, chars, start, terminator);
  if (end >= 0) view.place(start, end, view.count, segmentKeyAt(chars, start, view.bounds[1]!));
  return end;
}

/** Records the separators of the segment at `start` in view.bounds and their number in view.count; returns its terminator's index or -1. */
function cut(view: SegmentView, chars: Chars, start: number, terminator: number): number {
  const bounds = view.bounds;
  const separator = view.separatorCode;
  // Known to be an integer here, so the loop does not check it again for every character.
  const stop = terminator | 0;
  const length = chars.length;
  let k = 1;
  let i = start;
  // bounds holds MAX_ELEMENTS + 2 entries; a typed array ignores writes past its end, so the separators of
  // elements beyond those kept cost no test here (they are counted, not kept).
  // Four characters per pass: V8 re-checks the array's kind, the loop bound and the stack limit on every pass,
  // which costs as much as testing a character; paid once for up to four, the loop takes about a fifth less time.
  for (; i < length; i++) {
    let c = chars[i]!;
    if (c === separator) {
      bounds[k++] = i;
      continue;
    }
    if (c === stop || ++i === length) break;
    c = chars[i]!;
    if (c === separator) {
      bounds[k++] = i;
      continue;
    }
    if (c === stop || ++i === length) break;
    c = chars[i]!;
    if (c === separator) {
      bounds[k++] = i;
      continue;
    }
    if (c === stop || ++i === length) break;
    c = chars[i]!;
    if (c === separator) bounds[k++] = i;
    else if (c === stop) break;
  }
  if (i === length) return -1;
  bounds[k] = i;
  view.count = k - 1;
  return i;
}
