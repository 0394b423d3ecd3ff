import type { AccountDiff, ChangeSet } from '../diff/diff-plans';
import { plural, translator, type Translate } from '../i18n/catalogue';
import type { Locale } from '../model/finding';

/** How many parts a summary names before it says "+N more". */
export const SUMMARY_PARTS = 5;

/**
 * One commit's changes in a few words, for the Plan History view: stage moves, deals won, lost,
 * added or removed, attitude moves, people added, removed or gone, visits added
 * ("Acme Upgrade C→B · Li Na D→B · 1 visit"). Plan text is left as written (a tree item is text).
 */
export function summariseChanges(cs: ChangeSet, locale: Locale = 'en', max = SUMMARY_PARTS): string {
  const t = translator(locale);
  const parts = cs.accounts.flatMap((a) => accountParts(a, t));
  if (parts.length === 0) return t(fallbackKey(cs));
  const shown = parts.length > max ? [...parts.slice(0, max - 1), t('compare.summary.more', { count: parts.length - max + 1 })] : parts;
  return shown.join(' · ');
}

function fallbackKey(cs: ChangeSet): 'compare.summary.other' | 'compare.summary.edited' | 'compare.summary.none' {
  if (cs.changed) return 'compare.summary.other';
  return cs.accounts.some((a) => a.edited) ? 'compare.summary.edited' : 'compare.summary.none';
}

function accountParts(a: AccountDiff, t: Translate): string[] {
  const whole = a.status === 'added' ? [t('compare.summary.created')] : a.status === 'removed' ? [t('compare.summary.deleted')] : [];
  const parse = a.changes.flatMap((c) => (c.kind !== 'unparsable' ? [] : [t(c.side === 'after' ? 'compare.summary.broken' : 'compare.summary.parsesAgain')]));
  // A plan added or deleted as a whole is one part: its deals and people are not news one by one.
  if (whole.length) return [...whole, ...visitParts(a, t)];
  return [...parse, ...dealParts(a, t), ...personParts(a, t), ...visitParts(a, t)];
}

function dealParts(a: AccountDiff, t: Translate): string[] {
  return a.opportunities.flatMap((o) => {
    const name = o.after?.name ?? o.before?.name ?? o.key;
    return o.events.flatMap((e): string[] => {
      switch (e.kind) {
        case 'added': return [t('compare.summary.dealAdded', { name })];
        case 'removed': return [t('compare.summary.dealRemoved', { name })];
        case 'won': return [t('compare.summary.won', { name })];
        case 'lost': return [t('compare.summary.lost', { name })];
        case 'reopened': return [t('compare.summary.stage', { name, from: e.from, to: e.to })];
        case 'stage': return [t('compare.summary.stage', { name, from: e.from ?? t('diff.none'), to: e.to ?? t('diff.none') })];
        default: return [];
      }
    });
  });
}

function personParts(a: AccountDiff, t: Translate): string[] {
  return a.stakeholders.flatMap((s) => {
    const name = s.after?.name ?? s.before?.name ?? s.key;
    return s.events.flatMap((e): string[] => {
      switch (e.kind) {
        case 'added': return [t('compare.summary.personAdded', { name })];
        case 'removed': return [t('compare.summary.personRemoved', { name })];
        case 'left': return e.to ? [t('compare.summary.left', { name })] : [];
        case 'attitude': return [t('compare.summary.attitude', { name, from: e.from ?? t('diff.none'), to: e.to ?? t('diff.none') })];
        default: return [];
      }
    });
  });
}

function visitParts(a: AccountDiff, t: Translate): string[] {
  const added = a.visits.filter((v) => v.kind === 'added').length;
  return added ? [t(plural('compare.summary.visits', added), { count: added })] : [];
}
