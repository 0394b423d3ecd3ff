import { attitudeLetter } from '../model/selling-method';
import { attitudeAt, keyOrAccount, nameOf, type Rule } from './context';
import { hasOpen } from './references';

/** AP010: one finding per required role nobody (still there) holds, when a deal is open. */
export const missingRoles: Rule = (ctx) => {
  if (!hasOpen(ctx)) return;
  for (const role of ctx.settings.requiredRoles) {
    if (ctx.active.some((s) => s.stakeholder.roles?.includes(role))) continue;
    ctx.report('AP010', 'missingRole', keyOrAccount(ctx, 'stakeholders'), { role, roleName: { word: `role.${role}` } }, { role });
  }
};

/** AP011: nobody in the decision layer, when a deal is open. */
export const noDecisionLayer: Rule = (ctx) => {
  if (!hasOpen(ctx)) return;
  if (ctx.active.some((s) => s.stakeholder.layer === 'decision')) return;
  ctx.report('AP011', 'noDecisionLayer', keyOrAccount(ctx, 'stakeholders'));
};

/** AP012: an economic or technical buyer who doubts or opposes. */
export const negativeBuyers: Rule = (ctx) => {
  for (const s of ctx.active) {
    const role = s.stakeholder.roles?.find((r) => r === 'economic' || r === 'technical');
    if (!role || !s.attitude) continue;
    const letter = attitudeLetter(s.attitude);
    if (letter !== 'D' && letter !== 'E') continue;
    ctx.report('AP012', 'negativeBuyer', attitudeAt(ctx, s),
      { name: nameOf(s), roleName: { word: `role.${role}` }, attitude: s.attitude, verb: { word: `attitude.${letter}` } }, { id: s.stakeholder.id ?? '' });
  }
};

/** AP013: a coach whose attitude is worse than B-. */
export const weakCoaches: Rule = (ctx) => {
  for (const s of ctx.active) {
    if (!s.stakeholder.roles?.includes('coach') || !s.attitude) continue;
    if (attitudeLetter(s.attitude) <= 'B') continue;
    ctx.report('AP013', 'weakCoach', attitudeAt(ctx, s), { name: nameOf(s), attitude: s.attitude }, { id: s.stakeholder.id ?? '' });
  }
};
