import * as vscode from 'vscode';
import { ATTITUDE_INFO, GRID_COMPANY_INFO, GRID_PERSONAL, LAYER_INFO, ROLE_INFO, type BuyingRole, type Locale } from '../../../core';
import type { MapLabels } from '../../../webview/stakeholder-map/protocol';

const ROLE_EN: Record<BuyingRole, string> = {
  economic: 'economic buyer', technical: 'technical buyer', user: 'user buyer', financial: 'financial buyer', coach: 'coach', influencer: 'influencer',
};

const ROLE_SHORT_EN: Record<BuyingRole, string> = { economic: 'Econ', technical: 'Tech', user: 'User', financial: 'Fin', coach: 'Coach', influencer: 'Infl' };

/** The map's words in the display language: the method's terms from the engine's tables, the rest through vscode.l10n. */
export function mapLabels(locale: Locale): MapLabels {
  const zh = locale === 'zh-cn';
  const t = vscode.l10n.t;
  const byRole = (f: (r: BuyingRole) => string) => Object.fromEntries((Object.keys(ROLE_INFO) as BuyingRole[]).map((r) => [r, f(r)]));
  return {
    modes: { org: t('Org chart'), layers: t('Decision layers'), grid: t('25-grid') },
    zoomIn: t('Zoom in'),
    zoomOut: t('Zoom out'),
    fit: t('Fit to window'),
    exportSvg: t('Export SVG next to the plan'),
    exportPng: t('Export PNG next to the plan'),
    roles: byRole((r) => (zh ? ROLE_INFO[r].zh : ROLE_EN[r])),
    rolesShort: byRole((r) => (zh ? ROLE_INFO[r].zh.slice(0, 2) : ROLE_SHORT_EN[r])),
    layers: {
      decision: zh ? LAYER_INFO.decision.zh : 'decision',
      procurement: zh ? LAYER_INFO.procurement.zh : 'procurement',
      usage: zh ? LAYER_INFO.usage.zh : 'usage',
      none: t('No layer'),
    },
    attitudes: {
      A: ATTITUDE_INFO.A[zh ? 'zh' : 'en'], B: ATTITUDE_INFO.B[zh ? 'zh' : 'en'], C: ATTITUDE_INFO.C[zh ? 'zh' : 'en'],
      D: ATTITUDE_INFO.D[zh ? 'zh' : 'en'], E: ATTITUDE_INFO.E[zh ? 'zh' : 'en'], unknown: t('attitude unknown'),
    },
    freshness: { fresh: t('contact is fresh'), ageing: t('contact is ageing'), stale: t('contact is stale'), never: t('never met') },
    influence: { high: t('high'), medium: t('medium'), low: t('low') },
    trend: { up: t('warming'), down: t('cooling'), same: t('unchanged') },
    nobodyHolds: t('nobody holds the {0} role', '{0}'),
    missingRole: t('Missing roles'),
    left: t('left {0}', '{0}'),
    lastContact: t('Last contact'),
    daysAgo: t('{0} days ago', '{0}'),
    influenceLabel: t('Influence'),
    attitudeTerm: t('Attitude'),
    rolesTerm: t('Buying roles'),
    layerTerm: t('Decision layer'),
    needsCompany: t('Company needs'),
    needsPersonal: t('Personal needs'),
    notes: t('Notes'),
    history: t('Attitude history'),
    target: t('Target'),
    gridPersonal: t('Personal relationship'),
    gridCompany: t('Company relationship'),
    gridPersonalSteps: Object.fromEntries(Object.entries(GRID_PERSONAL).map(([k, v]) => [k, zh ? v.zh : v.en])),
    gridCompanySteps: Object.fromEntries(Object.entries(GRID_COMPANY_INFO).map(([k, v]) => [k, zh ? v.zh : v.en])),
    notOnGrid: t('Not on the grid'),
    unattached: t('Reporting line unknown'),
    loading: t('Loading the plan…'),
    legend: t('Legend'),
    revealHint: t('Click to show in the plan'),
  };
}
