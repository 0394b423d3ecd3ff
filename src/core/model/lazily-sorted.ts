/** What a page of a list needs: its length and a slice (an array is one). */
export interface Sliceable<T> {
  readonly length: number;
  slice(start: number, end: number): readonly T[];
}

/**
 * A list in `order`, sorted only as far as it is read: a tree view shows the first 200 of 10,000
 * rows. The first `n` are picked with a heap of `n` (most items take one comparison against the
 * heap's worst); once more than a quarter of the list is read, the whole of it is sorted, once.
 * `order` must be total (no two items equal), so any way of sorting gives the same list. The
 * items may be given as a function, called when the list is first read.
 */
export class LazilySorted<T> implements Sliceable<T> {
  private prefix: readonly T[] = [];
  private sorted = false;
  private list: T[] | undefined;

  constructor(private readonly items: T[] | (() => T[]), private readonly order: (a: T, b: T) => number) {}

  private get all(): T[] {
    return (this.list ??= typeof this.items === 'function' ? this.items() : this.items);
  }

  get length(): number {
    return this.all.length;
  }

  slice(start: number, end: number): readonly T[] {
    const items = this.all;
    const want = Math.min(Math.max(end, 0), items.length);
    if (!this.sorted && want > this.prefix.length) {
      if (want * 4 > items.length) {
        items.sort(this.order);
        this.sorted = true;
      } else {
        this.prefix = firstInOrder(items, want, this.order);
      }
    }
    return (this.sorted ? items : this.prefix).slice(start, end);
  }
}

/** The `n` first of `items` in `order`, in that order (a max-heap of the best `n` seen so far). */
export function firstInOrder<T>(items: readonly T[], n: number, order: (a: T, b: T) => number): T[] {
  if (n <= 0) return [];
  const heap: T[] = [];
  for (const item of items) {
    if (heap.length < n) {
      heap.push(item);
      siftUp(heap, heap.length - 1, order);
    } else if (order(item, heap[0]) < 0) {
      heap[0] = item;
      siftDown(heap, 0, order);
    }
  }
  return heap.sort(order);
}

// The heap keeps its worst item (last in `order`) at the root.
function siftUp<T>(heap: T[], at: number, order: (a: T, b: T) => number): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (order(heap[at], heap[parent]) <= 0) return;
    [heap[at], heap[parent]] = [heap[parent], heap[at]];
    at = parent;
  }
}

function siftDown<T>(heap: T[], at: number, order: (a: T, b: T) => number): void {
  for (;;) {
    const left = 2 * at + 1;
    const right = left + 1;
    let worst = at;
    if (left < heap.length && order(heap[left], heap[worst]) > 0) worst = left;
    if (right < heap.length && order(heap[right], heap[worst]) > 0) worst = right;
    if (worst === at) return;
    [heap[at], heap[worst]] = [heap[worst], heap[at]];
    at = worst;
  }
}
