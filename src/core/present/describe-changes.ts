import type { AccountDiff, ChangeSet } from '../diff/diff-plans';
import type { OpportunityDiff, OpportunityEvent, OpportunitySnapshot } from '../diff/opportunities';
import type { CoverageChange, StakeholderDiff, StakeholderEvent } from '../diff/stakeholders';
import type { NextStepChange, VisitChange } from '../diff/visits';
import { WATERFALL_SIGN, WATERFALL_STEPS, type WaterfallStep } from '../diff/waterfall';
import { counted, plural, translator, type Translate } from '../i18n/catalogue';
import type { Locale } from '../model/finding';
import { Sum, formatMoney } from '../model/money';

/** Whether a line is good news, bad news, or neither (the terminal colours it). */
export type Tone = 'up' | 'down' | undefined;

/** One change, in words: `subject` is the deal or person it is about (absent: the account itself). */
export interface ChangeLine { readonly subject?: string; readonly text: string; readonly tone?: Tone }

export interface FindingLine { readonly kind: 'introduced' | 'fixed'; readonly text: string }

export interface AccountLines {
  readonly id: string;
  /** The customer's name (after, else before), else the id. */
  readonly name: string;
  readonly lines: readonly ChangeLine[];
  readonly findings: readonly FindingLine[];
  /** How much changed: what a report trims by (least first). */
  readonly weight: number;
}

export interface WaterfallTable {
  readonly headers: readonly string[];
  /** First cell the step's name, then one amount per bucket. */
  readonly rows: readonly (readonly string[])[];
}

/** A change set in words, in one language: what every renderer (text, Markdown) lays out. */
export interface DescribedChanges {
  readonly title: string;
  /** The headline's parts: pipeline per currency, deals moved, accounts changed, findings. */
  readonly headline: readonly string[];
  readonly waterfallTitle: string;
  readonly waterfall?: WaterfallTable;
  /** Accounts with something to show, in the change set's order. */
  readonly accounts: readonly AccountLines[];
  readonly t: Translate;
}

/** Puts a change set into words; plan text is left as written (a renderer escapes it). */
export function describeChanges(cs: ChangeSet, locale: Locale = 'en'): DescribedChanges {
  const t = translator(locale);
  const money = moneyIn(t, locale);
  const accounts = cs.accounts.map((a) => accountLines(a, t, money, cs.quarter)).filter((a) => a.lines.length + a.findings.length > 0);
  return {
    title: t('diff.title'),
    headline: headline(cs, t, locale, accounts.length),
    waterfallTitle: t('diff.waterfall', { quarter: cs.quarter }),
    waterfall: waterfallTable(cs, t, locale),
    accounts,
    t,
  };
}

/** Formats an amount in a currency; `—` (the catalogue's none) when there is none. */
export type Money = (v: number | undefined, currency: string) => string;

export const moneyIn = (t: Translate, locale: Locale): Money =>
  (v, currency) => (v === undefined ? t('diff.none') : formatMoney(v, currency, locale));

/** One change to one item in words, with what it is about (the merge driver names each side's change with these). */
export interface ItemChangeLine {
  readonly list: 'account' | 'stakeholders' | 'opportunities' | 'visits';
  /** The item as the diff pairs it: a person's or deal's key (id, else name), a visit's date. */
  readonly key?: string;
  /** The change's kind in the diff (`attitude`, `stage`, `owner`, `added`…). */
  readonly kind: string;
  readonly text: string;
}

/** Every change of a change set's accounts in words, one line per change, each with its item and kind. */
export function describeItemChanges(cs: ChangeSet, locale: Locale = 'en'): ItemChangeLine[] {
  const t = translator(locale);
  const money = moneyIn(t, locale);
  return cs.accounts.flatMap((a): ItemChangeLine[] => [
    ...a.changes.map((c) => ({ list: 'account' as const, kind: c.kind, text: accountChange(c, t).text })),
    ...a.opportunities.flatMap((o) => o.events.map((e) => ({ list: 'opportunities' as const, key: o.key, kind: e.kind, text: opportunityEvent(e, o, t, money, cs.quarter).text }))),
    ...a.stakeholders.flatMap((s) => s.events.map((e) => ({ list: 'stakeholders' as const, key: s.key, kind: e.kind, text: personEvent(e, s, t).text }))),
    ...a.visits.map((v) => ({ list: 'visits' as const, key: v.visit.date, kind: v.kind, text: visitLine(v, t).text })),
  ]);
}

function headline(cs: ChangeSet, t: Translate, locale: Locale, changedAccounts: number): string[] {
  if (!cs.changed && changedAccounts === 0) return [t('diff.nothing')];
  const totals = new Map<string, { before: Sum; after: Sum }>();
  for (const b of cs.waterfall.buckets) {
    const sums = totals.get(b.currency) ?? { before: new Sum(), after: new Sum() };
    sums.before.add(b.before);
    sums.after.add(b.after);
    totals.set(b.currency, sums);
  }
  const perCurrency = [...totals].filter(([, s]) => s.before.value !== s.after.value).map(([currency, s]) => {
    const delta = new Sum().add(s.after.value).add(-s.before.value).value;
    const sign = delta > 0 ? '+' : '−';
    return t('diff.pipelineCurrency', {
      before: formatMoney(s.before.value, currency, locale), after: formatMoney(s.after.value, currency, locale),
      delta: `${sign}${formatMoney(Math.abs(delta), currency, locale)}`,
    });
  });
  const moved = cs.accounts.reduce((n, a) => n + a.opportunities.length, 0);
  return [
    perCurrency.length ? t('diff.pipeline', { quarter: cs.quarter, changes: perCurrency.join(' · ') }) : t('diff.noPipeline', { quarter: cs.quarter }),
    t(plural('diff.dealsMoved', moved), { count: moved }),
    t(plural('diff.accountsChanged', changedAccounts), { count: changedAccounts }),
    t('diff.findingsCount', { introduced: cs.findings.introduced, fixed: cs.findings.fixed }),
  ];
}

function waterfallTable(cs: ChangeSet, t: Translate, locale: Locale): WaterfallTable | undefined {
  const buckets = cs.waterfall.buckets.filter((b) => b.before !== b.after || WATERFALL_STEPS.some((s) => b.steps[s] !== 0));
  if (buckets.length === 0) return undefined;
  const steps = WATERFALL_STEPS.filter((s) => buckets.some((b) => b.steps[s] !== 0));
  const signed = (s: WaterfallStep, v: number, currency: string): string =>
    (v === 0 ? '' : `${WATERFALL_SIGN[s] > 0 ? '+' : '−'}${formatMoney(v, currency, locale)}`);
  const column = (b: (typeof buckets)[number]): string[] =>
    [formatMoney(b.before, b.currency, locale), ...steps.map((s) => signed(s, b.steps[s], b.currency)), formatMoney(b.after, b.currency, locale)];
  const columns = buckets.map(column);
  const names = [t('diff.step.before'), ...steps.map((s) => t(`diff.step.${s}`)), t('diff.step.after')];
  return {
    headers: [t('diff.step'), ...buckets.map((b) => `${b.currency} · ${t(`forecast.category.${b.category}`)}`)],
    rows: names.map((name, i) => [name, ...columns.map((c) => c[i])]),
  };
}

function accountLines(a: AccountDiff, t: Translate, money: Money, quarter: string): AccountLines {
  const name = a.after?.name ?? a.before?.name ?? a.id;
  const lines: ChangeLine[] = [];
  if (a.status === 'added') lines.push({ text: t('diff.account.added'), tone: 'up' });
  if (a.status === 'removed') lines.push({ text: t('diff.account.removed'), tone: 'down' });
  for (const c of a.changes) lines.push(accountChange(c, t));
  for (const o of a.opportunities) lines.push(...opportunityLines(o, t, money, quarter));
  for (const s of a.stakeholders) lines.push(...personLines(s, t));
  for (const c of a.coverage) lines.push(coverageLine(c, t));
  for (const v of a.visits) lines.push(visitLine(v, t));
  for (const n of a.nextSteps) lines.push(nextStepLine(n, t, a));
  if (a.status === 'unchanged' && a.edited && lines.length === 0) lines.push({ text: t('diff.account.edited') });
  const findings: FindingLine[] = [
    ...a.findings.introduced.map((f) => ({ kind: 'introduced' as const, text: findingText(f.finding, t) })),
    ...a.findings.fixed.map((f) => ({ kind: 'fixed' as const, text: findingText(f.finding, t) })),
  ];
  const weight = lines.length + findings.length + a.opportunities.length;
  return { id: a.id, name, lines, findings, weight };
}

export const findingText = (f: { code: string; message: string; range: { start: { line: number } } }, t: Translate): string =>
  t('diff.findingLine', { code: f.code, message: f.message, line: f.range.start.line + 1 });

const arrow = (d: string | undefined): string => (d === 'up' || d === 'better' ? '↑' : d === 'down' || d === 'worse' ? '↓' : '');
const toneOf = (d: string | undefined): Tone => (d === 'up' || d === 'better' || d === 'pulled-in' ? 'up' : d === 'down' || d === 'worse' || d === 'pushed-out' ? 'down' : undefined);
const or = (t: Translate, v: string | number | undefined): string => (v === undefined || v === '' ? t('diff.none') : String(v));

export function accountChange(c: AccountDiff['changes'][number], t: Translate): ChangeLine {
  switch (c.kind) {
    case 'renamed': return { text: t('diff.account.renamed', { from: or(t, c.from), to: or(t, c.to) }) };
    case 'moved': return { text: t('diff.account.moved', { from: c.from, to: c.to }) };
    case 'owner': return { text: t('diff.account.owner', { from: or(t, c.from), to: or(t, c.to) }) };
    case 'tier': return { text: t('diff.account.tier', { from: or(t, c.from), to: or(t, c.to), arrow: arrow(c.direction) }).trimEnd(), tone: toneOf(c.direction) };
    case 'unparsable':
      return c.side === 'after'
        ? { text: t('diff.account.broken', { error: c.error?.message ?? t('diff.none') }), tone: 'down' }
        : { text: t('diff.account.parsesAgain'), tone: 'up' };
  }
}

export function opportunityLines(o: OpportunityDiff, t: Translate, money: Money, quarter: string): ChangeLine[] {
  const subject = o.after?.name ?? o.before?.name ?? o.key;
  return o.events.map((e) => ({ subject, ...opportunityEvent(e, o, t, money, quarter) }));
}

function opportunityEvent(e: OpportunityEvent, o: OpportunityDiff, t: Translate, money: Money, quarter: string): Omit<ChangeLine, 'subject'> {
  const snap = (s: OpportunitySnapshot | undefined) => ({ stage: or(t, s?.stage), amount: s ? money(s.amount, s.currency) : t('diff.none'), close: or(t, s?.close) });
  switch (e.kind) {
    case 'added': return { text: t('diff.opp.added', snap(o.after)), tone: 'up' };
    case 'removed': return { text: t('diff.opp.removed', snap(o.before)), tone: 'down' };
    case 'won': return { text: t('diff.opp.won', { from: or(t, e.from), arrow: '↑' }), tone: 'up' };
    case 'lost': return { text: t('diff.opp.lost', { from: or(t, e.from), arrow: '↓' }), tone: 'down' };
    case 'reopened': return { text: t('diff.opp.reopened', { from: e.from, to: e.to }), tone: 'up' };
    case 'stage':
      return {
        text: t('diff.opp.stage', {
          from: or(t, e.from), to: or(t, e.to), arrow: arrow(e.direction),
          stepFrom: or(t, e.customerStep.from), stepTo: or(t, e.customerStep.to),
        }).replace(/ {2}/, ' '),
        tone: toneOf(e.direction),
      };
    case 'close': {
      const dates = { from: or(t, e.from), to: or(t, e.to), days: counted(t, 'count.day', Math.abs(e.days ?? 0)) };
      const base = e.direction === 'pushed-out' ? t('diff.opp.pushedOut', dates) : e.direction === 'pulled-in' ? t('diff.opp.pulledIn', dates) : t('diff.opp.close', dates);
      const edge = e.leftQuarter ? t('diff.opp.leftQuarter', { quarter }) : e.enteredQuarter ? t('diff.opp.enteredQuarter', { quarter }) : '';
      return { text: edge ? t('diff.opp.closeEdge', { change: base, edge }) : base, tone: toneOf(e.direction) };
    }
    case 'amount': return { text: t('diff.opp.amount', { from: money(e.from, e.currency), to: money(e.to, e.currency), arrow: arrow(e.direction) }).trimEnd(), tone: toneOf(e.direction) };
    case 'currency': return { text: t('diff.opp.currency', { from: e.from, to: e.to }) };
    case 'forecast': {
      const cat = (c: string | undefined) => (c ? t(`forecast.category.${c}` as 'forecast.category.commit') : t('diff.none'));
      return { text: t('diff.opp.forecast', { from: cat(e.category.from), to: cat(e.category.to) }) };
    }
    case 'probability':
      return { text: t('diff.opp.probability', { from: `${e.effective.from} %`, to: `${e.effective.to} %`, arrow: arrow(e.direction) }).trimEnd(), tone: toneOf(e.direction) };
  }
}

export function personLines(s: StakeholderDiff, t: Translate): ChangeLine[] {
  const subject = s.after?.name ?? s.before?.name ?? s.key;
  return s.events.map((e) => ({ subject, ...personEvent(e, s, t) }));
}

function personEvent(e: StakeholderEvent, s: StakeholderDiff, t: Translate): Omit<ChangeLine, 'subject'> {
  const grid = (g: { personal: number; company: string } | undefined) => (g ? `${g.company}${g.personal}` : t('diff.none'));
  switch (e.kind) {
    case 'added': return { text: t('diff.person.added', { roles: s.after?.roles.length ? s.after.roles.join(', ') : t('diff.none'), attitude: or(t, s.after?.attitude) }) };
    case 'removed': return { text: t('diff.person.removed') };
    case 'left':
      if (!e.to) return { text: t('diff.person.back'), tone: 'up' };
      return { text: e.gone ? t('diff.person.left', { date: e.to }) : t('diff.person.leaving', { date: e.to }), tone: 'down' };
    case 'attitude': {
      const params = { from: or(t, e.from), to: or(t, e.to), arrow: arrow(e.direction), date: or(t, e.recordedAt?.date) };
      return { text: (e.recordedAt ? t('diff.person.attitudeAt', params) : t('diff.person.attitude', params)).replace(/ {2}/, ' ').trimEnd(), tone: toneOf(e.direction) };
    }
    case 'grid': return { text: t('diff.person.grid', { from: grid(e.from), to: grid(e.to) }) };
    case 'influence': return { text: t('diff.person.influence', { from: or(t, e.from), to: or(t, e.to), arrow: arrow(e.direction) }).trimEnd(), tone: toneOf(e.direction) };
    case 'roles':
      return { text: t('diff.person.roles', { added: e.added.map((r) => `+${r}`).join(' '), removed: e.removed.map((r) => `−${r}`).join(' ') }).replace(/ +/g, ' ').trimEnd() };
  }
}

export function coverageLine(c: CoverageChange, t: Translate): ChangeLine {
  const role = t(`role.${c.role}`);
  const name = (p: CoverageChange['people'][number]) => p.name ?? p.key;
  if (c.change === 'gained') return { text: t('diff.coverage.gained', { role, names: c.people.map(name).join(', ') || t('diff.nobody') }), tone: 'up' };
  const reason = (p: CoverageChange['people'][number]) =>
    t(p.reason === 'left' ? 'diff.coverage.left' : p.reason === 'removed' ? 'diff.coverage.removed' : 'diff.coverage.dropped', { name: name(p) });
  return { text: t('diff.coverage.lost', { role, reasons: c.people.map(reason).join(', ') || t('diff.nobody') }), tone: 'down' };
}

export function visitLine(v: VisitChange, t: Translate): ChangeLine {
  const visit = v.visit;
  if (v.kind === 'removed') return { text: t('diff.visit.removed', { date: or(t, visit.date) }) };
  const params = {
    date: or(t, visit.date),
    purpose: visit.purpose ? t(`purpose.${visit.purpose}`) : t('diff.none'),
    people: visit.with.map((p) => p.name ?? p.id).join(', ') || t('diff.nobody'),
  };
  return { text: visit.planned ? t('diff.visit.planned', params) : t('diff.visit.added', params), tone: 'up' };
}

export function nextStepLine(n: NextStepChange, t: Translate, a: AccountDiff): ChangeLine {
  const deal = n.opportunity ? a.opportunities.find((o) => o.key === n.opportunity) : undefined;
  const subject = deal ? deal.after?.name ?? deal.before?.name ?? deal.key : n.opportunity;
  return { subject, text: t(n.kind === 'added' ? 'diff.next.added' : 'diff.next.done', { text: n.text }), tone: n.kind === 'done' ? 'up' : undefined };
}
