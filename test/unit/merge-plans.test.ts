import * as assert from 'assert';
import { mergeLines, mergePlans } from '../../src/core';
import { planData } from './merge-fixtures';

const BASE = `---
account: "Acme Ltd"   # the customer's legal name
id: acme
stakeholders:
  # the board
  - id: ceo
    name: 'Chen'
    attitude: B
  - id: cto
    name: Tao
    attitude: C
opportunities:
  - id: deal
    name: Big deal
    stage: C
    amount: 1000
visits:
  - date: 2026-10-01
    with: [ceo]
    summary: Kick-off
---

# Acme

Notes line one.

Notes line two.
`;

const edit = (text: string, from: string, to: string): string => {
  assert.ok(text.includes(from), `"${from}" is in the text`);
  return text.replace(from, to);
};

describe('mergePlans', () => {
  it('logs both visits, in date order, keeping comments and quoting', () => {
    const ours = edit(BASE, '    summary: Kick-off\n', '    summary: Kick-off\n  - date: 2026-11-05\n    with: [cto]\n    summary: Ours\n');
    const theirs = edit(BASE, '    summary: Kick-off\n', '    summary: Kick-off\n  - date: 2026-11-02\n    with: [ceo] # theirs\n    summary: Theirs\n');
    const merged = mergePlans(BASE, ours, theirs);
    assert.deepEqual(merged.conflicts, []);
    assert.equal(merged.text, edit(ours, '  - date: 2026-11-05', '  - date: 2026-11-02\n    with: [ceo] # theirs\n    summary: Theirs\n  - date: 2026-11-05'));
  });

  it('adds THEIRS\' stakeholder while OURS changes an attitude', () => {
    const ours = edit(BASE, 'attitude: C', 'attitude: B+');
    const theirs = edit(BASE, 'opportunities:', '  - id: cfo\n    name: Fang\nopportunities:');
    const merged = mergePlans(BASE, ours, theirs);
    assert.deepEqual(merged.conflicts, []);
    assert.equal(merged.text, edit(theirs, 'attitude: C', 'attitude: B+'));
  });

  it('carries THEIRS\' comments where git\'s line merge is clean and means the same', () => {
    const ours = edit(BASE, '    summary: Kick-off\n', '    summary: Kick-off\n  - date: 2026-11-05\n    summary: Ours\n');
    const theirs = edit(BASE, '    stage: C\n', '    # moved after the demo\n    stage: B # was C\n');
    const merged = mergePlans(BASE, ours, theirs);
    assert.deepEqual(merged.conflicts, []);
    assert.equal(merged.text, edit(ours, '    stage: C\n', '    # moved after the demo\n    stage: B # was C\n'));
  });

  it('takes the same change made on both sides once', () => {
    const both = edit(BASE, 'stage: C', 'stage: B');
    const ours = edit(both, 'Notes line one.', 'Notes line one, ours.');
    const merged = mergePlans(BASE, ours, both);
    assert.deepEqual(merged.conflicts, []);
    assert.equal(merged.text, ours);
  });

  it('merges different fields of one item, each from its side', () => {
    const ours = edit(BASE, 'stage: C', 'stage: B');
    const theirs = edit(BASE, 'amount: 1000', 'amount: 2500\n    close: 2027-01-31');
    const merged = mergePlans(BASE, ours, theirs);
    assert.deepEqual(merged.conflicts, []);
    assert.equal(merged.text, edit(ours, 'amount: 1000', 'amount: 2500\n    close: 2027-01-31'));
  });

  it('marks different changes to one field around that line, naming both values', () => {
    const merged = mergePlans(BASE, edit(BASE, 'stage: C', 'stage: B'), edit(BASE, 'stage: C', 'stage: lost'));
    assert.deepEqual(merged.conflicts, [{ where: 'opportunities deal stage', ours: 'stage: B', theirs: 'stage: lost' }]);
    assert.ok(merged.text.includes('    amount: 1000\n'));
    assert.equal(merged.text, edit(BASE, '    stage: C\n', '<<<<<<< ours: stage C -> B (customer step 5 -> 6)\n    stage: B\n=======\n    stage: lost\n>>>>>>> theirs: lost (from stage C)\n'));
  });

  it("names each side in the markers with git's labels and says what it changed, in the diff's words", () => {
    const merged = mergePlans(BASE, edit(BASE, 'attitude: C', 'attitude: A'), edit(BASE, 'attitude: C', 'attitude: D'),
      { labels: { ours: 'main', theirs: 'feature/li-na' }, markerSize: 9 });
    assert.equal(merged.text, edit(BASE, '    attitude: C\n',
      '<<<<<<<<< main: attitude C -> A\n    attitude: A\n=========\n    attitude: D\n>>>>>>>>> feature/li-na: attitude C -> D\n'));
    assert.deepEqual(merged.conflicts, [{ where: 'stakeholders cto attitude', ours: 'attitude: A', theirs: 'attitude: D' }]);
  });

  it('says a change no diff event covers field by field, and keeps every marker line one ASCII line but the plan\'s words', () => {
    const merged = mergePlans(BASE, edit(BASE, "name: 'Chen'", 'name: 陈总'), edit(BASE, "name: 'Chen'", 'name: Chen Wei'),
      { labels: { ours: 'main\nforged', theirs: '' } });
    assert.match(merged.text, /\n<<<<<<< main forged: name Chen -> 陈总\n {4}name: 陈总\n=======\n {4}name: Chen Wei\n>>>>>>> theirs: name Chen -> Chen Wei\n/);
    const both = mergePlans(BASE, edit(BASE, 'stage: C', 'stage: S').replace('Notes line one.', 'Ours.'),
      edit(BASE, 'stage: C', 'stage: lost').replace('Notes line one.', 'Theirs.'), { labels: { ours: 'main', theirs: 'other' } });
    const markers = both.text.split('\n').filter((l) => /^(<{7}|={7}|>{7})/.test(l));
    assert.deepEqual(markers, ['<<<<<<< main: won (from stage C)', '=======', '>>>>>>> other: lost (from stage C)', '<<<<<<< main', '=======', '>>>>>>> other']);
    for (const l of markers) assert.match(l, /^[\x20-\x7e]*$/);
  });

  it('marks a change against a deletion around the item', () => {
    const deleted = edit(BASE, '  - id: cto\n    name: Tao\n    attitude: C\n', '');
    const changed = edit(BASE, 'attitude: C', 'attitude: A');
    const merged = mergePlans(BASE, changed, deleted);
    assert.equal(merged.conflicts.length, 1);
    assert.equal(merged.conflicts[0].where, 'stakeholders cto');
    assert.equal(merged.conflicts[0].theirs, undefined);
    assert.equal(merged.text, edit(BASE, '  - id: cto\n    name: Tao\n    attitude: C\n', '<<<<<<< ours: attitude C -> A\n  - id: cto\n    name: Tao\n    attitude: A\n=======\n>>>>>>> theirs: removed from the plan\n'));
    const other = mergePlans(BASE, deleted, changed);
    assert.equal(other.conflicts.length, 1);
    assert.match(other.text, /<<<<<<< ours: removed from the plan\n=======\n {2}- id: cto\n {4}name: Tao\n {4}attitude: A\n>>>>>>> theirs: attitude C -> A\n/);
  });

  it('deletes an item THEIRS deleted and OURS left alone', () => {
    const ours = edit(BASE, 'stage: C', 'stage: D');
    const theirs = edit(BASE, '  - id: cto\n    name: Tao\n    attitude: C\n', '');
    const merged = mergePlans(BASE, ours, theirs);
    assert.deepEqual(merged.conflicts, []);
    assert.equal(merged.text, edit(theirs, 'stage: C', 'stage: D'));
  });

  it('merges top-level keys added, changed and removed', () => {
    const ours = edit(BASE, 'id: acme\n', 'id: acme\ntier: A\n');
    const theirs = edit(BASE, 'id: acme\n', 'id: acme\nowner: Lin\n').replace('account: "Acme Ltd"   # the customer\'s legal name\n', 'account: Acme Group\n');
    const merged = mergePlans(BASE, ours, theirs);
    assert.deepEqual(merged.conflicts, []);
    assert.deepEqual(planData(merged.text).front, { ...(planData(BASE).front as object), account: 'Acme Group', tier: 'A', owner: 'Lin' });
  });

  it('removes a whole list THEIRS removed, or marks it when OURS changed it', () => {
    const noVisits = edit(BASE, 'visits:\n  - date: 2026-10-01\n    with: [ceo]\n    summary: Kick-off\n', '');
    assert.equal(mergePlans(BASE, edit(BASE, 'stage: C', 'stage: B'), noVisits).text, edit(noVisits, 'stage: C', 'stage: B'));
    const clash = mergePlans(BASE, edit(BASE, 'summary: Kick-off', 'summary: Kick-off!'), noVisits);
    assert.deepEqual(clash.conflicts.map((c) => [c.where, c.theirs]), [['visits', undefined]]);
  });

  it('merges the Markdown body line by line, as git does (changes to adjacent lines conflict)', () => {
    const ours = edit(BASE, 'Notes line one.', 'Notes line one (ours).');
    const theirs = edit(BASE, 'Notes line two.', 'Notes line two (theirs).');
    assert.equal(mergePlans(BASE, ours, theirs).text, edit(ours, 'Notes line two.', 'Notes line two (theirs).'));
    const clash = mergePlans(BASE, ours, edit(BASE, 'Notes line one.', 'Notes line one (theirs).'));
    assert.deepEqual(clash.conflicts, [{ where: 'body', ours: 'Notes line one (ours).', theirs: 'Notes line one (theirs).' }]);
    const adjacent = mergePlans(BASE, ours, edit(BASE, '\nNotes line two.', 'Between.\nNotes line two.'));
    assert.equal(adjacent.conflicts.length, 1);
    assert.ok(clash.text.endsWith('<<<<<<< ours\nNotes line one (ours).\n=======\nNotes line one (theirs).\n>>>>>>> theirs\n\nNotes line two.\n'));
  });

  it('falls back to a line merge of the whole file when a side does not parse', () => {
    const broken = edit(BASE, 'stage: C', 'stage: [C');
    const ours = edit(BASE, 'Notes line two.', 'Notes line two (ours).');
    const clean = mergePlans(BASE, ours, broken);
    assert.equal(clean.how, 'lines');
    assert.deepEqual(clean.conflicts, []);
    assert.equal(clean.text, edit(broken, 'Notes line two.', 'Notes line two (ours).'));
    const clash = mergePlans(BASE, edit(BASE, 'stage: C', 'stage: B'), broken);
    assert.equal(clash.how, 'lines');
    assert.equal(clash.conflicts.length, 1);
    assert.ok(clash.text.includes('<<<<<<< ours\n    stage: B\n=======\n    stage: [C\n>>>>>>> theirs\n'));
    const noFront = mergePlans(BASE, 'just text\n', BASE + 'more\n');
    assert.equal(noFront.how, 'lines');
  });

  it('merges a plan added on both sides (an empty base)', () => {
    const ours = edit(BASE, '    summary: Kick-off\n', '    summary: Kick-off\n  - date: 2026-11-05\n    summary: Ours\n');
    const theirs = edit(BASE, '    summary: Kick-off\n', '    summary: Kick-off\n  - date: 2026-11-02\n    summary: Theirs\n');
    const merged = mergePlans('', ours, theirs);
    assert.deepEqual(merged.conflicts, []);
    assert.deepEqual(planData(merged.text).front, planData(edit(ours, '  - date: 2026-11-05', '  - date: 2026-11-02\n    summary: Theirs\n  - date: 2026-11-05')).front);
    const different = mergePlans('', BASE, edit(BASE, 'id: acme', 'id: other'));
    assert.deepEqual(different.conflicts.map((c) => c.where), ['id']);
  });

  it('keeps a byte-order mark and CRLF line ends of OURS', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const ours = '\ufeff' + crlf(edit(BASE, 'stage: C', 'stage: B'));
    const theirs = crlf(edit(BASE, 'amount: 1000', 'amount: 5'));
    const merged = mergePlans(crlf(BASE), ours, theirs);
    assert.deepEqual(merged.conflicts, []);
    assert.equal(merged.text, edit(ours, 'amount: 1000', 'amount: 5'));
  });

  it('never throws on odd inputs', () => {
    for (const odd of ['', '---\n', '---\n---\n', '---\n- a\n---\n', '---\nx: *a\n---\n', '---\n{a: 1}\n---\n', '\0\0']) {
      const merged = mergePlans(BASE, odd, edit(BASE, 'stage: C', 'stage: B'));
      assert.equal(typeof merged.text, 'string');
    }
  });
});

describe('mergeLines', () => {
  it('takes changes from either side and conflicts on overlapping ones', () => {
    assert.deepEqual(mergeLines('a\nb\nc\n', 'A\nb\nc\n', 'a\nb\nC\n'), { text: 'A\nb\nC\n', conflicts: [] });
    assert.deepEqual(mergeLines('a\nb\n', 'a\nx\nb\n', 'a\nx\nb\n'), { text: 'a\nx\nb\n', conflicts: [] });
    assert.deepEqual(mergeLines('a\n', 'a\nours', 'a\ntheirs\n'), {
      text: 'a\n<<<<<<< ours\nours\n=======\ntheirs\n>>>>>>> theirs\n', conflicts: [{ ours: 'ours', theirs: 'theirs\n' }],
    });
    assert.deepEqual(mergeLines('', '', 'new\n'), { text: 'new\n', conflicts: [] });
  });
});
