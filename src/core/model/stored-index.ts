import * as z from 'zod';
import { computeFacts } from './derive-facts';
import { RULE_CODES, type Finding, type Locale } from './finding';
import type { Plan } from './plan';
import type { PlanAnalysis, PlanFacts } from './plan-analysis';
import type { Settings } from './settings';
import { contentHash, stableJson } from './content-hash';

/*
 * The editor's persisted index, as data: what is kept of each plan (its findings and its typed plan;
 * the facts are derived again on load, they are a function of the plan and the day), the shard
 * files it is kept in, and the checks a stored shard must pass before anything in it is used. The
 * reading and writing of files is the extension's (src/extension/index/index-store.ts).
 */

/** Bump when the shape of a stored record changes: shards of another format are ignored. */
export const STORE_FORMAT = 1;
/** Plans are spread over this many shard files by URI, so one change rewrites 1/32 of the store. */
export const STORE_SHARDS = 32;

/** One plan file's analysis, as stored: valid while the file's stamp (or its content hash) is the same. */
export interface StoredRecord {
  readonly uri: string;
  readonly mtime: number;
  readonly size: number;
  /** contentHash of the file name and the text (the name gives the plan's default id). */
  readonly hash: string;
  /** The day the plan was checked at (the time rules depend on it). */
  readonly today: string;
  readonly findings: readonly Finding[];
  readonly plan?: Plan;
}

export interface StoredShard {
  readonly format: number;
  /** The engine's version: another engine may find other things in the same text. */
  readonly engine: string;
  /** storeKey() of the settings and the language the findings were made with. */
  readonly key: string;
  readonly plans: readonly StoredRecord[];
}

/** Why a shard was not used. */
export type ShardRejection = 'corrupt' | 'format' | 'engine' | 'settings';

export type ShardReading =
  | { readonly ok: true; readonly records: StoredRecord[]; /** Records that failed validation and were left out. */ readonly dropped: number }
  | { readonly ok: false; readonly reason: ShardRejection; readonly detail?: string };

/** The part of the settings and language that findings depend on, as a short key. */
export function storeKey(settings: Settings, locale: Locale): string {
  return contentHash(stableJson({ settings, locale }));
}

/** The hash a record is keyed by: a plan's default id comes from its file name, so the name is part of it. */
export const planHash = (fileName: string, text: string): string => contentHash(`${fileName}\n${text}`);

/** Which shard file a plan's URI is kept in. */
export function shardOf(uri: string, shards = STORE_SHARDS): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < uri.length; i++) h = Math.imul(h ^ uri.charCodeAt(i), 16777619);
  return (h >>> 0) % shards;
}

export function shardText(engine: string, key: string, records: readonly StoredRecord[]): string {
  const shard: StoredShard = { format: STORE_FORMAT, engine, key, plans: records };
  return JSON.stringify(shard);
}

/** What is stored of an analysis: findings and plan; the facts are derived again (restoreAnalysis). */
export function toStoredRecord(uri: string, stamp: { mtime: number; size: number; hash: string }, today: string, analysis: PlanAnalysis): StoredRecord {
  return { uri, mtime: stamp.mtime, size: stamp.size, hash: stamp.hash, today, findings: analysis.findings, ...(analysis.plan ? { plan: analysis.plan } : {}) };
}

/**
 * The analysis a record stands for: the same as checking the text again on the record's day. The
 * facts are derived when first read: a reopened workspace shows its diagnostics first, and a view
 * that needs the facts derives them then.
 */
export function restoreAnalysis(record: StoredRecord, fileName: string, currency: string): PlanAnalysis {
  const { plan, today, findings } = record;
  if (!plan) return { fileName, findings };
  let facts: PlanFacts | undefined;
  return {
    fileName, findings, plan,
    get facts() {
      return (facts ??= computeFacts(plan, today, currency));
    },
  };
}

/**
 * Reads a shard file's text: nothing in it is used unless it is JSON of this format, engine and
 * key; then each record is validated on its own and one that fails is left out (and counted).
 */
export function readShard(text: string, expect: { engine: string; key: string }): ShardReading {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'corrupt', detail: e instanceof Error ? e.message : String(e) };
  }
  const header = ShardHeaderSchema.safeParse(json);
  if (!header.success) return { ok: false, reason: 'corrupt', detail: header.error.issues[0]?.message };
  const h = header.data;
  if (h.format !== STORE_FORMAT) return { ok: false, reason: 'format', detail: String(h.format) };
  if (h.engine !== expect.engine) return { ok: false, reason: 'engine', detail: h.engine };
  if (h.key !== expect.key) return { ok: false, reason: 'settings' };
  const records: StoredRecord[] = [];
  let dropped = 0;
  for (const raw of h.plans) {
    // The parsed JSON itself is kept (zod's copy would only be garbage): it passed the check.
    if (StoredRecordSchema.safeParse(raw).success) records.push(raw as StoredRecord);
    else dropped++;
  }
  return { ok: true, records, dropped };
}

const ShardHeaderSchema = z.object({
  format: z.number(),
  engine: z.string(),
  key: z.string(),
  plans: z.array(z.unknown()),
});

const position = z.strictObject({ line: z.int().min(0), character: z.int().min(0) });
const FindingSchema = z.strictObject({
  code: z.enum(RULE_CODES),
  severity: z.enum(['error', 'warning', 'information', 'hint']),
  message: z.string(),
  range: z.strictObject({ start: position, end: position }),
  offset: z.strictObject({ start: z.int().min(0), end: z.int().min(0) }),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).optional(),
});

// The typed plan is checked by its structure (an id, and the three lists the views walk, each item
// an object with its list index), not value by value: a full schema check of 10,000 stored plans
// took twice as long as reading them, and the store is the extension's own, versioned and in its
// private storage. Findings, which go straight to VS Code, are checked field by field.
const item = z.looseObject({ index: z.int().min(0) });
const StoredPlanSchema = z.looseObject({
  id: z.string(),
  stakeholders: z.array(item),
  opportunities: z.array(item),
  visits: z.array(item),
});

const StoredRecordSchema = z.strictObject({
  uri: z.string().min(1),
  mtime: z.number(),
  size: z.int().min(0),
  hash: z.string().min(1),
  today: z.iso.date(),
  findings: z.array(FindingSchema),
  plan: StoredPlanSchema.optional(),
});
