import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { HistoryEntry } from '../../src/core';
import { TestRepo, plan } from './git-repo';
import { TODAY, assertBuilt, assertUsageError, cli } from './helpers';

interface HistoryJson {
  version: number;
  path: string;
  since: string | null;
  commits: HistoryEntry[];
}

/** A plan with one opportunity, one person and visits, so every column of the history moves. */
const fullPlan = (o: { stage: string; amount: number; attitude: string; visits?: string[]; name?: string }): string => [
  '---', 'id: acme', 'account: Acme Ltd',
  'opportunities:', '  - id: o1', `    name: ${JSON.stringify(o.name ?? 'Line 2')}`, `    stage: ${o.stage}`, `    amount: ${o.amount}`, '    currency: CNY',
  'stakeholders:', '  - id: li', '    name: Li Wei', `    attitude: ${o.attitude}`,
  ...(o.visits?.length ? ['visits:', ...o.visits.map((d) => `  - date: ${d}\n    with: [li]`)] : []),
  '---', '', '# Acme', '',
].join('\n');

describe('account-plans history (one plan across its commits, real git repositories)', () => {
  let repo: TestRepo;
  before(assertBuilt);
  beforeEach(() => { repo = new TestRepo(); });
  afterEach(() => repo.dispose());

  const run = (...args: string[]) => cli(['history', ...args, '--today', TODAY], { cwd: repo.dir, env: repo.env });
  const json = (...args: string[]): HistoryJson => {
    const r = run(...args, '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as HistoryJson;
  };

  it('follows the plan across a rename and gives stage, amount, weighted amount, attitude and visits per month at each commit', () => {
    repo.write('plans/acme.account.md', fullPlan({ stage: 'C', amount: 100000, attitude: 'C', visits: ['2026-01-05'] })).commit('Acme: first plan');
    repo.remove('plans/acme.account.md')
      .write('key/acme.account.md', fullPlan({ stage: 'B', amount: 120000, attitude: 'B+', visits: ['2026-01-05', '2026-02-10', '2026-02-20'] }))
      .commit('Acme: stage B after the demo');
    const h = json('key/acme.account.md');
    assert.equal(h.version, 1);
    assert.deepEqual(h.commits.map((c) => [c.path, c.subject, c.state]), [
      ['plans/acme.account.md', 'Acme: first plan', 'parsed'],
      ['key/acme.account.md', 'Acme: stage B after the demo', 'parsed'],
    ]);
    const [first, second] = h.commits;
    assert.deepEqual(first.opportunities.map((o) => [o.key, o.stage, o.amount, o.weighted]), [['o1', 'C', 100000, 50000]]);
    assert.deepEqual(second.opportunities.map((o) => [o.key, o.stage, o.amount, o.weighted]), [['o1', 'B', 120000, 90000]]);
    assert.deepEqual(second.people.map((p) => [p.key, p.attitude]), [['li', 'B+']]);
    assert.deepEqual(second.visitsByMonth, { '2026-01': 1, '2026-02': 2 });
    assert.equal(first.first, true);
    assert.deepEqual(second.changes.map((c) => c.kind), ['stage', 'amount', 'weighted', 'attitude', 'visits']);

    const text = run('key/acme.account.md');
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^History of key\/acme\.account\.md · 2 commits\n/);
    assert.match(text.stdout, /Acme: first plan {2}\(then named plans\/acme\.account\.md\)\n {4}Starting point:\n {4}Line 2: stage C, CN¥100,000, weighted CN¥50,000\n {4}Li Wei: attitude C\n {4}Visits in 2026-01: 1\n/);
    assert.match(text.stdout, /Acme: stage B after the demo\n {4}Line 2: stage C → B\n {4}Line 2: amount CN¥100,000 → CN¥120,000\n {4}Line 2: weighted CN¥50,000 → CN¥90,000\n {4}Li Wei: attitude C → B\+\n {4}Visits in 2026-02: 0 → 2\n$/);
  });

  it('--since leaves out older commits (and the first one kept becomes the starting point)', () => {
    repo.write('acme.account.md', plan('acme', 'D')).commit('one');
    repo.write('acme.account.md', plan('acme', 'C')).commit('two');
    repo.write('acme.account.md', plan('acme', 'B')).commit('three');
    const h = json('acme.account.md', '--since', '2026-01-02T00:00:00+08:00');
    assert.equal(h.since, '2026-01-02T00:00:00+08:00');
    assert.deepEqual(h.commits.map((c) => c.subject), ['two', 'three']);
    assert.equal(h.commits[0].first, true);
    assert.deepEqual(h.commits[1].changes, [
      { kind: 'stage', key: 'o1', name: 'Deal', from: 'C', to: 'B' },
      { kind: 'weighted', key: 'o1', name: 'Deal', currency: 'CNY', from: 50000, to: 75000 },
    ]);
  });

  it('a commit where the plan does not parse is reported with its first error, and the next one compares with the last that parsed', () => {
    repo.write('acme.account.md', plan('acme', 'C')).commit('good');
    repo.write('acme.account.md', '---\nid: acme\nopportunities: [\n---\n').commit('broken');
    repo.write('acme.account.md', plan('acme', 'A')).commit('fixed');
    const r = run('acme.account.md');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /broken\n {4}The plan does not parse here: YAML syntax error: [^\n]+\n/);
    assert.match(r.stdout, /fixed\n {4}Deal: stage C → A\n/);
    const h = json('acme.account.md');
    assert.deepEqual(h.commits.map((c) => c.state), ['parsed', 'unparsable', 'parsed']);
    assert.match(h.commits[1].error ?? '', /^YAML syntax error/);
  });

  it('a deleted plan is shown as deleted', () => {
    repo.write('acme.account.md', plan('acme')).commit('add');
    repo.remove('acme.account.md').commit('drop');
    const h = json('acme.account.md');
    assert.deepEqual(h.commits.map((c) => [c.subject, c.state]), [['add', 'parsed'], ['drop', 'deleted']]);
    assert.match(run('acme.account.md').stdout, /drop\n {4}The plan was deleted\.\n/);
  });

  it('a commit where the plan is binary is reported as unreadable, in the chosen language', () => {
    repo.write('acme.account.md', plan('acme')).commit('text');
    repo.write('acme.account.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01])).commit('binary');
    assert.match(run('acme.account.md').stdout, /binary\n {4}The plan could not be read here: it holds binary content\n/);
    assert.match(run('acme.account.md', '--lang', 'zh-cn').stdout, /binary\n {4}此处计划无法读取：文件含二进制内容\n/);
    assert.equal(json('acme.account.md').commits[1].state, 'unreadable');
  });

  it('speaks Chinese with --lang zh-cn', () => {
    repo.write('acme.account.md', fullPlan({ stage: 'C', amount: 100000, attitude: 'C' })).commit('first');
    repo.write('acme.account.md', fullPlan({ stage: 'B', amount: 100000, attitude: 'D' })).commit('second');
    const r = run('acme.account.md', '--lang', 'zh-cn');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^acme\.account\.md 的历史 · 2 次提交\n/);
    assert.match(r.stdout, /起点：\n {4}Line 2：阶段 C，¥100,000，加权 ¥50,000\n/);
    assert.match(r.stdout, /Line 2：阶段 C → B\n {4}Line 2：加权金额 ¥50,000 → ¥75,000\n {4}Li Wei：态度 C → D\n/);
  });

  it('Markdown: nothing from the plan or the commit becomes a link, an image, a tag, a mention or a reference', () => {
    const evil = '[click](https://evil.example) ![x](https://evil.example/i.png) <img src=x> @octocat #12 www.evil.example';
    repo.write('acme.account.md', fullPlan({ stage: 'C', amount: 1, attitude: 'C', name: evil })).commit('<b>hi</b> @team #7');
    const r = run('acme.account.md', '--format', 'markdown');
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /\]\(|<img|<b>|@octocat|@team|#12|#7|https:\/\/|www\.evil/);
    // The words stay readable (whatever the escaping's form), on the lines they belong to.
    const lines = r.stdout.split('\n');
    assert.match(lines.find((l) => l.startsWith('### ')) ?? '', /hi.*team.*7$/);
    assert.match(lines.find((l) => l.includes('click')) ?? '', /^- .*click.*octocat.*12.*evil.*: stage C, CN¥1, weighted CN¥1$/);
  });

  it('outside a git repository, or without exactly one plan, is bad usage (exit 2)', () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-nogit-'));
    try {
      const r = cli(['history', 'x.account.md'], { cwd: bare, env: { ...repo.env, GIT_CEILING_DIRECTORIES: path.dirname(bare) } });
      assertUsageError(r, /git/);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
    assertUsageError(run(), /history takes one plan file/);
  });

  it('a path no commit touched: a note on stderr, an empty history', () => {
    repo.write('acme.account.md', plan('acme')).commit('add');
    const r = run('other.account.md', '--format', 'json');
    assert.equal(r.status, 0);
    assert.match(r.stderr, /No commit touched other\.account\.md/);
    assert.deepEqual((JSON.parse(r.stdout) as HistoryJson).commits, []);
  });
});
