// The scanner's fast path: when the text came as ASCII bytes (one byte per character, so byte i is character i),
// a segment is cut in one pass over the bytes, finding its terminator and element separators together. Indexing
// a Uint8Array is far cheaper than charCodeAt, and one loop is cheaper than an indexOf call per element (the
// elements are a few characters long). The text path (SegmentView.load) stays for everything else.
import { isIdChar } from './codes';
import { MAX_ELEMENTS, type SegmentView } from './segment';

/**
 * Points the view at the segment starting at `start` and records its element bounds. Returns the terminator's
 * index, or -1 when the bytes end first (the view is then unchanged). The view's key is -1 when the segment does
 * not start with an id; SegmentView.commit() checks that and the element lengths, as load() does.
 */
export function scanSegment(view: SegmentView, bytes: Uint8Array, start: number, terminator: number): number {
  const bounds = view.bounds;
  const separator = view.separatorCode;
  const length = bytes.length;
  let k = 1;
  let i = start;
  for (; i < length; i++) {
    const c = bytes[i]!;
    if (c === separator) {
      if (k <= MAX_ELEMENTS + 1) bounds[k] = i;
      k++;
    } else if (c === terminator) break;
  }
  if (i === length) return -1;
  if (k <= MAX_ELEMENTS + 1) bounds[k] = i;
  view.place(start, i, k - 1, keyAt(bytes, start, bounds[1]!));
  return i;
}

/** The id bytes[start, idEnd) as a segment key (segment-ids.ts); -1 when it is not a capital then 1–2 capitals or digits. */
function keyAt(bytes: Uint8Array, start: number, idEnd: number): number {
  const idLength = idEnd - start;
  if (idLength < 2 || idLength > 3) return -1;
  const c0 = bytes[start]!;
  const c1 = bytes[start + 1]!;
  const c2 = idLength === 3 ? bytes[start + 2]! : 0;
  if (c0 < 65 || c0 > 90 || !isIdChar(c1) || (idLength === 3 && !isIdChar(c2))) return -1;
  return (c0 << 16) | (c1 << 8) | c2;
}
