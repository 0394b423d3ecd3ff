import * as assert from 'assert';
import { TREE_PAGE_SIZE, TreePages } from '../../src/core';

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
