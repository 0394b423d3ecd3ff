import type {
  Attitude, BuyingRole, ForecastCategory, Layer, Purpose, Stage, Tier,
} from './selling-method';

/**
 * The plan as the rules see it: every value that failed the schema is absent, the rest is typed.
 * `index` is the item's position in its YAML list, so a finding can point back at the file.
 */
export interface Plan {
  readonly account?: string;
  /** `id`, else the file name without `.account.md`. */
  readonly id: string;
  readonly owner?: string;
  readonly tier?: Tier;
  readonly industry?: string;
  readonly ownership?: string;
  readonly credit?: string;
  readonly segment?: string;
  readonly source?: string;
  readonly relationship?: string;
  readonly loyalty?: string;
  readonly competitors?: readonly string[];
  readonly policy?: { readonly gifts?: 'allowed' | 'limited' | 'forbidden' };
  readonly stakeholders: readonly Stakeholder[];
  readonly opportunities: readonly Opportunity[];
  readonly visits: readonly Visit[];
}

export interface Grid { readonly personal: number; readonly company: string }

export interface Stakeholder {
  readonly index: number;
  readonly id?: string;
  readonly name?: string;
  readonly title?: string;
  readonly department?: string;
  readonly reports_to?: string;
  readonly roles?: readonly BuyingRole[];
  readonly layer?: Layer;
  readonly attitude?: Attitude;
  readonly target?: { readonly attitude?: Attitude; readonly grid?: Grid };
  readonly left?: string;
  readonly influence?: 'high' | 'medium' | 'low';
  readonly grid?: Grid;
  readonly needs?: { readonly company?: readonly string[]; readonly personal?: readonly string[] };
  readonly personal?: Readonly<Record<string, string>>;
  readonly contact?: Readonly<Record<string, string>>;
  readonly notes?: string;
}

export interface Opportunity {
  readonly index: number;
  readonly id?: string;
  readonly name?: string;
  readonly stage?: Stage;
  readonly amount?: number;
  readonly currency?: string;
  readonly close?: string;
  readonly probability?: number;
  readonly forecast?: ForecastCategory;
  readonly procurement_step?: number;
  readonly competitors?: readonly string[];
  readonly position?: number;
  readonly next?: string | readonly string[];
}

export interface Visit {
  readonly index: number;
  readonly date?: string;
  readonly purpose?: Purpose;
  readonly with?: readonly string[];
  readonly by?: readonly string[];
  readonly executive?: boolean;
  readonly opportunity?: string;
  readonly attitudes?: Readonly<Record<string, Attitude>>;
  readonly gift?: string;
  readonly summary?: string;
  readonly next?: string;
}
