import { describe, expect, it } from 'vitest';
import { topN } from '@/lib/domain/backtest/top-n';

/** The same pick the slow way: sort everything, take the first `count`. */
function bySorting<T extends { rank: number }>(items: T[], count: number, key: (item: T) => number): Set<T> {
  return new Set([...items].sort((a, b) => key(b) - key(a) || a.rank - b.rank).slice(0, count));
}

describe('topN', () => {
  it('picks what a full sort would, ties to the lower rank', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 50; round++) {
      // Few distinct keys, so ties are common.
      const items = Array.from({ length: 1 + Math.floor(next() * 300) }, (_, rank) => ({ rank, value: Math.floor(next() * 20) }));
      const count = 1 + Math.floor(next() * 40);
      expect(topN(items, count, (i) => i.value)).toEqual(bySorting(items, count, (i) => i.value));
    }
  });

  it('takes everything when there are no more than it may take', () => {
    const items = [{ rank: 1 }, { rank: 0 }];
    expect(topN(items, 5, () => 0)).toEqual(new Set(items));
  });
});
