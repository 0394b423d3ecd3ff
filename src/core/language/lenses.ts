import type { PlanAnalysis } from '../model/plan-analysis';
import { BUYING_ROLES } from '../model/selling-method';
import type { Settings } from '../model/settings';
import type { Locale } from '../model/finding';
import { translator } from '../i18n/catalogue';
import { nodeOf, offsetsOf, type YamlTree } from './yaml-tree';
import { isMap } from 'yaml';

export interface Lens {
  readonly offset: number;
  readonly title: string;
  /** A command and its arguments (the opportunity's index for Move Stage), or none for a label. */
  readonly command?: { readonly id: string; readonly args: readonly unknown[] };
}

/** Over `stakeholders`: role coverage; over each opportunity: its weighted amount and Move Stage. */
export function lenses(tree: YamlTree, analysis: PlanAnalysis | undefined, settings: Settings, money: (amount: number, currency: string) => string, locale: Locale = 'en'): Lens[] {
  const t = translator(locale);
  const facts = analysis?.facts;
  if (!facts || !isMap(tree.doc.contents)) return [];
  const out: Lens[] = [];
  const key = tree.doc.contents.items.find((p) => (p.key as { value?: unknown })?.value === 'stakeholders')?.key;
  const at = offsetsOf(tree, key as never);
  if (at) {
    const active = facts.stakeholders.filter((s) => !s.gone);
    const covered = BUYING_ROLES.filter((r) => active.some((s) => s.stakeholder.roles?.includes(r)));
    const gaps = settings.requiredRoles.filter((r) => !covered.includes(r));
    out.push({ offset: at.start, title: t(gaps.length ? 'lens.rolesGap' : 'lens.roles', { covered: covered.length, total: BUYING_ROLES.length, gaps: gaps.join(', ') }) });
  }
  for (const o of facts.opportunities) {
    const item = offsetsOf(tree, nodeOf(tree, ['opportunities', o.opportunity.index]));
    if (!item) continue;
    const title = o.weighted !== undefined
      ? t('lens.weighted', { amount: money(o.weighted, o.currency), probability: o.probability })
      : t('lens.noAmount', { probability: o.probability });
    out.push({ offset: item.start, title });
    if (o.open) out.push({ offset: item.start, title: t('lens.moveStage'), command: { id: 'accountPlans.moveStage', args: [o.opportunity.index] } });
  }
  return out;
}
