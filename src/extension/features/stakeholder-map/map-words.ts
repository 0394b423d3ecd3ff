import { BUYING_ROLES, GRID_COMPANY, GRID_PERSONAL_STEPS, translator, wordsOf, type Locale, type MessageKey } from '../../../core';
import type { MapLabels } from '../../../webview/stakeholder-map/protocol';

/** The map's words from the catalogue (src/core/i18n); templates keep their `{name}` placeholders for the page to fill. */
export function mapLabels(locale: Locale): MapLabels {
  const t = translator(locale);
  const each = <K extends string | number>(keys: readonly K[], key: (k: K) => MessageKey) => Object.fromEntries(keys.map((k) => [k, t(key(k))]));
  return {
    modes: { org: t('map.mode.org'), layers: t('map.mode.layers'), grid: t('map.mode.grid') },
    zoomIn: t('map.zoomIn'),
    zoomOut: t('map.zoomOut'),
    fit: t('map.fit'),
    exportSvg: t('map.exportSvg'),
    exportPng: t('map.exportPng'),
    roles: each(BUYING_ROLES, (r) => `role.${r}`),
    rolesShort: each(BUYING_ROLES, (r) => `role.${r}.short`),
    layers: { decision: t('layer.decision'), procurement: t('layer.procurement'), usage: t('layer.usage'), none: t('layer.none') },
    attitudes: {
      A: t('attitude.A'), B: t('attitude.B'), C: t('attitude.C'), D: t('attitude.D'), E: t('attitude.E'), unknown: t('attitude.unknown'),
    },
    freshness: { fresh: t('map.freshness.fresh'), ageing: t('map.freshness.ageing'), stale: t('map.freshness.stale'), never: t('map.freshness.never') },
    influence: { high: t('map.influence.high'), medium: t('map.influence.medium'), low: t('map.influence.low') },
    trend: { up: t('map.trend.up'), down: t('map.trend.down'), same: t('map.trend.same') },
    nobodyHolds: t('map.nobodyHolds'),
    missingRole: t('map.missingRole'),
    left: t('map.left'),
    lastContact: t('map.lastContact'),
    days: wordsOf(locale, 'days.'),
    influenceLabel: t('map.influenceLabel'),
    attitudeTerm: t('map.attitudeTerm'),
    rolesTerm: t('map.rolesTerm'),
    layerTerm: t('map.layerTerm'),
    needsCompany: t('map.needsCompany'),
    needsPersonal: t('map.needsPersonal'),
    notes: t('map.notes'),
    history: t('map.history'),
    target: t('map.target'),
    gridPersonal: t('map.gridPersonal'),
    gridCompany: t('map.gridCompany'),
    gridPersonalSteps: each(GRID_PERSONAL_STEPS, (n) => `grid.personal.${n}`),
    gridCompanySteps: each(GRID_COMPANY, (c) => `grid.company.${c}`),
    notOnGrid: t('map.notOnGrid'),
    unattached: t('map.unattached'),
    loading: t('map.loading'),
    legend: t('map.legend'),
    revealHint: t('map.revealHint'),
  };
}
