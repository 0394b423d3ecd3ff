import * as assert from 'assert';
import { appendListItem, applyEdits, checkPlan, language, parseYaml, reverseEdit, setScalar, splitFrontmatter, stripBom, type TextEdit } from '../../src/core';
import { TODAY } from './helpers';

/** Applies one edit, checks the result still parses, and that the reverse edit gives the original back. */
function applyChecked(text: string, edit: TextEdit | undefined): string {
  assert.ok(edit, 'an edit was produced');
  const out = applyEdits(text, [edit]);
  const body = stripBom(out);
  const split = splitFrontmatter(body);
  assert.strictEqual(split.kind, 'ok', out);
  if (split.kind === 'ok') assert.deepStrictEqual(parseYaml(body.slice(split.yamlStart, split.yamlEnd), 'reject').errors.map((e) => e.message), [], out);
  assert.strictEqual(applyEdits(out, [reverseEdit(text, edit)]), text);
  return out;
}

const visit = { date: '2026-11-24', summary: 'all good' };

describe('edits that damaged plans (issue 13), each a regression test', () => {
  it('Log Visit on `visits:   # none yet` keeps the comment a comment', () => {
    const t = '---\naccount: X\nvisits:   # none yet\nz: 1\n---\n';
    assert.strictEqual(applyChecked(t, appendListItem(t, 'visits', visit)),
      '---\naccount: X\nvisits:   # none yet\n  - date: 2026-11-24\n    summary: all good\nz: 1\n---\n');
  });

  it('Log Visit on `visits: ~ # c` and `visits: [] # c` keeps the comment on the key\'s line', () => {
    for (const empty of ['~', '[]', 'null']) {
      const t = `---\naccount: X\nvisits: ${empty} # c\n---\n`;
      assert.strictEqual(applyChecked(t, appendListItem(t, 'visits', { date: '2026-11-24' })), '---\naccount: X\nvisits: # c\n  - date: 2026-11-24\n---\n');
    }
  });

  it('Log Visit into a one-line `{…}` frontmatter stays inside the mapping, in flow style', () => {
    const t = '---\n{account: X, visits: [{date: 2026-01-01}]}\n---\n';
    assert.strictEqual(applyChecked(t, appendListItem(t, 'visits', visit)),
      '---\n{account: X, visits: [{date: 2026-01-01}, {date: 2026-11-24, summary: all good}]}\n---\n');
  });

  it('Add Stakeholder and the AP010 fix into a `{…}` frontmatter without the list add the key inside the braces', () => {
    const t = '---\n{account: X, tier: A}\n---\n';
    assert.strictEqual(applyChecked(t, appendListItem(t, 'stakeholders', { id: 'a', name: 'A, B', roles: ['coach'] })),
      '---\n{account: X, tier: A, stakeholders: [{id: a, name: "A, B", roles: [coach]}]}\n---\n');
    const open = '---\n{account: X, opportunities: [{id: o, name: O, stage: C}]}\n---\n';
    const analysis = checkPlan(open, { fileName: 'x.account.md', today: TODAY });
    const gap = analysis.findings.find((f) => f.code === 'AP010');
    assert.ok(gap, 'AP010 is reported');
    const fix = language.fixesFor(open, gap, analysis, TODAY)[0];
    const out = applyChecked(open, fix.edits?.[0]);
    assert.match(out, /^---\n\{account: X, opportunities: \[\{id: o, name: O, stage: C\}\], stakeholders: \[\{id: [a-z]+-tbd, name: TBD \([a-z]+\), roles: \[[a-z]+\]\}\]\}\n---\n$/);
  });

  it('a multi-line `{…}` frontmatter with a comment before the closing brace keeps it', () => {
    const t = '---\n{account: X,\n  stakeholders: [{id: a, name: A}] # people\n}\n---\n';
    assert.strictEqual(applyChecked(t, appendListItem(t, 'stakeholders', { id: 'b', name: 'B' })),
      '---\n{account: X,\n  stakeholders: [{id: a, name: A}, {id: b, name: B}] # people\n}\n---\n');
    assert.strictEqual(applyChecked(t, appendListItem(t, 'visits', { date: '2026-11-24' })),
      '---\n{account: X,\n  stakeholders: [{id: a, name: A}], visits: [{date: 2026-11-24}] # people\n}\n---\n');
  });

  it('Move Stage on a block scalar (`stage: >-` / `  C`) keeps the line break and the header comment', () => {
    const t = '---\naccount: X\nopportunities:\n  - id: o\n    stage: >- # was D\n      C\n    name: O\n---\n';
    assert.strictEqual(applyChecked(t, setScalar(t, ['opportunities', 0, 'stage'], 'B')),
      '---\naccount: X\nopportunities:\n  - id: o\n    stage: B # was D\n    name: O\n---\n');
  });

  it('Move Stage on an empty `stage:` writes the value after the colon, before a comment', () => {
    const t = '---\naccount: X\nopportunities:\n  - id: o\n    stage:\n    name: O\n  - id: p\n    stage:   # tbd\n---\n';
    assert.strictEqual(applyChecked(t, setScalar(t, ['opportunities', 0, 'stage'], 'B')), t.replace('stage:\n', 'stage: B\n'));
    assert.strictEqual(applyChecked(t, setScalar(t, ['opportunities', 1, 'stage'], 'B')), t.replace('stage:   # tbd', 'stage:   B # tbd'));
  });

  it('a `...` end marker: a new list lands before it, not after', () => {
    const t = '---\naccount: X # who\n...\n---\nbody\n';
    assert.strictEqual(applyChecked(t, appendListItem(t, 'visits', { date: '2026-11-24' })), '---\naccount: X # who\nvisits:\n  - date: 2026-11-24\n...\n---\nbody\n');
    assert.strictEqual(applyChecked(t, setScalar(t, ['tier'], 'A')), '---\naccount: X # who\ntier: A\n...\n---\nbody\n');
  });

  it('comments inside a multi-line `[…]` list stay: the item is added inside the brackets', () => {
    const t = '---\naccount: X\nvisits: [\n  {date: 2026-01-01}, # first\n  # second\n]\n---\n';
    assert.strictEqual(applyChecked(t, appendListItem(t, 'visits', { date: '2026-11-24' })),
      '---\naccount: X\nvisits: [\n  {date: 2026-01-01}, {date: 2026-11-24}, # first\n  # second\n]\n---\n');
    const empty = '---\naccount: X\nvisits: [ # none yet\n]\n---\n';
    assert.strictEqual(applyChecked(empty, appendListItem(empty, 'visits', { date: '2026-11-24' })), '---\naccount: X\nvisits: [{date: 2026-11-24} # none yet\n]\n---\n');
  });

  it('one CRLF line in an LF file does not make new lines CRLF; a CRLF file keeps CRLF', () => {
    const t = '---\naccount: X\r\nvisits:\n  - date: 2026-01-01\n---\n';
    assert.strictEqual(applyChecked(t, appendListItem(t, 'visits', { date: '2026-11-24', with: ['a'] })), t.replace('---\n', '---\n').replace('2026-01-01\n', '2026-01-01\n  - date: 2026-11-24\n    with: [a]\n'));
    const crlf = '---\r\naccount: X\nvisits:\r\n  - date: 2026-01-01\r\n---\r\n';
    assert.strictEqual(applyChecked(crlf, appendListItem(crlf, 'visits', { date: '2026-11-24', with: ['a'] })),
      crlf.replace('2026-01-01\r\n', '2026-01-01\r\n  - date: 2026-11-24\r\n    with: [a]\r\n'));
  });

  it('a value that is not a list is not overwritten by a new list', () => {
    const t = '---\naccount: X\nvisits: see the CRM\n---\n';
    assert.strictEqual(appendListItem(t, 'visits', { date: '2026-11-24' }), undefined);
  });

  it('a closing `---` after a lone CR is declined: YAML sees no line break there', () => {
    const t = '---\naccount: X # a\r---\n';
    assert.strictEqual(appendListItem(t, 'visits', { date: '2026-11-24' }), undefined);
  });

  it('a missing key in a flow mapping quotes what a flow mapping would misread', () => {
    const t = '---\naccount: X\nopportunities:\n  - {id: o, name: O}\n---\n';
    assert.strictEqual(applyChecked(t, setScalar(t, ['opportunities', 0, 'stage'], 'a, b')), t.replace('name: O}', 'name: O, stage: "a, b"}'));
  });

  it('a BOM right after `---`: the AP003 fix turns `titel` into `title`, not `titlel`', () => {
    const t = '---\n\uFEFFaccount: Acme\nstakeholders:\n  - id: a\n    name: A\n    titel: CFO\n---\n';
    for (const reference of [false, true]) {
      const analysis = checkPlan(t, { fileName: 'acme.account.md', today: TODAY, reference });
      const typo = analysis.findings.find((f) => f.code === 'AP003');
      assert.ok(typo, 'AP003 is reported');
      assert.strictEqual(t.slice(typo.offset.start, typo.offset.end), 'titel');
      assert.deepStrictEqual(typo.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 9 } });
      const fix = language.fixesFor(t, typo, analysis, TODAY)[0];
      assert.strictEqual(applyChecked(t, fix.edits?.[0]), t.replace('titel', 'title'));
    }
  });
});

describe('counterexamples the edit property test found', () => {
  it('the AP005 fix on an attitudes key offers no id that is already a key there (it would write the key twice)', () => {
    const t = '---\naccount: X\nstakeholders:\n  - id: eve\n    name: Eve\n  - id: dan\n    name: Dan\nvisits:\n  - date: 2026-01-01\n    attitudes: {eve: A+, dee: D}\n---\n';
    const analysis = checkPlan(t, { fileName: 'x.account.md', today: TODAY });
    const wrong = analysis.findings.find((f) => f.code === 'AP005');
    assert.ok(wrong, 'AP005 is reported');
    const fixes = language.fixesFor(t, wrong, analysis, TODAY);
    assert.deepStrictEqual(fixes.map((f) => f.title), ['Change to "dan"']);
    assert.strictEqual(applyChecked(t, fixes[0].edits?.[0]), t.replace('dee: D', 'dan: D'));
  });
});

describe('counterexamples the edit property test found (2)', () => {
  it('Move Stage on a block scalar whose header comment holds a lone CR keeps the whole comment', () => {
    const t = '---\naccount: X\nopportunities:\n  - id: o\n    stage: >- # a\r# lone CR inside\r\n      D\n---\n';
    assert.strictEqual(applyChecked(t, setScalar(t, ['opportunities', 0, 'stage'], 'B')),
      '---\naccount: X\nopportunities:\n  - id: o\n    stage: B # a\r# lone CR inside\n---\n');
  });
});

describe('rename and new lines', () => {
  it('renaming an id to one a flow list would split quotes it everywhere', () => {
    const t = '---\naccount: X\nstakeholders:\n  - id: ann\n    name: Ann\nvisits:\n  - date: 2026-01-01\n    with: [ann, bo]\n    attitudes: {ann: B}\n---\n';
    const tree = language.yamlTree(t);
    assert.ok(tree);
    const result = language.renameEdits(tree, t.indexOf('ann'), 'a,b');
    assert.ok('edits' in result);
    assert.strictEqual(applyEdits(t, result.edits), t.replace(/\bann\b/g, '"a,b"'));
  });

  it('the line end of new lines is the one most lines use, LF on a tie', async () => {
    const { dominantEol } = await import('../../src/core');
    assert.strictEqual(dominantEol('a\r\nb\r\nc\n'), '\r\n');
    assert.strictEqual(dominantEol('a\nb\nc\r\n'), '\n');
    assert.strictEqual(dominantEol('a\r\nb\n'), '\n');
    assert.strictEqual(dominantEol('a\rb\rc\n'), '\n');
  });
});
