// Mutations shared by the targets: byte-level (flips, interesting bytes, insertions, deletions, duplicated or
// spliced ranges, truncation) and value-level (the numbers, dates and text a field may hold at its worst).
// Each takes the case's Rng, so a case's input is a function of (seed, target, case) alone.
import type { Rng } from './prng';

const enc = new TextEncoder();

/** Bytes that mean something to one of the readers, or to a decoder: separators, controls, UTF-8 edges. */
export const INTERESTING_BYTES = [
  ...'*~:^|>\\,;\t"\'\n\r 0123456789.-+eE#{}'.split('').map((c) => c.charCodeAt(0)),
  0x00, 0x01, 0x07, 0x0b, 0x0c, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x7f, 0x80, 0x85, 0xa0, 0xbf, 0xc0, 0xc2, 0xe2, 0xef, 0xf0, 0xf4, 0xf5, 0xfe, 0xff,
];

/** Text that has broken parsers and renderers: huge and odd numbers, odd dates, scripts, lone surrogates. */
export const NASTY_VALUES = [
  '', ' ', '0', '-0', '00000000000000000000', '1e308', '-1e308', 'NaN', 'Infinity', '9007199254740993',
  '99999999999999999999999999.99', '-99999999999999999999.99', '0.000000001', '.5', '5.', '1,234.56', '$12.00', '(12.00)',
  '12.3.4', '--1', '+-1', '٣٤٥', '１２３', '2026-02-30', '20261340', '19000101', '99999999', '0000-00-00', '12/31/9999',
  '2026-12-07T00:00:00Z', 'null', 'undefined', '__proto__', 'constructor', 'toString', '{{today}}', '{{', '}}', '**', '# ',
  '- ', '1. ', '\u200b', '\u202e', '\ufeff', '\u0301\u0301\u0301', '😀', '👨‍👩‍👧‍👦', 'ﷺ', '\ud800', '\udfff', 'x'.repeat(300),
  'W'.repeat(5000), '漢字テキスト', 'مرحبا', '\t', '\r\n', '\n\n\n', '"', '""', '"a""b"', '=cmd|\' /C calc\'!A0',
];

export function asBytes(text: string): Uint8Array {
  return enc.encode(text);
}

/** One byte-level change. `others` are valid samples to splice from. */
export function mutateBytes(rng: Rng, input: Uint8Array, others: readonly Uint8Array[]): Uint8Array {
  const n = input.length;
  const at = rng.below(n + 1);
  switch (rng.below(10)) {
    case 0: {
      if (n === 0) return input;
      const out = input.slice();
      const i = rng.below(n);
      out[i] = out[i]! ^ (1 << rng.below(8));
      return out;
    }
    case 1: {
      if (n === 0) return input;
      const out = input.slice();
      out[rng.below(n)] = rng.chance(0.7) ? rng.pick(INTERESTING_BYTES) : rng.below(256);
      return out;
    }
    case 2:
      return concat(input.subarray(0, at), Uint8Array.from({ length: rng.int(1, 8) }, () => rng.pick(INTERESTING_BYTES)), input.subarray(at));
    case 3: {
      const len = rng.small(Math.max(1, n - at));
      return concat(input.subarray(0, at), input.subarray(at + len));
    }
    case 4: {
      // a range repeated: duplicated segments, rows, lines; sometimes many times (size and nesting)
      const len = rng.small(Math.max(1, n - at));
      const range = input.subarray(at, at + len);
      return concat(input.subarray(0, at + len), ...Array.from({ length: rng.small(64) }, () => range), input.subarray(at + len));
    }
    case 5:
      return input.subarray(0, at);
    case 6: {
      const other = others.length ? rng.pick(others) : input;
      const from = rng.below(other.length + 1);
      return concat(input.subarray(0, at), other.subarray(from, from + rng.small(Math.max(1, other.length - from))));
    }
    case 7:
      return concat(input.subarray(0, at), asBytes(rng.pick(NASTY_VALUES)), input.subarray(at));
    case 8: {
      // a run of digits replaced by a nasty value: amounts, counts, dates and control numbers at their worst
      const digits = digitRuns(input);
      if (digits.length === 0) return input;
      const [s, e] = rng.pick(digits);
      return concat(input.subarray(0, s), asBytes(rng.pick(NASTY_VALUES)), input.subarray(e));
    }
    default: {
      // two ranges swapped
      if (n < 2) return input;
      const a = rng.below(n);
      const b = rng.below(n);
      const [x, y] = a < b ? [a, b] : [b, a];
      const len = rng.small(Math.max(1, Math.min(y - x, n - y)));
      return concat(input.subarray(0, x), input.subarray(y, y + len), input.subarray(x + len, y), input.subarray(x, x + len), input.subarray(y + len));
    }
  }
}

function digitRuns(input: Uint8Array): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < input.length && runs.length < 256; i++) {
    if (input[i]! < 48 || input[i]! > 57) continue;
    const start = i;
    while (i < input.length && input[i]! >= 48 && input[i]! <= 57) i++;
    runs.push([start, i]);
  }
  return runs;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A value for a text field: usually plausible, sometimes nasty. */
export function fieldText(rng: Rng, plausible: readonly string[]): string {
  return rng.chance(0.8) ? rng.pick(plausible) : rng.pick(NASTY_VALUES);
}

/** A list's items shuffled, dropped, duplicated: the structural mutations of segments, rows and lines. */
export function mutateList<T>(rng: Rng, items: readonly T[], fresh: () => T): T[] {
  const out = items.slice();
  const at = rng.below(out.length + 1);
  switch (rng.below(5)) {
    case 0:
      out.splice(at, rng.small(Math.max(1, out.length - at)));
      break;
    case 1:
      if (out.length) out.splice(at, 0, ...Array.from({ length: rng.small(32) }, () => out[Math.min(at, out.length - 1)]!));
      break;
    case 2: {
      if (out.length < 2) break;
      const a = rng.below(out.length);
      const b = rng.below(out.length);
      [out[a], out[b]] = [out[b]!, out[a]!];
      break;
    }
    case 3:
      out.splice(at, 0, fresh());
      break;
    default: {
      if (out.length < 2) break;
      const [moved] = out.splice(rng.below(out.length), 1);
      out.splice(rng.below(out.length + 1), 0, moved!);
    }
  }
  return out;
}
