// The best few of many, by a key (higher first) with a rank to break ties (lower first): the replay's daily pick.
/** Anything with a tie-break position. */
export interface Ranked {
  rank: number;
}

interface Keyed<T> {
  item: T;
  key: number;
}

/** a comes before b: higher key, then the lower rank. */
const before = <T extends Ranked>(a: Keyed<T>, b: Keyed<T>) => a.key > b.key || (a.key === b.key && a.item.rank < b.item.rank);

/**
 * The top `count` of `open` by key (higher first), ties to the lower rank. A heap of the best `count` seen, its
 * worst at the root: a day's pick costs n·log(count), not a sort of the whole open queue (bench/backtest.ts).
 */
export function topN<T extends Ranked>(open: readonly T[], count: number, key: (item: T) => number): Set<T> {
  if (open.length <= count) return new Set(open);
  const heap: Keyed<T>[] = [];
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  for (const item of open) {
    const entry = { item, key: key(item) };
    if (heap.length < count) {
      heap.push(entry);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent]!, heap[i]!)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (before(entry, heap[0]!)) {
      heap[0] = entry;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let worst = i;
        if (l < heap.length && before(heap[worst]!, heap[l]!)) worst = l;
        if (r < heap.length && before(heap[worst]!, heap[r]!)) worst = r;
        if (worst === i) break;
        swap(i, worst);
        i = worst;
      }
    }
  }
  return new Set(heap.map((k) => k.item));
}
