/*
 * No runtime import of `vscode` here: the split is unit-tested in plain Node.
 *
 * VS Code hands at most 1,100 diagnostics of one `DiagnosticCollection.set([...])` call to the
 * workbench (ExtHostDiagnostics._maxDiagnosticsTotal, 1.1 × its 1,000 per file, in VS Code 1.100):
 * it stops at the first URI that takes the count past that and drops the rest without a word,
 * while the extension's own collection keeps them all. A reopened workspace of 10,000 plans hands
 * over 64,000 at once; in one call the Problems panel showed 1,102 of them. So a burst goes in
 * calls of at most that many diagnostics each.
 */

/** The most diagnostics one `set([...])` call hands to the workbench (VS Code 1.100). */
export const MAX_DIAGNOSTICS_PER_SET = 1100;

/**
 * The first entries of `entries`, in order, whose diagnostics (`count` of each) add up to at most
 * `limit`; it reads no further than the entry after them. An entry with more than `limit` is a
 * batch of its own (VS Code shows the first 1,000 of one file's, errors first, and says how many it
 * left out). Empty only when `entries` is.
 */
export function nextBatch<E>(entries: Iterable<E>, count: (entry: E) => number, limit = MAX_DIAGNOSTICS_PER_SET): E[] {
  const batch: E[] = [];
  let total = 0;
  for (const entry of entries) {
    const n = count(entry);
    if (batch.length > 0 && total + n > limit) break;
    batch.push(entry);
    total += n;
  }
  return batch;
}
