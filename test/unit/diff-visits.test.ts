import * as assert from 'assert';
import { BASE, edit, one } from './diff-fixtures';

const VISIT = '  - date: 2026-11-20\n    purpose: sign\n    with: [ceo, ops]\n    by: [Lin]\n    opportunity: d1\n    next: Sign the contract\n';

describe('diff: visits and next steps', () => {
  it('are silent when nothing changed', () => {
    const a = one(BASE, BASE);
    assert.deepStrictEqual([a.visits, a.nextSteps], [[], []]);
  });

  it('a visit added: date, purpose, who was met (with names), and its next step', () => {
    const a = one(BASE, BASE + VISIT);
    assert.deepStrictEqual(a.visits, [{
      kind: 'added',
      visit: {
        index: 2, date: '2026-11-20', purpose: 'sign', with: [{ id: 'ceo', name: 'Chen' }, { id: 'ops', name: 'Ou' }],
        by: ['Lin'], executive: false, opportunity: 'd1', attitudes: {}, planned: false,
      },
    }]);
    assert.deepStrictEqual(a.nextSteps, [{ kind: 'added', text: 'Sign the contract', visit: { index: 2, date: '2026-11-20' } }]);
  });

  it('a planned visit (after today) is marked planned; a removed visit is listed', () => {
    const planned = one(BASE, BASE + VISIT.replace('2026-11-20', '2026-12-03'));
    assert.deepStrictEqual(planned.visits.map((v) => [v.kind, v.visit.date, v.visit.planned]), [['added', '2026-12-03', true]]);
    assert.deepStrictEqual(one(BASE + VISIT, BASE).visits.map((v) => [v.kind, v.visit.date]), [['removed', '2026-11-20']]);
  });

  it('an edited visit (same date) is neither added nor removed', () => {
    const a = one(BASE, edit(BASE, 'with: [ops]', 'with: [ops, cto]\n    summary: Went well'));
    assert.deepStrictEqual(a.visits, []);
  });

  it('next steps of a deal: added and done', () => {
    const a = one(BASE, edit(BASE, '    next: Send the quote\n', '    next: [Book the board meeting]\n'));
    assert.deepStrictEqual(a.nextSteps, [
      { kind: 'done', text: 'Send the quote', opportunity: 'd1' },
      { kind: 'added', text: 'Book the board meeting', opportunity: 'd1' },
    ]);
    const more = one(BASE, edit(BASE, '    next: Send the quote\n', '    next: [Send the quote, Call the CFO]\n'));
    assert.deepStrictEqual(more.nextSteps, [{ kind: 'added', text: 'Call the CFO', opportunity: 'd1' }]);
  });

  it('next step of a visit done; the steps of a removed deal are not "done"', () => {
    const a = one(BASE, edit(BASE, '    next: Book the demo\n', ''));
    assert.deepStrictEqual(a.nextSteps, [{ kind: 'done', text: 'Book the demo', visit: { index: 0, date: '2026-11-10' } }]);
    const gone = edit(BASE, '  - id: d1\n    name: Deal one\n    stage: C\n    amount: 1000\n    close: 2026-12-15\n    next: Send the quote\n', '');
    assert.deepStrictEqual(one(BASE, gone).nextSteps, []);
  });
});
