import { Sum } from '../model/money';
import { byCodePoint, byName } from '../model/name-order';
import { csvCell } from './csv-cell';
import { funnel, stageCounts, FUNNEL_STAGES, type FunnelBenchmark, type FunnelStep, type Funnel } from './funnel';
import { FORECAST_CATEGORIES, OPEN_STAGES, type ForecastCategory, type OpenStage, type Stage } from '../model/selling-method';
import type { OpportunityFacts } from '../model/plan-analysis';
import type { Plan } from '../model/plan';
import type { PlanEntry } from '../model/plan-analysis';
import { byQuarter, countsInTotal, inFolder, quarterKey, type PlanFilter } from './pipeline-rollup';

/**
 * What the Forecast panel shows: one currency at a time (amounts in different currencies are never
 * added), over the plans in a folder, of an owner, of a tier.
 */
export interface ForecastQuery extends PlanFilter {
  /** The currency shown; default: the settings' currency when some opportunity uses it, else the most used. */
  readonly currency?: string;
  readonly sort?: RowSort;
}

export const ROW_SORT_KEYS = ['account', 'opportunity', 'stage', 'category', 'amount', 'weighted', 'probability', 'close', 'owner'] as const;
export type RowSortKey = (typeof ROW_SORT_KEYS)[number];
export interface RowSort { readonly key: RowSortKey; readonly dir: 'asc' | 'desc' }
const DEFAULT_ROW_SORT: RowSort = { key: 'weighted', dir: 'desc' };

/** A change of the query from the panel's page; `null` clears a filter. The folder can only be cleared. */
export interface ForecastQueryChange {
  readonly owner?: string | null;
  readonly tier?: string | null;
  readonly currency?: string;
  readonly sort?: RowSort;
  readonly folder?: null;
}

export function applyQueryChange(q: ForecastQuery, change: ForecastQueryChange): ForecastQuery {
  const next: { -readonly [K in keyof ForecastQuery]: ForecastQuery[K] } = { ...q };
  if (change.owner !== undefined) next.owner = change.owner ?? undefined;
  if (change.tier !== undefined) next.tier = change.tier ?? undefined;
  if (change.currency !== undefined) next.currency = change.currency;
  if (change.sort !== undefined) next.sort = change.sort;
  if (change.folder === null) next.folder = undefined;
  return next;
}

export interface ForecastPanelOptions {
  readonly benchmark: FunnelBenchmark;
  /** `accountPlans.currency`. */
  readonly defaultCurrency: string;
  /** Rows put into the model (the first ones in the current sort); default: all of them. */
  readonly rowLimit?: number;
  /** `YYYY-MM-DD`: an open deal whose close date is before it is overdue. Without it, no deal is. */
  readonly today?: string;
}

/** The quarter key of the open deals whose close date has passed: one column, first, instead of their old quarters. */
export const OVERDUE_PERIOD = 'overdue';

/** One open opportunity, as the table and the CSV show it. */
export interface ForecastRow {
  readonly uri: string;
  /** Position in the plan's `opportunities` list. */
  readonly index: number;
  readonly account: string;
  readonly opportunity: string;
  readonly stage: OpenStage;
  readonly category: ForecastCategory;
  readonly probability: number;
  readonly currency: string;
  readonly amount?: number;
  readonly weighted?: number;
  readonly close?: string;
  readonly owner?: string;
  readonly tier?: string;
  /** The close date has passed and the deal is still open. */
  readonly overdue?: boolean;
}

/** A plan whose figures may be missing from the forecast (format errors): what the banner names. */
export interface IncompletePlan {
  readonly uri: string;
  /** The file's name (what the user opens to fix it). */
  readonly name: string;
}

/** One close quarter (`2026-Q4`, `none`, or `overdue` for open deals whose close date has passed): weighted open pipeline by category, and the amount won. */
export interface QuarterBar {
  readonly period: string;
  readonly commit: number;
  readonly bestCase: number;
  readonly pipeline: number;
  readonly won: number;
  /** Open opportunities, not omitted. */
  readonly openCount: number;
  readonly wonCount: number;
}

export interface FunnelRow extends FunnelStep {
  /** Sum of the amounts at this stage (won amount for S). */
  readonly amount: number;
  readonly weighted: number;
}

export interface Choice { readonly value: string; readonly count: number }

export interface ForecastPanelModel {
  /** The query in effect: the currency and the sort resolved. */
  readonly query: ForecastQuery & { readonly currency: string; readonly sort: RowSort };
  /** Plans that pass the folder, owner and tier filters. */
  readonly plans: number;
  /** Plans with format errors (AP002 among those; AP001 files when no owner or tier is picked): figures may be incomplete. */
  readonly incomplete: number;
  /** Those plans, in file-name order. */
  readonly incompletePlans: readonly IncompletePlan[];
  /** Choices for the filters: owners and tiers of the folder's plans; currencies of the filtered plans. Counts are plans (owners, tiers) or opportunities (currencies). */
  readonly owners: readonly Choice[];
  readonly tiers: readonly Choice[];
  readonly currencies: readonly Choice[];
  /** Quarters with an open (not omitted) or a won opportunity, in time order: `overdue` first, `none` last. */
  readonly quarters: readonly QuarterBar[];
  readonly totals: {
    readonly open: { readonly count: number; readonly amount: number; readonly weighted: number };
    readonly byCategory: Readonly<Record<ForecastCategory, { readonly count: number; readonly weighted: number }>>;
    readonly won: { readonly count: number; readonly amount: number };
    /** The open deals (not omitted) whose close date has passed. */
    readonly overdue: { readonly count: number; readonly amount: number; readonly weighted: number };
  };
  readonly funnel: { readonly steps: readonly FunnelRow[]; readonly bottleneck?: OpenStage };
  /** The open opportunities in the sort of the query (the first `rowLimit`; the panel's page gets them a block at a time). */
  readonly rows: readonly ForecastRow[];
  /** All open opportunities in the selection (rows may hold fewer). */
  readonly rowCount: number;
  /** The table's totals row: every open opportunity in the selection (omitted ones included), not only the rows sent. */
  readonly rowTotals: { readonly count: number; readonly amount: number; readonly weighted: number };
}

/**
 * What a query can take from an index made beforehand (forecast-book.ts) instead of working it out
 * again: every open row in the order of a sort, and which plans have format errors.
 */
export interface PreparedDeals {
  /** Every open opportunity's row (every plan, every currency) in the order of `sort`. */
  ordered(sort: RowSort): readonly ForecastRow[];
  /** Every plan's figures, in the order of the entries. */
  readonly plans: readonly PlanFigures[];
}

/**
 * An open or won deal with a stage, as a query adds it up: its figures in an object of one shape
 * (reading them off the plan's own objects, of many shapes, was most of a query's time at 30,000 deals).
 */
export interface DealFigures {
  readonly currency: string;
  readonly stage: Stage;
  readonly open: boolean;
  readonly won: boolean;
  readonly category?: ForecastCategory;
  /** Open and not omitted: in the totals. */
  readonly counts: boolean;
  readonly amount: number;
  readonly weighted: number;
  readonly close?: string;
  readonly overdue: boolean;
  readonly plan: Plan;
  readonly facts: OpportunityFacts;
}

/** A plan as a query filters it: its names, whether it has format errors, its deals. */
export interface PlanFigures {
  readonly uri: string;
  /** The frontmatter parsed: there are an owner and a tier to filter by, and figures. */
  readonly readable: boolean;
  /** `''`: none. */
  readonly owner: string;
  readonly tier: string;
  readonly flagged: boolean;
  /** The currency of each open or won opportunity (the currency choices count them). */
  readonly currencies: readonly string[];
  readonly deals: readonly DealFigures[];
}

/** A plan's figures for the queries, with `today` for overdue deals. */
export function planFigures(e: PlanEntry, today: string | undefined): PlanFigures {
  const { plan, facts } = e.analysis;
  const flagged = hasFormatErrors(e);
  if (!plan || !facts) return { uri: e.uri, readable: false, owner: '', tier: '', flagged, currencies: [], deals: [] };
  const currencies: string[] = [];
  const deals: DealFigures[] = [];
  for (const o of facts.opportunities) {
    if (!(o.open || o.won)) continue;
    currencies.push(o.currency);
    if (!o.stage) continue;
    deals.push({
      currency: o.currency, stage: o.stage, open: o.open, won: o.won, category: o.category, counts: countsInTotal(o),
      amount: o.opportunity.amount ?? 0, weighted: o.weighted ?? 0, close: o.opportunity.close, overdue: isOverdue(o, today), plan, facts: o,
    });
  }
  return { uri: e.uri, readable: true, owner: plan.owner ?? '', tier: plan.tier ?? '', flagged, currencies, deals };
}

/**
 * The Forecast panel's figures, computed from analyses already made (no file is read). With
 * `prepared`, the rows are those of its sorted list that the query selects (the same rows in the
 * same order: the sort is a total order), not sorted again.
 */
export function forecastPanel(entries: Iterable<PlanEntry>, query: ForecastQuery, options: ForecastPanelOptions, prepared?: PreparedDeals): ForecastPanelModel {
  const sel = select(prepared?.plans ?? [...entries].map((e) => planFigures(e, options.today)), query);
  const currency = query.currency ?? (sel.currencies.has(options.defaultCurrency)
    ? options.defaultCurrency : mostUsed(sel.currencies) ?? options.defaultCurrency);
  const sort = query.sort ?? DEFAULT_ROW_SORT;
  const r = new Rollup(!prepared);
  for (const p of sel.plans) {
    for (const d of p.deals) if (d.currency === currency) r.add(p.uri, d);
  }
  const f: Funnel = funnel(stageCounts(r.stages), options.benchmark);
  if (query.currency !== undefined && !sel.currencies.has(query.currency)) sel.currencies.set(query.currency, 0);
  const everyPlan = query.folder === undefined && query.owner === undefined && query.tier === undefined;
  const rows = prepared ? selectedRows(prepared.ordered(sort), everyPlan ? undefined : sel.plans, currency) : sortRows(r.rows, sort);
  return {
    query: { ...query, currency, sort },
    plans: sel.plans.length,
    incomplete: sel.incomplete.length,
    incompletePlans: sel.incomplete.sort((a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.uri, b.uri)),
    owners: choices(sel.owners),
    tiers: choices(sel.tiers),
    currencies: choices(sel.currencies),
    quarters: [...r.quarters.keys()].sort(overdueFirst).map((period) => r.quarters.get(period)!.bar(period)),
    totals: r.totals(),
    funnel: {
      steps: f.steps.map((s) => ({ ...s, amount: r.byStage.get(s.stage)!.amount.value, weighted: r.byStage.get(s.stage)!.weighted.value })),
      bottleneck: f.bottleneck,
    },
    rows: options.rowLimit === undefined ? rows : rows.slice(0, options.rowLimit),
    rowCount: r.listed.count,
    rowTotals: { count: r.listed.count, amount: r.listed.amount.value, weighted: r.listed.weighted.value },
  };
}

/** The rows of `ordered` in the currency, of the plans chosen (undefined: every plan), in the same order. */
function selectedRows(ordered: readonly ForecastRow[], plans: readonly PlanFigures[] | undefined, currency: string): ForecastRow[] {
  if (!plans) return ordered.filter((row) => row.currency === currency);
  const chosen = new Set(plans.map((p) => p.uri));
  return ordered.filter((row) => row.currency === currency && chosen.has(row.uri));
}

/** The plans of the folder, owner and tier; the filter choices; the currencies in use. */
function select(all: readonly PlanFigures[], query: ForecastQuery) {
  const owners = new Map<string, number>();
  const tiers = new Map<string, number>();
  const currencies = new Map<string, number>();
  const plans: PlanFigures[] = [];
  const incomplete: IncompletePlan[] = [];
  const flag = (uri: string) => incomplete.push({ uri, name: fileName(uri) });
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const p of all) {
    if (!inFolder(p.uri, query.folder)) continue;
    if (!p.readable) {
      // Unreadable YAML: no owner or tier to filter by, but the totals of "everyone" miss it.
      if (query.owner === undefined && query.tier === undefined) flag(p.uri);
      continue;
    }
    bump(owners, p.owner);
    bump(tiers, p.tier);
    if ((query.owner !== undefined && p.owner !== query.owner) || (query.tier !== undefined && p.tier !== query.tier)) continue;
    plans.push(p);
    if (p.flagged) flag(p.uri);
    for (const c of p.currencies) bump(currencies, c);
  }
  return { plans, owners, tiers, currencies, incomplete };
}

/** The plan has format errors: its figures may be incomplete. */
export const hasFormatErrors = (e: PlanEntry): boolean => e.analysis.findings.some((f) => f.code === 'AP001' || f.code === 'AP002');

/** The last segment of a URI, decoded: `a%20b.account.md`. */
function fileName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last; // a stray % that is no escape: the raw segment is still the file's name
  }
}

const overdueFirst = (x: string, y: string): number =>
  x === y ? 0 : x === OVERDUE_PERIOD ? -1 : y === OVERDUE_PERIOD ? 1 : byQuarter(x, y);

/** An open deal whose close date is before `today`. */
export const isOverdue = (o: OpportunityFacts, today: string | undefined): boolean =>
  !o.won && today !== undefined && o.opportunity.close !== undefined && o.opportunity.close < today;

/** The table's row of an open deal (`o.stage` set, `o.open`, not won): one function for the panel and the prepared deals. */
export function forecastRow(uri: string, plan: Plan, o: OpportunityFacts, overdue: boolean): ForecastRow {
  return {
    uri, index: o.opportunity.index,
    account: plan.account ?? plan.id,
    opportunity: o.opportunity.name ?? o.opportunity.id ?? '',
    stage: o.stage as OpenStage, category: o.category!, probability: o.probability, currency: o.currency,
    amount: o.opportunity.amount, weighted: o.weighted, close: o.opportunity.close, owner: plan.owner, tier: plan.tier,
    ...(overdue ? { overdue } : {}),
  };
}


/** Count and sums of one currency's deals, under the rounding rule. */
class Tally {
  count = 0;
  readonly amount = new Sum();
  readonly weighted = new Sum();

  add(amount: number, weighted: number): void {
    this.count++;
    this.amount.add(amount);
    this.weighted.add(weighted);
  }
}

/** One quarter: the open deals that are not omitted, by category, and the won ones. */
class QuarterTally {
  readonly byCategory = new Map<ForecastCategory, Tally>(FORECAST_CATEGORIES.map((c) => [c, new Tally()]));
  readonly won = new Tally();

  bar(period: string): QuarterBar {
    const weighted = (c: ForecastCategory) => this.byCategory.get(c)!.weighted.value;
    const openCount = [...this.byCategory.values()].reduce((n, t) => n + t.count, 0);
    return {
      period, commit: weighted('commit'), bestCase: weighted('best-case'), pipeline: weighted('pipeline'),
      won: this.won.amount.value, openCount, wonCount: this.won.count,
    };
  }
}

/**
 * Sums of one currency's open and won opportunities, as the panel's parts need them: the deals of
 * the forecast rollup (pipeline-rollup.ts), added with its rounding rule.
 */
class Rollup {
  readonly quarters = new Map<string, QuarterTally>();
  readonly byCategory = new Map<ForecastCategory, Tally>(FORECAST_CATEGORIES.map((c) => [c, new Tally()]));
  readonly open = new Tally();
  readonly won = new Tally();
  readonly stages: Stage[] = [];
  readonly byStage = new Map<string, Tally>(FUNNEL_STAGES.map((s) => [s, new Tally()]));
  readonly rows: ForecastRow[] = [];
  /** Every row of the table, omitted deals included. */
  readonly listed = new Tally();
  readonly overdue = new Tally();
  private readonly byClose = new Map<string | undefined, QuarterTally>();

  /** `keepRows`: false when the rows come from prepared deals (the sums are still added up here). */
  constructor(private readonly keepRows = true) {}

  add(uri: string, d: DealFigures): void {
    const { amount, weighted } = d;
    this.stages.push(d.stage);
    this.byStage.get(d.stage)!.add(amount, weighted);
    const q = d.overdue ? this.quarterOf(OVERDUE_PERIOD) : this.quarter(d.close);
    if (d.won) {
      this.won.add(amount, weighted);
      q.won.add(amount, weighted);
      return;
    }
    const category = d.category!;
    this.byCategory.get(category)!.add(amount, weighted);
    if (this.keepRows) this.rows.push(forecastRow(uri, d.plan, d.facts, d.overdue));
    this.listed.add(amount, weighted);
    if (!d.counts) return;
    this.open.add(amount, weighted);
    if (d.overdue) this.overdue.add(amount, weighted);
    q.byCategory.get(category)!.add(amount, weighted);
  }



  totals(): ForecastPanelModel['totals'] {
    return {
      open: { count: this.open.count, amount: this.open.amount.value, weighted: this.open.weighted.value },
      byCategory: Object.fromEntries(FORECAST_CATEGORIES.map((c) => {
        const t = this.byCategory.get(c)!;
        return [c, { count: t.count, weighted: t.weighted.value }];
      })) as Record<ForecastCategory, { count: number; weighted: number }>,
      won: { count: this.won.count, amount: this.won.amount.value },
      overdue: { count: this.overdue.count, amount: this.overdue.amount.value, weighted: this.overdue.weighted.value },
    };
  }

  /** The quarter of a close date, looked up once per date. */
  private quarter(close: string | undefined): QuarterTally {
    let q = this.byClose.get(close);
    if (!q) this.byClose.set(close, (q = this.quarterOf(quarterKey(close))));
    return q;
  }

  private quarterOf(key: string): QuarterTally {
    let q = this.quarters.get(key);
    if (!q) this.quarters.set(key, (q = new QuarterTally()));
    return q;
  }
}

function mostUsed(m: Map<string, number>): string | undefined {
  let best: string | undefined;
  for (const [k, n] of m) if (best === undefined || n > m.get(best)! || (n === m.get(best)! && k < best)) best = k;
  return best;
}

/** Choices in name order, the empty value (no owner, no tier) last. */
const choices = (m: Map<string, number>): Choice[] =>
  [...m].map(([value, count]) => ({ value, count }))
    .sort((a, b) => (a.value === b.value ? 0 : a.value === '' ? 1 : b.value === '' ? -1 : byName(a.value, b.value)));

const STAGE_RANK = new Map<string, number>(OPEN_STAGES.map((s, i) => [s, i]));
const CATEGORY_RANK = new Map<string, number>(FORECAST_CATEGORIES.map((c, i) => [c, i]));

type NameKey = 'account' | 'opportunity' | 'owner';
const isNameKey = (k: RowSortKey): k is NameKey => k === 'account' || k === 'opportunity' || k === 'owner';

/** Each distinct name's place in name order: the collator runs once per pair of names, not per pair of rows. */
function nameRanks(rows: readonly ForecastRow[], key: NameKey): Map<string, number> {
  const names = new Set<string>();
  for (const r of rows) if (r[key]) names.add(r[key]!);
  return new Map([...names].sort(byName).map((n, i) => [n, i]));
}

/** The value a row is sorted by (a name as its rank); undefined sorts last either way. */
function sortValue(row: ForecastRow, key: RowSortKey, ranks: Map<string, number> | undefined): number | string | undefined {
  if (isNameKey(key)) return row[key] ? ranks!.get(row[key]!) : undefined;
  if (key === 'stage') return STAGE_RANK.get(row.stage);
  if (key === 'category') return CATEGORY_RANK.get(row.category);
  return row[key];
}

/**
 * Rows in the order of `sort`; a missing value sorts last in both directions; ties by account and
 * opportunity (code-point order), file and position, so the table and the CSV always agree.
 */
export function sortRows(rows: readonly ForecastRow[], sort: RowSort): ForecastRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const ranks = isNameKey(sort.key) ? nameRanks(rows, sort.key) : undefined;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, sort.key, ranks) }));
  keyed.sort((a, b) => {
    const x = a.value;
    const y = b.value;
    if (x === undefined || y === undefined) {
      if (x !== y) return x === undefined ? 1 : -1;
    } else if (x !== y) {
      return sign * (x < y ? -1 : 1);
    }
    const [p, q] = [a.row, b.row];
    return byCodePoint(p.account, q.account) || byCodePoint(p.opportunity, q.opportunity) || byCodePoint(p.uri, q.uri) || p.index - q.index;
  });
  return keyed.map((k) => k.row);
}

/** Rows the Forecast page gets at a time: with the model, and then each time it scrolls to rows it has not got. */
export const ROW_BLOCK = 200;

/** The rows of the block that starts at `from` (fewer at the end; none past it). */
export const rowBlock = (model: ForecastPanelModel, from: number): readonly ForecastRow[] => model.rows.slice(from, from + ROW_BLOCK);

/** The model as the page gets it: every figure, and the first block of rows (`rowCount` says how many there are). */
export const withFirstBlock = (model: ForecastPanelModel): ForecastPanelModel => ({ ...model, rows: rowBlock(model, 0) });

// ---------- CSV ----------

const CSV_COLUMNS = ['account', 'opportunity', 'stage', 'category', 'probability', 'currency', 'amount', 'weighted', 'close', 'owner', 'tier'] as const;

/**
 * RFC 4180 CSV (CRLF, quotes where needed), with a UTF-8 byte-order mark so spreadsheets read
 * Chinese names right. A text cell that a spreadsheet would run as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
 */
export function forecastCsv(rows: readonly ForecastRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
