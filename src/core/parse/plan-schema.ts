import * as z from 'zod';
import {
  ATTITUDES, BUYING_ROLES, CREDITS, FORECAST_CATEGORIES, GIFT_POLICIES, GRID_COMPANY, INFLUENCES, LAYERS,
  LOYALTIES, OWNERSHIPS, PURPOSES, RELATIONSHIPS, SEGMENTS, SOURCES, STAGES, TIERS,
} from '../model/selling-method';

/**
 * The plan's schema: the one source of truth for validation (AP002), known keys (AP003),
 * the shipped JSON Schema and the document types. Messages named here ('id', 'currency')
 * are keys that messages.ts turns into words.
 */
const text = z.string();
const texts = z.array(text);
const id = z.string().regex(/^\S+$/, 'id');
const date = z.iso.date('date');
const attitude = z.enum(ATTITUDES as unknown as [string, ...string[]]);
const grid = z.strictObject({ personal: z.int().min(1).max(5), company: z.enum(GRID_COMPANY) });
const stringMap = z.record(z.string(), text);

export const StakeholderSchema = z.strictObject({
  id,
  name: text,
  title: text.optional(),
  department: text.optional(),
  reports_to: id.optional(),
  roles: z.array(z.enum(BUYING_ROLES)).optional(),
  layer: z.enum(LAYERS).optional(),
  attitude: attitude.optional(),
  target: z.strictObject({ attitude: attitude.optional(), grid: grid.optional() }).optional(),
  left: date.optional(),
  influence: z.enum(INFLUENCES).optional(),
  grid: grid.optional(),
  needs: z.strictObject({ company: texts.optional(), personal: texts.optional() }).optional(),
  personal: stringMap.optional(),
  contact: stringMap.optional(),
  notes: text.optional(),
});

export const OpportunitySchema = z.strictObject({
  id,
  name: text,
  stage: z.enum(STAGES),
  amount: z.number().min(0).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency').optional(),
  close: date.optional(),
  probability: z.number().min(0).max(100).optional(),
  forecast: z.enum(FORECAST_CATEGORIES).optional(),
  procurement_step: z.int().min(1).max(8).optional(),
  competitors: texts.optional(),
  position: z.int().min(-5).max(5).optional(),
  next: z.union([text, texts]).optional(),
});

export const VisitSchema = z.strictObject({
  date,
  purpose: z.enum(PURPOSES).optional(),
  with: z.array(id).optional(),
  by: texts.optional(),
  executive: z.boolean().optional(),
  opportunity: id.optional(),
  attitudes: z.record(z.string(), attitude).optional(),
  gift: text.optional(),
  summary: text.optional(),
  next: text.optional(),
});

export const PlanSchema = z.strictObject({
  account: text,
  id: id.optional(),
  owner: text.optional(),
  tier: z.enum(TIERS).optional(),
  industry: text.optional(),
  ownership: z.enum(OWNERSHIPS).optional(),
  credit: z.enum(CREDITS).optional(),
  segment: z.enum(SEGMENTS).optional(),
  source: z.enum(SOURCES).optional(),
  relationship: z.enum(RELATIONSHIPS).optional(),
  loyalty: z.enum(LOYALTIES).optional(),
  competitors: texts.optional(),
  policy: z.strictObject({ gifts: z.enum(GIFT_POLICIES).optional() }).optional(),
  stakeholders: z.array(StakeholderSchema).optional(),
  opportunities: z.array(OpportunitySchema).optional(),
  visits: z.array(VisitSchema).optional(),
});

export type PlanDocument = z.infer<typeof PlanSchema>;
export type StakeholderDocument = z.infer<typeof StakeholderSchema>;
export type OpportunityDocument = z.infer<typeof OpportunitySchema>;
export type VisitDocument = z.infer<typeof VisitSchema>;

const keysOf = (o: { shape: object }): readonly string[] => Object.keys(o.shape);
/** Known keys of every object with fixed keys (AP003), by the object's kind. */
export const FIXED_KEYS = {
  plan: keysOf(PlanSchema),
  stakeholder: keysOf(StakeholderSchema),
  opportunity: keysOf(OpportunitySchema),
  visit: keysOf(VisitSchema),
  target: keysOf(StakeholderSchema.shape.target.unwrap()),
  grid: keysOf(grid),
  needs: keysOf(StakeholderSchema.shape.needs.unwrap()),
  policy: keysOf(PlanSchema.shape.policy.unwrap()),
} as const;

let jsonSchema: object | undefined;
/** JSON Schema (draft 2020-12) of the frontmatter, generated from the zod schema. */
export function planJsonSchema(): object {
  jsonSchema ??= {
    title: 'Account plan frontmatter (*.account.md), format version 1',
    ...z.toJSONSchema(PlanSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
  };
  return jsonSchema;
}
