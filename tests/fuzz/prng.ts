// The fuzzer's randomness: a seeded PRNG (xoshiro128**), one stream per case derived from (seed, target, case)
// alone, so `--seed N --case K` rebuilds case K's input without generating the K-1 before it, and a run split
// across workers, restarted after a hang or cut short by --max-seconds makes the same inputs.

/** 32-bit avalanche (murmur3's finaliser): neighbouring case numbers give unrelated streams. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h);
}

export class Rng {
  private s: Uint32Array;

  constructor(...parts: number[]) {
    let h = 0x9e3779b9;
    const s = new Uint32Array(4);
    for (let i = 0; i < 4; i++) {
      for (const p of parts) h = mix(h ^ mix((p >>> 0) + i * 0x632be5ab) ^ mix(Math.floor(p / 2 ** 32)));
      s[i] = h || 1;
    }
    this.s = s;
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const s = this.s;
    let [s0, s1, s2, s3] = [s[0]!, s[1]!, s[2]!, s[3]!];
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
    return result;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return n <= 0 ? 0 : Math.floor((this.next() / 2 ** 32) * n);
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() / 2 ** 32 < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }

  /** Small numbers far more often than large: most mutations should be few, a few should be many. */
  small(max: number): number {
    return Math.min(max, Math.floor(2 ** (this.next() / 2 ** 32 * Math.log2(max + 1))));
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** The stream of one case. */
export function caseRng(seed: number, target: string, caseNumber: number): Rng {
  return new Rng(seed, hashText(target), caseNumber);
}
