// Most claims and lines have no AMT, QTY, REF, LQ or MOA: every absent list is one shared, frozen empty array,
// and a list is made only when its first item arrives. Fewer objects per claim, less for the GC to trace
// when parse835 keeps a large file's claims.

export const EMPTY: readonly never[] = Object.freeze([]);

/** The list with item added: a new one-item list when it was EMPTY, else the same list. */
export function appended<T>(list: readonly T[], item: T): readonly T[] {
  if (list === EMPTY) return [item];
  (list as T[]).push(item);
  return list;
}
