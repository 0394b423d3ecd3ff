import { daysBetween } from '../model/dates';
import { attitudeLetter, stageOrder } from '../model/selling-method';
import { visitsWithin, type Rule, type RuleContext } from './context';
import { plural } from '../i18n/catalogue';

const stageAt = (ctx: RuleContext, index: number) =>
  ctx.loc.value(['opportunities', index, 'stage']) ?? ctx.loc.firstKeyOf(['opportunities', index]) ?? ([0, 3] as const);

/** AP030: an open opportunity whose close date has passed. */
export const closeInPast: Rule = (ctx) => {
  for (const o of ctx.facts.opportunities) {
    const close = o.opportunity.close;
    if (!o.open || close === undefined || close >= ctx.facts.today) continue;
    const at = ctx.loc.value(['opportunities', o.opportunity.index, 'close']);
    if (at) ctx.report('AP030', 'closeInPast', at, { date: close, ago: { daysAgo: daysBetween(close, ctx.facts.today) }, stage: o.stage ?? '' }, { id: o.opportunity.id ?? '' });
  }
};

/** AP031: stage B or A without an economic buyer known to be at least B-. */
export const noSupportingEconomicBuyer: Rule = (ctx) => {
  const backed = ctx.active.some((s) => s.stakeholder.roles?.includes('economic') && s.attitude && attitudeLetter(s.attitude) <= 'B');
  if (backed) return;
  for (const o of ctx.facts.opportunities) {
    if (o.stage !== 'B' && o.stage !== 'A') continue;
    ctx.report('AP031', 'noSupportingEconomic', stageAt(ctx, o.opportunity.index), { stage: o.stage }, { id: o.opportunity.id ?? '' });
  }
};

/** AP032: an open deal at D or later with fewer than N distinct people met in the window. */
export const singleThreaded: Rule = (ctx) => {
  const { singleThreadDays: days, singleThreadMinStakeholders: min } = ctx.settings;
  const late = ctx.facts.opportunities.filter((o) => o.open && o.stage && stageOrder(o.stage) >= stageOrder('D'));
  if (late.length === 0) return;
  const met = new Set(visitsWithin(ctx, days).flatMap((v) => v.with ?? []).filter((id) => ctx.activeIds.has(id)));
  if (met.size >= min) return;
  for (const o of late) {
    ctx.report('AP032', plural('singleThreaded', met.size), stageAt(ctx, o.opportunity.index), { count: met.size, days: { count: days, unit: 'count.day' }, min, stage: o.stage ?? '' }, { id: o.opportunity.id ?? '', met: met.size });
  }
};
