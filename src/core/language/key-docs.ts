/** One line per key, from the format's tables: completion and hover show them. */
export type ObjectKind = 'plan' | 'stakeholder' | 'opportunity' | 'visit' | 'target' | 'grid' | 'needs' | 'policy';

export const KEY_DOCS: Record<ObjectKind, Record<string, string>> = {
  plan: {
    account: 'The customer\'s name as people say it (required).',
    id: 'Short id; default: the file name without .account.md.',
    owner: 'Account manager (客户经理).',
    tier: 'Customer tier (客户分级): VIP, A, B, C, D.',
    industry: 'Industry, free text.',
    ownership: '企业体制: who owns it decides who signs.',
    credit: 'Payment reputation (付款口碑): good, fair, poor.',
    segment: '中规中矩型 / 潜力增大型 / 价格不敏感型: steady, growth, price-insensitive.',
    source: 'Where the lead came from (客户信息来源).',
    relationship: 'Account relationship stage (孕育/初期/中期/高期/战略/间断).',
    loyalty: 'Loyalty ladder (潜伏/出现/接受/优势/联结).',
    competitors: 'Competitors active at this account.',
    policy: 'The customer\'s own rules; gifts: allowed | limited | forbidden.',
    stakeholders: 'People at the customer.',
    opportunities: 'Deals being pursued.',
    visits: 'The visit log (拜访记录), any order.',
  },
  stakeholder: {
    id: 'Unique among this file\'s stakeholders (required); used by reports_to, with and attitudes.',
    name: 'The person\'s name (required).',
    title: '职务.',
    department: '部门.',
    reports_to: 'Stakeholder id of the boss: the org chart edge.',
    roles: 'Buying roles: economic, technical, user, financial, coach, influencer.',
    layer: 'Decision layer: decision (拍板层), procurement (采购执行层), usage (使用影响层).',
    attitude: 'Current attitude A–E (+/-): A recommends, B supports, C accepts, D doubts, E opposes.',
    target: 'Where we want this person to be: { attitude, grid }.',
    left: 'Date the person left the customer (人事变动); from then they hold no role for the rules.',
    influence: 'Weight in the decision: high, medium, low.',
    grid: 'Position on the 25-grid: { personal: 1-5, company: A-E }.',
    needs: 'What the organisation wants, what the person wants: { company: [], personal: [] }.',
    personal: 'Hometown, school, hobbies, goals (个人资料).',
    contact: 'Email, phone.',
    notes: 'Free notes.',
  },
  opportunity: {
    id: 'Unique among this file\'s opportunities (required); used by a visit\'s opportunity.',
    name: 'The deal\'s name (required).',
    stage: 'Stage G → A (open), S won, lost (required); sets probability and forecast category.',
    amount: 'Deal value (≥ 0).',
    currency: 'ISO 4217 code; default: the accountPlans.currency setting, else CNY.',
    close: 'Expected (or actual) close date, YYYY-MM-DD.',
    probability: '0–100; overrides the stage\'s probability.',
    forecast: 'pipeline, best-case, commit, omitted: overrides the stage\'s forecast category.',
    procurement_step: '1–8: where the customer\'s own buying process stands.',
    competitors: 'Competitors in this deal.',
    position: '−5…+5: our position against the strongest competitor.',
    next: 'Next steps (text or a list).',
  },
  visit: {
    date: 'YYYY-MM-DD (required); a date after today is a planned visit.',
    purpose: 'sign, relationship, progress, solution, research.',
    with: 'Stakeholder ids met.',
    by: 'Who went from our side.',
    executive: 'true when one of our own executives went.',
    opportunity: 'Opportunity id this visit was about.',
    attitudes: 'Attitudes seen at this visit: { stakeholder id: A–E }.',
    gift: 'A gift given, if any.',
    summary: 'What happened.',
    next: 'What comes next.',
  },
  target: { attitude: 'The attitude we want.', grid: 'The 25-grid position we want.' },
  grid: { personal: '1 small talk, 2 preference, 3 trust, 4 shared values, 5 emotional bond.', company: 'E facts, D ideas, C behaviour, B values, A strategy.' },
  needs: { company: 'What the organisation wants.', personal: 'What the person wants.' },
  policy: { gifts: 'allowed, limited or forbidden (AP050).' },
};

/** The kind of object at a data path: `['stakeholders', 2]` is a stakeholder. */
export function objectKindAt(path: readonly (string | number)[]): ObjectKind | undefined {
  const p = path.filter((k) => typeof k === 'string');
  const last = p[p.length - 1];
  if (p.length === 0) return 'plan';
  if (p.length === 1) return last === 'stakeholders' ? 'stakeholder' : last === 'opportunities' ? 'opportunity' : last === 'visits' ? 'visit' : last === 'policy' ? 'policy' : undefined;
  if (p[0] === 'stakeholders') return last === 'target' ? 'target' : last === 'grid' ? 'grid' : last === 'needs' ? 'needs' : undefined;
  return undefined;
}
