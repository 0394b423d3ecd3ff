import { computeFacts, opportunityFacts } from './derive-facts';
import type { Finding, Locale } from './finding';
import type { Plan } from './plan';
import type { PlanAnalysis, PlanFacts } from './plan-analysis';
import type { Settings } from './settings';
import { contentHash, stableJson } from './content-hash';

/*
 * The editor's persisted index, as data: what is kept of each plan, how a kept analysis is brought
 * back, and which shard file it is kept in. The shard files' bytes are stored-shard.ts's; reading
 * and writing files is the extension's (src/extension/index/index-store.ts).
 *
 * A reopened workspace shows every plan's diagnostics and fills the Pipeline and Accounts views
 * from the store before it looks at a file, so what those need is read at once: the findings, the
 * plan without its stakeholders and visits (the head: account, owner, tier, opportunities…) and
 * the date of the last visit. Stakeholders and visits, most of a plan, stay as the UTF-8 bytes of
 * their JSON until something (the stakeholder map, the Buying Roles view, an API caller) reads them.
 */

/** Bump when the shape of a stored record changes: shards of another format are ignored. */
export const STORE_FORMAT = 3;
/** Plans are spread over this many shard files by URI, so one change rewrites 1/32 of the store. */
export const STORE_SHARDS = 32;

/** A plan without its two long lists. */
export type PlanHead = Omit<Plan, 'stakeholders' | 'visits'>;
/** The two long lists of a plan. */
export type PlanBody = Pick<Plan, 'stakeholders' | 'visits'>;

export interface StoredPlan {
  readonly head: PlanHead;
  /** The latest visit dated on or before the record's day (PlanFacts.lastVisit): the Accounts view shows it. */
  readonly lastVisit?: string;
  /** Stakeholders and visits: the lists, or where the UTF-8 bytes of their JSON are in a shard file (read and parsed when first needed). */
  readonly body: PlanBody | StoredBody;
}

/** A shard file's bytes after its header line, read when a body is first needed (see stored-shard.ts). */
export interface ShardBodies {
  /** How many bytes follow the header line. */
  readonly length: number;
  /** Those bytes; throws when the file is no longer the one whose header was read. */
  bytes(): Uint8Array;
}

/** One plan's body: `length` bytes at `at` in its shard's bodies. */
export class StoredBody {
  constructor(readonly shard: ShardBodies, readonly at: number, readonly length: number) {}

  /** The UTF-8 bytes of the body's JSON; throws when the shard file changed since its header was read. */
  bytes(): Uint8Array {
    return this.shard.bytes().subarray(this.at, this.at + this.length);
  }
}

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
  /** Present when the frontmatter parsed into a mapping. */
  readonly plan?: StoredPlan;
}

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

/** What is stored of a checked plan: findings, the plan's head and body, its last visit; the rest of the facts are derived again. */
export function toStoredRecord(uri: string, stamp: { mtime: number; size: number; hash: string }, today: string, analysis: PlanAnalysis): StoredRecord {
  const record = { uri, mtime: stamp.mtime, size: stamp.size, hash: stamp.hash, today, findings: analysis.findings };
  if (!analysis.plan) return record;
  const { stakeholders, visits, ...head } = analysis.plan;
  return { ...record, plan: { head, lastVisit: analysis.facts?.lastVisit, body: { stakeholders, visits } } };
}

/** The same record for another file (a plan moved, or touched) with the same name and text. */
export const restampRecord = (r: StoredRecord, uri: string, stamp: { mtime: number; size: number }): StoredRecord =>
  ({ ...r, uri, mtime: stamp.mtime, size: stamp.size });

/** Decodes and checks a stored body; throws when it is not one. */
export function parseBody(bytes: Uint8Array): PlanBody {
  const body = JSON.parse(new TextDecoder('utf-8').decode(bytes)) as Partial<PlanBody> | null;
  if (!body || !Array.isArray(body.stakeholders) || !Array.isArray(body.visits)) throw new Error('not a plan body');
  return body as PlanBody;
}

/**
 * The analysis a record stands for: the same as checking the text again on the record's day. The
 * findings are there at once; the plan's stakeholders and visits are parsed when first read, and
 * the facts derived when first read (their opportunities and last visit from the head alone).
 * A body that does not parse, or whose shard file changed since its header was read, gives empty
 * lists and calls `damaged` (the caller checks the file again).
 */
export function restoreAnalysis(record: StoredRecord, fileName: string, currency: string, damaged?: (e: unknown) => void): PlanAnalysis {
  const { plan: stored, today, findings } = record;
  if (!stored) return { fileName, findings };
  return new RestoredAnalysis(fileName, findings, stored, today, currency, damaged);
}

/*
 * Classes, not object literals with getters: a reopen makes one analysis per plan (10,000 at
 * once), and a literal with accessors costs V8 a new shape and closures each time (measured
 * 10–50 ms per 10,000, against under 1 ms for a class). The plan is made when first read too.
 * Their JSON is the plain analysis's.
 */

/** A stored plan's analysis: the plan (its lists read when first needed) and its facts made when first read. */
class RestoredAnalysis implements PlanAnalysis {
  #plan: Plan | undefined;
  #facts: PlanFacts | undefined;
  readonly #stored: StoredPlan;
  readonly #today: string;
  readonly #currency: string;
  readonly #damaged: ((e: unknown) => void) | undefined;

  constructor(readonly fileName: string, readonly findings: readonly Finding[], stored: StoredPlan, today: string, currency: string, damaged: ((e: unknown) => void) | undefined) {
    this.#stored = stored;
    this.#today = today;
    this.#currency = currency;
    this.#damaged = damaged;
  }

  get plan(): Plan {
    return (this.#plan ??= restorePlan(this.#stored, this.#damaged));
  }

  get facts(): PlanFacts {
    return (this.#facts ??= new RestoredFacts(() => this.plan, this.#stored, this.#today, this.#currency));
  }

  toJSON(): PlanAnalysis {
    return { fileName: this.fileName, findings: this.findings, plan: this.plan, facts: this.facts };
  }
}

/**
 * The stored head (its fields copied, as own enumerable properties) with its stakeholders and
 * visits parsed from the body when first read. Those two are getters of the class, so a copy with
 * `{ ...plan }` leaves them out; its JSON holds them, as a checked plan's does.
 */
class RestoredPlan {
  #body: PlanBody | undefined;
  readonly #stored: StoredPlan;
  readonly #damaged: ((e: unknown) => void) | undefined;

  constructor(stored: StoredPlan, damaged: ((e: unknown) => void) | undefined) {
    Object.assign(this, stored.head);
    this.#stored = stored;
    this.#damaged = damaged;
    if (!(stored.body instanceof StoredBody)) this.#body = stored.body;
  }

  get stakeholders(): Plan['stakeholders'] {
    return this.load().stakeholders;
  }

  get visits(): Plan['visits'] {
    return this.load().visits;
  }

  private load(): PlanBody {
    if (this.#body) return this.#body;
    try {
      this.#body = parseBody((this.#stored.body as StoredBody).bytes());
    } catch (e) {
      this.#body = { stakeholders: [], visits: [] };
      this.#damaged?.(e);
    }
    return this.#body;
  }

  toJSON(): Plan {
    return { ...(this as unknown as Plan), stakeholders: this.stakeholders, visits: this.visits };
  }
}

const restorePlan = (stored: StoredPlan, damaged: ((e: unknown) => void) | undefined): Plan =>
  new RestoredPlan(stored, damaged) as unknown as Plan;

/** PlanFacts whose stakeholders and past visits (which need the body) are derived when first read. */
class RestoredFacts implements PlanFacts {
  readonly opportunities: PlanFacts['opportunities'];
  readonly lastVisit: string | undefined;
  readonly hasOpenOpportunity: boolean;
  #full: PlanFacts | undefined;
  /** The plan, made when the body's facts are first read (the views' figures need the head alone). */
  readonly #plan: () => Plan;
  readonly #currency: string;

  constructor(plan: () => Plan, stored: StoredPlan, readonly today: string, currency: string) {
    this.#plan = plan;
    this.#currency = currency;
    this.opportunities = stored.head.opportunities.map((o) => opportunityFacts(o, currency));
    this.lastVisit = stored.lastVisit;
    this.hasOpenOpportunity = this.opportunities.some((o) => o.open);
  }

  get stakeholders(): PlanFacts['stakeholders'] {
    return this.all().stakeholders;
  }

  get pastVisits(): PlanFacts['pastVisits'] {
    return this.all().pastVisits;
  }

  private all(): PlanFacts {
    return (this.#full ??= computeFacts(this.#plan(), this.today, this.#currency));
  }

  toJSON(): PlanFacts {
    const { today, stakeholders, opportunities, pastVisits, lastVisit, hasOpenOpportunity } = this;
    return { today, stakeholders, opportunities, pastVisits, lastVisit, hasOpenOpportunity };
  }
}
