import type { PlanAnalysis, PlanEntry } from '../model/plan-analysis';
import { daysBetween } from '../model/dates';
import type { Money } from '../model/money';
import { byCodePoint, byName } from '../model/name-order';
import { LazilySorted } from '../model/lazily-sorted';
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

/**
 * A plan's row: what orders it (name, errors, stale) read at once; its pipeline and last visit, which
 * read the plan's facts, when first shown (a view shows a page of 200 of 10,000 plans).
 */
class Row implements AccountRow {
  readonly account: string;
  readonly tier?: string;
  readonly owner?: string;

  constructor(readonly uri: string, private readonly analysis: PlanAnalysis, readonly errors: number, readonly warnings: number, readonly stale: boolean) {
    const plan = analysis.plan;
    this.account = plan?.account ?? plan?.id ?? uri.split('/').pop() ?? uri;
    this.tier = plan?.tier;
    this.owner = plan?.owner;
  }

  get daysSinceVisit(): number | undefined {
    const facts = this.analysis.facts;
    return facts?.lastVisit ? daysBetween(facts.lastVisit, facts.today) : undefined;
  }

  get openWeighted(): Money {
    const open = new DealSums();
    for (const o of this.analysis.facts?.opportunities ?? []) if (countsInTotal(o)) open.add(o);
    return open.value.weighted;
  }
}

/** Every plan, what needs attention first: errors, then stale accounts, then the rest in name order. */
export function accountRows(entries: Iterable<PlanEntry>): AccountRow[] {
  return unsortedRows(entries).sort(byAttention);
}

/** accountRows, sorted only as far as it is read (a view's first page of 10,000 rows costs a fraction of the sort). */
export const accountRowsLazily = (entries: Iterable<PlanEntry>): LazilySorted<AccountRow> => new LazilySorted(unsortedRows(entries), byAttention);

function unsortedRows(entries: Iterable<PlanEntry>): AccountRow[] {
  const rows: AccountRow[] = [];
  for (const { uri, analysis } of entries) {
    let errors = 0;
    let warnings = 0;
    let stale = false;
    for (const x of analysis.findings) {
      if (x.severity === 'error') errors++;
      else if (x.severity === 'warning') warnings++;
      if (x.code === 'AP020') stale = true;
    }
    rows.push(new Row(uri, analysis, errors, warnings, stale));
  }
  return rows;
}

const rank = (r: AccountRow) => (r.errors > 0 ? 0 : r.stale ? 1 : 2);
const byAttention = (a: AccountRow, b: AccountRow): number =>
  rank(a) - rank(b) || b.errors - a.errors || byName(a.account, b.account) || byCodePoint(a.uri, b.uri);
