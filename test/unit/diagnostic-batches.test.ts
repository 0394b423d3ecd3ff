import * as assert from 'assert';
import { MAX_DIAGNOSTICS_PER_SET, nextBatch } from '../../src/extension/features/diagnostics/diagnostic-batches';

type Entry = [string, number[]];
/** An entry as the diagnostics feature holds one: a URI and that many diagnostics. */
const entry = (uri: string, n: number): Entry => [uri, Array.from({ length: n }, (_, i) => i)];
const count = (e: Entry) => e[1].length;
const total = (batch: Entry[]) => batch.reduce((s, e) => s + count(e), 0);

/** Every batch, taken as the feature takes them: the next batch of what is left, until nothing is. */
function drain(entries: Entry[]): Entry[][] {
  const left = new Map(entries);
  const batches: Entry[][] = [];
  while (left.size > 0) {
    const batch = nextBatch(left, count);
    batch.forEach(([uri]) => left.delete(uri));
    batches.push(batch);
  }
  return batches;
}

describe('diagnostic batches (VS Code passes on at most 1,100 diagnostics of one set call)', () => {
  it('a reopen of 10,000 plans goes in calls of at most 1,100 diagnostics, every plan once, in order', () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => entry(`file:///ws/p${i}`, (i * 7) % 13));
    const batches = drain(entries);
    assert.ok(batches.length >= Math.ceil(total(entries) / MAX_DIAGNOSTICS_PER_SET), `${batches.length} batches`);
    assert.ok(batches.every((b) => total(b) <= MAX_DIAGNOSTICS_PER_SET), `largest batch ${Math.max(...batches.map(total))}`);
    assert.deepStrictEqual(batches.flat(), entries);
    // Each batch is as full as the next entry allows: no more calls than needed.
    batches.slice(0, -1).forEach((b, i) => assert.ok(total(b) + count(batches[i + 1][0]) > MAX_DIAGNOSTICS_PER_SET));
  });

  it('a burst within the limit is one call, plans without diagnostics included', () => {
    const entries = [entry('a', 600), entry('b', 0), entry('c', 500)];
    assert.deepStrictEqual(drain(entries), [entries]);
  });

  it('a plan with more than the limit goes alone (VS Code shows its first 1,000, errors first)', () => {
    const entries = [entry('a', 3), entry('big', 1500), entry('c', 4)];
    assert.deepStrictEqual(drain(entries).map(total), [3, 1500, 4]);
  });

  it('reads no further than it needs (the rest of 10,000 pending plans is not walked per call)', () => {
    let read = 0;
    function* counted() { for (let i = 0; i < 10_000; i++) { read++; yield entry(`p${i}`, 10); } }
    assert.strictEqual(nextBatch(counted(), count).length, 110);
    assert.strictEqual(read, 111);
  });

  it('nothing pending: an empty batch', () => {
    assert.deepStrictEqual(nextBatch([], count), []);
  });
});
