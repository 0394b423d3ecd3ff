import { daysBetween } from '../model/dates';
import { keyOrAccount, nameOf, stakeholderAt, visitsWithin, type Rule, type RuleContext } from './context';
import { hasOpen } from './references';

/** AP020: an account with an open deal whose latest past visit is older than its tier allows. */
export const staleAccount: Rule = (ctx) => {
  if (!hasOpen(ctx)) return;
  const tier = ctx.plan.tier ?? 'none';
  const limit = ctx.settings.staleDays[tier];
  const last = ctx.facts.lastVisit;
  const at = keyOrAccount(ctx, 'visits');
  if (last === undefined) {
    ctx.report('AP020', 'neverVisited', at);
    return;
  }
  const days = daysBetween(last, ctx.facts.today);
  if (days > limit) ctx.report('AP020', 'staleAccount', at, { date: last, ago: { daysAgo: days }, tier: ctx.plan.tier ?? '(none)', limit: { count: limit, unit: 'count.day' } }, { days, limit });
};

/** AP021: an economic buyer with no visit in the window. */
export const economicBuyerNotVisited: Rule = (ctx) => {
  const days = ctx.settings.economicBuyerDays;
  const recent = visitsWithin(ctx, days);
  for (const s of ctx.active) {
    if (!s.stakeholder.roles?.includes('economic')) continue;
    const id = s.stakeholder.id;
    if (id !== undefined && recent.some((v) => v.with?.includes(id))) continue;
    ctx.report('AP021', 'economicNotVisited', stakeholderAt(ctx, s),
      { name: nameOf(s), days: { count: days, unit: 'count.day' }, last: s.lastContact ?? { word: 'never' } }, { id: id ?? '' });
  }
};

/** Past visits in the last 365 days that met someone (still there) in the decision layer, oldest first; worked out once per check. */
function decisionVisits(ctx: RuleContext) {
  let visits = decisionVisitsOf.get(ctx);
  if (!visits) decisionVisitsOf.set(ctx, (visits = findDecisionVisits(ctx)));
  return visits;
}
const decisionVisitsOf = new WeakMap<RuleContext, ReturnType<typeof findDecisionVisits>>();

function findDecisionVisits(ctx: RuleContext) {
  const deciders = new Set(ctx.active.filter((s) => s.stakeholder.layer === 'decision').flatMap((s) => s.stakeholder.id ?? []));
  return visitsWithin(ctx, 365).filter((v) => v.with?.some((id) => deciders.has(id)));
}

/** AP022: the top layer is seen at most N times a year; points at the visit that goes over. */
export const tooManyDecisionVisits: Rule = (ctx) => {
  const visits = decisionVisits(ctx);
  const limit = ctx.settings.decisionVisitsPerYear;
  if (visits.length <= limit) return;
  const over = visits[limit];
  const at = ctx.loc.value(['visits', over.index, 'date']) ?? keyOrAccount(ctx, 'visits');
  ctx.report('AP022', 'tooManyDecisionVisits', at, { count: visits.length, limit }, { count: visits.length });
};

/** AP023: decision-layer visits in the window, none with one of our executives. */
export const noExecutiveVisit: Rule = (ctx) => {
  const visits = decisionVisits(ctx);
  if (visits.length === 0 || visits.some((v) => v.executive === true)) return;
  const latest = visits[visits.length - 1];
  ctx.report('AP023', 'noExecutive', ctx.loc.value(['visits', latest.index, 'date']) ?? keyOrAccount(ctx, 'visits'));
};
