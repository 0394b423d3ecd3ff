import * as assert from 'assert';
import { checkPlan, DEFAULT_SETTINGS, type Finding, type PlanAnalysis, type Settings } from '../../src/core';
import { LineIndex } from '../../src/core/parse/line-index';
import { findLimitBreach } from '../../src/core/parse/yaml-limits';
import { WorkerPool } from '../../src/cli/worker';
import { assertEngineProperties, assertRangesInside } from '../fuzz/engine-properties';
import { TODAY } from './helpers';

/** Regression tests for issue 13's hostile plans, and for every counterexample the engine fuzz found. */
const check = (text: string, extra: { reference?: boolean; compact?: boolean; settings?: Settings } = {}): PlanAnalysis =>
  checkPlan(text, { fileName: 'hostile.account.md', today: TODAY, ...extra });
const brief = (fs: readonly Finding[]) => fs.map((f) => ({ code: f.code, message: f.message, offset: f.offset }));
const plan = (yaml: string): string => `---\n${yaml}---\n`;

/** The one finding of a plan the engine refuses, the same on both parsers and in compact mode. */
function onlyFinding(text: string): Finding {
  const fast = check(text);
  assert.strictEqual(fast.findings.length, 1, JSON.stringify(brief(fast.findings)));
  assert.deepStrictEqual(brief(check(text, { reference: true }).findings), brief(fast.findings));
  assert.deepStrictEqual(brief(check(text, { compact: true }).findings), brief(fast.findings));
  return fast.findings[0];
}

describe('hostile plans: the engine never throws', () => {
  for (const key of ['toString', 'valueOf']) {
    it(`a wrong-typed field given a mapping with a ${key} key is an AP002 quoting the source`, () => {
      const text = plan(`account: X\ntier: {${key}: 1}\nowner: {${key}: 1}\n`);
      const found = check(text).findings;
      assert.deepStrictEqual(found.map((f) => f.code), ['AP002', 'AP002']);
      assert.match(found[0].message, new RegExp(`tier: "\\{${key}: 1\\}" is not one of`));
      assert.match(found[1].message, /owner: expected text, got a mapping/);
      assertEngineProperties(text);
    });
  }

  it('an engine failure is one AP001 on the plan (data.internal), not an exception', () => {
    const broken = { ...DEFAULT_SETTINGS, rules: null } as unknown as Settings;
    const a = check(plan('account: X\ntier: Q\n'), { settings: broken });
    assert.strictEqual(a.findings.length, 1);
    assert.strictEqual(a.findings[0].code, 'AP001');
    assert.strictEqual(a.findings[0].data?.internal, true);
    assert.match(a.findings[0].message, /The checker failed on this plan \(TypeError: /);
  });
});

describe('hostile plans: aliases decided without the stack', () => {
  it('a self-referencing alias with an invalid value is one AP001 at the alias (was a stack overflow)', () => {
    const text = plan('account: X\nself: &s [*s]\ntier: Q\n');
    const f = onlyFinding(text);
    assert.strictEqual(f.code, 'AP001');
    assert.match(f.message, /alias stands inside the node its anchor names/);
    assert.strictEqual(text.slice(f.offset.start, f.offset.end), '*s');
  });

  it('a self-referencing alias alone in compact mode is the same AP001 (was "Converting circular structure to JSON")', () => {
    const f = onlyFinding(plan('account: X\nself: &m {a: {b: *m}}\n'));
    assert.match(f.message, /alias stands inside/);
  });

  it('an alias of an earlier node is fine', () => {
    assert.deepStrictEqual(check(plan('account: &a X\nowner: *a\n')).findings, []);
  });

  it('more than 100 aliases: one AP001 at the 101st', () => {
    const text = plan(`account: X\nx: &a 1\nlist: [${Array.from({ length: 150 }, () => '*a').join(', ')}]\n`);
    const f = onlyFinding(text);
    assert.match(f.message, /more than 100 aliases/);
    assert.strictEqual(f.offset.start, text.indexOf('list: [') + 7 + 100 * 4);
  });

  it('an alias bomb under 100 aliases is stopped by the expansion limit', () => {
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) rows.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`);
    const f = onlyFinding(plan(`account: X\n${rows.join('\n')}\n`));
    assert.match(f.message, /Too many YAML aliases/);
  });
});

describe('hostile plans: depth decided before parsing', () => {
  const deepFlow = plan(`account: X\nx: ${'['.repeat(1000)}\n`);

  it('1,000 nested [ give one AP001 at the opener of level 101, the same on six calls and on a worker', () => {
    const first = onlyFinding(deepFlow);
    assert.match(first.message, /nested more than 100 levels deep/);
    // Level 1 is the plan's mapping, so the 100th `[` is level 101.
    assert.strictEqual(first.offset.start, deepFlow.indexOf('[') + 99);
    for (let i = 0; i < 6; i++) assert.deepStrictEqual(check(deepFlow).findings, [first]);
    const pool = new WorkerPool(1);
    try {
      const [other] = pool.run('check', [{ name: 'hostile.account.md', text: deepFlow }], { today: TODAY, findingsOnly: true });
      assert.deepStrictEqual((other as PlanAnalysis).findings, [first]);
    } finally {
      pool.close();
    }
  });

  it('100 levels are checked as usual; 101 are not', () => {
    const at = (n: number) => plan(`account: X\nx: ${'['.repeat(n - 1)}${']'.repeat(n - 1)}\n`);
    assert.deepStrictEqual(check(at(100)).findings.map((f) => f.code), ['AP003']);
    assert.match(onlyFinding(at(101)).message, /more than 100 levels/);
  });

  it('deep block nesting: indented mappings and compact "- - -" lists', () => {
    const lines = ['account: X'];
    for (let i = 0; i < 150; i++) lines.push(`${' '.repeat(i)}k${i}:`);
    const indented = plan(`${lines.join('\n')}\n`);
    const f = onlyFinding(indented);
    // `account` and `k0` are level 1, so `k100` opens level 101.
    assert.strictEqual(f.offset.start, indented.indexOf('k100:'));
    const dashes = plan(`account: X\nx:\n${'- '.repeat(5000)}a\n`);
    const g = onlyFinding(dashes);
    assert.match(g.message, /more than 100 levels/);
    assert.strictEqual(g.offset.start, dashes.indexOf("- ") + 2 * 99);
  });

  it('brackets inside quotes, comments, block scalars and plain text do not count', () => {
    const opens = '['.repeat(300);
    const text = plan(`account: X\nowner: "${opens}"\nnotes: a${opens}\n# ${opens}\nsummary: |\n  ${opens}\n  [[\ntier: '${opens}'\n`);
    assert.strictEqual(findLimitBreach(text.slice(4)), undefined);
    assert.ok(!check(text).findings.some((f) => f.code === 'AP001'));
  });
});

describe('hostile plans: size decided by the setting', () => {
  it('a plan over maxPlanSizeMB is one AP001; raising the setting checks it (the parse cache knows the limit)', () => {
    const text = plan(`account: X\nnotes: "${'x'.repeat(20_000)}"\n`);
    const small = { ...DEFAULT_SETTINGS, maxPlanSizeMB: 0.01 };
    const f = onlyFinding(text.replace('x', 'x')); // default 5 MB: checked
    assert.strictEqual(f.code, 'AP003');
    const over = check(text, { settings: small }).findings;
    assert.deepStrictEqual(over.map((x) => x.code), ['AP001']);
    assert.match(over[0].message, /The file is 0\.0 MB; plans over 0\.01 MB are not checked/);
    assert.deepStrictEqual(check(text).findings.map((x) => x.code), ['AP003']);
  });

  it('the size is counted in UTF-8 bytes', () => {
    const cjk = plan(`account: X\nnotes: "${'浦'.repeat(4000)}"\n`); // 12,000 bytes, 4,000 characters
    const limit = { ...DEFAULT_SETTINGS, maxPlanSizeMB: 0.01 };
    assert.deepStrictEqual(check(cjk, { settings: limit }).findings.map((x) => x.code), ['AP001']);
  });
});

describe('hostile plans: line ends by VS Code\'s rules', () => {
  it('the line index ends a line at LF, CRLF and a lone CR; an offset inside a CRLF is its line\'s end', () => {
    const lines = new LineIndex('a\rb\r\nc\nd');
    assert.deepStrictEqual([0, 2, 5, 7].map((o) => lines.position(o).line), [0, 1, 2, 3]);
    assert.deepStrictEqual(lines.position(4), { line: 1, character: 1 });
    assert.deepStrictEqual(lines.position(99), { line: 3, character: 1 });
  });

  it('lone CR line ends: both parsers read the same plan and the ranges match VS Code', () => {
    for (const text of ['---\raccount: X\rtier: Q\r---\r', '---\naccount: X\rtier: Q\n---\n', '---\r\naccount: X\rtier: Q\r\n---\r\n']) {
      const fast = check(text);
      assert.deepStrictEqual(fast.findings.map((f) => [f.code, f.range.start.line, f.range.start.character]), [['AP002', 2, 6]], JSON.stringify(text));
      assertEngineProperties(text);
      assertRangesInside(text, fast.findings);
    }
  });
});

describe('hostile plans: the fast path and the reference give one answer', () => {
  const CASES: Record<string, string> = {
    'an implicit key longer than 1,024 characters': plan(`account: X\n${'k'.repeat(1100)}: 1\n`),
    'a comment line between a key and its mapping': plan('account: X\ngrid:\n# c\n  power: 1\nstakeholders:\n# c\n- id: a\n  name: A\n  target:\n    # c\n    attitude: A\n'),
    'a comment line at column 0 inside a nested mapping': plan('account: X\nstakeholders:\n  - id: a\n    name: A\n    grid:\n# c\n      personal: 9\n'),
    'a "? " key with nothing after it': plan('account: X\n? \n'),
    'a "?" key alone at the end': plan('account: X\n?'),
    // Counterexamples the engine fuzz found:
    'a line starting with "---" inside the YAML': '---\n---(\n---\n',
    'a lone "!" tag': '---\n!\n---\n',
    'a null key "~"': '---\n~: \n---\n',
    'an exponent that overflows (1e400)': plan('account: X\nstakeholders:\n  - id: 1e400\n    name: Chen\n'),
    'a tab as indentation': '---\n\t䪮,-R/f9\n---\n',
    'a BOM opening the YAML': '---\n\ufeff-\n---\n',
    'a flow mapping entry without a value': '---\n{a}\n---\n',
    'a paragraph separator (U+2029) before "---"': '---\n\u2029---\n---\n',
    'a comment line at column 0 between a key and its over-indented mapping': plan('account: X\nvisits:\n# Notes\n    purpose: progress\n'),
    'a flow entry with an empty key': plan('account: X\nvisits:\n  - date: 2026-01-20\n    with: [: luo, feng]\n'),
    'a pair inside a flow list': plan('account: X\nstakeholders:\n  - id: a\n    name: A\n    roles: [finan!G+*: Y\\4\\;Pcial]\n'),
    'a negative zero amount (-0)': plan('account: X\nopportunities:\n  - id: o\n    name: O\n    stage: G\n    amount: -0\n  - id: p\n    name: P\n    stage: G\n    amount: -.0e3\n'),
    'an empty list entry followed by a less indented "-" (after a lone CR)': '---\naccount: X\nstakeholders:\n  - \r-\n---\n',
    'an empty list entry with CRLF followed by a less indented "- ."': '---\naccount: X\nstakeholders:\n  - \r\n- .\n---\n',
    'a BOM opening a later line of the YAML': '---\n\r\n\ufeffw^a,?4r\n---\n',
    'a flow list continued on a line that is not indented': plan('account: X\nroles: [\r\neconomic]\ntier: Q\n'),
    'a quoted text continued on a line that is not indented (lone CR ends)': '---\raccount: X\ropportunities:\r  - id: deal\r    name: D\r    stage: C\r    next: "\r\nN~call back"\r---\r',
    'a line separator (U+2028) inside a mapping': plan('account: X\u2028tier: A\n'),
    'a pair with no value at the end of a flow list ([ceo, cto:])': plan('account: X\nvisits:\n  - date: 2026-11-10\n    with: [ceo, cto:]\n  - date: 2026-11-11\n    with: [cto:, ceo]\n'),
    'a comment right after a closing quote (""#)': '---\n""# \n---\n',
    'a comment line at column 0 after a nested mapping (its range ends at its last entry)': plan('account: X\nopportunities:\n    name: B # x\n# c\n\n  # d\nvisits: []\n'),
    'a comment line after a mapping ending in an empty block scalar': plan('account: X\nopportunities:\n    notes: |\n    name: Big deal\n    next: "call back"\n# comment\nvisits: []\n'),
    'a comment line after a mapping whose last value is empty': plan('account: X\nopportunities:\n    name:\n# c\nvisits: []\n'),
    'a comment right after a quoted value, a flow list and a flow mapping': plan('account: "x"#y\nowner: \'o\'#y\nroles: [a]#x\ngrid: {a: 1}#x\n'),
  };
  for (const [name, text] of Object.entries(CASES)) {
    it(`on ${name}`, () => assertEngineProperties(text));
  }
});
