import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/run';
import type { Host } from '../../src/cli/host';
import { assertInert } from '../unit/inert-markdown';
import {
  HENGTONG_AFTER, HENGTONG_BEFORE, HOSTILE_ACCOUNT, HOSTILE_DEAL, HOSTILE_NEXT, HOSTILE_PERSON, planText, WATER,
} from './change-plans';
import { TestRepo } from './git-repo';
import { assertBuilt, assertUsageError, cli, type CliResult } from './helpers';

const TODAY = ['--today', '2026-11-24'];

describe('account-plans diff', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let first: string;
  let second: string;
  const diff = (...args: string[]): CliResult => cli(['diff', ...args], { cwd: repo.dir, env: repo.env });

  before(() => {
    assertBuilt();
    repo = new TestRepo();
    repo.write('plans/hengtong.account.md', planText(HENGTONG_BEFORE)).write('plans/water.account.md', planText(WATER));
    first = repo.commit('first');
    repo.write('plans/hengtong.account.md', planText(HENGTONG_AFTER))
      .write('plans/water.account.md', planText({ ...WATER, deal: { ...WATER.deal!, amount: 800000 } }));
    second = repo.commit('second');
  });
  after(() => repo.dispose());

  it('text: each change in business terms, one line each, plain when not on a terminal', () => {
    const r = diff(first, second, ...TODAY);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    for (const expected of [
      'Hengtong Bank · Core banking renewal: stage C → B ↑ (customer step 5 → 6)',
      'Hengtong Bank · Core banking renewal: close 2026-12-15 → 2027-01-20, pushed out 36 days, left 2026-Q4',
      'Hengtong Bank · 李卫东: attitude D → B ↑ (visit 2026-11-20)',
      'Hengtong Bank: economic buyer now covered: Wang Hang',
      'Hengtong Bank · Core banking renewal: next step: send the contract draft',
      'Jiangcheng Water · Pump cameras: amount CN¥500,000 → CN¥800,000 ↑',
    ]) assert.ok(lines.includes(expected), `${expected}\n---\n${r.stdout}`);
    assert.match(lines[0], /^Pipeline 2026-Q4: CN¥\S+ → CN¥\S+ \(−CN¥\S+\)$/);
    assert.match(r.stdout, /Pipeline waterfall, 2026-Q4\n\s+Step\s+CNY · Pipeline\s+CNY · Best case\n\s+Pipeline before/);
    assert.match(r.stdout, /− pushed out of the quarter\s+−CN¥500,000/);
    assert.match(r.stdout, /Hengtong Bank: finding fixed: AP010/, 'the economic buyer gap closed');
    assert.ok(!r.stdout.includes('\x1b['));
  });

  it('text is coloured on a terminal, and NO_COLOR turns it off', () => {
    const capture = (env: Record<string, string>): string => {
      let out = '';
      const host: Host = { cwd: repo.dir, env: { ...repo.env, ...env }, stdoutIsTTY: true, version: '0', out: (s) => { out += s; }, err: () => undefined };
      assert.equal(run(['diff', first, second, ...TODAY], host), 0);
      return out;
    };
    assert.ok(capture({}).includes('\x1b[34mstage C → B ↑'));
    assert.ok(!capture({ NO_COLOR: '1' }).includes('\x1b['));
  });

  it('json: one line when piped (a program reads it), indented on a terminal; the same data either way', () => {
    const piped = diff(first, second, '--format', 'json', ...TODAY);
    assert.equal(piped.status, 0, piped.stderr);
    assert.equal(piped.stdout.split('\n').length, 2, 'one line and its line end');
    let onTerminal = '';
    const host: Host = { cwd: repo.dir, env: repo.env, stdoutIsTTY: true, version: '0', out: (s) => { onTerminal += s; }, err: () => undefined };
    assert.equal(run(['diff', first, second, '--format', 'json', ...TODAY], host), 0);
    assert.match(onTerminal, /^\{\n {2}"version": 1,\n/);
    assert.deepEqual(JSON.parse(onTerminal), JSON.parse(piped.stdout));
  });

  it('json: the change set with its version, the revisions compared, and a waterfall that adds up', () => {
    const r = diff(first, second, '--format', 'json', ...TODAY);
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as {
      version: number; today: string; quarter: string; changed: boolean; revisions: { before: string; after: string };
      accounts: { id: string; status: string; opportunities: { events: { kind: string }[] }[] }[];
      waterfall: { buckets: { before: number; after: number; steps: Record<string, number> }[] };
      findings: { introduced: number; fixed: number };
    };
    assert.deepEqual(Object.keys(json).slice(0, 4), ['version', 'today', 'quarter', 'changed']);
    assert.equal(json.version, 1);
    assert.equal(json.quarter, '2026-Q4');
    assert.deepEqual(json.revisions, { before: first, after: second });
    assert.deepEqual(json.accounts.map((a) => [a.id, a.status]), [['hengtong', 'changed'], ['water', 'changed']]);
    assert.deepEqual(json.accounts[0].opportunities[0].events.map((e) => e.kind), ['stage', 'close']);
    const pushed = json.waterfall.buckets.reduce((n, b) => n + b.steps.pushedOut, 0);
    assert.equal(pushed, 500000);
    assert.ok(json.findings.fixed >= 1);
  });

  it('markdown: the headline, the waterfall table and each account under a heading', () => {
    const r = diff(first, second, '--format', 'markdown', ...TODAY);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^## Plan changes\n\n\*\*Pipeline 2026-Q4: /);
    assert.match(r.stdout, /\| Step \| CNY · Pipeline \| CNY · Best case \|\n\| --- \| ---: \| ---: \|/);
    assert.match(r.stdout, /#### Hengtong Bank · hengtong\n\n- \*\*Core banking renewal\*\*: stage C → B ↑ \(customer step 5 → 6\)/);
    assert.doesNotMatch(r.stdout, /<details>/, 'diff shows everything; only the report folds');
    assertInert(r.stdout);
  });

  it('--exit-code: 1 when a plan changed, 0 when none did; without it always 0', () => {
    assert.equal(diff(first, second, '--exit-code', ...TODAY).status, 1);
    assert.equal(diff(first, second, ...TODAY).status, 0);
    const same = diff(second, second, '--exit-code', ...TODAY);
    assert.equal(same.status, 0, same.stderr);
    assert.equal(same.stdout, 'No plan changed.\n');
    assert.equal(diff('--exit-code', ...TODAY).status, 0, 'a clean working tree');
    // JSON piped is assembled from packed accounts: the same exit status.
    assert.equal(diff(first, second, '--format', 'json', '--exit-code', ...TODAY).status, 1);
    assert.equal(diff(second, second, '--format', 'json', '--exit-code', ...TODAY).status, 0);
  });

  it('default: HEAD against the working tree, uncommitted and untracked plans included', () => {
    repo.write('plans/water.account.md', planText({ ...WATER, deal: { ...WATER.deal!, amount: 800000, stage: 'D' } }))
      .write('plans/new.account.md', planText({ id: 'new', account: 'New Customer' }));
    try {
      const r = diff('--exit-code', ...TODAY);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /Jiangcheng Water · Pump cameras: stage E → D ↑/);
      assert.match(r.stdout, /New Customer: account added/);
      assert.doesNotMatch(r.stdout, /Hengtong/);
    } finally {
      repo.write('plans/water.account.md', planText({ ...WATER, deal: { ...WATER.deal!, amount: 800000 } })).remove('plans/new.account.md');
    }
  });

  it('-- PATH limits the plans compared', () => {
    const r = diff(first, second, ...TODAY, '--', 'plans/water.account.md');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Jiangcheng Water/);
    assert.doesNotMatch(r.stdout, /Hengtong/);
  });

  it('BASE...HEAD compares from the merge base: changes on the base branch since do not show', () => {
    repo.git('checkout', '-q', '-b', 'feature', second);
    repo.write('plans/hengtong.account.md', planText({ ...HENGTONG_AFTER, deal: { ...HENGTONG_AFTER.deal!, stage: 'A' } }));
    repo.commit('feature: stage A');
    repo.git('checkout', '-q', 'main');
    repo.write('plans/water.account.md', planText({ ...WATER, deal: { ...WATER.deal!, stage: 'lost' } }));
    repo.commit('main: water lost');
    try {
      const threeDots = diff('main...feature', ...TODAY);
      assert.equal(threeDots.status, 0, threeDots.stderr);
      assert.match(threeDots.stdout, /Hengtong Bank · Core banking renewal: stage B → A ↑/);
      assert.doesNotMatch(threeDots.stdout, /Jiangcheng Water/);
      const twoRevisions = diff('main', 'feature', ...TODAY);
      assert.match(twoRevisions.stdout, /Jiangcheng Water · Pump cameras: reopened at stage E \(was lost\)/, 'A B compares the tips');
    } finally {
      repo.git('reset', '-q', '--hard', second);
    }
  });

  it('--lang zh-cn: the same changes in Chinese', () => {
    const r = diff(first, second, '--lang', 'zh-cn', ...TODAY);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^2026-Q4 管道：/);
    assert.match(r.stdout, /Hengtong Bank · Core banking renewal: 阶段 C → B ↑（客户步骤 5 → 6）/);
    assert.match(r.stdout, /签约日期 2026-12-15 → 2027-01-20，推迟 36 天，移出 2026-Q4/);
    assert.match(r.stdout, /李卫东: 态度 D → B ↑（拜访 2026-11-20）/);
    assert.match(r.stdout, /经济买家现已覆盖：Wang Hang/);
  });

  it('bad usage exits 2 with one line: a format, a third revision, an unknown revision, a language, no repository', () => {
    assertUsageError(diff(first, second, '--format', 'xml'), /unknown format 'xml' for diff; use one of text, json, markdown/);
    assertUsageError(diff(first, second, 'HEAD'), /unexpected argument 'HEAD'; paths go after '--'/);
    assertUsageError(diff('nosuch'), /unknown revision 'nosuch'/);
    assertUsageError(diff('--lang', 'fr'), /unknown language 'fr'/);
    const outside = fs.mkdtempSync(path.join(repo.dir, '..', 'ap-nogit-'));
    try {
      assertUsageError(cli(['diff'], { cwd: outside, env: repo.env }), /git/i);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('--help describes the revisions, formats and --exit-code', () => {
    const r = diff('--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: account-plans diff \[BASE \[HEAD\]\] \[options\] \[-- PATH\.\.\.\]/);
    assert.match(r.stdout, /--exit-code/);
  });
});

describe('account-plans diff: hostile plan text stays plain text in Markdown', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  before(() => {
    assertBuilt();
    repo = new TestRepo();
    const plan = (stage: string, attitude: string, next?: string) => planText({
      id: 'evil', account: HOSTILE_ACCOUNT,
      deal: { name: HOSTILE_DEAL, stage, amount: 1000, close: '2026-12-01', next },
      people: [{ id: 'p1', name: HOSTILE_PERSON, roles: ['economic'], attitude }],
    });
    repo.write('evil.account.md', plan('C', 'D'));
    repo.commit('first');
    repo.write('evil.account.md', plan('B', 'B', HOSTILE_NEXT));
    repo.commit('second');
  });
  after(() => repo.dispose());

  it('diff --format markdown renders no link, image, tag, mention or reference, and keeps the words', () => {
    const r = cli(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown', ...TODAY], { cwd: repo.dir, env: repo.env });
    assert.equal(r.status, 0, r.stderr);
    const html = assertInert(r.stdout);
    assert.match(html, /恒通/);
    assert.match(html, /&lt;script&gt;/, 'the tag is shown as text');
    assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('#### ')).length, 1, 'a newline in plan text starts no heading');
  });
});
