import type { Attitude, ForecastCategory, Stage } from './selling-method';
import type { Opportunity, Plan, Stakeholder, Visit } from './plan';
import type { Finding } from './finding';

export interface AttitudeRecord {
  readonly date: string;
  readonly attitude: Attitude;
  /** Index of the visit in the `visits` list. */
  readonly visitIndex: number;
}

export interface StakeholderFacts {
  readonly stakeholder: Stakeholder;
  /** `left` is today or earlier: holds no role or layer for AP010–AP032. */
  readonly gone: boolean;
  /** Current attitude: `attitude`, else the latest recorded in a past visit, else unknown. */
  readonly attitude?: Attitude;
  /** Where the current attitude came from: the stakeholder's own key, or a visit's `attitudes`. */
  readonly attitudeFrom?: 'field' | { readonly visitIndex: number };
  /** Attitudes recorded in past visits, oldest first. */
  readonly history: readonly AttitudeRecord[];
  /** Date of the latest past visit whose `with` names this stakeholder. */
  readonly lastContact?: string;
}

export interface OpportunityFacts {
  readonly opportunity: Opportunity;
  readonly stage?: Stage;
  /** Stage G to A. */
  readonly open: boolean;
  readonly won: boolean;
  /** The opportunity's own `probability`, else its stage's; 0 without a valid stage. */
  readonly probability: number;
  readonly currency: string;
  /** amount × probability / 100, when there is an amount. */
  readonly weighted?: number;
  /** `forecast`, else the stage's category (open stages only). */
  readonly category?: ForecastCategory;
  /** The customer's buying step: `procurement_step`, else the stage's. */
  readonly customerStep?: number;
}

export interface PlanFacts {
  readonly today: string;
  readonly stakeholders: readonly StakeholderFacts[];
  readonly opportunities: readonly OpportunityFacts[];
  /** Visits dated today or earlier, oldest first (same date: file order). */
  readonly pastVisits: readonly Visit[];
  /** Date of the latest past visit. */
  readonly lastVisit?: string;
  readonly hasOpenOpportunity: boolean;
}

/** Everything the engine knows about one plan file: computed once per content, shared by all views. */
export interface PlanAnalysis {
  readonly fileName: string;
  readonly findings: readonly Finding[];
  /** Present when the frontmatter parsed into a mapping (rules AP004–AP050 ran). */
  readonly plan?: Plan;
  readonly facts?: PlanFacts;
}

/** One plan in the workspace, as the views see it. */
export interface PlanEntry {
  readonly uri: string;
  readonly analysis: PlanAnalysis;
}
