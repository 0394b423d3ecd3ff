import * as z from 'zod';
import {
  ATTITUDES, BUYING_ROLES, CREDITS, FORECAST_CATEGORIES, GIFT_POLICIES, GRID_COMPANY, INFLUENCES, LAYERS,
  LOYALTIES, OWNERSHIPS, PURPOSES, RELATIONSHIPS, SEGMENTS, SOURCES, STAGES, TIERS,
} from '../model/selling-method';

/**
 * The plan's schema: the one source of truth for validation (AP002), known keys (AP003),
 * the shipped JSON Schema, the document types, and the keys completion offers with the
 * one-line description that completion, hover and the JSON Schema show. A description is
 * English with the method's Chinese terms in parentheses and serves both UI languages.
 * A description sits on the outermost schema of a key (after `.optional()`), where
 * plan-keys.ts reads it. Messages named here ('id', 'currency') are keys that the engine's
 * message catalogue turns into words.
 */
const text = z.string();
const texts = z.array(text);
const id = z.string().regex(/^\S+$/, 'id');
const date = z.iso.date('date');
const attitude = z.enum(ATTITUDES as unknown as [string, ...string[]]);
const stringMap = z.record(z.string(), text);

export const GridSchema = z.strictObject({
  personal: z.int().min(1).max(5).describe('1 small talk, 2 preference, 3 trust, 4 shared values, 5 emotional bond.'),
  company: z.enum(GRID_COMPANY).describe('E facts, D ideas, C behaviour, B values, A strategy.'),
});

export const TargetSchema = z.strictObject({
  attitude: attitude.optional().describe('The attitude we want.'),
  grid: GridSchema.optional().describe('The 25-grid position we want.'),
});

export const NeedsSchema = z.strictObject({
  company: texts.optional().describe('What the organisation wants.'),
  personal: texts.optional().describe('What the person wants.'),
});

export const PolicySchema = z.strictObject({
  gifts: z.enum(GIFT_POLICIES).optional().describe('allowed, limited or forbidden (AP050).'),
});

export const StakeholderSchema = z.strictObject({
  id: id.describe('Unique among this file\'s stakeholders (required); used by reports_to, with and attitudes.'),
  name: text.describe('The person\'s name (required).'),
  title: text.optional().describe('职务.'),
  department: text.optional().describe('部门.'),
  reports_to: id.optional().describe('Stakeholder id of the boss: the org chart edge.'),
  roles: z.array(z.enum(BUYING_ROLES)).optional().describe('Buying roles: economic, technical, user, financial, coach, influencer.'),
  layer: z.enum(LAYERS).optional().describe('Decision layer: decision (拍板层), procurement (采购执行层), usage (使用影响层).'),
  attitude: attitude.optional().describe('Current attitude A–E (+/-): A recommends, B supports, C accepts, D doubts, E opposes.'),
  target: TargetSchema.optional().describe('Where we want this person to be: { attitude, grid }.'),
  left: date.optional().describe('Date the person left the customer (人事变动); from then they hold no role for the rules.'),
  influence: z.enum(INFLUENCES).optional().describe('Weight in the decision: high, medium, low.'),
  grid: GridSchema.optional().describe('Position on the 25-grid: { personal: 1-5, company: A-E }.'),
  needs: NeedsSchema.optional().describe('What the organisation wants, what the person wants: { company: [], personal: [] }.'),
  personal: stringMap.optional().describe('Hometown, school, hobbies, goals (个人资料).'),
  contact: stringMap.optional().describe('Email, phone.'),
  notes: text.optional().describe('Free notes.'),
});

export const OpportunitySchema = z.strictObject({
  id: id.describe('Unique among this file\'s opportunities (required); used by a visit\'s opportunity.'),
  name: text.describe('The deal\'s name (required).'),
  stage: z.enum(STAGES).describe('Stage G → A (open), S won, lost (required); sets probability and forecast category.'),
  amount: z.number().min(0).optional().describe('Deal value (≥ 0).'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency').optional().describe('ISO 4217 code; default: the accountPlans.currency setting, else CNY.'),
  close: date.optional().describe('Expected (or actual) close date, YYYY-MM-DD.'),
  probability: z.number().min(0).max(100).optional().describe('0–100; overrides the stage\'s probability.'),
  forecast: z.enum(FORECAST_CATEGORIES).optional().describe('pipeline, best-case, commit, omitted: overrides the stage\'s forecast category.'),
  procurement_step: z.int().min(1).max(8).optional().describe('1–8: where the customer\'s own buying process stands.'),
  competitors: texts.optional().describe('Competitors in this deal.'),
  position: z.int().min(-5).max(5).optional().describe('−5…+5: our position against the strongest competitor.'),
  next: z.union([text, texts]).optional().describe('Next steps (text or a list).'),
});

export const VisitSchema = z.strictObject({
  date: date.describe('YYYY-MM-DD (required); a date after today is a planned visit.'),
  purpose: z.enum(PURPOSES).optional().describe('sign, relationship, progress, solution, research.'),
  with: z.array(id).optional().describe('Stakeholder ids met.'),
  by: texts.optional().describe('Who went from our side.'),
  executive: z.boolean().optional().describe('true when one of our own executives went.'),
  opportunity: id.optional().describe('Opportunity id this visit was about.'),
  attitudes: z.record(z.string(), attitude).optional().describe('Attitudes seen at this visit: { stakeholder id: A–E }.'),
  gift: text.optional().describe('A gift given, if any.'),
  summary: text.optional().describe('What happened.'),
  next: text.optional().describe('What comes next.'),
});

export const PlanSchema = z.strictObject({
  account: text.describe('The customer\'s name as people say it (required).'),
  id: id.optional().describe('Short id; default: the file name without .account.md.'),
  owner: text.optional().describe('Account manager (客户经理).'),
  tier: z.enum(TIERS).optional().describe('Customer tier (客户分级): VIP, A, B, C, D.'),
  industry: text.optional().describe('Industry, free text.'),
  ownership: z.enum(OWNERSHIPS).optional().describe('企业体制: who owns it decides who signs.'),
  credit: z.enum(CREDITS).optional().describe('Payment reputation (付款口碑): good, fair, poor.'),
  segment: z.enum(SEGMENTS).optional().describe('中规中矩型 / 潜力增大型 / 价格不敏感型: steady, growth, price-insensitive.'),
  source: z.enum(SOURCES).optional().describe('Where the lead came from (客户信息来源).'),
  relationship: z.enum(RELATIONSHIPS).optional().describe('Account relationship stage (孕育/初期/中期/高期/战略/间断).'),
  loyalty: z.enum(LOYALTIES).optional().describe('Loyalty ladder (潜伏/出现/接受/优势/联结).'),
  competitors: texts.optional().describe('Competitors active at this account.'),
  policy: PolicySchema.optional().describe('The customer\'s own rules; gifts: allowed | limited | forbidden.'),
  stakeholders: z.array(StakeholderSchema).optional().describe('People at the customer.'),
  opportunities: z.array(OpportunitySchema).optional().describe('Deals being pursued.'),
  visits: z.array(VisitSchema).optional().describe('The visit log (拜访记录), any order.'),
});

export type PlanDocument = z.infer<typeof PlanSchema>;
export type StakeholderDocument = z.infer<typeof StakeholderSchema>;
export type OpportunityDocument = z.infer<typeof OpportunitySchema>;
export type VisitDocument = z.infer<typeof VisitSchema>;

let jsonSchema: object | undefined;
/** JSON Schema (draft 2020-12) of the frontmatter, generated from the zod schema with its descriptions. */
export function planJsonSchema(): object {
  jsonSchema ??= {
    title: 'Account plan frontmatter (*.account.md), format version 1',
    ...z.toJSONSchema(PlanSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
  };
  return jsonSchema;
}
