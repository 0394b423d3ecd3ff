import type * as z from 'zod';
import {
  GridSchema, NeedsSchema, OpportunitySchema, PlanSchema, PolicySchema, StakeholderSchema, TargetSchema, VisitSchema,
} from './plan-schema';

/**
 * The objects of the format that have fixed keys, read from the zod schema: their keys
 * (AP003, completion), the description of each key (completion, hover) and which object a
 * key opens (`stakeholders` holds stakeholders, a stakeholder's `grid` is a grid).
 */
const OBJECT_SCHEMAS = {
  plan: PlanSchema,
  stakeholder: StakeholderSchema,
  opportunity: OpportunitySchema,
  visit: VisitSchema,
  target: TargetSchema,
  grid: GridSchema,
  needs: NeedsSchema,
  policy: PolicySchema,
} as const;

export type ObjectKind = keyof typeof OBJECT_SCHEMAS;
const OBJECT_KINDS = Object.keys(OBJECT_SCHEMAS) as ObjectKind[];

type AnySchema = z.core.$ZodType;
const shapeOf = (kind: ObjectKind): Record<string, AnySchema> => OBJECT_SCHEMAS[kind].shape as Record<string, AnySchema>;

/** A table with one entry per object kind. */
const byKind = <T>(f: (kind: ObjectKind) => T): Record<ObjectKind, T> =>
  Object.fromEntries(OBJECT_KINDS.map((k) => [k, f(k)])) as Record<ObjectKind, T>;

/** Known keys of every object with fixed keys, in the schema's order. */
export const FIXED_KEYS: Readonly<Record<ObjectKind, readonly string[]>> = byKind((k) => Object.keys(shapeOf(k)));

/** The one-line description of a key of an object, as the schema gives it. */
export function keyDescription(kind: ObjectKind, key: string): string | undefined {
  if (!Object.hasOwn(shapeOf(kind), key)) return undefined;
  return (shapeOf(kind)[key] as { description?: string }).description;
}

/** Every key of an object with its description, in the schema's order. */
export function keyDescriptions(kind: ObjectKind): ReadonlyArray<{ key: string; description: string | undefined }> {
  return FIXED_KEYS[kind].map((key) => ({ key, description: keyDescription(kind, key) }));
}

export interface ChildObject {
  readonly kind: ObjectKind;
  /** True when the key holds a list of such objects (`stakeholders`), false for one object (`grid`). */
  readonly list: boolean;
}

function unwrapOptional(schema: AnySchema): AnySchema {
  let s = schema;
  while (s._zod.def.type === 'optional') s = (s._zod.def as unknown as { innerType: AnySchema }).innerType;
  return s;
}

function findChild(schema: AnySchema): ChildObject | undefined {
  let s = unwrapOptional(schema);
  const list = s._zod.def.type === 'array';
  if (list) s = unwrapOptional((s._zod.def as unknown as { element: AnySchema }).element);
  const kind = OBJECT_KINDS.find((k) => OBJECT_SCHEMAS[k] === s);
  return kind ? { kind, list } : undefined;
}

/** For each object, its keys that open an object with fixed keys, in the schema's order (read once). */
export const CHILD_OBJECTS: Readonly<Record<ObjectKind, Readonly<Record<string, ChildObject>>>> = byKind((kind) => Object.fromEntries(
  Object.entries(shapeOf(kind)).flatMap(([key, schema]) => { const c = findChild(schema); return c ? [[key, c] as const] : []; }),
));

/** The object a key of `kind` opens, if it is one with fixed keys: `plan.stakeholders` → a list of stakeholders. */
const childObject = (kind: ObjectKind, key: string): ChildObject | undefined =>
  Object.hasOwn(CHILD_OBJECTS[kind], key) ? CHILD_OBJECTS[kind][key] : undefined;

/** The kind of object at a data path (`['stakeholders', 2, 'grid']` is a grid); list indices are skipped. */
export function objectKindAt(path: readonly (string | number)[]): ObjectKind | undefined {
  let kind: ObjectKind | undefined = 'plan';
  for (const key of path) {
    if (typeof key === 'number') continue;
    kind = childObject(kind, key)?.kind;
    if (!kind) return undefined;
  }
  return kind;
}
