import type { Rule } from './context';

/** AP040: `attitude` differs from the one last recorded in a past visit. */
export const attitudeDiffers: Rule = (ctx) => {
  for (const s of ctx.facts.stakeholders) {
    const recorded = s.history.at(-1);
    const own = s.stakeholder.attitude;
    if (!own || !recorded || own === recorded.attitude) continue;
    const at = ctx.loc.value(['stakeholders', s.stakeholder.index, 'attitude']);
    if (at) ctx.report('AP040', 'attitudeDiffers', at, { attitude: own, recorded: recorded.attitude, date: recorded.date }, { recorded: recorded.attitude, id: s.stakeholder.id ?? '' });
  }
};

/** AP050: a gift recorded at an account whose policy forbids gifts (planned visits too). */
export const forbiddenGift: Rule = (ctx) => {
  if (ctx.plan.policy?.gifts !== 'forbidden') return;
  for (const v of ctx.plan.visits) {
    if (v.gift === undefined || v.gift.trim() === '') continue;
    const at = ctx.loc.value(['visits', v.index, 'gift']);
    if (at) ctx.report('AP050', 'giftForbidden', at);
  }
};
