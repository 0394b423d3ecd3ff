import type { MapLabels } from './protocol';

/** English words, used until (or unless) the host sends the display language's. */
export const DEFAULT_LABELS: MapLabels = {
  modes: { org: 'Org chart', layers: 'Decision layers', grid: '25-grid' },
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Fit to window',
  exportSvg: 'Export SVG',
  exportPng: 'Export PNG',
  roles: { economic: 'economic buyer', technical: 'technical buyer', user: 'user buyer', financial: 'financial buyer', coach: 'coach', influencer: 'influencer' },
  rolesShort: { economic: 'Econ', technical: 'Tech', user: 'User', financial: 'Fin', coach: 'Coach', influencer: 'Infl' },
  layers: { decision: 'decision', procurement: 'procurement', usage: 'usage', none: 'no layer' },
  attitudes: { A: 'recommends', B: 'supports', C: 'accepts', D: 'doubts', E: 'opposes', unknown: 'attitude unknown' },
  freshness: { fresh: 'contact is fresh', ageing: 'contact is ageing', stale: 'contact is stale', never: 'never met' },
  influence: { high: 'high', medium: 'medium', low: 'low' },
  trend: { up: 'warming', down: 'cooling', same: 'unchanged' },
  nobodyHolds: 'nobody holds the {0} role',
  missingRole: 'Missing roles',
  left: 'left {0}',
  lastContact: 'Last contact',
  daysAgo: '{0} days ago',
  influenceLabel: 'Influence',
  attitudeTerm: 'Attitude',
  rolesTerm: 'Roles',
  layerTerm: 'Layer',
  needsCompany: 'Company needs',
  needsPersonal: 'Personal needs',
  notes: 'Notes',
  history: 'Attitude history',
  target: 'Target',
  gridPersonal: 'Personal relationship',
  gridCompany: 'Company relationship',
  gridPersonalSteps: { 1: 'small talk', 2: 'preference', 3: 'trust', 4: 'shared values', 5: 'emotional bond' },
  gridCompanySteps: { E: 'facts', D: 'ideas', C: 'behaviour', B: 'values', A: 'strategy' },
  notOnGrid: 'Not on the grid',
  unattached: 'Reporting line unknown',
  loading: 'Loading the plan…',
  legend: 'Legend',
  revealHint: 'Click to show in the plan',
};

/** `{0}`, `{1}` … replaced in order. */
export const format = (template: string, ...args: (string | number)[]): string =>
  template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
