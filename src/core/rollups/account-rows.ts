import type { PlanEntry } from '../model/plan-analysis';
import { daysBetween } from '../model/dates';
import type { Money } from '../model/money';
import { byName } from '../model/name-order';
import { countsInTotal, DealSums } from './pipeline-rollup';

export interface AccountRow {
  readonly uri: string;
  readonly account: string;
  readonly tier?: string;
  readonly owner?: string;
  readonly daysSinceVisit?: number;
  /** Weighted amount of the open deals that are not `omitted` (those of the forecast's total). */
  readonly openWeighted: Money;
  readonly errors: number;
  readonly warnings: number;
  readonly stale: boolean;
}

/** Every plan, what needs attention first: errors, then stale accounts, then the rest in name order. */
export function accountRows(entries: Iterable<PlanEntry>): AccountRow[] {
  const rows: AccountRow[] = [];
  for (const { uri, analysis } of entries) {
    const f = analysis.findings;
    const open = new DealSums();
    for (const o of analysis.facts?.opportunities ?? []) if (countsInTotal(o)) open.add(o);
    const last = analysis.facts?.lastVisit;
    rows.push({
      uri,
      account: analysis.plan?.account ?? analysis.plan?.id ?? uri.split('/').pop() ?? uri,
      tier: analysis.plan?.tier,
      owner: analysis.plan?.owner,
      daysSinceVisit: last && analysis.facts ? daysBetween(last, analysis.facts.today) : undefined,
      openWeighted: open.value.weighted,
      errors: f.filter((x) => x.severity === 'error').length,
      warnings: f.filter((x) => x.severity === 'warning').length,
      stale: f.some((x) => x.code === 'AP020'),
    });
  }
  const rank = (r: AccountRow) => (r.errors > 0 ? 0 : r.stale ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b) || b.errors - a.errors || byName(a.account, b.account) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}
