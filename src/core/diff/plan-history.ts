import { checkPlan } from '../check-plan';
import type { Locale } from '../model/finding';
import type { PlanFacts } from '../model/plan-analysis';
import type { Settings } from '../model/settings';

/** One commit that touched the plan, oldest first: what `history` rolls up. */
export interface HistoryInput {
  readonly commit: string;
  /** ISO 8601 (committer date). */
  readonly date: string;
  readonly author: string;
  readonly subject: string;
  /** The plan's path in this commit (it changes across renames). */
  readonly path: string;
  /** The plan's text as the commit left it; absent when the commit deleted it or it could not be read. */
  readonly text?: string;
  /** Why the text could not be read (binary, too large…); absent otherwise. */
  readonly unreadable?: string;
}

export interface HistoryOpportunity {
  readonly key: string;
  readonly name?: string;
  readonly stage?: string;
  readonly status: 'open' | 'won' | 'lost' | 'unknown';
  readonly amount?: number;
  readonly currency: string;
  readonly probability: number;
  readonly weighted?: number;
}

export interface HistoryPerson {
  readonly key: string;
  readonly name?: string;
  readonly attitude?: string;
  /** The `left` date, when the person has left the company. */
  readonly left?: string;
}

/** What changed against the previous commit where the plan parsed. */
export type HistoryChange =
  | { readonly kind: 'opportunity-added' | 'opportunity-removed'; readonly key: string; readonly name?: string }
  | { readonly kind: 'stage'; readonly key: string; readonly name?: string; readonly from?: string; readonly to?: string }
  | { readonly kind: 'amount' | 'weighted'; readonly key: string; readonly name?: string; readonly currency: string; readonly from?: number; readonly to?: number }
  | { readonly kind: 'person-added' | 'person-removed'; readonly key: string; readonly name?: string }
  | { readonly kind: 'attitude'; readonly key: string; readonly name?: string; readonly from?: string; readonly to?: string }
  | { readonly kind: 'visits'; readonly month: string; readonly from: number; readonly to: number };

export interface HistoryEntry {
  readonly commit: string;
  readonly date: string;
  readonly author: string;
  readonly subject: string;
  readonly path: string;
  /** `parsed`: the plan's frontmatter parsed; otherwise the figures below are empty. */
  readonly state: 'parsed' | 'unparsable' | 'unreadable' | 'deleted';
  /** For `unparsable`: the plan's first error; for `unreadable`: why. */
  readonly error?: string;
  /** True for the first commit where the plan parsed (nothing earlier to compare with). */
  readonly first: boolean;
  readonly opportunities: readonly HistoryOpportunity[];
  readonly people: readonly HistoryPerson[];
  /** Visits by month (`YYYY-MM`), months in order; undated visits are not counted. */
  readonly visitsByMonth: Readonly<Record<string, number>>;
  /** Against the previous commit where the plan parsed; empty for the first. */
  readonly changes: readonly HistoryChange[];
}

export interface PlanHistory {
  readonly version: 1;
  readonly entries: readonly HistoryEntry[];
}

export interface HistoryOptions {
  readonly today: string;
  readonly settings?: Settings;
  readonly locale?: Locale;
}

/** One plan across its commits: stage, amount and weighted amount per opportunity, attitudes, visits per month. */
export function planHistory(inputs: readonly HistoryInput[], options: HistoryOptions): PlanHistory {
  const entries: HistoryEntry[] = [];
  let previous: HistoryEntry | undefined;
  for (const input of inputs) {
    const entry = historyEntry(input, previous, options);
    entries.push(entry);
    if (entry.state === 'parsed') previous = entry;
  }
  return { version: 1, entries };
}

function historyEntry(input: HistoryInput, previous: HistoryEntry | undefined, options: HistoryOptions): HistoryEntry {
  const base = { commit: input.commit, date: input.date, author: input.author, subject: input.subject, path: input.path };
  const empty = { first: false, opportunities: [], people: [], visitsByMonth: {}, changes: [] };
  if (input.text === undefined) {
    return input.unreadable === undefined ? { ...base, ...empty, state: 'deleted' } : { ...base, ...empty, state: 'unreadable', error: input.unreadable };
  }
  const analysis = checkPlan(input.text, { fileName: input.path, today: options.today, settings: options.settings, locale: options.locale, cacheParse: false });
  if (!analysis.facts) return { ...base, ...empty, state: 'unparsable', error: analysis.findings[0]?.message ?? '' };
  const figures = figuresOf(analysis.facts);
  return { ...base, state: 'parsed', first: previous === undefined, ...figures, changes: previous ? changesBetween(previous, figures) : [] };
}

type Figures = Pick<HistoryEntry, 'opportunities' | 'people' | 'visitsByMonth'>;

function figuresOf(facts: PlanFacts): Figures {
  const opportunities = facts.opportunities.map((f, i): HistoryOpportunity => ({
    key: f.opportunity.id ?? f.opportunity.name ?? `#${i + 1}`,
    name: f.opportunity.name,
    stage: f.stage,
    status: f.open ? 'open' : f.won ? 'won' : f.stage === 'lost' ? 'lost' : 'unknown',
    amount: f.opportunity.amount,
    currency: f.currency,
    probability: f.probability,
    weighted: f.weighted,
  }));
  const people = facts.stakeholders.map((s, i): HistoryPerson => ({
    key: s.stakeholder.id ?? s.stakeholder.name ?? `#${i + 1}`,
    name: s.stakeholder.name,
    attitude: s.attitude,
    left: s.stakeholder.left,
  }));
  return { opportunities, people, visitsByMonth: visitsByMonth(facts) };
}

function visitsByMonth(facts: PlanFacts): Record<string, number> {
  const counts = new Map<string, number>();
  for (const v of facts.pastVisits) {
    if (v.date) counts.set(v.date.slice(0, 7), (counts.get(v.date.slice(0, 7)) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** What moved between two parsed states: opportunities first, then people, then visits. */
export function changesBetween(before: Figures, after: Figures): HistoryChange[] {
  return [...opportunityChanges(before.opportunities, after.opportunities), ...personChanges(before.people, after.people), ...visitChanges(before.visitsByMonth, after.visitsByMonth)];
}

function opportunityChanges(before: readonly HistoryOpportunity[], after: readonly HistoryOpportunity[]): HistoryChange[] {
  const out: HistoryChange[] = [];
  const old = new Map(before.map((o) => [o.key, o]));
  for (const a of after) {
    const b = old.get(a.key);
    old.delete(a.key);
    const who = { key: a.key, name: a.name };
    if (!b) { out.push({ kind: 'opportunity-added', ...who }); continue; }
    if (b.stage !== a.stage) out.push({ kind: 'stage', ...who, from: b.stage, to: a.stage });
    if (b.amount !== a.amount || b.currency !== a.currency) out.push({ kind: 'amount', ...who, currency: a.currency, from: b.amount, to: a.amount });
    if (b.weighted !== a.weighted) out.push({ kind: 'weighted', ...who, currency: a.currency, from: b.weighted, to: a.weighted });
  }
  for (const b of old.values()) out.push({ kind: 'opportunity-removed', key: b.key, name: b.name });
  return out;
}

function personChanges(before: readonly HistoryPerson[], after: readonly HistoryPerson[]): HistoryChange[] {
  const out: HistoryChange[] = [];
  const old = new Map(before.map((p) => [p.key, p]));
  for (const a of after) {
    const b = old.get(a.key);
    old.delete(a.key);
    if (!b) out.push({ kind: 'person-added', key: a.key, name: a.name });
    else if (b.attitude !== a.attitude) out.push({ kind: 'attitude', key: a.key, name: a.name, from: b.attitude, to: a.attitude });
  }
  for (const b of old.values()) out.push({ kind: 'person-removed', key: b.key, name: b.name });
  return out;
}

function visitChanges(before: Readonly<Record<string, number>>, after: Readonly<Record<string, number>>): HistoryChange[] {
  const months = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return months
    .filter((m) => (before[m] ?? 0) !== (after[m] ?? 0))
    .map((month) => ({ kind: 'visits' as const, month, from: before[month] ?? 0, to: after[month] ?? 0 }));
}
