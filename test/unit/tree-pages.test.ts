import * as assert from 'assert';
import { LazilySorted, TREE_PAGE_SIZE, TreePages, firstInOrder } from '../../src/core';

const list = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('tree pages (long lists of the Pipeline and Accounts views)', () => {
  it('a list up to the page size is shown whole, with no "Show more" row', () => {
    const pages = new TreePages();
    assert.strictEqual(pages.pageSize, TREE_PAGE_SIZE);
    const p = pages.page('A', list(TREE_PAGE_SIZE));
    assert.strictEqual(p.rows.length, TREE_PAGE_SIZE);
    assert.deepStrictEqual([p.hidden, p.next], [0, 0]);
  });

  it('past the page size: the first page, and a "Show more" row for the rest', () => {
    const p = new TreePages().page('A', list(30_000));
    assert.deepStrictEqual(p.rows, list(200));
    assert.deepStrictEqual([p.hidden, p.next], [29_800, 200]);
  });

  it('"Show more" loads the next page of that list only; the last page says what is left', () => {
    const pages = new TreePages(200);
    const items = list(450);
    pages.more('A');
    const a = pages.page('A', items);
    assert.deepStrictEqual(a.rows, list(400));
    assert.deepStrictEqual([a.hidden, a.next], [50, 50]);
    assert.strictEqual(pages.page('B', items).rows.length, 200, 'another list keeps its first page');
    pages.more('A');
    const all = pages.page('A', items);
    assert.deepStrictEqual(all.rows, items);
    assert.deepStrictEqual([all.hidden, all.next], [0, 0]);
  });

  it('what was opened survives new rows (a refresh) until reset (a new grouping or filter)', () => {
    const pages = new TreePages(2);
    pages.more('A');
    assert.deepStrictEqual(pages.page('A', ['a', 'b', 'c', 'd', 'e']).rows, ['a', 'b', 'c', 'd']);
    pages.reset();
    assert.deepStrictEqual(pages.page('A', ['a', 'b', 'c', 'd', 'e']).rows, ['a', 'b']);
  });

  it('refuses a page size that is not a whole number from 1', () => {
    assert.throws(() => new TreePages(0), RangeError);
    assert.throws(() => new TreePages(1.5), RangeError);
  });
});

describe('LazilySorted: a list put in order only as far as it is read', () => {
  /** A deterministic shuffle of `n` keys with many ties in the first field, broken by the second (a total order). */
  const items = (n: number) => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    return Array.from({ length: n }, (_, i) => ({ group: next() % 5, name: `n${next() % 1000}`, i }));
  };
  type Item = ReturnType<typeof items>[number];
  const order = (a: Item, b: Item) => a.group - b.group || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.i - b.i;

  it('every prefix is the sorted list\'s, whether picked from a heap or read after a whole sort', () => {
    const all = items(1000);
    const sorted = [...all].sort(order);
    for (const n of [0, 1, 2, 7, 200, 250, 251, 999, 1000, 1200]) {
      assert.deepStrictEqual(firstInOrder(all, n, order), sorted.slice(0, Math.min(n, 1000)), `first ${n}`);
      assert.deepStrictEqual(new LazilySorted([...all], order).slice(0, n), sorted.slice(0, n), `slice to ${n}`);
    }
  });

  it('takes its items as a function, called once, when the list is first read', () => {
    const all = items(50);
    let calls = 0;
    const list = new LazilySorted(() => { calls++; return [...all]; }, order);
    assert.strictEqual(calls, 0);
    assert.deepStrictEqual(list.slice(0, 3), [...all].sort(order).slice(0, 3));
    assert.strictEqual(list.length, 50);
    assert.deepStrictEqual(list.slice(0, 50), [...all].sort(order));
    assert.strictEqual(calls, 1);
  });

  it('reads page after page the same as a sorted list; sorts the whole list only past a quarter of it', () => {
    const all = items(1000);
    const sorted = [...all].sort(order);
    let comparisons = 0;
    const list = new LazilySorted([...all], (a: Item, b: Item) => { comparisons++; return order(a, b); });
    const pages = new TreePages(100);
    assert.deepStrictEqual(pages.page('A', list).rows, sorted.slice(0, 100));
    const forFirstPage = comparisons;
    assert.ok(forFirstPage < 1000 * Math.log2(1000), `the first page took ${forFirstPage} comparisons, fewer than a sort`);
    pages.more('A');
    assert.deepStrictEqual(pages.page('A', list).rows, sorted.slice(0, 200));
    pages.more('A');
    pages.more('A');
    const third = pages.page('A', list);
    assert.deepStrictEqual([third.rows, third.hidden], [sorted.slice(0, 400), 600]);
    assert.strictEqual(list.length, 1000);
  });
});
