import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  DEFAULT_SETTINGS, STORE_FORMAT, STORE_SHARDS, checkPlan, contentHash, planHash, readShard, restoreAnalysis, shardOf, shardText,
  stableJson, storeKey, toStoredRecord, type StoredRecord,
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

  it('a shard read back gives every analysis exactly as checking the text again does', () => {
    assert.ok(examples.length >= 3, 'the examples');
    const broken = { name: 'broken.account.md', uri: 'file:///ex/broken.account.md', text: '---\naccount: [unclosed\n---\n' };
    const all = [...examples, broken];
    const reading = readShard(shardText('e1', 'k1', all.map((e) => record(e.uri, e.name, e.text))), expect);
    assert.ok(reading.ok);
    assert.strictEqual(reading.dropped, 0);
    for (const [i, e] of all.entries()) {
      const fresh = checkPlan(e.text, { fileName: e.name, today: TODAY, compact: true });
      assert.deepStrictEqual(restoreAnalysis(reading.records[i], e.name, DEFAULT_SETTINGS.currency), fresh, e.name);
    }
  });

  it('a shard that is not JSON, or of another format, engine or settings, is not used', () => {
    const text = shardText('e1', 'k1', examples.map((e) => record(e.uri, e.name, e.text)));
    assert.deepStrictEqual(readShard(text.slice(0, text.length / 2), expect).ok, false);
    assert.strictEqual((readShard(text.slice(0, 100), expect) as { reason: string }).reason, 'corrupt');
    assert.strictEqual((readShard('[1, 2]', expect) as { reason: string }).reason, 'corrupt');
    assert.strictEqual((readShard(text.replace(`"format":${STORE_FORMAT}`, '"format":0'), expect) as { reason: string }).reason, 'format');
    assert.strictEqual((readShard(text, { ...expect, engine: 'e2' }) as { reason: string }).reason, 'engine');
    assert.strictEqual((readShard(text, { ...expect, key: 'k2' }) as { reason: string }).reason, 'settings');
  });

  it('a record that fails validation is left out and counted; the others are used', () => {
    const records = examples.map((e) => record(e.uri, e.name, e.text));
    const bad: unknown[] = [
      { ...records[0], findings: [{ ...records[0].findings[0], code: 'AP999' }] },
      { ...records[0], today: 'yesterday' },
      { ...records[0], plan: { ...records[0].plan, stakeholders: 'nobody' } },
      { ...records[0], size: -1 },
      { ...records[0], extra: true },
      'not a record',
    ];
    assert.ok(records[0].findings.length > 0, 'the first example has findings');
    const json = JSON.stringify({ format: STORE_FORMAT, engine: 'e1', key: 'k1', plans: [...bad, ...records] });
    const reading = readShard(json, expect);
    assert.ok(reading.ok);
    assert.strictEqual(reading.dropped, bad.length);
    assert.deepStrictEqual(reading.records.map((r) => r.uri), records.map((r) => r.uri));
  });
});
