import * as assert from 'assert';
import { isMap, isSeq, type Node } from 'yaml';
import {
  appendListItem, checkPlan, language, parseYaml, setScalar, splitFrontmatter, stakeholderEntry, stripBom, visitEntry,
  type Finding, type ListKey, type PlanAnalysis,
} from '../../src/core';
import type { EditCase } from './edit-checks';

export const TODAY = '2026-11-24';
type Data = Record<string, unknown>;
type Item = Record<string, unknown>;

/** What an edit that adds an item may remove: nothing, or the empty value it replaces. */
const EMPTY_VALUES = ['', '~', 'null', '[]'];

const NEW_ITEMS: readonly [ListKey, Item][] = [
  ['visits', visitEntry({ date: '2026-11-24', purpose: 'progress', with: ['ann', 'bo'], attitudes: { ann: 'B+' }, summary: 'all good, "mostly" # really', next: 'send: quote' })],
  ['stakeholders', stakeholderEntry({ id: 'new-one', name: '新人 [x]', title: '- CTO', roles: ['coach'], layer: 'usage', attitude: 'B' })],
  ['opportunities', { id: 'new-deal', name: "it's {big}", stage: 'C', amount: 1000 }],
];

/** The reference `yaml` document of a plan, to find a node's source and an item by offset. */
function yamlOf(raw: string) {
  const text = stripBom(raw);
  const split = splitFrontmatter(text);
  if (split.kind !== 'ok') throw new Error('no frontmatter');
  return { text, base: split.yamlStart, doc: parseYaml(text.slice(split.yamlStart, split.yamlEnd), 'reject') };
}

function sourceAt(raw: string, path: readonly (string | number)[]): string {
  const { text, base, doc } = yamlOf(raw);
  const node = doc.getIn(path, true) as Node | undefined;
  return node?.range ? text.slice(base + node.range[0], base + node.range[1]) : '';
}

/** The index of the item of `list` whose text holds `offset`. */
function itemAt(raw: string, list: string, offset: number): number {
  const { base, doc } = yamlOf(raw);
  const seq = doc.get(list, true);
  const i = isSeq(seq) ? seq.items.findIndex((n) => { const r = (n as Node).range; return !!r && base + r[0] <= offset && offset < base + r[1]; }) : -1;
  assert.ok(i >= 0, `an item of ${list} holds offset ${offset}`);
  return i;
}

const list = (d: Data, key: string): Item[] => (Array.isArray(d[key]) ? d[key] as Item[] : []);
const withItem = (d: Data, key: string, i: number, change: (item: Item) => Item): Data =>
  ({ ...d, [key]: list(d, key).map((x, j) => (j === i ? change(x) : x)) });
const renameKey = (item: Item, from: string, to: string): Item => Object.fromEntries(Object.entries(item).map(([k, v]) => [k === from ? to : k, v]));

/** Counts a string among the values and mapping keys of `data`. */
function count(data: unknown, s: string): number {
  if (data === s) return 1;
  if (Array.isArray(data)) return data.reduce((n: number, x) => n + count(x, s), 0);
  if (data && typeof data === 'object') return Object.entries(data).reduce((n, [k, v]) => n + (k === s ? 1 : 0) + count(v, s), 0);
  return 0;
}

/** Every edit the engine offers on a plan: the commands' edits, the rename, and each quick fix. */
export function editCasesFor(raw: string, newId = 'zed'): EditCase[] {
  const cases: EditCase[] = [];
  for (const [key, item] of NEW_ITEMS) {
    const edit = appendListItem(raw, key, item);
    assert.ok(edit, `append to ${key}: an edit`);
    cases.push({ name: `append to ${key}`, edits: [edit], removable: () => EMPTY_VALUES, expect: (d) => ({ ...d, [key]: [...list(d, key), item] }) });
  }
  const data = yamlOf(raw).doc.toJS() as Data;
  list(data, 'opportunities').forEach((o, i) => {
    const stage = o.stage === 'B' ? 'A' : 'B';
    cases.push(setCase(raw, `move stage of deal ${i}`, ['opportunities', i, 'stage'], stage));
  });
  list(data, 'stakeholders').forEach((_s, i) => cases.push(setCase(raw, `set attitude of stakeholder ${i}`, ['stakeholders', i, 'attitude'], 'C+')));
  const first = list(data, 'stakeholders')[0]?.id;
  if (typeof first === 'string') cases.push(...renameCase(raw, first, newId));
  const analysis = checkPlan(raw, { fileName: 'p.account.md', today: TODAY });
  for (const f of analysis.findings) cases.push(...fixCases(raw, f, analysis));
  return cases;
}

function setCase(raw: string, name: string, path: readonly (string | number)[], value: string): EditCase {
  const edit = setScalar(raw, path, value);
  assert.ok(edit, `${name}: an edit`);
  const [key, i, field] = path as [string, number, string];
  return { name, edits: [edit], removable: () => ['', sourceAt(raw, path)], expect: (d) => withItem(d, key, i, (x) => ({ ...x, [field]: value })) };
}

function renameCase(raw: string, id: string, newId: string): EditCase[] {
  const tree = language.yamlTree(raw);
  assert.ok(tree);
  const at = language.occurrences(tree).find((o) => o.id === id && o.role === 'definition');
  assert.ok(at, `the definition of ${id}`);
  const result = language.renameEdits(tree, at.start, newId);
  if ('error' in result) return [];
  return [{
    name: `rename ${id} to ${newId}`, edits: result.edits,
    removable: (e, text) => [text.slice(e.start, e.end)].filter((s) => s.replace(/^["']|["']$/g, '') === id),
    judge: (before, after) => {
      assert.strictEqual(count(after, id), 0, 'no occurrence of the old id left');
      assert.deepStrictEqual(after, replaceIds(before, id, newId));
    },
  }];
}

/** The stakeholder id renamed where ids are: `id`, `reports_to`, visits' `with` and `attitudes` keys. */
function replaceIds(d: Data, from: string, to: string): Data {
  const swap = (v: unknown) => (v === from ? to : v);
  return {
    ...d,
    ...('stakeholders' in d ? { stakeholders: Array.isArray(d.stakeholders) ? list(d, 'stakeholders').map((s) => ({ ...s, id: swap(s.id), ...('reports_to' in s ? { reports_to: swap(s.reports_to) } : {}) })) : d.stakeholders } : {}),
    ...('visits' in d ? { visits: Array.isArray(d.visits) ? list(d, 'visits').map((v) => ({
      ...v,
      ...('with' in v ? { with: Array.isArray(v.with) ? v.with.map(swap) : v.with } : {}),
      ...('attitudes' in v && v.attitudes && typeof v.attitudes === 'object' ? { attitudes: Object.fromEntries(Object.entries(v.attitudes).map(([k, x]) => [swap(k), x])) } : {}),
    })) : d.visits } : {}),
  };
}

function fixCases(raw: string, f: Finding, analysis: PlanAnalysis): EditCase[] {
  const d = f.data ?? {};
  const target = stripBom(raw).slice(f.offset.start, f.offset.end);
  return language.fixesFor(raw, f, analysis, TODAY).flatMap((fix): EditCase[] => {
    const edits = fix.edits;
    if (!edits) return [];
    const name = `${f.code} fix "${fix.title}"`;
    const replaced = { name, edits, removable: () => [target] };
    switch (f.code) {
      case 'AP003': {
        const i = itemAt(raw, 'stakeholders', f.offset.start);
        return [{ ...replaced, expect: (b) => withItem(b, 'stakeholders', i, (x) => renameKey(x, String(d.key), String(d.suggestion))) }];
      }
      case 'AP005': {
        const wrong = String(d.id);
        const right = edits[0].newText;
        return [{ ...replaced, judge: (b, a) => {
          assert.strictEqual(count(a, wrong), count(b, wrong) - 1, `${name}: one reference changed`);
          assert.deepStrictEqual(a, replaceAll(b, wrong, right, a));
        } }];
      }
      case 'AP040':
      case 'AP030': {
        const [key, field] = f.code === 'AP040' ? ['stakeholders', 'attitude'] : ['opportunities', 'close'];
        const i = itemAt(raw, key, f.offset.start);
        return [{ ...replaced, expect: (b) => withItem(b, key, i, (x) => ({ ...x, [field]: edits[0].newText })) }];
      }
      case 'AP010':
        return [{ name, edits, removable: () => EMPTY_VALUES, judge: (b, a) => {
          const was = list(b, 'stakeholders');
          const now = list(a, 'stakeholders');
          assert.deepStrictEqual(now.slice(0, -1), was, `${name}: the others unchanged`);
          assert.deepStrictEqual(now[now.length - 1].roles, [d.role], `${name}: the placeholder holds the role`);
        } }];
      default:
        assert.fail(`${name}: a fix this test does not know`);
    }
  });
}

/** `before` with the one changed reference found in `after` (wherever it is) swapped in. */
function replaceAll(before: unknown, wrong: string, right: string, after: unknown): unknown {
  if (before === wrong && after === right) return right;
  if (Array.isArray(before) && Array.isArray(after)) return before.map((x, i) => replaceAll(x, wrong, right, after[i]));
  if (isRecord(before) && isRecord(after)) {
    const keys = Object.keys(before);
    const afterKeys = Object.keys(after);
    return Object.fromEntries(keys.map((k, i) => {
      const k2 = k === wrong && afterKeys[i] === right ? right : k;
      return [k2, replaceAll(before[k], wrong, right, after[k2])];
    }));
  }
  return before;
}

const isRecord = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x) && !isMap(x);
