import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  ATTITUDE_LETTERS, BUYING_ROLES, FIXED_KEYS, LAYERS, PURPOSES, STAGES, keyDescription, language, objectKindAt, planJsonSchema,
  type ObjectKind,
} from '../../src/core';
import { TODAY } from './helpers';

/**
 * Completion, hover, the item snippets and the shipped JSON Schema all read the keys of the
 * format and their descriptions from the zod schema, and the snippets' choices from the method
 * table: these tests hold every consumer to that one source.
 */

/** Where each kind of object sits in a plan, as a data path. */
const PATHS: ReadonlyArray<[ObjectKind, (string | number)[]]> = [
  ['plan', []],
  ['policy', ['policy']],
  ['stakeholder', ['stakeholders', 0]],
  ['target', ['stakeholders', 0, 'target']],
  ['grid', ['stakeholders', 0, 'grid']],
  ['grid', ['stakeholders', 0, 'target', 'grid']],
  ['needs', ['stakeholders', 0, 'needs']],
  ['opportunity', ['opportunities', 0]],
  ['visit', ['visits', 0]],
];

/** `value` at `path` inside a plan whose account is Acme. */
function planWith(path: (string | number)[], value: unknown): Record<string, unknown> {
  let v = value;
  for (let i = path.length - 1; i >= 0; i--) v = typeof path[i] === 'number' ? [v] : { [path[i]]: v };
  return { account: 'Acme', ...(v as object) };
}

/** Block-style YAML (two-space indents, `- ` items), as people write plans. */
function blockYaml(value: unknown, indent = ''): string {
  if (Array.isArray(value)) return value.map((item) => `${indent}- ${blockYaml(item, `${indent}  `).slice(indent.length + 2)}`).join('');
  return Object.entries(value as object).map(([k, v]) => (typeof v === 'object'
    ? `${indent}${k}:\n${blockYaml(v, `${indent}  `)}`
    : `${indent}${k}: ${String(v)}\n`)).join('');
}

/** A plan where the object at `path` holds every key of `kind`, each set to `x`. */
const planWithAllKeys = (kind: ObjectKind, path: (string | number)[]): string =>
  `---\n${blockYaml(planWith(path, Object.fromEntries(FIXED_KEYS[kind].map((k) => [k, 'x']))))}---\n`;

/** The key completions on a new, empty line at the end of the object at `path` (which holds one other key, `_`). */
function keysOfferedAt(path: (string | number)[]): language.CompletionEntry[] {
  const text = `---\n${blockYaml(planWith(path, { _: 'x' }))}${' '.repeat(2 * path.length)}`;
  return language.complete({ text: `${text}\n---\n`, offset: text.length, today: TODAY }).filter((e) => e.kind === 'key');
}

/** The JSON Schema of the object at `path`, following `properties` and `items`. */
function jsonObjectAt(schema: unknown, path: (string | number)[]): { properties: Record<string, { description?: string; enum?: string[]; items?: { enum?: string[] } }>; required?: string[] } {
  let node = schema as { properties: Record<string, unknown>; items?: unknown };
  for (const k of path) node = (typeof k === 'number' ? node.items : node.properties[k]) as typeof node;
  return node as never;
}

const shipped = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'schemas', 'account-plan.schema.json'), 'utf8')) as unknown;

describe('format keys: one source for completion, hover, snippets and the JSON Schema', () => {
  it('every key of every object has a one-line description in the schema', () => {
    for (const [kind] of PATHS) {
      for (const key of FIXED_KEYS[kind]) {
        const d = keyDescription(kind, key);
        assert.ok(d && d.trim() === d && !d.includes('\n'), `${kind}.${key}: ${d}`);
      }
    }
    assert.strictEqual(keyDescription('plan', 'owner'), 'Account manager (客户经理).');
    assert.strictEqual(keyDescription('stakeholder', 'layer'), 'Decision layer: decision (拍板层), procurement (采购执行层), usage (使用影响层).');
    assert.strictEqual(keyDescription('plan', 'nonsense'), undefined);
    assert.strictEqual(keyDescription('plan', 'toString'), undefined);
  });

  it('the kind of object at a data path follows the schema', () => {
    for (const [kind, path] of PATHS) assert.strictEqual(objectKindAt(path), kind, path.join('.'));
    assert.strictEqual(objectKindAt(['stakeholders', 0, 'personal']), undefined);
    assert.strictEqual(objectKindAt(['visits', 0, 'attitudes']), undefined);
    assert.strictEqual(objectKindAt(['stakeholders', 0, 'personal', 'grid']), undefined);
  });

  for (const [kind, path] of PATHS) {
    it(`completion offers exactly the schema's keys of ${kind} at ${path.join('.') || 'the top'}, with their descriptions`, () => {
      const offered = keysOfferedAt(path);
      assert.deepStrictEqual(offered.map((e) => e.label), FIXED_KEYS[kind]);
      for (const e of offered) assert.strictEqual(e.documentation, keyDescription(kind, e.label), `${kind}.${e.label}`);
    });

    it(`hover on each key of ${kind} at ${path.join('.') || 'the top'} shows the schema's description`, () => {
      const text = planWithAllKeys(kind, path);
      const tree = language.yamlTree(text)!;
      const map = tree.doc.getIn(path, true) as { items: { key: { range: [number, number]; value: string } }[] } | undefined;
      const node = path.length ? map : (tree.doc.contents as unknown as typeof map);
      assert.deepStrictEqual(node!.items.map((p) => p.key.value), FIXED_KEYS[kind]);
      for (const pair of node!.items) {
        const key = pair.key.value;
        const h = language.hoverAt(tree, tree.base + pair.key.range[0] + 1, undefined, (n) => String(n));
        assert.deepStrictEqual(h?.lines, [`**${key}** — ${keyDescription(kind, key)}`], `${kind}.${key}`);
      }
    });

    it(`the shipped JSON Schema carries the same description for each key of ${kind} at ${path.join('.') || 'the top'}`, () => {
      const props = jsonObjectAt(shipped, path).properties;
      assert.deepStrictEqual(Object.keys(props), FIXED_KEYS[kind]);
      for (const key of FIXED_KEYS[kind]) assert.strictEqual(props[key].description, keyDescription(kind, key), `${kind}.${key}`);
    });
  }

  it('completion on a new list item offers the item snippet, then the keys of the item', () => {
    const text = '---\naccount: Acme\nvisits:\n  - ';
    const entries = language.complete({ text: `${text}\n---\n`, offset: text.length, today: TODAY });
    assert.strictEqual(entries[0].kind, 'snippet');
    assert.strictEqual(entries[0].insertText, language.snippetText(language.ITEM_SNIPPETS.visits).slice(2));
    assert.deepStrictEqual(entries.slice(1).map((e) => e.label), FIXED_KEYS.visit);
  });

  it('hover shows nothing for a key of an open map (personal, contact)', () => {
    const text = '---\naccount: Acme\nstakeholders:\n  - id: a\n    name: A\n    personal:\n      owner: x\n---\n';
    const tree = language.yamlTree(text)!;
    assert.strictEqual(language.hoverAt(tree, text.indexOf('owner') + 1, undefined, String), undefined);
    assert.match(language.hoverAt(tree, text.indexOf('personal') + 1, undefined, String)!.lines[0], /个人资料/);
  });

  it('the shipped JSON Schema is what planJsonSchema() makes, descriptions included', () => {
    assert.deepStrictEqual(shipped, JSON.parse(JSON.stringify(planJsonSchema())));
  });
});

/** The choices (`${n|a,b|}`) of a snippet text, by key. */
function choicesOf(snippet: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of snippet.matchAll(/([\w-]+): \[?\$\{\d+\|([^|]*)\|\}/g)) out[m[1]] = m[2].split(',');
  return out;
}

describe('format keys: item snippets', () => {
  const METHOD_LISTS: Record<string, Record<string, readonly string[]>> = {
    stakeholders: { roles: BUYING_ROLES, layer: LAYERS, attitude: ATTITUDE_LETTERS },
    opportunities: { stage: STAGES },
    visits: { purpose: PURPOSES },
  };

  for (const [list, snippet] of Object.entries(language.ITEM_SNIPPETS)) {
    it(`the ${snippet.label} snippet's choices are the method table's lists, its keys the schema's, its required keys all there`, () => {
      const text = language.snippetText(snippet);
      const kind = objectKindAt([list, 0])!;
      assert.ok(kind, list);
      assert.deepStrictEqual(choicesOf(text), Object.fromEntries(Object.entries(METHOD_LISTS[list]).map(([k, v]) => [k, [...v]])));
      const keys = [...text.matchAll(/^(?:- | {2})([\w-]+):/gm)].map((m) => m[1]);
      assert.deepStrictEqual(keys, snippet.fields.map((f) => f.key));
      for (const k of keys) assert.ok(FIXED_KEYS[kind].includes(k), `${kind}.${k}`);
      const json = jsonObjectAt(shipped, [list, 0]);
      for (const k of json.required ?? []) assert.ok(keys.includes(k), `required ${kind}.${k} missing`);
      // Every choice is a value the schema accepts for its key.
      for (const [k, choices] of Object.entries(choicesOf(text))) {
        const allowed = json.properties[k].enum ?? json.properties[k].items?.enum ?? [];
        for (const c of choices) assert.ok(allowed.includes(c), `${kind}.${k}: ${c}`);
      }
    });
  }

  it('the stakeholder snippet reads as it did when it was typed by hand', () => {
    assert.strictEqual(language.snippetText(language.ITEM_SNIPPETS.stakeholders),
      '- id: ${1:id}\n  name: ${2:name}\n  title: ${3:title}\n  roles: [${4|economic,technical,user,financial,coach,influencer|}]\n  layer: ${5|decision,procurement,usage|}\n  attitude: ${6|A,B,C,D,E|}');
    assert.strictEqual(language.snippetText(language.ITEM_SNIPPETS.visits),
      '- date: ${1:YYYY-MM-DD}\n  purpose: ${2|sign,relationship,progress,solution,research|}\n  with: [${3}]\n  summary: ${4}\n  next: ${5}');
  });

  for (const [kind, path] of PATHS) {
    it(`completion of a value offers exactly the schema's choices, for every key of ${kind} that has them`, () => {
      const properties = jsonObjectAt(shipped, path).properties;
      let checked = 0;
      for (const [key, property] of Object.entries(properties)) {
        if (!property.enum || key === 'attitude') continue;
        const text = `---\n${blockYaml(planWith(path, { _: 'x' }))}${' '.repeat(2 * path.length)}${key}: `;
        const offered = language.complete({ text: `${text}\n---\n`, offset: text.length, today: TODAY }).map((e) => e.label);
        assert.deepStrictEqual([...offered].sort(), [...property.enum].map(String).sort(), `${kind}.${key}`);
        checked++;
      }
      if (['plan', 'stakeholder', 'opportunity', 'visit'].includes(kind)) assert.ok(checked > 0, `${kind} has keys with choices`);
    });
  }
});
