import { closest, distance } from 'fastest-levenshtein';
import type { core } from 'zod';
import type { MessageKey } from '../i18n/catalogue';
import type { Plan } from '../model/plan';
import type { Draft } from './parse-plan';
import type { Locator, PathKey } from './locator';
import { CHILD_OBJECTS, FIXED_KEYS, type ObjectKind } from './plan-keys';
import { PlanSchema } from './plan-schema';

type Issue = core.$ZodIssue;

/**
 * AP002 and AP003 for a frontmatter that is a mapping, and the plan the rules see:
 * every value that fails the schema removed, the rest kept.
 */
export function validate(original: Record<string, unknown>, loc: Locator, fileName: string): { drafts: Draft[]; plan: Plan } {
  const result = PlanSchema.safeParse(original);
  // Every object with fixed keys is a strict object in the schema: a plan the schema takes whole
  // has no unknown key, so the file's keys are only walked when it does not.
  if (result.success) return { drafts: [], plan: ownedPlan(result.data as Record<string, unknown>, fileName) };
  const drafts = unknownKeys(original, loc);
  // Only a plan with invalid values is copied (the parse is shared), then pruned.
  const data = structuredClone(original);
  const removals: PathKey[][] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = issue.path as PathKey[];
    const present = has(data, path);
    drafts.push(schemaDraft(issue, path, present, loc, data));
    if (present) removals.push(path);
  }
  for (const path of removals.sort((a, b) => b.length - a.length)) remove(data, path);
  return { drafts, plan: toPlan(data, fileName, removals.length > 0) };
}

// ---------- AP003 ----------

function unknownKeys(data: Record<string, unknown>, loc: Locator): Draft[] {
  const drafts: Draft[] = [];
  const visit = (value: unknown, kind: ObjectKind, path: PathKey[]) => {
    if (!isRecord(value)) return;
    const known = FIXED_KEYS[kind];
    // Most mappings hold known keys only: the data says so without walking the file's nodes.
    if (Object.keys(value).some((k) => !known.includes(k))) {
      for (const { name, at } of loc.keys(path)) {
        if (!known.includes(name)) drafts.push(unknownKeyDraft(name, known, kind, path, at));
      }
    }
    for (const [key, child] of Object.entries(CHILD_OBJECTS[kind])) {
      const v = value[key];
      if (!child.list) visit(v, child.kind, [...path, key]);
      else if (Array.isArray(v)) v.forEach((item, i) => visit(item, child.kind, [...path, key, i]));
    }
  };
  visit(data, 'plan', []);
  return drafts;
}

function unknownKeyDraft(key: string, known: readonly string[], kind: ObjectKind, path: PathKey[], at: [number, number]): Draft {
  const suggestion = suggest(key, known);
  const object = path.length === 0 ? 'the plan' : describePath(path);
  return suggestion
    ? { code: 'AP003', key: 'unknownKeyHint', params: { key, object, suggestion }, start: at[0], end: at[1], data: { key, suggestion, kind } }
    : { code: 'AP003', key: 'unknownKey', params: { key, object }, start: at[0], end: at[1], data: { key, kind } };
}

/** The closest known key, when it is close enough to be a slip of the keyboard. */
export function suggest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase().replace(/[\s-]/g, '_');
  const exact = known.find((k) => k === lower);
  if (exact) return exact;
  const best = closest(lower, known as string[]);
  const d = distance(lower, best);
  return d <= Math.max(2, Math.floor(best.length / 3)) && d < lower.length ? best : undefined;
}

// ---------- AP002 ----------

function schemaDraft(issue: Issue, path: PathKey[], present: boolean, loc: Locator, data: unknown): Draft {
  const where = path.length ? `${describePath(path)}: ` : '';
  if (!present) {
    const parent = path.length > 1 ? `${describePath(path.slice(0, -1))}: ` : '';
    const at = loc.firstKeyOf(path.slice(0, -1)) ?? [0, 3];
    return { code: 'AP002', key: 'missingKey', params: { where: parent, key: String(path[path.length - 1]) }, start: at[0], end: at[1], data: { key: String(path[path.length - 1]) } };
  }
  const at = loc.value(path) ?? loc.key(path) ?? [0, 3];
  const value = get(data, path);
  const { key, params } = describeIssue(issue, value, loc.source(path) ?? shownValue(value));
  return { code: 'AP002', key, params: { where, ...params }, start: at[0], end: at[1] };
}

function describeIssue(issue: Issue, value: unknown, source: string): { key: MessageKey; params: NonNullable<Draft['params']> } {
  if (value === null) return { key: 'empty', params: {} };
  // A mapping may hold its own `toString` or `valueOf` key: String() on it would throw.
  const shown = typeof value === 'object' ? source : String(value);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        return { key: 'quoteIt', params: { actual: typeof value === 'number' ? 'number' : 'boolean', source } };
      }
      if (issue.expected === 'int' && typeof value === 'number') return { key: 'notWhole', params: { value: shown } };
      return { key: 'wrongType', params: { expected: { word: expectedType(issue.expected) }, actual: { word: actualType(value) } } };
    case 'invalid_value':
      return issue.values.length === 15
        ? { key: 'notOneOf', params: { value: shown, values: { word: 'attitudeValues' } } }
        : { key: 'notOneOf', params: { value: shown, values: issue.values.map(String).join(', ') } };
    case 'invalid_format':
      if (issue.message === 'currency') return { key: 'badCurrency', params: { value: shown } };
      if (issue.message === 'id') return { key: 'badId', params: { value: shown } };
      return { key: 'badDate', params: { value: shown } };
    case 'too_small':
      return { key: 'tooSmall', params: { value: shown, limit: Number(issue.minimum) } };
    case 'too_big':
      return { key: 'tooBig', params: { value: shown, limit: Number(issue.maximum) } };
    case 'invalid_union':
      return { key: 'textOrList', params: {} };
    default:
      return { key: 'invalid', params: {} };
  }
}

const expectedType = (t: string): MessageKey =>
  t === 'string' ? 'typeText' : t === 'number' ? 'typeNumber' : t === 'int' ? 'typeWhole' : t === 'boolean' ? 'typeBoolean'
    : t === 'array' ? 'typeList' : 'typeMapping';
const actualType = (v: unknown): MessageKey =>
  typeof v === 'string' ? 'typeText' : typeof v === 'number' ? 'typeNumber' : typeof v === 'boolean' ? 'typeBoolean'
    : Array.isArray(v) ? 'typeList' : v === null ? 'typeNull' : 'typeMapping';

/** `stakeholders[2].attitude` */
function describePath(path: readonly PathKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

// ---------- data helpers ----------

/** A value as a message shows it when its source text is not at hand; never calls the value's own methods. */
const shownValue = (v: unknown): string => (typeof v !== 'object' || v === null ? String(v) : Array.isArray(v) ? '[…]' : '{…}');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function has(data: unknown, path: readonly PathKey[]): boolean {
  let cur: unknown = data;
  for (const k of path) {
    if (Array.isArray(cur) && typeof k === 'number') {
      if (k >= cur.length) return false;
      cur = cur[k];
    } else if (isRecord(cur) && Object.prototype.hasOwnProperty.call(cur, k)) cur = cur[k as string];
    else return false;
  }
  return true;
}

function get(data: unknown, path: readonly PathKey[]): unknown {
  let cur: unknown = data;
  for (const k of path) cur = (cur as Record<PathKey, unknown> | undefined)?.[k];
  return cur;
}

const REMOVED = Symbol('removed');
function remove(data: unknown, path: readonly PathKey[]): void {
  let cur: unknown = data;
  for (const k of path.slice(0, -1)) cur = (cur as Record<PathKey, unknown>)?.[k];
  const last = path[path.length - 1];
  if (Array.isArray(cur)) cur[last as number] = REMOVED;
  else if (isRecord(cur)) delete cur[last as string];
}

function toPlan(data: Record<string, unknown>, fileName: string, removed: boolean): Plan {
  const clean = (v: unknown): unknown => {
    if (!removed) return v;
    if (Array.isArray(v)) return v.filter((x) => x !== REMOVED).map(clean);
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]));
    return v;
  };
  const list = (key: string) => {
    const v = data[key];
    if (!Array.isArray(v)) return [];
    return v.flatMap((item, index) => (isRecord(item) ? [{ ...(clean(item) as object), index }] : []));
  };
  const top = clean(data) as Record<string, unknown>;
  return {
    ...top,
    id: typeof data.id === 'string' ? data.id : defaultId(fileName),
    stakeholders: list('stakeholders'),
    opportunities: list('opportunities'),
    visits: list('visits'),
  } as Plan;
}

/**
 * The plan from the schema's output, which is a copy of the data made for this call (the parse
 * itself is shared): its items get their index in place instead of being copied once more.
 */
function ownedPlan(data: Record<string, unknown>, fileName: string): Plan {
  if (typeof data.id !== 'string') data.id = defaultId(fileName);
  for (const key of ['stakeholders', 'opportunities', 'visits']) {
    const items = data[key];
    if (Array.isArray(items)) items.forEach((item: Record<string, unknown>, index) => { item.index = index; });
    else data[key] = [];
  }
  return data as unknown as Plan;
}

export function defaultId(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.account\.md$/i, '').replace(/\.md$/i, '');
}
