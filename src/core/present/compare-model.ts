import type { AccountDiff, ChangeSet } from '../diff/diff-plans';
import type { OpportunityDiff } from '../diff/opportunities';
import type { StakeholderDiff } from '../diff/stakeholders';
import { WATERFALL_SIGN, WATERFALL_STEPS, type WaterfallStep } from '../diff/waterfall';
import { translator, type Translate } from '../i18n/catalogue';
import { isolateDeep } from '../i18n/bidi';
import type { Locale } from '../model/finding';
import { Sum, formatMoney } from '../model/money';
import {
  accountChange, coverageLine, describeChanges, findingText, moneyIn, nextStepLine, opportunityLines, personLines, visitLine,
  type ChangeLine, type Tone, type WaterfallTable,
} from './describe-changes';

/** A line of the panel: the words of the text and Markdown presenters, and whether it is good or bad news. */
export interface PanelLine { readonly text: string; readonly tone?: Tone }

/** A value before and after (formatted); `tone` says whether the move is good news. */
export interface Move { readonly from: string; readonly to: string; readonly changed: boolean; readonly tone?: Tone }

export interface DealChangeRow {
  readonly name: string;
  readonly status: 'added' | 'removed' | 'changed';
  readonly stage: Move;
  readonly amount: Move;
  readonly close: Move;
  /** Every change of the deal, in words. */
  readonly lines: readonly PanelLine[];
}

export interface PersonChangeRow {
  readonly name: string;
  readonly status: 'added' | 'removed' | 'changed';
  readonly attitude: Move;
  readonly lines: readonly PanelLine[];
}

export interface AccountPanel {
  readonly id: string;
  readonly name: string;
  /** The account's own changes (added, renamed, owner, tier, broken…). */
  readonly account: readonly PanelLine[];
  readonly deals: readonly DealChangeRow[];
  readonly people: readonly PersonChangeRow[];
  /** Decision-chain coverage gained or lost. */
  readonly coverage: readonly PanelLine[];
  readonly visits: readonly PanelLine[];
  readonly nextSteps: readonly PanelLine[];
  readonly introduced: readonly string[];
  readonly fixed: readonly string[];
}

/** A key figure at the top of the panel: the pipeline of one currency, deals, people, visits, findings. */
export interface Tile {
  readonly kind: 'pipeline' | 'deals' | 'people' | 'visits' | 'findings';
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
  readonly tone?: Tone;
}

/** One bar of a waterfall chart: a total (from 0) or a step (from the running total, up or down). */
export interface WaterfallBar {
  readonly label: string;
  readonly kind: 'total' | 'up' | 'down';
  readonly start: number;
  readonly end: number;
  /** The bar's amount as a user reads it (signed for a step). */
  readonly amount: string;
}

/** The quarter's pipeline of one currency (every forecast category together), step by step. */
export interface WaterfallChart {
  readonly currency: string;
  readonly title: string;
  readonly bars: readonly WaterfallBar[];
}

/** What the Compare panel shows: every word and number already in the user's language. */
export interface ComparePanelModel {
  readonly quarter: string;
  readonly changed: boolean;
  /** The headline of every presenter (pipeline per currency, deals moved, accounts changed, findings). */
  readonly headline: readonly string[];
  /** The pipeline's move per currency (or that it did not move), then deals, people, visits, findings. */
  readonly tiles: readonly Tile[];
  readonly waterfallTitle: string;
  readonly waterfalls: readonly WaterfallChart[];
  /** The exact figures per currency and forecast category (the Markdown report's table). */
  readonly waterfallTable?: WaterfallTable;
  readonly accounts: readonly AccountPanel[];
}

/** A change set as the Compare panel's model, from the same words as `diff` and the pull-request report. */
export function comparePanelModel(changes: ChangeSet, locale: Locale = 'en'): ComparePanelModel {
  // The page shows plan text inside our sentences: each piece isolated, so a bidi control in a name cannot reorder the rest.
  const cs = isolateDeep(changes);
  const t = translator(locale);
  const described = describeChanges(cs, locale);
  const accounts = cs.accounts.filter((a) => a.status !== 'unchanged' || a.edited).map((a) => accountPanel(a, t, locale, cs.quarter));
  return {
    quarter: cs.quarter,
    changed: cs.changed,
    headline: described.headline,
    tiles: [...pipelineTiles(cs, t, locale), ...countTiles(cs, t)],
    waterfallTitle: described.waterfallTitle,
    waterfalls: waterfallCharts(cs, t, locale),
    waterfallTable: described.waterfall,
    accounts,
  };
}

const lineOf = (l: ChangeLine): PanelLine => ({ text: l.text, tone: l.tone });

function accountPanel(a: AccountDiff, t: Translate, locale: Locale, quarter: string): AccountPanel {
  const money = moneyIn(t, locale);
  const account: PanelLine[] = [];
  if (a.status === 'added') account.push({ text: t('diff.account.added'), tone: 'up' });
  if (a.status === 'removed') account.push({ text: t('diff.account.removed'), tone: 'down' });
  account.push(...a.changes.map((c) => lineOf(accountChange(c, t))));
  if (a.status === 'unchanged' && a.edited) account.push({ text: t('diff.account.edited') });
  return {
    id: a.id,
    name: a.after?.name ?? a.before?.name ?? a.id,
    account,
    deals: a.opportunities.map((o) => dealRow(o, t, money, quarter)),
    people: a.stakeholders.map((s) => personRow(s, t)),
    coverage: a.coverage.map((c) => lineOf(coverageLine(c, t))),
    visits: a.visits.map((v) => lineOf(visitLine(v, t))),
    nextSteps: a.nextSteps.map((n) => {
      const l = nextStepLine(n, t, a);
      return { text: l.subject ? `${l.subject}: ${l.text}` : l.text, tone: l.tone };
    }),
    introduced: a.findings.introduced.map((f) => findingText(f.finding, t)),
    fixed: a.findings.fixed.map((f) => findingText(f.finding, t)),
  };
}

const statusOf = (d: { before?: unknown; after?: unknown }): 'added' | 'removed' | 'changed' => (!d.before ? 'added' : !d.after ? 'removed' : 'changed');

function move(t: Translate, from: string | undefined, to: string | undefined, tone?: Tone): Move {
  const f = from ?? t('diff.none');
  const s = to ?? t('diff.none');
  return { from: f, to: s, changed: f !== s, tone: f !== s ? tone : undefined };
}

function dealRow(o: OpportunityDiff, t: Translate, money: (v: number | undefined, c: string) => string, quarter: string): DealChangeRow {
  const lines = opportunityLines(o, t, money, quarter).map(lineOf);
  const toneOf = (kind: string): Tone => lines[o.events.findIndex((e) => e.kind === kind)]?.tone;
  const b = o.before;
  const a = o.after;
  const stageTone = toneOf('stage') ?? toneOf('won') ?? toneOf('lost') ?? toneOf('reopened');
  return {
    name: a?.name ?? b?.name ?? o.key,
    status: statusOf(o),
    stage: move(t, b?.stage, a?.stage, stageTone),
    amount: move(t, b ? money(b.amount, b.currency) : undefined, a ? money(a.amount, a.currency) : undefined, toneOf('amount')),
    close: move(t, b?.close, a?.close, toneOf('close')),
    lines,
  };
}

function personRow(s: StakeholderDiff, t: Translate): PersonChangeRow {
  const lines = personLines(s, t).map(lineOf);
  const at = s.events.findIndex((e) => e.kind === 'attitude');
  return {
    name: s.after?.name ?? s.before?.name ?? s.key,
    status: statusOf(s),
    attitude: move(t, s.before?.attitude, s.after?.attitude, at < 0 ? undefined : lines[at]?.tone),
    lines,
  };
}

/** The quarter's pipeline per currency (all categories) where it moved; one tile saying it did not, else. */
function pipelineTiles(cs: ChangeSet, t: Translate, locale: Locale): Tile[] {
  const moved = totalsByCurrency(cs).filter((c) => c.before.value !== c.after.value);
  if (moved.length === 0) return [{ kind: 'pipeline', label: t('compare.tile.pipeline', { quarter: cs.quarter }), value: t('compare.tile.unchanged') }];
  return moved.map(({ currency, before, after }) => {
    const delta = new Sum().add(after.value).add(-before.value).value;
    const money = (v: number) => formatMoney(v, currency, locale);
    return {
      kind: 'pipeline',
      label: t('compare.tile.pipelineCurrency', { quarter: cs.quarter, currency }),
      value: `${delta > 0 ? '+' : '−'}${money(Math.abs(delta))}`,
      detail: t('compare.tile.fromTo', { from: money(before.value), to: money(after.value) }),
      tone: delta > 0 ? 'up' : 'down',
    };
  });
}

function countTiles(cs: ChangeSet, t: Translate): Tile[] {
  const count = (f: (a: AccountDiff) => number) => cs.accounts.reduce((n, a) => n + f(a), 0);
  const { introduced, fixed } = cs.findings;
  return [
    { kind: 'deals', label: t('compare.tile.deals'), value: String(count((a) => a.opportunities.length)) },
    { kind: 'people', label: t('compare.tile.people'), value: String(count((a) => a.stakeholders.length)) },
    { kind: 'visits', label: t('compare.tile.visits'), value: String(count((a) => a.visits.filter((v) => v.kind === 'added').length)) },
    {
      kind: 'findings', label: t('diff.findings'), value: `+${introduced} / −${fixed}`,
      detail: t('diff.findingsCount', { introduced, fixed }), tone: introduced > fixed ? 'down' : fixed > introduced ? 'up' : undefined,
    },
  ];
}

interface CurrencyTotals { readonly currency: string; readonly before: Sum; readonly after: Sum; readonly steps: Map<WaterfallStep, Sum> }

function totalsByCurrency(cs: ChangeSet): CurrencyTotals[] {
  const totals = new Map<string, CurrencyTotals>();
  for (const b of cs.waterfall.buckets) {
    let c = totals.get(b.currency);
    if (!c) totals.set(b.currency, (c = { currency: b.currency, before: new Sum(), after: new Sum(), steps: new Map() }));
    c.before.add(b.before);
    c.after.add(b.after);
    for (const s of WATERFALL_STEPS) {
      if (b.steps[s] === 0) continue;
      const sum = c.steps.get(s) ?? new Sum();
      c.steps.set(s, sum.add(b.steps[s]));
    }
  }
  return [...totals.values()];
}

/**
 * Per currency whose pipeline moved: before, each step that moved it (from the running total),
 * after. Moves between forecast categories show as one net step (the table has them per category).
 */
function waterfallCharts(cs: ChangeSet, t: Translate, locale: Locale): WaterfallChart[] {
  return totalsByCurrency(cs).filter((c) => c.steps.size > 0).map((c) => {
    const amount = (v: number) => formatMoney(v, c.currency, locale);
    const bars: WaterfallBar[] = [{ label: t('diff.step.before'), kind: 'total', start: 0, end: c.before.value, amount: amount(c.before.value) }];
    const running = new Sum().add(c.before.value);
    const step = (label: string, signed: number) => {
      if (signed === 0) return;
      const start = running.value;
      running.add(signed);
      bars.push({ label, kind: signed > 0 ? 'up' : 'down', start, end: running.value, amount: `${signed > 0 ? '+' : '−'}${amount(Math.abs(signed))}` });
    };
    for (const s of WATERFALL_STEPS) {
      if (s === 'movedOut' || s === 'movedIn') continue;
      step(t(`diff.step.${s}`), WATERFALL_SIGN[s] * (c.steps.get(s)?.value ?? 0));
    }
    // Within one currency a move between forecast categories changes the total only by its net.
    step(t('compare.waterfallMoved'), new Sum().add(c.steps.get('movedIn')?.value ?? 0).add(-(c.steps.get('movedOut')?.value ?? 0)).value);
    bars.push({ label: t('diff.step.after'), kind: 'total', start: 0, end: c.after.value, amount: amount(c.after.value) });
    return { currency: c.currency, title: t('compare.waterfallCurrency', { currency: c.currency, quarter: cs.quarter }), bars };
  });
}
