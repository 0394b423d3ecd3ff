import * as assert from 'assert';
import { applyEdits, checkPlan, DEFAULT_SETTINGS, language } from '../../src/core';
import { CLEAN, TODAY, wrap } from './helpers';

const TEXT = wrap(CLEAN);
const analysis = checkPlan(TEXT, { fileName: 'acme.account.md', today: TODAY });
const tree = language.yamlTree(TEXT)!;
const at = (needle: string, delta = 0) => {
  const i = TEXT.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i + delta;
};
const labels = (text: string, offset: number) => language.complete({ text, offset, analysis, today: TODAY }).map((c) => c.label);
const typed = (before: string, insert: string) => {
  const i = TEXT.indexOf(before) + before.length;
  const text = TEXT.slice(0, i) + insert + TEXT.slice(i);
  return labels(text, i + insert.length);
};

describe('language: completion', () => {
  it('offers the keys of the object at the cursor', () => {
    assert.ok(typed('tier: A\n', 'ow').includes('owner'));
    assert.ok(typed('    name: Tao\n', '    ti').includes('title'));
    assert.ok(!typed('    name: Tao\n', '    ti').includes('account'));
    assert.ok(typed('    close: 2027-03-31\n', '    pro').includes('probability'));
    assert.ok(typed('    executive: true\n', '    gi').includes('gift'));
  });

  it('offers enum values with their meaning', () => {
    const stages = language.complete({ text: TEXT.replace('stage: C', 'stage: '), offset: at('stage: C', 7), analysis, today: TODAY });
    assert.deepStrictEqual(stages.map((s) => s.label), ['G', 'F', 'E', 'D', 'C', 'B', 'A', 'S', 'lost']);
    assert.match(stages[4].detail ?? '', /50 % · needs analysis.*customer step 5: tender, first screening · best-case/);
    assert.deepStrictEqual(typed('  - id: cto\n    name: Tao\n', '    layer: ').slice(0, 3), ['decision', 'procurement', 'usage']);
    assert.strictEqual(typed('  - id: cto\n    name: Tao\n', '    attitude: ').length, 15);
    assert.deepStrictEqual(typed('    purpose: progress\n', '    purpose: ').length, 5);
  });

  it('offers ids where ids go, roles in a role list, today for dates', () => {
    assert.deepStrictEqual(typed('    name: Tao\n', '    reports_to: '), ['ceo', 'cto', 'ops']);
    assert.deepStrictEqual(typed('    purpose: progress\n', '    with: [ceo, '), ['ceo', 'cto', 'ops']);
    assert.deepStrictEqual(typed('    purpose: progress\n', '    opportunity: '), ['deal']);
    assert.deepStrictEqual(typed('    purpose: progress\n', '    attitudes: { ceo: B, '), ['ceo', 'cto', 'ops']);
    assert.strictEqual(typed('    purpose: progress\n', '    attitudes: { ceo: ').length, 15);
    assert.ok(typed('    name: Tao\n', '    roles: [').includes('coach'));
    assert.deepStrictEqual(typed('    name: Tao\n', '    left: '), [TODAY]);
  });

  it('offers the item snippet on a new list item, and nothing outside the frontmatter', () => {
    const s = language.complete({ text: TEXT.replace('opportunities:', '  - \nopportunities:'), offset: at('opportunities:') + 4, analysis, today: TODAY });
    assert.strictEqual(s[0].kind, 'snippet');
    assert.match(s[0].insertText ?? '', /^id: \$\{1:id\}\n {2}name:/);
    assert.deepStrictEqual(labels(TEXT, TEXT.length - 1), []);
  });
});

describe('language: hover, navigation, rename', () => {
  const money = (n: number, c: string) => `${n} ${c}`;
  it('explains a stage, an attitude, a role, a key, a person and a deal', () => {
    assert.match(language.hoverAt(tree, at('stage: C', 7), analysis, money)!.lines.join('\n'), /Stage C.*50 %.*best-case[\s\S]*customer's step: 5 of 8/);
    assert.match(language.hoverAt(tree, at('attitude: A', 10), analysis, money)!.lines[0], /recommends \(推荐\)/);
    assert.match(language.hoverAt(tree, at('[user, coach]', 8), analysis, money)!.lines[0], /coach.*教练买家/);
    assert.match(language.hoverAt(tree, at('tier:'), analysis, money)!.lines[0], /Customer tier/);
    const person = language.hoverAt(tree, at('with: [ceo', 7), analysis, money)!.lines.join('\n');
    assert.match(person, /\*\*Chen\*\*[\s\S]*Roles: economic · layer: decision · attitude: B[\s\S]*2026-11-10 B[\s\S]*Last contact: 2026-11-10 \(14 days ago\)/);
    assert.match(language.hoverAt(tree, at('id: deal', 4), analysis, money)!.lines.join('\n'), /Big deal.*stage C \(50 %\)[\s\S]*1000 CNY.*weighted: 500 CNY/);
  });

  it('escapes Markdown in plan text', () => {
    assert.strictEqual(language.escapeMarkdown('[x](command:foo) <b>'), '\\[x\\]\\(command:foo\\) \\<b\\>');
  });

  it('finds every occurrence of an id: definition, with, attitudes key', () => {
    const occ = language.occurrences(tree).filter((o) => o.id === 'cto');
    assert.deepStrictEqual(occ.map((o) => o.role), ['definition', 'reference', 'reference']);
  });

  it('renames an id everywhere, refuses a taken id or white space', () => {
    const r = language.renameEdits(tree, at('id: cto', 4), 'tao');
    assert.ok('edits' in r);
    const out = applyEdits(TEXT, r.edits);
    assert.strictEqual(out, TEXT.replace('id: cto', 'id: tao').replace('[ceo, cto, ops]', '[ceo, tao, ops]').replace('cto: B,', 'tao: B,'));
    assert.deepStrictEqual(language.renameEdits(tree, at('id: cto', 4), 'ops'), { error: 'The stakeholder id "ops" is already used.' });
    assert.ok('error' in language.renameEdits(tree, at('id: cto', 4), 'a b'));
    assert.ok('error' in language.renameEdits(tree, at('tier:'), 'x'));
  });

  it('outlines the account, stakeholders, opportunities and visits', () => {
    const s = language.documentSymbols(tree, analysis);
    assert.deepStrictEqual(s.map((x) => [x.name, x.children.length]), [['Acme', 0], ['stakeholders', 3], ['opportunities', 1], ['visits', 1]]);
    assert.deepStrictEqual(s[1].children.map((c) => c.name), ['Chen', 'Tao', 'Ou']);
    assert.strictEqual(s[3].children[0].name, '2026-11-10 progress');
  });
});

describe('language: quick fixes and lenses', () => {
  const fix = (yaml: string, code: string) => {
    const text = wrap(yaml);
    const a = checkPlan(text, { fileName: 'acme.account.md', today: TODAY });
    const f = a.findings.find((x) => x.code === code)!;
    assert.ok(f, code);
    return { text, fixes: language.fixesFor(text, f, a, TODAY) };
  };

  it('AP003 renames the key, AP005 picks the closest id, AP040 takes the attitude last seen', () => {
    let r = fix(CLEAN.replace('    name: Tao\n', '    name: Tao\n    titel: CTO\n'), 'AP003');
    assert.strictEqual(applyEdits(r.text, r.fixes[0].edits!), wrap(CLEAN.replace('    name: Tao\n', '    name: Tao\n    title: CTO\n')));
    r = fix(CLEAN.replace('with: [ceo, cto, ops]', 'with: [ceo, cto, opz]'), 'AP005');
    assert.strictEqual(r.fixes[0].title, 'Change to "ops"');
    assert.strictEqual(applyEdits(r.text, r.fixes[0].edits!), wrap(CLEAN));
    r = fix(CLEAN.replace('cto: B,', 'cto: C,'), 'AP040');
    assert.strictEqual(applyEdits(r.text, r.fixes[0].edits!), wrap(CLEAN.replace('cto: B,', 'cto: C,').replace('    attitude: B\n  - id: ops', '    attitude: C\n  - id: ops')));
  });

  it('AP010 adds a placeholder for the role, AP030 offers quarter ends, AP020 logs a visit', () => {
    let r = fix(CLEAN.replace('roles: [user, coach]', 'roles: [user]'), 'AP010');
    assert.ok(applyEdits(r.text, r.fixes[0].edits!).includes('  - id: coach-tbd\n    name: TBD (coach)\n    roles: [coach]\nopportunities:'));
    r = fix(CLEAN.replace('close: 2027-03-31', 'close: 2026-01-01'), 'AP030');
    assert.deepStrictEqual(r.fixes.map((f) => f.title), ['Move the close date to 2026-12-31', 'Move the close date to 2027-03-31']);
    assert.deepStrictEqual(language.closeDates('2026-12-31'), ['2027-03-31']);
    r = fix(CLEAN.slice(0, CLEAN.indexOf('visits:')), 'AP020');
    assert.strictEqual(r.fixes[0].command, 'accountPlans.logVisit');
  });

  it('CodeLens: role coverage over stakeholders, weighted amount and Move stage over each deal', () => {
    const gap = wrap(CLEAN.replace('roles: [user, coach]', 'roles: [user]'));
    const l = language.lenses(language.yamlTree(gap)!, checkPlan(gap, { fileName: 'a', today: TODAY }), DEFAULT_SETTINGS, (n, c) => `${n} ${c}`);
    assert.deepStrictEqual(l.map((x) => x.title), ['3 of 6 roles · gap: coach', 'weighted 500 CNY · 50 %', 'Move stage']);
    assert.deepStrictEqual(l[2].command, { id: 'accountPlans.moveStage', args: [0] });
  });
});
