import * as assert from 'assert';
import { appendListItem, applyEdits, checkPlan, newPlanText, setScalar, visitEntry } from '../../src/core';

const apply = (text: string, edit: ReturnType<typeof setScalar>) => {
  assert.ok(edit, 'an edit was produced');
  return applyEdits(text, [edit]);
};

describe('edits keep every other byte', () => {
  const plan = '---\naccount: X # the customer\nvisits:\n  - date: 2026-01-01 # first\n    with: [a]\n  # kept\nother: 1\n---\n# body\n';

  it('appends a visit after the last item, before a trailing comment, in block style with flow lists', () => {
    const out = apply(plan, appendListItem(plan, 'visits', visitEntry({ date: '2026-11-24', purpose: 'progress', with: ['a', 'b'], attitudes: { a: 'B+' }, summary: '说明: x' })));
    assert.strictEqual(out, '---\naccount: X # the customer\nvisits:\n  - date: 2026-01-01 # first\n    with: [a]\n' +
      '  - date: 2026-11-24\n    purpose: progress\n    with: [a, b]\n    attitudes: {a: B+}\n    summary: "说明: x"\n' +
      '  # kept\nother: 1\n---\n# body\n');
  });

  it('creates the list when the key is missing, keeping CRLF', () => {
    const crlf = '---\r\naccount: X\r\n---\r\nbody\r\n';
    assert.strictEqual(apply(crlf, appendListItem(crlf, 'stakeholders', { id: 'x', name: 'Y', roles: ['coach'] })),
      '---\r\naccount: X\r\nstakeholders:\r\n  - id: x\r\n    name: Y\r\n    roles: [coach]\r\n---\r\nbody\r\n');
  });

  it('turns an empty flow list into a block list', () => {
    const t = '---\naccount: X\nvisits: []\nz: 1\n---\n';
    assert.strictEqual(apply(t, appendListItem(t, 'visits', { date: '2026-11-24' })), '---\naccount: X\nvisits:\n  - date: 2026-11-24\nz: 1\n---\n');
  });

  it('follows a list written without indentation', () => {
    const t = '---\naccount: X\nvisits:\n- date: 2026-01-01\n---\n';
    assert.strictEqual(apply(t, appendListItem(t, 'visits', { date: '2026-11-24' })), '---\naccount: X\nvisits:\n- date: 2026-01-01\n- date: 2026-11-24\n---\n');
  });

  it('replaces a scalar in place, keeping its comment', () => {
    const t = '---\naccount: X\nopportunities:\n- id: o\n  name: O\n  stage: C # was D\n---\n';
    assert.strictEqual(apply(t, setScalar(t, ['opportunities', 0, 'stage'], 'B')), t.replace('stage: C', 'stage: B'));
  });

  it('adds a missing key to a block map and to a flow map', () => {
    const t = '---\naccount: X\nopportunities:\n- id: o\n  name: O\n---\n';
    assert.strictEqual(apply(t, setScalar(t, ['opportunities', 0, 'close'], '2027-01-01')), t.replace('  name: O\n', '  name: O\n  close: 2027-01-01\n'));
    const f = '---\naccount: X\nopportunities:\n  - { id: o, name: O, stage: C }\n---\n';
    assert.strictEqual(apply(f, setScalar(f, ['opportunities', 0, 'close'], '2027-01-01')), f.replace('stage: C }', 'stage: C, close: 2027-01-01 }'));
  });

  it('quotes what YAML would misread', () => {
    const t = '---\naccount: X\n---\n';
    assert.strictEqual(apply(t, setScalar(t, ['id'], '0202')), '---\naccount: X\nid: "0202"\n---\n');
  });

  it('gives no edit for a file without a usable frontmatter', () => {
    assert.strictEqual(appendListItem('# no frontmatter\n', 'visits', { date: '2026-11-24' }), undefined);
    assert.strictEqual(setScalar('---\naccount: [\n---\n', ['account'], 'X'), undefined);
  });

  it('a new plan from the template is valid and has the analysis sections', () => {
    const text = newPlanText({ account: '华东电力', id: 'east-power', tier: 'A', owner: '林山' });
    const a = checkPlan(text, { fileName: 'east-power.account.md', today: '2026-11-24' });
    assert.deepStrictEqual(a.findings, []);
    assert.strictEqual(a.plan?.account, '华东电力');
    for (const h of ['## Customer', '## Competitors', '## Project', '## Personal notes']) assert.ok(text.includes(h), h);
  });
});

describe('locate', () => {
  it('finds a node by path, in the BOM-free text', async () => {
    const { locate } = await import('../../src/core');
    const text = '\uFEFF---\naccount: X\nopportunities:\n  - id: o1\n    name: One\n---\n';
    const at = locate(text, ['opportunities', 0, 'id']);
    assert.ok(at);
    assert.strictEqual(text.slice(1).slice(at.start, at.end), 'o1');
    assert.strictEqual(text.slice(1).slice(locate(text, ['opportunities'], 'key')!.start, locate(text, ['opportunities'], 'key')!.end), 'opportunities');
    assert.strictEqual(locate(text, ['visits']), undefined);
  });
});
