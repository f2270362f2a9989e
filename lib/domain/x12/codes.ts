// Short X12 codes (segment ids, qualifiers, CARC/group codes) handled as numbers, so the hot path compares
// and shares them instead of cutting a new string for every "CO", "45" or "472".

export function isIdChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** A segment id packed as c0 << 16 | c1 << 8 | c2, the keys of segment-ids.ts. */
export function segmentKey(id: string): number {
  return (id.charCodeAt(0) << 16) | (id.charCodeAt(1) << 8) | (id.length > 2 ? id.charCodeAt(2) : 0);
}

/** A code of 1–5 Latin-1 characters as a number (base 256, no zero digits, so unique). */
export function codeOf(value: string): number {
  return codeAt(value, 0, value.length);
}

/** codeOf(text.slice(from, to)) without the slice; -1 when longer than 5 or not Latin-1. */
export function codeAt(text: string, from: number, to: number): number {
  if (to - from > 5) return -1;
  let code = 0;
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c > 255) return -1;
    code = code * 256 + c;
  }
  return code;
}

/** Every 1–2 character code seen, by its code: a table lookup instead of a new string per adjustment. */
export class SharedCodes {
  private readonly table: (string | undefined)[] = new Array<string | undefined>(65536).fill(undefined);

  /** text[from, to), shared with earlier occurrences when it is 1–2 Latin-1 characters. */
  at(text: string, from: number, to: number): string {
    const length = to - from;
    if (length > 2 || length === 0) return text.slice(from, to);
    const c0 = text.charCodeAt(from);
    const c1 = length === 2 ? text.charCodeAt(from + 1) : 0;
    if (c0 > 255 || c1 > 255) return text.slice(from, to);
    return (this.table[(c1 << 8) | c0] ??= text.slice(from, to));
  }
}
