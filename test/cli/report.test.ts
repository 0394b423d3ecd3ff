import * as assert from 'node:assert/strict';
import { diffPlans, renderChangeMarkdown, utf8Length } from '../../src/core';
import { assertInert, renderedText } from '../unit/inert-markdown';
import {
  HENGTONG_AFTER, HENGTONG_BEFORE, HOSTILE_ACCOUNT, HOSTILE_DEAL, HOSTILE_NEXT, HOSTILE_PERSON, planText, WATER, type PlanSpec,
} from './change-plans';
import { TestRepo } from './git-repo';
import { assertBuilt, assertUsageError, cli, type CliResult } from './helpers';

const TODAY = ['--today', '2026-11-24'];
const waterAt = (stage: string): string => planText({ ...WATER, deal: { ...WATER.deal!, stage } });

describe('account-plans report', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let first: string;
  let onMain: string;
  const report = (...args: string[]): CliResult => cli(['report', ...args], { cwd: repo.dir, env: repo.env });

  before(() => {
    assertBuilt();
    repo = new TestRepo();
    repo.write('hengtong.account.md', planText(HENGTONG_BEFORE)).write('water.account.md', waterAt('E'));
    first = repo.commit('first');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('hengtong.account.md', planText(HENGTONG_AFTER));
    repo.commit('feature: hengtong moves');
    repo.git('checkout', '-q', 'main');
    repo.write('water.account.md', waterAt('D'));
    onMain = repo.commit('main: water moves');
    repo.git('checkout', '-q', 'feature');
  });
  after(() => repo.dispose());

  it('on a branch: the merge base with main against HEAD, as the pull request shows it', () => {
    const r = report(...TODAY);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^<!-- account-plans-report -->\n## Plan changes\n\n\*\*Pipeline 2026-Q4: CN¥500,000 → CN¥0 \(−CN¥500,000\)\*\*\n- 1 deal moved\n- 1 account changed\n- findings: 0 introduced, 3 fixed\n/);
    assert.match(r.stdout, /### Pipeline waterfall, 2026-Q4\n\n\| Step \|/);
    assert.match(r.stdout, /<details><summary><strong>Hengtong Bank · hengtong<\/strong> · \d+ changes<\/summary>\n\n- \*\*Core banking renewal\*\*: stage C → B ↑/);
    assert.match(r.stdout, /<\/details>\n\n### Findings\n\n- ✅ finding fixed: AP010 .* — Hengtong Bank\n/);
    assert.doesNotMatch(r.stdout, /Jiangcheng Water/, 'main moved on since; that is not this branch\'s change');
    assert.doesNotMatch(r.stdout, /not shown/);
    assertInert(r.stdout);
  });

  it('on the default branch itself: HEAD~1 against HEAD', () => {
    repo.git('checkout', '-q', 'main');
    try {
      const r = report(...TODAY);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /Jiangcheng Water · water<\/strong>/);
      assert.match(r.stdout, /\*\*Pump cameras\*\*: stage E → D ↑/);
      assert.doesNotMatch(r.stdout, /Hengtong/);
    } finally {
      repo.git('checkout', '-q', 'feature');
    }
  });

  it('--base REV and --head REV override the defaults', () => {
    const r = report('--base', first, '--head', onMain, ...TODAY);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Jiangcheng Water/);
    assert.doesNotMatch(r.stdout, /Hengtong/);
    const range = report('--base', 'main', ...TODAY);
    assert.match(range.stdout, /Jiangcheng Water · water[\s\S]*Pump cameras\*\*: stage D → E ↓/, '--base main compares main\'s tip with HEAD');
  });

  it('prefers origin/HEAD to main when a clone has it', () => {
    const tip = repo.git('rev-parse', 'feature').trim();
    repo.git('update-ref', 'refs/remotes/origin/trunk', tip);
    repo.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/trunk');
    repo.git('checkout', '-q', '-b', 'feature2');
    repo.write('water.account.md', waterAt('lost'));
    repo.commit('feature2: water lost');
    try {
      const r = report(...TODAY);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /\*\*Pump cameras\*\*: lost ↓ \(from stage E\)/);
      assert.doesNotMatch(r.stdout, /Hengtong/, 'the base is origin/HEAD (the feature tip), not main');
    } finally {
      repo.git('checkout', '-q', 'feature');
      repo.git('branch', '-q', '-D', 'feature2');
      repo.git('update-ref', '-d', 'refs/remotes/origin/HEAD');
      repo.git('update-ref', '-d', 'refs/remotes/origin/trunk');
    }
  });

  it('--lang zh-cn writes the report in Chinese', () => {
    const r = report('--lang', 'zh-cn', ...TODAY);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^<!-- account-plans-report -->\n## 计划变更\n\n\*\*2026-Q4 管道：/);
    assert.match(r.stdout, /### 管道瀑布图，2026-Q4/);
    assert.match(r.stdout, /<summary><strong>Hengtong Bank · hengtong<\/strong> · \d+ 处变更<\/summary>/);
  });

  it('bad usage exits 2: an unknown --for, a positional argument, an unknown base', () => {
    assertUsageError(report('--for', 'email'), /unknown target 'email' for --for; use comment or summary/);
    assertUsageError(report('main'), /unexpected argument 'main'/);
    assertUsageError(report('--base', 'nosuch'), /unknown revision 'nosuch'/);
  });
});

describe('account-plans report: hostile plan text', function () {
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
    repo.write('evil.account.md', plan('C', 'D')).write('calm.account.md', planText(WATER));
    repo.commit('first');
    repo.write('evil.account.md', plan('B', 'B', HOSTILE_NEXT)).write('calm.account.md', waterAt('D'));
    repo.commit('second');
  });
  after(() => repo.dispose());

  for (const target of ['comment', 'summary']) {
    it(`--for ${target}: no link, image, tag, mention or reference; every <details> closes where we close it`, () => {
      const r = cli(['report', '--for', target, ...TODAY], { cwd: repo.dir, env: repo.env });
      assert.equal(r.status, 0, r.stderr);
      const html = assertInert(r.stdout);
      assert.equal((r.stdout.match(/<details>/g) ?? []).length, 2);
      assert.equal((r.stdout.match(/<\/details>/g) ?? []).length, 2, 'a plan\'s </details> is text, not a tag');
      assert.equal((html.match(/<summary>/g) ?? []).length, 2);
      assert.ok(renderedText(html).includes('<script>alert(1)</script>'), 'the tag is shown as text');
      assert.match(html, /中文/);
    });
  }
});

/** Many accounts: a few that change a lot, many that change a little. */
function bigChange(repo: TestRepo, small: number, big: number): void {
  const longName = (i: number) => `Regional Distribution Partner Number ${String(i).padStart(4, '0')} of the Eastern Sales Area`;
  const smallPlan = (i: number, amount: number): PlanSpec => ({
    id: `small-${i}`, account: longName(i), deal: { name: `Network refresh for ${longName(i)}`, stage: 'C', amount, close: '2026-12-10' },
  });
  const bigPlan = (i: number, after: boolean): PlanSpec => ({
    ...(after ? HENGTONG_AFTER : HENGTONG_BEFORE), id: `big-${i}`, account: `Big Account ${i}`,
  });
  for (let i = 0; i < small; i++) repo.write(`small/${i}.account.md`, planText(smallPlan(i, 100000)));
  for (let i = 0; i < big; i++) repo.write(`big/${i}.account.md`, planText(bigPlan(i, false)));
  repo.commit('before');
  for (let i = 0; i < small; i++) repo.write(`small/${i}.account.md`, planText(smallPlan(i, 120000 + i)));
  for (let i = 0; i < big; i++) repo.write(`big/${i}.account.md`, planText(bigPlan(i, true)));
  repo.commit('after');
}

describe('account-plans report: it fits where it goes', function () {
  this.timeout(120_000);
  let repo: TestRepo;
  before(() => {
    assertBuilt();
    repo = new TestRepo();
    bigChange(repo, 500, 3);
  });
  after(() => repo.dispose());

  it('--for comment: at most 65,536 characters, the headline kept, the most changed accounts shown, the rest named', () => {
    const r = cli(['report', ...TODAY], { cwd: repo.dir, env: repo.env });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.length <= 65_536, `${r.stdout.length} characters`);
    assert.ok(r.stdout.length > 60_000, 'filled, not emptied');
    assert.ok(r.stdout.startsWith('<!-- account-plans-report -->\n'), 'the sticky comment\'s marker, inside the limit');
    assert.match(r.stdout, /^<!-- account-plans-report -->\n## Plan changes\n\n\*\*Pipeline 2026-Q4: .*\*\*\n- 503 deals moved\n- 503 accounts changed\n- findings: /);
    assert.match(r.stdout, /### Pipeline waterfall, 2026-Q4/);
    for (let i = 0; i < 3; i++) assert.match(r.stdout, new RegExp(`<strong>Big Account ${i} · big-${i}</strong>`));
    const note = /_(\d+) accounts not shown: Regional Distribution Partner Number \d{4} of the Eastern Sales Area, .* and (\d+) more_\n\n### Findings\n\n/.exec(r.stdout);
    assert.ok(note, r.stdout.slice(-400));
    const shown = (r.stdout.match(/<details>/g) ?? []).length;
    assert.equal(shown + Number(note[1]), 503, 'every account is shown or counted');
    assert.equal(Number(note[2]), Number(note[1]) - 20, 'the note names twenty and counts the rest');
  });

  it('--for summary: up to 1 MiB, so here everything, with no note', () => {
    const r = cli(['report', '--for', 'summary', ...TODAY], { cwd: repo.dir, env: repo.env });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(Buffer.byteLength(r.stdout) <= 1_048_576);
    assert.ok(r.stdout.length > 65_536);
    assert.equal((r.stdout.match(/<details>/g) ?? []).length, 503);
    assert.doesNotMatch(r.stdout, /not shown/);
    assert.doesNotMatch(r.stdout, /account-plans-report/, 'a job summary carries no comment marker');
  });
});

describe('renderChangeMarkdown: limits', () => {
  const plan = (i: number, stage: string) => planText({ id: `a${i}`, account: `客户${i}号 中国恒通银行`, deal: { name: `核心系统${i}`, stage, amount: 1000, close: '2026-12-01' } });
  const before = new Map(Array.from({ length: 40 }, (_, i) => [`a${i}.account.md`, plan(i, 'C')] as const));
  const after = new Map(Array.from({ length: 40 }, (_, i) => [`a${i}.account.md`, plan(i, 'B')] as const));
  const cs = diffPlans(before, after, { today: '2026-11-24' });

  it('counts UTF-8 bytes for a job summary: Chinese text takes three bytes a character', () => {
    const md = renderChangeMarkdown(cs, { collapsible: true, limit: 4000, measure: 'bytes' });
    assert.ok(utf8Length(md) <= 4000, `${utf8Length(md)} bytes`);
    assert.ok(utf8Length(md) > 3000);
    assert.match(md, /accounts not shown/);
    const chars = renderChangeMarkdown(cs, { collapsible: true, limit: 4000, measure: 'chars' });
    assert.ok(chars.length <= 4000 && utf8Length(chars) > 4000, 'the same limit in characters holds more');
  });

  it('never trims the headline, even past a limit too small for it', () => {
    const md = renderChangeMarkdown(cs, { collapsible: true, limit: 10 });
    assert.match(md, /^## Plan changes\n\n\*\*Pipeline 2026-Q4: /);
    assert.match(md, /- 40 deals moved/);
    assert.match(md, /_40 accounts not shown: /);
  });

  it('utf8Length counts as Buffer.byteLength does', () => {
    for (const s of ['abc', '中文', '😀 emoji', 'é', '']) assert.equal(utf8Length(s), Buffer.byteLength(s));
  });
});
