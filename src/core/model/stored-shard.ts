import { RULE_CODES, type Finding, type Range, type RuleCode, type Severity } from './finding';
import { STORE_FORMAT, StoredBody, type PlanHead, type ShardBodies, type StoredRecord } from './stored-index';

/*
 * A shard file of the editor's stored index, as bytes: one line of JSON (the header: format,
 * engine, settings key, and every record without its plan body), a newline, then the plans' bodies
 * (stakeholders and visits, JSON in UTF-8) one after the other, each record giving its body's length.
 * Reading parses the header alone, and each body stays where it is in the file (StoredBody) until
 * something needs it: a reopened workspace parses ~2 KB per plan and reads no body (~6 KB).
 *
 * A record's findings are written as one flat list, FINDING_FIELDS values a finding: code, severity,
 * message, start line, start character, end line, end character, start offset, end offset, data (0
 * when none). One list, not a list per finding: a reopen parses 64,000 findings, and a list each
 * made JSON.parse ~20 % slower and the heap 3 MB larger.
 */

/** Why a shard was not used. */
export type ShardRejection = 'corrupt' | 'format' | 'engine' | 'settings';

export type ShardReading =
  | { readonly ok: true; readonly records: StoredRecord[]; /** Records that failed validation and were left out. */ readonly dropped: number }
  | { readonly ok: false; readonly reason: ShardRejection; readonly detail?: string };

/** How many values of a record's flat `findings` list one finding takes. */
const FINDING_FIELDS = 10;
/** No `data`, in the flat list (JSON has no undefined). */
const NO_DATA = 0;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/**
 * A finding read from the store: its place in its record's flat list as JSON.parse made it, with
 * the range and offset made when read. A reopened workspace holds tens of thousands of findings; as
 * plain objects each is five that live as long as the plan (finding, range, two positions, offset),
 * which every garbage collection of the reopen copies. Reads like any Finding; JSON and `plain()`
 * give the plain one.
 */
export class StoredFinding implements Finding {
  /** The values at `at` are checked by `findingsOf` before one is made. */
  constructor(private readonly fields: readonly unknown[], private readonly at: number) {}
  get code(): RuleCode { return this.fields[this.at] as RuleCode; }
  get severity(): Severity { return SEVERITIES[this.fields[this.at + 1] as number]; }
  get message(): string { return this.fields[this.at + 2] as string; }
  get range(): Range {
    return this.rangeAs((line, character, endLine, endCharacter) => ({ start: { line, character }, end: { line: endLine, character: endCharacter } }));
  }
  /** The range as `make` builds it from its four numbers (no range object made on the way). */
  rangeAs<R>(make: (startLine: number, startCharacter: number, endLine: number, endCharacter: number) => R): R {
    const f = this.fields as readonly number[];
    const at = this.at;
    return make(f[at + 3], f[at + 4], f[at + 5], f[at + 6]);
  }
  get offset(): Finding['offset'] { return { start: this.fields[this.at + 7] as number, end: this.fields[this.at + 8] as number }; }
  get data(): Finding['data'] {
    const data = this.fields[this.at + 9];
    return data === NO_DATA ? undefined : (data as Finding['data']);
  }
  /** Its values in a flat list, as written. */
  values(): readonly unknown[] { return this.fields.slice(this.at, this.at + FINDING_FIELDS); }
  /** The finding as a plain object (as the engine makes it): for a copy, a message to a webview, or JSON. */
  plain(): Finding {
    const { code, severity, message, range, offset, data } = this;
    return data === undefined ? { code, severity, message, range, offset } : { code, severity, message, range, offset, data };
  }
  toJSON(): Finding { return this.plain(); }
}

const SEVERITY_INDEX = new Map(SEVERITIES.map((s, i) => [s, i]));
const CODES = new Set<string>(RULE_CODES);
const NEWLINE = 10;
const NO_BYTES = new Uint8Array(0);

/** A shard file's bytes for these records (of this engine and settings key). */
export function encodeShard(engine: string, key: string, records: readonly StoredRecord[]): Uint8Array {
  const encoder = new TextEncoder();
  const bodies = records.map((r) => (!r.plan ? NO_BYTES : r.plan.body instanceof StoredBody ? r.plan.body.bytes() : encoder.encode(JSON.stringify(r.plan.body))));
  const plans = records.map((r, i) => ({
    uri: r.uri, mtime: r.mtime, size: r.size, hash: r.hash, today: r.today,
    findings: r.findings.flatMap(valuesOf),
    ...(r.plan ? { plan: { head: r.plan.head, lastVisit: r.plan.lastVisit, body: bodies[i].length } } : {}),
  }));
  const header = encoder.encode(asciiJson(JSON.stringify({ format: STORE_FORMAT, engine, key, plans })));
  const out = new Uint8Array(header.length + 1 + bodies.reduce((n, b) => n + b.length, 0));
  out.set(header);
  out[header.length] = NEWLINE;
  let at = header.length + 1;
  for (const b of bodies) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/**
 * JSON with every character past ASCII written as a `\u` escape (the same value to JSON.parse): a
 * reopen decodes and parses 19 MB of header lines, and ASCII bytes decode about four times faster
 * than UTF-8 with Chinese names in it, and parse faster as one-byte text (a third less in all).
 */
function asciiJson(json: string): string {
  return json.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const NON_ASCII = /[\u0080-\uffff]/g;

/** A shard file as read: its header line (undefined: the file has no line break), and what follows it. */
export interface ShardFile {
  readonly header: Uint8Array | undefined;
  readonly bodies: ShardBodies;
}

/** A shard file already in memory, as a ShardFile. */
export function splitShard(bytes: Uint8Array): ShardFile {
  const newline = bytes.indexOf(NEWLINE);
  const rest = newline < 0 ? NO_BYTES : bytes.subarray(newline + 1);
  return { header: newline < 0 ? undefined : bytes.subarray(0, newline), bodies: { length: rest.length, bytes: () => rest } };
}

/**
 * Reads a shard file: nothing in it is used unless its header is JSON of this format, engine and
 * key and its bodies add up to the rest of the file; then each record is checked on its own, by
 * its shape (cheap: the store is the extension's own, in its private storage, and the header's
 * format, engine and key already guard it), and one that fails is left out (and counted).
 * The bodies are not read here: each record's body is a StoredBody of `file.bodies`.
 */
export function readShard(file: ShardFile | Uint8Array, expect: { engine: string; key: string }): ShardReading {
  const { header, bodies } = file instanceof Uint8Array ? splitShard(file) : file;
  if (!header) return { ok: false, reason: 'corrupt', detail: 'no header line' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(header));
  } catch (e) {
    return { ok: false, reason: 'corrupt', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!isObject(json) || typeof json.format !== 'number' || typeof json.engine !== 'string' || typeof json.key !== 'string' || !Array.isArray(json.plans)) {
    return { ok: false, reason: 'corrupt', detail: 'not a shard header' };
  }
  if (json.format !== STORE_FORMAT) return { ok: false, reason: 'format', detail: String(json.format) };
  if (json.engine !== expect.engine) return { ok: false, reason: 'engine', detail: json.engine };
  if (json.key !== expect.key) return { ok: false, reason: 'settings' };
  const records: StoredRecord[] = [];
  let dropped = 0;
  let at = 0;
  for (const raw of json.plans as unknown[]) {
    const length = isObject(raw) && isObject(raw.plan) ? raw.plan.body : 0;
    if (!isCount(length) || at + length > bodies.length) return { ok: false, reason: 'corrupt', detail: 'the plan bodies do not add up' };
    const record = recordOf(raw, new StoredBody(bodies, at, length));
    at += length;
    if (record) records.push(record);
    else dropped++;
  }
  if (at !== bodies.length) return { ok: false, reason: 'corrupt', detail: 'the plan bodies do not add up' };
  return { ok: true, records, dropped };
}

function valuesOf(f: Finding): readonly unknown[] {
  if (f instanceof StoredFinding) return f.values();
  return [f.code, SEVERITY_INDEX.get(f.severity)!, f.message, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character, f.offset.start, f.offset.end, f.data ?? NO_DATA];
}

function recordOf(raw: unknown, body: StoredBody): StoredRecord | undefined {
  if (!isObject(raw)) return undefined;
  const { uri, mtime, size, hash, today, findings, plan } = raw;
  if (typeof uri !== 'string' || !uri || typeof mtime !== 'number' || !isCount(size) || typeof hash !== 'string' || !hash) return undefined;
  if (typeof today !== 'string' || !DATE.test(today)) return undefined;
  const list = findingsOf(findings);
  if (!list) return undefined;
  if (plan === undefined) return { uri, mtime, size, hash, today, findings: list };
  if (!isObject(plan) || !isHead(plan.head) || (plan.lastVisit !== undefined && typeof plan.lastVisit !== 'string')) return undefined;
  return { uri, mtime, size, hash, today, findings: list, plan: { head: plan.head, lastVisit: plan.lastVisit, body } };
}

/** A record's findings from its flat list, or undefined when a value is not what its place holds. */
function findingsOf(fields: unknown): Finding[] | undefined {
  if (!Array.isArray(fields) || fields.length % FINDING_FIELDS !== 0) return undefined;
  const list = new Array<Finding>(fields.length / FINDING_FIELDS);
  for (let at = 0, i = 0; at < fields.length; at += FINDING_FIELDS, i++) {
    if (!isFinding(fields, at)) return undefined;
    list[i] = new StoredFinding(fields, at);
  }
  return list;
}

function isFinding(f: readonly unknown[], at: number): boolean {
  const code: unknown = f[at];
  const severity: unknown = f[at + 1];
  if (typeof code !== 'string' || !CODES.has(code) || typeof severity !== 'number' || SEVERITIES[severity] === undefined || typeof f[at + 2] !== 'string') return false;
  // Positions and offsets: whole numbers from 0 to 2³² − 1 (`v >>> 0` is v itself only for those).
  for (let i = at + 3; i < at + 9; i++) if ((f[i] as number) >>> 0 !== f[i]) return false;
  return f[at + 9] === NO_DATA || isData(f[at + 9]);
}

/** The head is checked by the structure the views walk (an id, the opportunities each with its list index), not value by value. */
function isHead(h: unknown): h is PlanHead {
  return isObject(h) && typeof h.id === 'string' && Array.isArray(h.opportunities) &&
    h.opportunities.every((o) => isObject(o) && isCount(o.index)) && !('stakeholders' in h) && !('visits' in h);
}

function isData(d: unknown): d is Finding['data'] {
  if (!isObject(d)) return false;
  for (const v of Object.values(d)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') continue;
    if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) return false;
  }
  return true;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
