import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkPlan } from '../../src/core';
import { CLEAN, TODAY, wrap } from './helpers';

const ROOT = path.join(__dirname, '..', '..', '..');

function planFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
}

/** The fast parser must give exactly what the reference (`yaml`) gives: same findings, same places. */
function same(text: string, name: string): void {
  const fast = checkPlan(text, { fileName: name, today: TODAY });
  const reference = checkPlan(text, { fileName: name, today: TODAY, reference: true });
  assert.deepStrictEqual(fast.findings, reference.findings, name);
  assert.deepStrictEqual(fast.plan, reference.plan, name);
}

const TRICKY: Record<string, string> = {
  comments: CLEAN.replace('tier: A', 'tier: A # key account\n# a comment line').replace('    name: Tao\n', '    name: Tao # CTO\n'),
  quotedKeys: CLEAN.replace('account: Acme', '"account": \'Acme\''),
  flowItems: CLEAN.replace('opportunities:\n', 'opportunities:\n  - { id: x, name: "X, Y", stage: Q, amount: -1 }\n'),
  emptyValues: CLEAN.replace('    name: Tao\n', '    name: Tao\n    title:\n    notes: ""\n'),
  numbersAsText: CLEAN.replace('  - id: ops', '  - id: 0202').replace('tier: A', 'tier: 1'),
  badTypes: CLEAN.replace('    roles: [technical]', '    roles: technical').replace('    layer: decision', '    layer: [decision]'),
  unknownKeys: CLEAN.replace('tier: A', 'teir: A\nstakholders: []').replace('    name: Chen', '    name: Chen\n    grid: { personal: 9, company: Z, x: 1 }'),
  blockScalars: CLEAN.replace('    name: Tao\n', '    name: Tao\n    notes: |\n      line one\n      line two\n    title: >\n      folded\n      text\n'),
  nestedEmpty: 'account: X\nstakeholders:\n  -\n  - id: a\nvisits:\n  - date:\n    with: [a, , b]\n',
  references: CLEAN.replace('with: [ceo, cto, ops]', 'with: [ceo, ghost, ops]').replace('    roles: [economic]', '    reports_to: ceo\n    roles: [economic]'),
  wrongTop: '- a\n- b\n',
  scalarTop: 'just text\n',
  empty: '',
  missingAccount: 'tier: A\n',
  dashAtColumnZero: 'account: X\nstakeholders:\n- id: a\n  name: A\n  roles: [coach]\n- id: a\n  name: B\n',
  crlfAndTabs: CLEAN.replace(/\n/g, '\r\n').replace('attitude: A', 'attitude:\tZ'),
  cjkKeys: CLEAN.replace('    attitudes: { ceo: B, cto: B, ops: A }', '    attitudes: { ceo: B, 陈: B, ops: F }'),
  yamlError: 'account: [X\n',
  duplicateKey: 'account: X\naccount: Y\n',
  anchors: 'account: &a X\nowner: *a\n',
  binaryInt: 'account: X\nstakeholders:\n  - { id: 0b101, name: B }\n',
  oddKeys: CLEAN.replace('tier: A', 'tier: A\n1: one\nnull: z\n[a, b]: 1\n? [c]\n: 2').replace('    attitudes: { ceo: B, cto: B, ops: A }', '    attitudes: { ceo: B, [x]: B, ops: A }'),
  infinity: 'account: X\nopportunities:\n  - { id: o, name: O, stage: C, amount: .inf, probability: .NaN }\n',
};

describe('fast parser: same findings and data as the reference parser', () => {
  for (const [name, yaml] of Object.entries(TRICKY)) {
    it(`on ${name}`, () => same(wrap(yaml), `${name}.account.md`));
  }

  it('on every example, fixture and README snippet plan in the repository', () => {
    const files = [...planFiles(path.join(ROOT, 'examples')), ...planFiles(path.join(ROOT, 'test', 'fixtures'))].filter((f) => f.endsWith('.account.md'));
    assert.ok(files.length >= 10, `found ${files.length}`);
    for (const f of files) same(fs.readFileSync(f, 'utf8'), path.relative(ROOT, f));
  });

  it('on generated plans of the benchmark (random shapes)', async function () {
    this.timeout(20_000); // 120 parses: well over mocha's 2 s default on a busy machine
    const gen = (await import(path.join(ROOT, 'bench', 'generate.mjs'))) as { planText: (i: number, shape?: object) => string };
    for (let i = 0; i < 60; i++) same(gen.planText(i, { stakeholders: 1 + (i % 9), opportunities: i % 4, visits: i % 16 }), `gen-${i}.account.md`);
  });
});
