/** The selling method's fixed tables (docs/format.md), in the order that page gives them. */
import { en } from '../i18n/en';
import { zhCn } from '../i18n/zh-cn';

// The method's names and explanations live in the catalogues (src/core/i18n); the bilingual tables
// below read them from there for completion and hover, which show the method's Chinese term next to
// the English key in every display language.
const table = <K extends string, V>(keys: readonly K[], value: (k: K) => V): Record<K, V> =>
  Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;

export const TIERS = ['VIP', 'A', 'B', 'C', 'D'] as const;
export type Tier = (typeof TIERS)[number];

export const BUYING_ROLES = ['economic', 'technical', 'user', 'financial', 'coach', 'influencer'] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];

export const ROLE_INFO: Record<BuyingRole, { zh: string; caresAbout: string }> =
  table(BUYING_ROLES, (r) => ({ zh: zhCn[`role.${r}`], caresAbout: en[`role.${r}.cares`] }));

export const LAYERS = ['decision', 'procurement', 'usage'] as const;
export type Layer = (typeof LAYERS)[number];
export const LAYER_INFO: Record<Layer, { zh: string }> = table(LAYERS, (l) => ({ zh: zhCn[`layer.${l}`] }));

export const ATTITUDE_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;
export type AttitudeLetter = (typeof ATTITUDE_LETTERS)[number];
export const ATTITUDES = ATTITUDE_LETTERS.flatMap((l) => [`${l}+`, l, `${l}-`]) as readonly string[] as readonly Attitude[];
export type Attitude = `${AttitudeLetter}${'' | '+' | '-'}`;
export const ATTITUDE_INFO: Record<AttitudeLetter, { en: string; zh: string }> =
  table(ATTITUDE_LETTERS, (l) => ({ en: en[`attitude.${l}`], zh: zhCn[`attitude.${l}`] }));
export const attitudeLetter = (a: Attitude): AttitudeLetter => a[0] as AttitudeLetter;
/** 0 is the best (A+), 14 the worst (E-). */
export const attitudeRank = (a: Attitude): number => ATTITUDES.indexOf(a);

export const OPEN_STAGES = ['G', 'F', 'E', 'D', 'C', 'B', 'A'] as const;
export const STAGES = [...OPEN_STAGES, 'S', 'lost'] as const;
export type OpenStage = (typeof OPEN_STAGES)[number];
export type Stage = (typeof STAGES)[number];

export const FORECAST_CATEGORIES = ['pipeline', 'best-case', 'commit', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export interface StageInfo {
  readonly probability: number;
  /** Our step in English with the method's Chinese term, e.g. `project evaluation (项目评估)`; '' for lost. */
  readonly ourStep: string;
  readonly customerStep: number;
  /** The customer's step in English; '' for lost. */
  readonly customerStepText: string;
  readonly category: ForecastCategory | 'won' | 'lost';
}

const STAGE_FIGURES: Record<Stage, Omit<StageInfo, 'ourStep' | 'customerStepText'>> = {
  G: { probability: 10, customerStep: 1, category: 'pipeline' },
  F: { probability: 20, customerStep: 2, category: 'pipeline' },
  E: { probability: 25, customerStep: 3, category: 'pipeline' },
  D: { probability: 30, customerStep: 4, category: 'pipeline' },
  C: { probability: 50, customerStep: 5, category: 'best-case' },
  B: { probability: 75, customerStep: 6, category: 'best-case' },
  A: { probability: 90, customerStep: 7, category: 'commit' },
  S: { probability: 100, customerStep: 8, category: 'won' },
  lost: { probability: 0, customerStep: 0, category: 'lost' },
};

export const STAGE_INFO: Record<Stage, StageInfo> = table(STAGES, (s) => ({
  ...STAGE_FIGURES[s],
  ourStep: s === 'lost' ? '' : `${en[`stage.${s}.ourStep`]} (${zhCn[`stage.${s}.ourStep`]})`,
  customerStepText: s === 'lost' ? '' : en[`stage.${s}.customerStep`],
}));

export const isOpenStage = (s: Stage | undefined): s is OpenStage =>
  s !== undefined && (OPEN_STAGES as readonly string[]).includes(s);
/** Position in the stage table (G = 0 … A = 6, S = 7); "D or later" is `stageOrder(s) >= stageOrder('D')`. */
export const stageOrder = (s: Stage): number => STAGES.indexOf(s);

export const PURPOSES = ['sign', 'relationship', 'progress', 'solution', 'research'] as const;
export type Purpose = (typeof PURPOSES)[number];
export const PURPOSE_INFO: Record<Purpose, { zh: string }> = table(PURPOSES, (p) => ({ zh: zhCn[`purpose.${p}.long`] }));

export const OWNERSHIPS = ['state-owned', 'private', 'individual', 'collective', 'joint-venture', 'foreign', 'government'] as const;
export const CREDITS = ['good', 'fair', 'poor'] as const;
export const SEGMENTS = ['steady', 'growth', 'price-insensitive'] as const;
export const SOURCES = ['web', 'archive', 'colleague', 'executive', 'network', 'partner', 'association', 'competitor', 'referral', 'event', 'outbound', 'repeat', 'advert'] as const;
export const RELATIONSHIPS = ['incubation', 'initial', 'middle', 'high', 'strategic', 'interrupted'] as const;
export const LOYALTIES = ['latent', 'emerging', 'accepted', 'preferred', 'bonded'] as const;
export const INFLUENCES = ['high', 'medium', 'low'] as const;
export const GIFT_POLICIES = ['allowed', 'limited', 'forbidden'] as const;

export const GRID_PERSONAL_STEPS = [1, 2, 3, 4, 5] as const;
export const GRID_COMPANY = ['E', 'D', 'C', 'B', 'A'] as const;
