// Values kept for the whole read (the transaction header, payer and payee, PLB, warnings) are copied out of the
// input. V8 cuts a slice of 13 or more characters as a view into the string it came from, so a payer name read
// as a slice would keep the whole 64 KiB piece of input around it alive for as long as the result lives: on a
// 100 MB file that held about half the input, every piece copied twice by the young-generation GC on its way.
// Claims are not copied: a streaming caller lets them go, and parse835 keeps the input's text anyway.

/** Strings shorter than this are always copied by slice (V8's SlicedString::kMinLength). */
const SHORTEST_VIEW = 13;

/** The same characters in a string of its own, holding no other text alive. */
export function ownString<T extends string | null>(value: T): T {
  if (value === null || value.length < SHORTEST_VIEW) return value;
  // Prepending makes a pair that slice flattens into a new string first; the slice then views that copy.
  return (' ' + value).slice(1) as T;
}
