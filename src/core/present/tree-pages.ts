import type { Sliceable } from '../model/lazily-sorted';

/** Rows a tree view shows of a long list before its "Show more" row. */
export const TREE_PAGE_SIZE = 200;

/** A page of a list: the rows to show, and how many more a "Show more" row stands for (0: none). */
export interface TreePage<T> {
  readonly rows: readonly T[];
  /** Rows not shown yet. */
  readonly hidden: number;
  /** Rows the next "Show more" adds: a page, or what is left. */
  readonly next: number;
}

/**
 * How far each long list of a tree is shown: a page at first, a page more each time its "Show
 * more" row is chosen. Lists are named by a key (a stage, an owner, `accounts`); a key's count
 * outlives a refresh of the rows (the user keeps what they opened) until `reset`, when the
 * grouping or the filter changes what the lists are.
 */
export class TreePages {
  private readonly shown = new Map<string, number>();

  constructor(readonly pageSize = TREE_PAGE_SIZE) {
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size ${pageSize}: a whole number from 1`);
  }

  /** The rows of `items` the list `key` shows now (only those are read from `items`). */
  page<T>(key: string, items: Sliceable<T>): TreePage<T> {
    const limit = this.limit(key);
    if (items.length <= limit) return { rows: items.slice(0, items.length), hidden: 0, next: 0 };
    const hidden = items.length - limit;
    return { rows: items.slice(0, limit), hidden, next: Math.min(hidden, this.pageSize) };
  }

  /** One page more of the list `key`. */
  more(key: string): void {
    this.shown.set(key, this.limit(key) + this.pageSize);
  }

  /** Every list back to its first page. */
  reset(): void {
    this.shown.clear();
  }

  private limit(key: string): number {
    return this.shown.get(key) ?? this.pageSize;
  }
}
