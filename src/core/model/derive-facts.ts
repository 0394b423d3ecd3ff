import type { AttitudeRecord, OpportunityFacts, PlanFacts, StakeholderFacts } from './plan-analysis';
import { STAGE_INFO, isOpenStage, type Attitude } from './selling-method';
import type { Opportunity, Plan, Stakeholder, Visit } from './plan';
import { denoise } from './money';

/** The derived values of docs/format.md (Derived values), computed once per plan and day. */
export function computeFacts(plan: Plan, today: string, currency: string): PlanFacts {
  const pastVisits = plan.visits
    .filter((v): v is Visit & { date: string } => v.date !== undefined && v.date <= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
  const history = new Map<string, AttitudeRecord[]>();
  const lastContact = new Map<string, string>();
  for (const v of pastVisits) {
    for (const [id, attitude] of Object.entries(v.attitudes ?? {})) {
      let list = history.get(id);
      if (!list) history.set(id, (list = []));
      list.push({ date: v.date, attitude, visitIndex: v.index });
    }
    for (const id of v.with ?? []) lastContact.set(id, v.date);
  }
  const stakeholders = plan.stakeholders.map((s) => stakeholderFacts(s, today, history, lastContact));
  const opportunities = plan.opportunities.map((o) => opportunityFacts(o, currency));
  return {
    today,
    stakeholders,
    opportunities,
    pastVisits,
    lastVisit: pastVisits.at(-1)?.date,
    hasOpenOpportunity: opportunities.some((o) => o.open),
  };
}

function stakeholderFacts(
  s: Stakeholder, today: string, history: Map<string, AttitudeRecord[]>, lastContact: Map<string, string>,
): StakeholderFacts {
  const own = s.id !== undefined ? history.get(s.id) ?? [] : [];
  const latest = own.at(-1);
  let attitude: Attitude | undefined = s.attitude;
  let attitudeFrom: StakeholderFacts['attitudeFrom'] = s.attitude ? 'field' : undefined;
  if (!attitude && latest) {
    attitude = latest.attitude;
    attitudeFrom = { visitIndex: latest.visitIndex };
  }
  return {
    stakeholder: s,
    gone: s.left !== undefined && s.left <= today,
    attitude,
    attitudeFrom,
    history: own,
    lastContact: s.id !== undefined ? lastContact.get(s.id) : undefined,
  };
}

/** One opportunity's derived values (computeFacts's, alone: the stored index derives them without the rest of the plan). */
export function opportunityFacts(o: Opportunity, defaultCurrency: string): OpportunityFacts {
  const stage = o.stage;
  const info = stage ? STAGE_INFO[stage] : undefined;
  const open = isOpenStage(stage);
  const probability = o.probability ?? info?.probability ?? 0;
  return {
    opportunity: o,
    stage,
    open,
    won: stage === 'S',
    probability,
    currency: o.currency ?? defaultCurrency,
    weighted: o.amount !== undefined ? weigh(o.amount, probability) : undefined,
    category: open && info ? o.forecast ?? (info.category as OpportunityFacts['category']) : undefined,
    customerStep: o.procurement_step ?? (info && info.customerStep > 0 ? info.customerStep : undefined),
  };
}

/**
 * amount × probability % (docs/format.md, Derived values; decimals kept), cleared of binary floating-point
 * noise: 0.1 × 30 is 0.03, not 0.030000000000000002.
 */
const weigh = (amount: number, probability: number): number => denoise((amount * probability) / 100);
