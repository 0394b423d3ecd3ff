import {
  MoneySum, STAGE_INFO, attitudeLetter, daysAgo, formatMoney, isolateBidi, plural, stageSteps, translator, trendOf,
  CATALOGUES, type Attitude, type MessageKey, type Translate, type Finding, type Locale, type Money, type OpportunityFacts, type Plan, type PlanAnalysis,
  type PlanFacts, type StakeholderFacts, type Visit,
} from '../core/index';
import { Html, htmlTag, type HtmlTag, type Part } from './html';

export interface CardOptions {
  /** markdown-it's `utils.escapeHtml`: every plan string goes through it. */
  readonly escape: (s: string) => string;
  readonly locale: Locale;
  /** Shown as the title when the frontmatter cannot be read. */
  readonly fileName: string;
  /** Attributes markdown-it rendered for the card's token (the preview's scroll-sync line). */
  readonly attrs?: string;
}

interface Ctx {
  readonly h: HtmlTag;
  readonly t: Translate;
  readonly locale: Locale;
  readonly today: string;
}

/** The card that stands in for a plan's frontmatter: header, people, pipeline, visits, findings. */
export function renderPlanCard(analysis: PlanAnalysis, options: CardOptions): string {
  const h = htmlTag(options.escape);
  const t = translator(options.locale);
  const attrs = new Html(options.attrs ?? ' class="ap-card"');
  const { plan, facts } = analysis;
  if (!plan || !facts) {
    return h`<section${attrs} aria-label="${t('card.title')}">
<header class="ap-header"><div class="ap-kicker">${t('card.title')}</div><div class="ap-title-row"><span class="ap-account">${baseName(options.fileName)}</span></div>
<p class="ap-unreadable">${t('card.unreadable')}</p></header>
${findingsSection(analysis.findings, { h, t, locale: options.locale, today: '' })}
</section>
`.value;
  }
  const ctx: Ctx = { h, t, locale: options.locale, today: facts.today };
  return h`<section${attrs} aria-label="${t('card.title')}">
${header(plan, ctx)}
${kpis(plan, facts, analysis.findings, ctx)}
${stakeholdersSection(facts, ctx)}
${pipelineSection(facts, ctx)}
${visitsSection(plan, ctx)}
${findingsSection(analysis.findings, ctx)}
</section>
`.value;
}

// ---------- header ----------

function header(plan: Plan, { h, t }: Ctx): Html {
  const fact = (label: string, value: Part, title?: string) =>
    value === undefined || value === '' ? '' : h`<div class="ap-fact"><dt>${label}</dt><dd${title ? h` title="${title}"` : ''}>${value}</dd></div>`;
  const relationship = plan.relationship;
  return h`<header class="ap-header">
<div class="ap-kicker">${t('card.title')}</div>
<div class="ap-title-row">${plan.tier ? h`<span class="ap-tier ap-tier-${cls(plan.tier)}">${plan.tier}</span>` : ''}<span class="ap-account">${plan.account ?? plan.id}</span></div>
<dl class="ap-facts">${[
    fact(t('card.owner'), plan.owner),
    fact(t('card.industry'), plan.industry),
    fact(t('card.relationship'), relationship && word(t, `relationship.${relationship}`, relationship), relationship),
    fact(t('card.ownership'), plan.ownership && word(t, `ownership.${plan.ownership}`, plan.ownership), plan.ownership),
    fact(t('card.competitors'), joined(plan.competitors, ', ')),
  ]}</dl>
</header>`;
}

function kpis(plan: Plan, facts: PlanFacts, findings: readonly Finding[], ctx: Ctx): Html {
  const { h, t } = ctx;
  const open = facts.opportunities.filter((o) => o.open);
  const amount = sum(open, (o) => o.opportunity.amount);
  const weighted = sum(open, (o) => o.weighted);
  const next = plan.visits.map((v) => v.date).filter((d): d is string => d !== undefined && d > ctx.today).sort()[0];
  const stale = findings.some((f) => f.code === 'AP020');
  const counts = (['error', 'warning', 'information', 'hint'] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0);
  const tile = (label: string, value: Part, note: Part, extra = '') =>
    h`<div class="ap-kpi${extra}"><div class="ap-kpi-label">${label}</div><div class="ap-kpi-value">${value}</div><div class="ap-kpi-note">${note}</div></div>`;
  return h`<div class="ap-kpis">${[
    tile(t('card.openPipeline'), moneyLines(amount, ctx), count(t, open.length, 'opportunity')),
    tile(t('card.weighted'), moneyLines(weighted, ctx), ''),
    tile(t('card.lastVisit'), facts.lastVisit ?? '—', facts.lastVisit ? daysAgo(t, dayDiff(facts.lastVisit, ctx.today)) : '', stale ? ' ap-kpi-warn' : ''),
    tile(t('card.nextVisit'), next ?? '—', next ? daysAgo(t, dayDiff(next, ctx.today)) : ''),
    tile(t('card.findings'), counts.length ? counts.map(([s, n]) => h`<span class="ap-sev-text ap-sev-${s}">${count(t, n, s)}</span>`) : '✓',
      counts.length ? '' : t('card.noFindings'), counts.some(([s]) => s === 'error') ? ' ap-kpi-error' : counts.length ? '' : ' ap-kpi-ok'),
  ]}</div>`;
}

// ---------- stakeholders ----------

function stakeholdersSection(facts: PlanFacts, ctx: Ctx): Html {
  const { h, t } = ctx;
  const rows = facts.stakeholders.map((s) => stakeholderRow(s, ctx));
  return section('ap-stakeholders', t('card.stakeholders'), facts.stakeholders.length, rows.length === 0 ? h`<p class="ap-empty">${t('card.noStakeholders')}</p>`
    : h`<div class="ap-scroll"><table class="ap-table">
<thead><tr><th>${t('card.name')}</th><th>${t('card.jobTitle')}</th><th>${t('card.roles')}</th><th>${t('card.layer')}</th><th>${t('card.attitude')}</th><th>${t('card.lastContact')}</th></tr></thead>
<tbody>
${rows}</tbody>
</table></div>`, ctx);
}

function stakeholderRow(s: StakeholderFacts, ctx: Ctx): Html {
  const { h, t } = ctx;
  const p = s.stakeholder;
  const sub = s.gone && p.left ? h`<span class="ap-sub ap-left">${t('card.left', { date: p.left })}</span>` : p.department ? h`<span class="ap-sub">${p.department}</span>` : '';
  const roles = (p.roles ?? []).map((r) => h`<span class="ap-chip ap-role ap-role-${cls(r)}" title="${t(`role.${r}`)}: ${t(`role.${r}.cares`)}">${t(`role.${r}`)}</span>`);
  const trend = trendOf(s);
  const contact = s.lastContact ? h`${s.lastContact}<span class="ap-sub">${daysAgo(t, dayDiff(s.lastContact, ctx.today))}</span>` : '—';
  return h`<tr class="ap-person${s.gone ? ' ap-gone' : ''}">
<td><span class="ap-name">${p.name ?? p.id ?? ''}</span>${sub}</td>
<td data-label="${t('card.jobTitle')}">${p.title ?? ''}</td>
<td data-label="${t('card.roles')}">${roles}</td>
<td data-label="${t('card.layer')}">${p.layer ? t(`layer.${p.layer}`) : ''}</td>
<td class="ap-nowrap" data-label="${t('card.attitude')}">${attitudeBadge(s.attitude, ctx)} <span class="ap-att-label">${s.attitude ? t(`attitude.${attitudeLetter(s.attitude)}`) : t('card.unknown')}</span>${
  trend ? h` <span class="ap-trend ap-trend-${trend.direction}" title="${trend.from} → ${trend.to}">${ARROWS[trend.direction]}</span>` : ''}</td>
<td class="ap-nowrap" data-label="${t('card.lastContact')}">${contact}</td>
</tr>
`;
}

const ARROWS = { up: '↑', down: '↓', same: '→' } as const;

function attitudeBadge(a: Attitude | undefined, { h, t }: Ctx): Html {
  if (!a) return h`<span class="ap-att ap-att-none" title="${t('card.unknown')}">?</span>`;
  const letter = attitudeLetter(a);
  return h`<span class="ap-att ap-att-${cls(letter)}" title="${t(`attitude.${letter}`)}">${a}</span>`;
}

// ---------- pipeline ----------

function pipelineSection(facts: PlanFacts, ctx: Ctx): Html {
  const { h, t } = ctx;
  const opps = facts.opportunities;
  if (opps.length === 0) return section('ap-pipeline', t('card.pipeline'), 0, h`<p class="ap-empty">${t('card.noOpportunities')}</p>`, ctx);
  const open = opps.filter((o) => o.open);
  return section('ap-pipeline', t('card.pipeline'), opps.length, h`<div class="ap-scroll"><table class="ap-table">
<thead><tr><th>${t('card.opportunity')}</th><th>${t('card.stage')}</th><th class="ap-num">${t('card.amount')}</th><th class="ap-num">${t('card.weighted')}</th><th>${t('card.close')}</th><th>${t('card.forecast')}</th></tr></thead>
<tbody>
${opps.map((o) => opportunityRow(o, ctx))}</tbody>
<tfoot><tr><th>${t('card.openTotal')}</th><td>${count(t, open.length, 'opportunity')}</td><td class="ap-num" data-label="${t('card.amount')}">${moneyLines(sum(open, (o) => o.opportunity.amount), ctx)}</td><td class="ap-num" data-label="${t('card.weighted')}">${moneyLines(sum(open, (o) => o.weighted), ctx)}</td><td class="ap-blank"></td><td class="ap-blank"></td></tr></tfoot>
</table></div>`, ctx);
}

function opportunityRow(o: OpportunityFacts, ctx: Ctx): Html {
  const { h, t } = ctx;
  const op = o.opportunity;
  const steps = o.stage ? stageSteps(t, o.stage) : undefined;
  const next = typeof op.next === 'string' ? [op.next] : op.next ?? [];
  const state = o.won ? ' ap-won' : o.stage === 'lost' ? ' ap-lost' : '';
  const overdue = o.open && op.close !== undefined && op.close < ctx.today;
  const stageTitle = o.stage && steps?.ourStep ? `${steps.ourStep} · ${o.customerStep ?? STAGE_INFO[o.stage].customerStep}/8 ${steps.customerStep}` : '';
  const category = o.category ?? (o.won ? 'won' : o.stage === 'lost' ? 'lost' : undefined);
  return h`<tr class="ap-opportunity${state}">
<td><span class="ap-name">${op.name ?? op.id ?? ''}</span>${next.length ? h`<span class="ap-sub">${t('card.next')}: ${joined(next, '; ')}</span>` : ''}</td>
<td class="ap-nowrap" data-label="${t('card.stage')}">${o.stage ? h`<span class="ap-stage ap-stage-${cls(o.stage)}" title="${stageTitle}">${o.stage === 'lost' ? t('category.lost') : o.stage}</span> <span class="ap-prob">${o.probability}%</span>` : '—'}</td>
<td class="ap-num" data-label="${t('card.amount')}">${op.amount !== undefined ? formatMoney(op.amount, o.currency, ctx.locale) : ''}</td>
<td class="ap-num" data-label="${t('card.weighted')}">${o.weighted !== undefined && o.stage !== 'lost' ? formatMoney(o.weighted, o.currency, ctx.locale) : ''}</td>
<td class="ap-nowrap${overdue ? ' ap-overdue' : ''}" data-label="${t('card.close')}">${op.close ?? ''}</td>
<td data-label="${t('card.forecast')}">${category ? h`<span class="ap-chip ap-cat-${cls(category)}">${t(`category.${category}`)}</span>` : ''}</td>
</tr>
`;
}

// ---------- visits ----------

function visitsSection(plan: Plan, ctx: Ctx): Html {
  const { h, t } = ctx;
  if (plan.visits.length === 0) return section('ap-visits', t('card.visits'), 0, h`<p class="ap-empty">${t('card.noVisits')}</p>`, ctx);
  const names = new Map(plan.stakeholders.flatMap((s) => (s.id !== undefined ? [[s.id, s.name ?? s.id] as const] : [])));
  const opportunities = new Map(plan.opportunities.flatMap((o) => (o.id !== undefined ? [[o.id, o.name ?? o.id] as const] : [])));
  // Newest first; a visit without a valid date last; the same date keeps file order (later is newer).
  const visits = [...plan.visits].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.index - a.index);
  const items = visits.map((v) => visitItem(v, names, opportunities, ctx));
  return section('ap-visits', t('card.visits'), plan.visits.length, h`<ol class="ap-timeline">
${items}</ol>`, ctx);
}

function visitItem(v: Visit, names: Map<string, string>, opportunities: Map<string, string>, ctx: Ctx): Html {
  const { h, t } = ctx;
  const planned = v.date !== undefined && v.date > ctx.today;
  const met = (v.with ?? []).map((id, i) => h`${i > 0 ? ', ' : ''}<span class="ap-met${names.has(id) ? '' : ' ap-unknown-id'}">${names.get(id) ?? id}</span>${
    v.attitudes?.[id] ? h` ${attitudeBadge(v.attitudes[id], ctx)}` : ''}`);
  const opportunity = v.opportunity !== undefined ? opportunities.get(v.opportunity) ?? v.opportunity : undefined;
  return h`<li class="ap-visit${planned ? ' ap-planned' : ''}">
<div class="ap-visit-head"><time class="ap-date">${v.date ?? '—'}</time>${
  v.purpose ? h`<span class="ap-chip ap-purpose ap-purpose-${cls(v.purpose)}">${t(`purpose.${v.purpose}`)}</span>` : ''}${
  planned ? h`<span class="ap-tag ap-tag-planned">${t('card.planned')}</span>` : ''}${
  v.executive ? h`<span class="ap-tag ap-tag-exec">${t('card.executive')}</span>` : ''}${
  opportunity !== undefined ? h`<span class="ap-visit-opp">${opportunity}</span>` : ''}</div>
${met.length || v.by?.length ? h`<div class="ap-visit-people">${met.length ? h`<span class="ap-label">${t('card.with')}</span> ${met}` : ''}${
  v.by?.length ? h`<span class="ap-label ap-by">${t('card.by')}</span> ${joined(v.by, ', ')}` : ''}</div>` : ''}
${v.summary ? h`<p class="ap-summary">${v.summary}</p>` : ''}
${v.next ? h`<p class="ap-next"><span class="ap-label">${t('card.next')}</span> ${v.next}</p>` : ''}
</li>
`;
}

// ---------- findings ----------

function findingsSection(findings: readonly Finding[], ctx: Ctx): Html {
  const { h, t } = ctx;
  if (findings.length === 0) return section('ap-findings', t('card.findings'), 0, h`<p class="ap-ok">✓ ${t('card.noFindings')}</p>`, ctx);
  return section('ap-findings', t('card.findings'), findings.length, h`<div class="ap-scroll"><table class="ap-table">
<thead><tr><th>${t('card.severity')}</th><th>${t('card.code')}</th><th>${t('card.message')}</th><th class="ap-num">${t('card.line')}</th></tr></thead>
<tbody>
${findings.map((f) => h`<tr class="ap-finding ap-finding-${cls(f.severity)}"><td class="ap-nowrap"><span class="ap-sev ap-sev-${cls(f.severity)}">${t(`severity.${f.severity}`)}</span></td><td class="ap-code">${f.code}</td><td>${f.message}</td><td class="ap-num">${f.range.start.line + 1}</td></tr>
`)}</tbody>
</table></div>`, ctx);
}

// ---------- helpers ----------

/** Pieces of plan text on one line, each isolated: a bidi control in one cannot reorder the others. */
function joined(items: readonly string[] | undefined, separator: string): string | undefined {
  return items?.map(isolateBidi).join(separator);
}

function section(kind: string, title: string, count: number, body: Html, { h }: Ctx): Html {
  return h`<section class="ap-section ${kind}"><h2 class="ap-section-title">${title}${count > 0 ? h` <span class="ap-count">${count}</span>` : ''}</h2>
${body}
</section>`;
}

/** `count` of a kind, as English says one and many. */
const count = (t: Translate, n: number, what: 'opportunity' | 'error' | 'warning' | 'information' | 'hint'): string =>
  t(plural(`count.${what}`, n), { count: n });

/** A value's name in the catalogue, or the value as written when the format does not know it. */
const word = (t: Translate, key: string, value: string): string => (key in CATALOGUES.en ? t(key as MessageKey) : value);

/** A class-name fragment from an engine enum value (never free text). */
const cls = (s: string): string => s.toLowerCase().replace(/[^a-z0-9-]/g, '');

function sum<T>(items: readonly (T & { currency: string })[], value: (x: T) => number | undefined): Money {
  const out = new MoneySum();
  for (const x of items) {
    const v = value(x);
    if (v !== undefined) out.add(x.currency, v);
  }
  return out.value;
}

function moneyLines(m: Money, ctx: Ctx): Part {
  const entries = Object.entries(m);
  if (entries.length === 0) return '—';
  return entries.map(([currency, v], i) => ctx.h`${i > 0 ? new Html('<br>') : ''}${formatMoney(v, currency, ctx.locale)}`);
}

/** Days from `from` to `to` (both `YYYY-MM-DD`). */
function dayDiff(from: string, to: string): number {
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  return Math.round(day(to) - day(from));
}

const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;
