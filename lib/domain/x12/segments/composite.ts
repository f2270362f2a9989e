// Composite elements (C003 procedure in SVC01/SVC06, C042 reason in PLB03...): components split on ISA16.
import type { SegmentView } from '../segment';

/** Components kept: C003 has 8 (qualifier, code, 4 modifiers, description, product id). */
export const MAX_COMPONENTS = 8;

/**
 * Splits element k on `separator` into ranges: component i is text[into[2i], into[2i + 1]). Returns how many
 * components there are (at most MAX_COMPONENTS; the last one keeps any rest). A short char loop, not indexOf:
 * a separator missing from the rest of the file must not make every composite search to its end.
 */
export function componentRanges(view: SegmentView, k: number, separator: number, into: Int32Array): number {
  const chars = view.chars;
  const to = view.to(k);
  let from = view.from(k);
  let count = 0;
  for (let i = from; i < to; i++) {
    if (chars[i] !== separator || count === MAX_COMPONENTS - 1) continue;
    into[2 * count] = from;
    into[2 * count + 1] = i;
    count++;
    from = i + 1;
  }
  into[2 * count] = from;
  into[2 * count + 1] = to;
  return count + 1;
}

/** Index of the first occurrence of `separator` in element k, or -1. */
export function hasComponent(view: SegmentView, k: number, separator: number): boolean {
  const chars = view.chars;
  for (let i = view.from(k), to = view.to(k); i < to; i++) if (chars[i] === separator) return true;
  return false;
}
