import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../../src/cli/args';
import { GitError, openGitPlanSource, WORKTREE, type PlanChange } from '../../src/cli/git';
import { isolatedGitEnv, plan, TestRepo } from './git-repo';

/** A change as one short line: `renamed a.account.md -> b.account.md`. */
const describe1 = (c: PlanChange): string =>
  `${c.kind} ${[c.before?.path, c.after?.path].filter((p, i, all) => p !== undefined && (i === 0 || p !== all[0])).join(' -> ')}`;

describe('git plan source: changed plans between revisions', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let first: string;
  let second: string;
  before(() => {
    repo = new TestRepo();
    repo.write('keep.account.md', plan('keep'))
      .write('gone.account.md', plan('gone'))
      .write('old name.account.md', plan('moved'))
      .write('notes.md', 'not a plan\n');
    first = repo.commit('first');
    repo.write('keep.account.md', plan('keep', 'B'))
      .remove('gone.account.md')
      .remove('old name.account.md')
      .write('team/new name.account.md', plan('moved'))
      // Unlike every other plan here, so git does not take it for gone.account.md renamed.
      .write('new.account.md', `---\nid: new\nvisits:\n${'  - date: 2026-01-02\n    purpose: research\n'.repeat(20)}---\n`)
      .write('notes.md', 'still not a plan\n');
    second = repo.commit('second');
  });
  after(() => repo.dispose());

  it('lists added, deleted, modified and renamed plans, and nothing else', () => {
    const source = repo.source();
    const changes = source.changedPlans(source.compare(first, second));
    assert.deepEqual(changes.map(describe1), [
      'deleted gone.account.md',
      'modified keep.account.md',
      'added new.account.md',
      'renamed old name.account.md -> team/new name.account.md',
    ]);
    const renamed = changes.find((c) => c.kind === 'renamed');
    assert.equal(renamed?.similarity, 100);
  });

  it('reads both sides of each change, keyed by path', () => {
    const source = repo.source();
    const texts = source.readChanges(source.changedPlans(source.compare(first, second)));
    assert.deepEqual([...texts.before.keys()].sort(), ['gone.account.md', 'keep.account.md', 'old name.account.md']);
    assert.deepEqual([...texts.after.keys()].sort(), ['keep.account.md', 'new.account.md', 'team/new name.account.md']);
    assert.equal(texts.before.get('keep.account.md')?.text, plan('keep', 'C'));
    assert.equal(texts.after.get('keep.account.md')?.text, plan('keep', 'B'));
    assert.equal(texts.after.get('team/new name.account.md')?.text, plan('moved'));
    assert.deepEqual(texts.unreadable, []);
  });

  it('takes A..B and two revisions alike', () => {
    const source = repo.source();
    const a = source.changedPlans(source.compare(`${first}..${second}`));
    const b = source.changedPlans(source.compare(first, second));
    assert.deepEqual(a, b);
    assert.equal(source.compare(`${first}..${second}`).after, second);
  });

  it('limits the changes to the paths given, relative to the working folder', () => {
    const source = repo.source();
    assert.deepEqual(source.changedPlans(source.compare(first, second), ['team']).map(describe1), ['added team/new name.account.md']);
    fs.mkdirSync(path.join(repo.dir, 'team'), { recursive: true });
    const inTeam = repo.source('team');
    assert.deepEqual(inTeam.changedPlans(inTeam.compare(first, second), ['.']).map(describe1), ['added team/new name.account.md']);
    assert.deepEqual(inTeam.changedPlans(inTeam.compare(first, second), ['../keep.account.md']).map(describe1), ['modified keep.account.md']);
  });

  it('splits a rename to or from another kind of file into a plan removed or added', () => {
    const r = new TestRepo();
    try {
      r.write('a.account.md', plan('a')).write('b.md', plan('b'));
      const one = r.commit('one');
      r.remove('a.account.md').write('a.md', plan('a')).remove('b.md').write('b.account.md', plan('b'));
      const two = r.commit('two');
      const source = r.source();
      assert.deepEqual(source.changedPlans(source.compare(one, two)).map(describe1), ['deleted a.account.md', 'added b.account.md']);
    } finally {
      r.dispose();
    }
  });
});

describe('git plan source: paths with spaces and Chinese characters', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  after(() => repo.dispose());

  it('lists and reads them byte for byte', () => {
    repo = new TestRepo();
    repo.write('客户/中国电信 华东.account.md', plan('ct', 'D')).write('with space/a b.account.md', plan('ab'));
    const one = repo.commit('one');
    repo.write('客户/中国电信 华东.account.md', plan('ct', 'C')).remove('with space/a b.account.md').write('with space/a  c.account.md', plan('ab'));
    const two = repo.commit('two');
    const source = repo.source();
    const changes = source.changedPlans(source.compare(one, two));
    assert.deepEqual(changes.map(describe1), ['renamed with space/a b.account.md -> with space/a  c.account.md', 'modified 客户/中国电信 华东.account.md']);
    const texts = source.readChanges(changes);
    assert.equal(texts.after.get('客户/中国电信 华东.account.md')?.text, plan('ct', 'C'));
    assert.equal(texts.before.get('客户/中国电信 华东.account.md')?.text, plan('ct', 'D'));
    assert.deepEqual(source.changedPlans(source.compare(one, two), ['客户']).map(describe1), ['modified 客户/中国电信 华东.account.md']);
  });
});

describe('git plan source: BASE...HEAD', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let fork: string;
  after(() => repo.dispose());

  it('compares the merge base with HEAD, as git diff does, so changes made on the base branch since are not the branch\'s', () => {
    repo = new TestRepo();
    repo.write('a.account.md', plan('a')).write('b.account.md', plan('b'));
    fork = repo.commit('fork point');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('a.account.md', plan('a', 'B'));
    const tip = repo.commit('feature: a moves to B');
    repo.git('checkout', '-q', 'main');
    repo.write('b.account.md', plan('b', 'S'));
    repo.commit('main: b is won');
    repo.git('checkout', '-q', 'feature');

    const source = repo.source();
    const range = source.compare('main...feature');
    assert.equal(range.before, fork);
    assert.equal(range.after, tip);
    assert.deepEqual(source.changedPlans(range).map(describe1), ['modified a.account.md']);
    assert.deepEqual({ ...source.compare('main...'), label: '' }, { ...range, label: '' }, 'an empty side is HEAD');
    // Two dots (or two revisions) compare the tips: main's own change shows up, reversed.
    assert.deepEqual(source.changedPlans(source.compare('main..feature')).map(describe1), ['modified a.account.md', 'modified b.account.md']);
  });

  it('says so when the two sides share no history', () => {
    repo.git('checkout', '-q', '--orphan', 'lonely');
    repo.write('c.account.md', plan('c'));
    repo.commit('unrelated');
    assert.throws(() => repo.source().compare('main...lonely'), /have no common ancestor/);
  });
});

describe('git plan source: the working tree', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  after(() => repo.dispose());

  it('compares HEAD (by default) with the files on disk, untracked plans included', () => {
    repo = new TestRepo();
    repo.write('a.account.md', plan('a')).write('b.account.md', plan('b')).write('.gitignore', 'ignored/\n');
    const head = repo.commit('one');
    repo.write('a.account.md', plan('a', 'A')).remove('b.account.md').write('fresh.account.md', plan('fresh')).write('ignored/x.account.md', plan('x'));
    const source = repo.source();
    const range = source.compare();
    assert.deepEqual(range, { before: head, after: WORKTREE, label: 'HEAD' });
    const changes = source.changedPlans(range);
    assert.deepEqual(changes.map(describe1), ['modified a.account.md', 'deleted b.account.md', 'added fresh.account.md']);
    assert.equal(changes[0].after?.blob, undefined, 'the working tree is read from disk');
    const texts = source.readChanges(changes);
    assert.equal(texts.after.get('a.account.md')?.text, plan('a', 'A'));
    assert.equal(texts.before.get('a.account.md')?.text, plan('a'));
    assert.equal(texts.after.get('fresh.account.md')?.text, plan('fresh'));
    assert.equal(texts.before.get('b.account.md')?.text, plan('b'));
  });

  it('takes one revision as that revision against the working tree', () => {
    const source = repo.source();
    assert.equal(source.compare('HEAD').after, WORKTREE);
  });
});

describe('git plan source: one cat-file process, whatever the number of plans', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  after(() => repo.dispose());

  it('reads 40 changed plans (80 blobs) through a single git cat-file --batch', () => {
    repo = new TestRepo();
    for (let i = 0; i < 40; i++) repo.write(`p${i}.account.md`, plan(`p${i}`));
    const one = repo.commit('one');
    for (let i = 0; i < 40; i++) repo.write(`p${i}.account.md`, plan(`p${i}`, 'A'));
    const two = repo.commit('two');
    const source = repo.source();
    const texts = source.readChanges(source.changedPlans(source.compare(one, two)));
    assert.equal(texts.before.size, 40);
    assert.equal(texts.after.size, 40);
    assert.equal(texts.after.get('p39.account.md')?.text, plan('p39', 'A'));
    assert.deepEqual(repo.subcommands().filter((c) => c === 'cat-file'), ['cat-file']);
    assert.deepEqual(repo.spawned.find((a) => a.includes('cat-file'))?.slice(-2), ['cat-file', '--batch']);
  });

  it('starts no cat-file at all when only the working tree is read', () => {
    repo.spawned.length = 0;
    repo.write('new.account.md', plan('new'));
    const source = repo.source();
    const texts = source.readChanges(source.changedPlans(source.compare()));
    assert.deepEqual([...texts.after.keys()], ['new.account.md']);
    assert.ok(!repo.subcommands().includes('cat-file'));
  });
});

describe('git plan source: files that are not plan text', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  after(() => repo.dispose());

  it('reports binary and too large plans as unreadable, and reads the rest', () => {
    repo = new TestRepo();
    repo.write('bin.account.md', plan('bin')).write('big.account.md', plan('big')).write('ok.account.md', plan('ok'));
    const one = repo.commit('one');
    repo.write('bin.account.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff, 0x00]))
      .write('big.account.md', `${plan('big')}${'x'.repeat(5000)}\n`)
      .write('ok.account.md', plan('ok', 'B'));
    const two = repo.commit('two');
    const source = openGitPlanSource({ cwd: repo.dir, env: repo.env, maxPlanBytes: 4096 });
    const texts = source.readChanges(source.changedPlans(source.compare(one, two)));
    assert.deepEqual([...texts.after.keys()], ['ok.account.md']);
    assert.deepEqual(texts.unreadable.map((u) => [u.path, u.side, u.content.kind]), [
      ['big.account.md', 'after', 'too-large'],
      ['bin.account.md', 'after', 'binary'],
    ]);
    // The same limits on the working tree, read from disk.
    repo.write('ok.account.md', Buffer.from([0x00, 0x01]));
    const disk = source.readChanges(source.changedPlans(source.compare()));
    assert.deepEqual(disk.unreadable.map((u) => [u.path, u.side, u.content.kind]), [['ok.account.md', 'after', 'binary']]);
  });
});

describe('git plan source: errors are one line, exit status 2', function () {
  this.timeout(60_000);
  it('an unknown revision', () => {
    const repo = new TestRepo();
    try {
      repo.write('a.account.md', plan('a')).commit('one');
      const source = repo.source();
      assert.throws(() => source.compare('no-such-branch'), (e: Error) => e instanceof GitError && e.message === "unknown revision 'no-such-branch' (not a commit in this repository)");
      assert.throws(() => source.compare('HEAD...nope'), /unknown revision 'nope'/);
      assert.throws(() => source.compare('--output=/tmp/x'), /is not a revision/);
    } finally {
      repo.dispose();
    }
  });

  it('a folder that is not in a repository', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ap-nogit-')));
    try {
      const env = { ...isolatedGitEnv(dir), GIT_CEILING_DIRECTORIES: path.dirname(dir) };
      assert.throws(() => openGitPlanSource({ cwd: dir, env }),
        (e: Error) => e instanceof GitError && /^not a git repository/.test(e.message) && !e.message.includes('\n'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('git missing from the PATH', () => {
    const dir = fs.realpathSync(os.tmpdir());
    assert.throws(() => openGitPlanSource({ cwd: dir, env: { PATH: path.join(dir, 'no-such-bin') } }),
      (e: Error) => e instanceof GitError && /^git is not installed or not on the PATH/.test(e.message));
  });

  it('is a usage error, which the command line prints as one line with exit status 2', () => {
    assert.ok(new GitError('x') instanceof UsageError);
  });
});

describe('git plan source: history of one plan', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  after(() => repo.dispose());

  it('lists the commits that touched the plan, oldest first, across a rename, with the plan at each', () => {
    repo = new TestRepo();
    repo.write('客户 a.account.md', plan('a', 'E')).write('other.account.md', plan('o'));
    const c1 = repo.commit('create');
    repo.write('other.account.md', plan('o', 'B'));
    repo.commit('unrelated');
    repo.write('客户 a.account.md', plan('a', 'D'));
    const c3 = repo.commit('a to D');
    repo.remove('客户 a.account.md').write('plans/a.account.md', plan('a', 'D'));
    const c4 = repo.commit('move a');
    repo.write('plans/a.account.md', plan('a', 'C'));
    const c5 = repo.commit('a to C');

    repo.spawned.length = 0;
    const history = repo.source().history('plans/a.account.md');
    assert.deepEqual(history.map((h) => [h.commit, h.status, h.path, h.subject]), [
      [c1, 'added', '客户 a.account.md', 'create'],
      [c3, 'modified', '客户 a.account.md', 'a to D'],
      [c4, 'renamed', 'plans/a.account.md', 'move a'],
      [c5, 'modified', 'plans/a.account.md', 'a to C'],
    ]);
    assert.deepEqual(history.map((h) => h.date), ['2026-01-01T10:00:00+08:00', '2026-01-03T10:00:00+08:00', '2026-01-04T10:00:00+08:00', '2026-01-05T10:00:00+08:00']);
    assert.deepEqual(history.map((h) => (h.content?.kind === 'text' ? h.content.text : h.content?.kind)), [plan('a', 'E'), plan('a', 'D'), plan('a', 'D'), plan('a', 'C')]);
    assert.equal(history[0].author, 'Test');
    assert.deepEqual(repo.subcommands().filter((c) => c === 'cat-file'), ['cat-file']);
  });

  it('keeps only the commits since a date, and is empty for a path git never saw', () => {
    const source = repo.source();
    assert.deepEqual(source.history('plans/a.account.md', { since: '2026-01-04T00:00:00+08:00' }).map((h) => h.subject), ['move a', 'a to C']);
    assert.deepEqual(source.history('never.account.md'), []);
  });

  it('lists a merge once, with the plan as the merge left it (a conflict\'s resolution included)', () => {
    repo.git('checkout', '-q', '-b', 'side');
    repo.write('plans/a.account.md', plan('a', 'B'));
    repo.commit('side: a to B');
    repo.git('checkout', '-q', 'main');
    repo.write('plans/a.account.md', plan('a', 'lost'));
    repo.commit('main: a lost');
    assert.throws(() => repo.git('merge', '-q', 'side', '-m', 'merge side'));
    repo.write('plans/a.account.md', plan('a', 'A'));
    const merge = repo.commit('merge side');
    // A user's config that would print merges in another shape changes nothing.
    repo.git('config', 'log.diffMerges', 'combined');
    const history = repo.source().history('plans/a.account.md');
    assert.deepEqual(history.slice(-3).map((h) => h.subject).sort(), ['main: a lost', 'merge side', 'side: a to B']);
    assert.equal(history.filter((h) => h.commit === merge).length, 1);
    const last = history.find((h) => h.commit === merge);
    assert.equal(last?.status, 'modified');
    assert.deepEqual(last?.content, { kind: 'text', text: plan('a', 'A') });
  });

  it('lists a deletion without content', () => {
    repo.remove('other.account.md');
    repo.commit('drop other');
    const history = repo.source().history('other.account.md');
    assert.deepEqual(history.map((h) => [h.status, h.content?.kind]), [['added', 'text'], ['modified', 'text'], ['deleted', undefined]]);
  });
});
