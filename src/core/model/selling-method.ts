/** The selling method's fixed tables (docs/format.md), in the order that page gives them. */

export const TIERS = ['VIP', 'A', 'B', 'C', 'D'] as const;
export type Tier = (typeof TIERS)[number];

export const BUYING_ROLES = ['economic', 'technical', 'user', 'financial', 'coach', 'influencer'] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];

export const ROLE_INFO: Record<BuyingRole, { zh: string; caresAbout: string }> = {
  economic: { zh: '经济买家', caresAbout: 'balance of interests; final say (often the general manager)' },
  technical: { zh: '技术买家', caresAbout: 'feasibility, technology; can recommend and veto' },
  user: { zh: '使用买家', caresAbout: 'ease of use; lives with the product every day' },
  financial: { zh: '财务买家', caresAbout: 'pays; takes part mostly in form' },
  coach: { zh: '教练买家', caresAbout: 'wants us to win; internal catalyst who guides us' },
  influencer: { zh: '影响力买家', caresAbout: 'sways the decision maker from outside the chain (assistant, relative)' },
};

export const LAYERS = ['decision', 'procurement', 'usage'] as const;
export type Layer = (typeof LAYERS)[number];
export const LAYER_INFO: Record<Layer, { zh: string }> = {
  decision: { zh: '拍板层' },
  procurement: { zh: '采购执行层' },
  usage: { zh: '使用影响层' },
};

export const ATTITUDE_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;
export type AttitudeLetter = (typeof ATTITUDE_LETTERS)[number];
export const ATTITUDES = ATTITUDE_LETTERS.flatMap((l) => [`${l}+`, l, `${l}-`]) as readonly string[] as readonly Attitude[];
export type Attitude = `${AttitudeLetter}${'' | '+' | '-'}`;
export const ATTITUDE_INFO: Record<AttitudeLetter, { en: string; zh: string }> = {
  A: { en: 'recommends', zh: '推荐' },
  B: { en: 'supports', zh: '支持' },
  C: { en: 'accepts', zh: '认可' },
  D: { en: 'doubts', zh: '怀疑' },
  E: { en: 'opposes', zh: '反对' },
};
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
  readonly ourStep: string;
  readonly customerStep: number;
  readonly customerStepText: string;
  readonly category: ForecastCategory | 'won' | 'lost';
}

export const STAGE_INFO: Record<Stage, StageInfo> = {
  G: { probability: 10, ourStep: 'account planning, first call (客户规划, 电话邀约)', customerStep: 1, customerStepText: 'a problem is found, a need raised', category: 'pipeline' },
  F: { probability: 20, ourStep: 'visit, first research (上门拜访, 初步调研)', customerStep: 2, customerStepText: 'feasibility studied, budget set', category: 'pipeline' },
  E: { probability: 25, ourStep: 'first proposal submitted (提交初步方案)', customerStep: 3, customerStepText: 'project approved, buying team formed', category: 'pipeline' },
  D: { probability: 30, ourStep: 'solution demo, technical exchange (方案演示, 技术交流)', customerStep: 4, customerStepText: 'buying standards set', category: 'pipeline' },
  C: { probability: 50, ourStep: 'needs analysis, formal solution (需求分析, 正式方案)', customerStep: 5, customerStepText: 'tender, first screening', category: 'best-case' },
  B: { probability: 75, ourStep: 'project evaluation (项目评估)', customerStep: 6, customerStepText: 'preferred supplier chosen', category: 'best-case' },
  A: { probability: 90, ourStep: 'commercial negotiation (商务谈判)', customerStep: 7, customerStepText: 'contract review, negotiation', category: 'commit' },
  S: { probability: 100, ourStep: 'signed, handed to delivery (签约成交, 移交实施)', customerStep: 8, customerStepText: 'signed', category: 'won' },
  lost: { probability: 0, ourStep: '', customerStep: 0, customerStepText: '', category: 'lost' },
};

export const isOpenStage = (s: Stage | undefined): s is OpenStage =>
  s !== undefined && (OPEN_STAGES as readonly string[]).includes(s);
/** Position in the stage table (G = 0 … A = 6, S = 7); "D or later" is `stageOrder(s) >= stageOrder('D')`. */
export const stageOrder = (s: Stage): number => STAGES.indexOf(s);

export const PURPOSES = ['sign', 'relationship', 'progress', 'solution', 'research'] as const;
export type Purpose = (typeof PURPOSES)[number];
export const PURPOSE_INFO: Record<Purpose, { zh: string }> = {
  sign: { zh: '以签单为目的' },
  relationship: { zh: '以维系关系为目的' },
  progress: { zh: '以检查进度为目的' },
  solution: { zh: '以沟通解决方案为目的' },
  research: { zh: '以市场调研为目的' },
};

export const OWNERSHIPS = ['state-owned', 'private', 'individual', 'collective', 'joint-venture', 'foreign', 'government'] as const;
export const CREDITS = ['good', 'fair', 'poor'] as const;
export const SEGMENTS = ['steady', 'growth', 'price-insensitive'] as const;
export const SOURCES = ['web', 'archive', 'colleague', 'executive', 'network', 'partner', 'association', 'competitor', 'referral', 'event', 'outbound', 'repeat', 'advert'] as const;
export const RELATIONSHIPS = ['incubation', 'initial', 'middle', 'high', 'strategic', 'interrupted'] as const;
export const LOYALTIES = ['latent', 'emerging', 'accepted', 'preferred', 'bonded'] as const;
export const INFLUENCES = ['high', 'medium', 'low'] as const;
export const GIFT_POLICIES = ['allowed', 'limited', 'forbidden'] as const;

export const GRID_PERSONAL: Record<number, { en: string; zh: string }> = {
  1: { en: 'small talk', zh: '寒暄' }, 2: { en: 'preference', zh: '偏好' }, 3: { en: 'trust', zh: '信任' },
  4: { en: 'shared values', zh: '价值' }, 5: { en: 'emotional bond', zh: '情感' },
};
export const GRID_COMPANY = ['E', 'D', 'C', 'B', 'A'] as const;
export const GRID_COMPANY_INFO: Record<(typeof GRID_COMPANY)[number], { en: string; zh: string }> = {
  E: { en: 'facts', zh: '事实' }, D: { en: 'ideas', zh: '观念' }, C: { en: 'behaviour', zh: '行为' },
  B: { en: 'values', zh: '价值观' }, A: { en: 'strategy', zh: '战略' },
};
