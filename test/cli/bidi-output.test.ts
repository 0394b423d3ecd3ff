import * as assert from 'node:assert/strict';
import { TestRepo } from './git-repo';
import { TODAY, assertBuilt, cli } from './helpers';

/**
 * A plan's text with a bidi control (Trojan Source) in the CLI's text output: a terminal cannot be
 * relied on to isolate it, so each control is shown as its code point (‹U+202E›) and the rest of the
 * line stays in order. JSON keeps the text as written. A plan without controls prints as before.
 */
const RLO = '\u202E';
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

const plan = (name: string, stage = 'C', amount = 1000) => `---
account: ${JSON.stringify(name)}
owner: ${JSON.stringify(name)}
stakeholders:
  - id: p
    name: ${JSON.stringify(name)}
    roles: [economic]
    attitude: D
opportunities:
  - id: d
    name: ${JSON.stringify(name)}
    stage: ${stage}
    amount: ${amount}
    close: 2026-06-30
visits:
  - { date: 2026-04-01, purpose: progress, with: [p, ${JSON.stringify(`${name}-x`)}] }
---
`;

describe('account-plans text output: bidi controls in a plan are shown, not obeyed', function () {
  this.timeout(120_000);
  let repo: TestRepo;
  before(() => {
    assertBuilt();
    repo = new TestRepo();
    repo.write('hostile.account.md', plan(`Invoice ${RLO}gpj.exe`, 'C', 1000));
    repo.write('plain.account.md', plan('Plain Person', 'C', 1000));
    repo.commit('before');
    repo.write('hostile.account.md', plan(`Invoice ${RLO}gpj.exe`, 'B', 2000));
    repo.write('plain.account.md', plan('Plain Person', 'B', 2000));
    repo.commit('after');
  });
  after(() => repo?.dispose());

  const run = (...args: string[]) => cli([...args, '--today', TODAY], { cwd: repo.dir, env: repo.env });

  for (const [name, args] of [
    ['check', ['check', 'hostile.account.md']],
    ['diff', ['diff', 'HEAD~1', 'HEAD', '--', 'hostile.account.md']],
    ['history', ['history', 'hostile.account.md']],
  ] as const) {
    it(`${name}: no control reaches the terminal; each shows as ‹U+202E›`, () => {
      const r = run(...args);
      assert.ok(r.stdout.length > 0, r.stderr);
      assert.doesNotMatch(r.stdout, CONTROLS);
      assert.match(r.stdout, /Invoice ‹U\+202E›gpj\.exe/);
    });

    it(`${name}: a plan without controls prints as written (no code points added)`, () => {
      const r = run(...args.map((a) => a.replace('hostile', 'plain')));
      assert.ok(r.stdout.includes('Plain Person') || name === 'check', r.stdout);
      assert.doesNotMatch(r.stdout, /‹U\+/);
    });
  }

  // The forecast's text has no plan text (stages, categories, quarters, amounts), but it is shown the same way should it ever get some.
  it('forecast: no control reaches the terminal', () => {
    const r = run('forecast', 'hostile.account.md');
    assert.match(r.stdout, /Forecast: 1 open/);
    assert.doesNotMatch(r.stdout, CONTROLS);
  });

  it('check --format json keeps the text as written', () => {
    const r = run('check', 'hostile.account.md', '--format', 'json');
    assert.ok(r.stdout.includes(RLO));
    assert.doesNotMatch(r.stdout, /‹U\+/);
  });
});
