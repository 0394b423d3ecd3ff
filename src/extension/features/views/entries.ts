import type { PlanEntry } from '../../../core';
import type { PlanIndex } from '../../index/plan-index';

/** The index's entries in the engine's shape (URI as a string), sorted for a stable order. */
export function toCoreEntries(index: PlanIndex): PlanEntry[] {
  return index.entries()
    .map((e) => ({ uri: e.uri.toString(), analysis: e.analysis }))
    .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}
