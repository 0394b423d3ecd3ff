import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  DEFAULT_SETTINGS, STORE_FORMAT, STORE_SHARDS, StoredBody, StoredFinding, checkPlan, contentHash, encodeShard, planHash, readShard, restampRecord, restoreAnalysis, shardOf,
  splitShard, stableJson, storeKey, toStoredRecord, type ShardReading, type StoredRecord,
  type PlanAnalysis,
} from '../../src/core';
import { TODAY } from './helpers';

const EXAMPLES = path.join(__dirname, '..', '..', '..', 'examples');
const examples = fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.account.md'))
  .map((f) => ({ name: path.basename(f), uri: `file:///ex/${f}`, text: fs.readFileSync(path.join(EXAMPLES, f), 'utf8') }));

const record = (uri: string, name: string, text: string): StoredRecord =>
  toStoredRecord(uri, { mtime: 1700000000000, size: text.length, hash: planHash(name, text) }, TODAY,
    checkPlan(text, { fileName: name, today: TODAY, compact: true }));

const expect = { engine: 'e1', key: 'k1' };
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const reason = (r: ShardReading): string | undefined => (r.ok ? undefined : r.reason);

/** A shard's header line and its bodies, apart (to damage one of them). */
function split(bytes: Uint8Array): { header: { plans: unknown[] } & Record<string, unknown>; bodies: Uint8Array } {
  const nl = bytes.indexOf(10);
  return { header: JSON.parse(decoder.decode(bytes.subarray(0, nl))) as { plans: unknown[] }, bodies: bytes.subarray(nl + 1) };
}
const join = (header: unknown, bodies: Uint8Array): Uint8Array => {
  const head = encoder.encode(`${JSON.stringify(header)}\n`);
  const out = new Uint8Array(head.length + bodies.length);
  out.set(head);
  out.set(bodies, head.length);
  return out;
};

describe('stored index (the pure parts)', () => {
  it('contentHash: the same text gives the same hash, one changed character another', () => {
    const text = '---\naccount: Acme\n---\n';
    assert.strictEqual(contentHash(text), contentHash(`${text}`));
    assert.notStrictEqual(contentHash(text), contentHash(text.replace('Acme', 'Acmf')));
    assert.match(contentHash(text), /^[0-9a-z]+\.[0-9a-f]{16}$/);
    assert.ok(contentHash(text).startsWith(`${text.length.toString(36)}.`), 'the length leads');
  });

  it('planHash includes the file name (it gives the plan its default id)', () => {
    assert.notStrictEqual(planHash('a.account.md', 'x'), planHash('b.account.md', 'x'));
  });

  it('storeKey: the same settings in any key order give one key; other settings or language another', () => {
    const reordered = Object.fromEntries(Object.entries(DEFAULT_SETTINGS).reverse()) as typeof DEFAULT_SETTINGS;
    assert.strictEqual(stableJson({ b: 1, a: [2, { d: 1, c: undefined }] }), '{"a":[2,{"d":1}],"b":1}');
    assert.strictEqual(storeKey(reordered, 'en'), storeKey(DEFAULT_SETTINGS, 'en'));
    assert.notStrictEqual(storeKey({ ...DEFAULT_SETTINGS, economicBuyerDays: 45 }, 'en'), storeKey(DEFAULT_SETTINGS, 'en'));
    assert.notStrictEqual(storeKey({ ...DEFAULT_SETTINGS, rules: { AP020: 'off' } }, 'en'), storeKey(DEFAULT_SETTINGS, 'en'));
    assert.notStrictEqual(storeKey(DEFAULT_SETTINGS, 'zh-cn'), storeKey(DEFAULT_SETTINGS, 'en'));
  });

  it('shardOf spreads URIs over every shard, the same URI always to the same one', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const s = shardOf(`file:///ws/region-${i % 40}/account-${i}.account.md`);
      assert.ok(Number.isInteger(s) && s >= 0 && s < STORE_SHARDS);
      seen.add(s);
    }
    assert.strictEqual(seen.size, STORE_SHARDS);
    assert.strictEqual(shardOf('file:///a.account.md'), shardOf('file:///a.account.md'));
  });

  /** An analysis field by field, as plain objects (a restored one is made of classes that read the same). */
  const plainAnalysis = (a: PlanAnalysis) => ({
    fileName: a.fileName,
    findings: a.findings.map((f) => (f instanceof StoredFinding ? f.plain() : f)),
    plan: a.plan && { ...a.plan, stakeholders: a.plan.stakeholders, visits: a.plan.visits },
    facts: a.facts && {
      today: a.facts.today, stakeholders: a.facts.stakeholders, opportunities: a.facts.opportunities,
      pastVisits: a.facts.pastVisits, lastVisit: a.facts.lastVisit, hasOpenOpportunity: a.facts.hasOpenOpportunity,
    },
  });

  it('a shard read back gives every analysis exactly as checking the text again does', () => {
    assert.ok(examples.length >= 3, 'the examples');
    const broken = { name: 'broken.account.md', uri: 'file:///ex/broken.account.md', text: '---\naccount: [unclosed\n---\n' };
    const all = [...examples, broken];
    const reading = readShard(encodeShard('e1', 'k1', all.map((e) => record(e.uri, e.name, e.text))), expect);
    assert.ok(reading.ok);
    assert.strictEqual(reading.dropped, 0);
    for (const [i, e] of all.entries()) {
      const fresh = checkPlan(e.text, { fileName: e.name, today: TODAY, compact: true });
      const restored = restoreAnalysis(reading.records[i], e.name, DEFAULT_SETTINGS.currency);
      assert.ok(restored.findings.every((f) => f instanceof StoredFinding), 'findings kept as their stored tuples');
      assert.deepStrictEqual(plainAnalysis(restored), plainAnalysis(fresh), e.name);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(restored)), JSON.parse(JSON.stringify(fresh)), `${e.name}: its JSON`);
      // Read one by one, field by field, and as JSON (what other extensions and logs see): the plain finding.
      for (const [k, f] of restored.findings.entries()) {
        const want = fresh.findings[k];
        assert.deepStrictEqual([f.code, f.severity, f.message, f.range, f.offset, f.data], [want.code, want.severity, want.message, want.range, want.offset, want.data]);
        assert.deepStrictEqual(JSON.parse(JSON.stringify(f)), JSON.parse(JSON.stringify(want)));
        const range = (f as StoredFinding).rangeAs((line, character, endLine, endCharacter) => ({ start: { line, character }, end: { line: endLine, character: endCharacter } }));
        assert.deepStrictEqual(range, want.range, 'rangeAs gives the range\'s four numbers');
      }
    }
  });

  it('a shard read back and written again is the same bytes (plan bodies are copied, not parsed)', () => {
    const bytes = encodeShard('e1', 'k1', examples.map((e) => record(e.uri, e.name, e.text)));
    const reading = readShard(bytes, expect);
    assert.ok(reading.ok);
    const withPlans = reading.records.filter((r) => r.plan);
    assert.ok(withPlans.length >= 3 && withPlans.every((r) => r.plan!.body instanceof StoredBody), 'bodies kept where they are in the file');
    assert.deepStrictEqual(encodeShard('e1', 'k1', reading.records), bytes);
    const moved = restampRecord(reading.records[0], 'file:///elsewhere/a.account.md', { mtime: 5, size: 6 });
    assert.deepStrictEqual([moved.uri, moved.mtime, moved.size, moved.hash], ['file:///elsewhere/a.account.md', 5, 6, reading.records[0].hash]);
  });

  it('the stored header holds findings, the plan without stakeholders and visits, and the last visit; not the lists', () => {
    const e = examples.find((x) => record(x.uri, x.name, x.text).plan?.body && checkPlan(x.text, { fileName: x.name, today: TODAY }).plan!.stakeholders.length > 0)!;
    const { header } = split(encodeShard('e1', 'k1', [record(e.uri, e.name, e.text)]));
    const stored = header.plans[0] as { plan: { head: Record<string, unknown>; lastVisit?: string }; findings: unknown[] };
    const fresh = checkPlan(e.text, { fileName: e.name, today: TODAY, compact: true });
    assert.ok(!('stakeholders' in stored.plan.head) && !('visits' in stored.plan.head));
    assert.deepStrictEqual(stored.plan.head.opportunities, fresh.plan!.opportunities);
    assert.strictEqual(stored.plan.lastVisit, fresh.facts!.lastVisit);
    // One flat list, ten values a finding, the code first.
    assert.strictEqual(stored.findings.length, 10 * fresh.findings.length);
    assert.deepStrictEqual(stored.findings.filter((_, i) => i % 10 === 0), fresh.findings.map((f) => f.code));
  });

  it('the header line is ASCII (Chinese names and 𝕏 escaped as \\u, which JSON.parse reads back as they were)', () => {
    const zh = examples.filter((x) => /[\u4e00-\u9fff]/.test(x.text));
    assert.ok(zh.length > 0, 'the examples hold Chinese plans');
    const text = zh[0].text.replace(/^account: .*$/m, 'account: 𝕏 客户 "quoted" \\ back');
    const bytes = encodeShard('e1', 'k1', [record(zh[0].uri, zh[0].name, text)]);
    const nl = bytes.indexOf(10);
    assert.ok(bytes.subarray(0, nl).every((b) => b < 0x80), 'only ASCII bytes before the first newline');
    const read = readShard(bytes, expect);
    assert.ok(read.ok);
    assert.strictEqual(read.records[0].plan!.head.account, '𝕏 客户 "quoted" \\ back');
    assert.deepStrictEqual(read.records[0].findings.map((f) => f.message), checkPlan(text, { fileName: zh[0].name, today: TODAY }).findings.map((f) => f.message));
  });

  it('a restored plan parses its stakeholders and visits only when they are read; a damaged body gives empty lists and says so', () => {
    const e = examples[0];
    const good = record(e.uri, e.name, e.text);
    const fresh = checkPlan(e.text, { fileName: e.name, today: TODAY, compact: true });
    assert.ok(good.plan && fresh.plan!.stakeholders.length > 0 && fresh.findings.length > 0);
    const broken = encoder.encode('{"stakeholders": [tru');
    const damagedRecord: StoredRecord = { ...good, plan: { ...good.plan, body: new StoredBody({ length: broken.length, bytes: () => broken }, 0, broken.length) } };
    const damage: unknown[] = [];
    const a = restoreAnalysis(damagedRecord, e.name, DEFAULT_SETTINGS.currency, (x) => damage.push(x));
    // What the diagnostics and the Pipeline and Accounts views read comes without the body.
    assert.deepStrictEqual(a.findings, fresh.findings);
    assert.strictEqual(a.plan!.account, fresh.plan!.account);
    assert.deepStrictEqual(a.facts!.opportunities, fresh.facts!.opportunities);
    assert.strictEqual(a.facts!.lastVisit, fresh.facts!.lastVisit);
    assert.strictEqual(a.facts!.hasOpenOpportunity, fresh.facts!.hasOpenOpportunity);
    assert.deepStrictEqual(damage, [], 'the body is not parsed yet');
    assert.deepStrictEqual(a.plan!.stakeholders, []);
    assert.deepStrictEqual(a.facts!.stakeholders, []);
    assert.strictEqual(damage.length, 1, 'the damage is reported once');
    assert.deepStrictEqual(a.plan!.visits, []);
    assert.strictEqual(damage.length, 1);
  });

  it('a shard\'s bodies are read when a body is first needed, once; a shard file changed since its header was read gives empty lists and says so', () => {
    const bytes = encodeShard('e1', 'k1', examples.map((e) => record(e.uri, e.name, e.text)));
    const { header, bodies } = splitShard(bytes);
    let reads = 0;
    let changed = false;
    const reading = readShard({ header, bodies: { length: bodies.length, bytes: () => {
      reads++;
      if (changed) throw new Error('the shard file changed since its header was read');
      return bodies.bytes();
    } } }, expect);
    assert.ok(reading.ok);
    const i = examples.findIndex((e) => checkPlan(e.text, { fileName: e.name, today: TODAY }).plan!.stakeholders.length > 0);
    const e = examples[i];
    const a = restoreAnalysis(reading.records[i], e.name, DEFAULT_SETTINGS.currency);
    assert.deepStrictEqual(a.findings.map((f) => (f as StoredFinding).plain()), checkPlan(e.text, { fileName: e.name, today: TODAY, compact: true }).findings);
    assert.strictEqual(reads, 0, 'findings and the head need no body');
    assert.deepStrictEqual(a.plan!.stakeholders, checkPlan(e.text, { fileName: e.name, today: TODAY }).plan!.stakeholders);
    assert.ok(reads >= 1, 'the body was read when the stakeholders were');
    changed = true;
    const damage: unknown[] = [];
    const b = restoreAnalysis(reading.records[i], e.name, DEFAULT_SETTINGS.currency, (x) => damage.push(x));
    assert.deepStrictEqual(b.plan!.stakeholders, []);
    assert.match(String(damage[0]), /changed since its header was read/);
  });

  it('a shard that is not JSON, of another format, engine or settings, or whose bodies do not add up, is not used', () => {
    const bytes = encodeShard('e1', 'k1', examples.map((e) => record(e.uri, e.name, e.text)));
    const text = decoder.decode(bytes);
    assert.strictEqual(reason(readShard(bytes.subarray(0, bytes.length / 2), expect)), 'corrupt');
    assert.strictEqual(reason(readShard(bytes.subarray(0, 100), expect)), 'corrupt');
    assert.strictEqual(reason(readShard(encoder.encode('[1, 2]\n'), expect)), 'corrupt');
    assert.strictEqual(reason(readShard(encoder.encode(text.replace(`"format":${STORE_FORMAT}`, '"format":0')), expect)), 'format');
    assert.strictEqual(reason(readShard(bytes, { ...expect, engine: 'e2' })), 'engine');
    assert.strictEqual(reason(readShard(bytes, { ...expect, key: 'k2' })), 'settings');
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    longer[bytes.length] = 32;
    assert.strictEqual(reason(readShard(longer, expect)), 'corrupt');
  });

  it('a record that fails validation is left out and counted; the others are used', () => {
    const records = examples.map((e) => record(e.uri, e.name, e.text));
    const { header, bodies } = split(encodeShard('e1', 'k1', records));
    const first = header.plans[0] as { findings: unknown[]; plan: { head: Record<string, unknown> } };
    assert.ok(first.findings.length >= 10, 'the first example has findings');
    const withoutBody = (r: object) => ({ ...r, plan: { ...(r as typeof first).plan, body: 0 } });
    // The first finding's ten values (code, severity, message, four positions, two offsets, data) with one replaced.
    const one = first.findings.slice(0, 10);
    const replaced = (i: number, v: unknown) => withoutBody({ ...first, findings: [...one.slice(0, i), v, ...one.slice(i + 1)] });
    const bad: unknown[] = [
      replaced(0, 'AP999'),
      replaced(3, 'line 3'),
      replaced(1, 7),
      replaced(4, -1),
      replaced(7, 2.5),
      replaced(8, null),
      replaced(9, 'data'),
      withoutBody({ ...first, findings: one.slice(0, 9) }),
      withoutBody({ ...first, findings: [one] }),
      withoutBody({ ...first, today: 'yesterday' }),
      { ...first, plan: { ...first.plan, head: { ...first.plan.head, stakeholders: 'nobody' }, body: 0 } },
      { ...first, plan: { ...first.plan, head: { ...first.plan.head, opportunities: [{ name: 'no index' }] }, body: 0 } },
      withoutBody({ ...first, size: -1 }),
      'not a record',
    ];
    const reading = readShard(join({ ...header, plans: [...bad, ...header.plans] }, bodies), expect);
    assert.ok(reading.ok);
    assert.strictEqual(reading.dropped, bad.length);
    assert.deepStrictEqual(reading.records.map((r) => r.uri), records.map((r) => r.uri));
  });
});
