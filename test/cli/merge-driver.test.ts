import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, assertBuilt, assertUsageError, cli } from './helpers';
import { TestRepo } from './git-repo';

const PLAN = `---
# Acme, kept by two sellers
id: acme
account: "Acme Ltd"
stakeholders:
  - id: ceo
    name: Chen   # met at the fair
    attitude: B
opportunities:
  - id: deal
    name: Big deal
    stage: C
    amount: 100000
visits:
  - date: 2026-10-01
    with: [ceo]
    summary: Kick-off
---

# Acme

Notes.
`;

const FILE = 'plans/acme.account.md';
const COMMAND = `"${process.execPath}" "${CLI}"`;
const withVisit = (text: string, date: string, summary: string) => `${text.replace('\n---\n\n# Acme', `\n  - date: ${date}\n    with: [ceo]\n    summary: ${summary}\n---\n\n# Acme`)}`;

/** `git merge BRANCH` with its exit status and output (a conflict is not an exception here). */
function merge(repo: TestRepo, branch: string) {
  const r = spawnSync('git', ['merge', '--no-edit', branch], {
    cwd: repo.dir, encoding: 'utf8',
    env: { ...repo.env, GIT_AUTHOR_DATE: '2026-02-01T10:00:00+08:00', GIT_COMMITTER_DATE: '2026-02-01T10:00:00+08:00' },
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** A repository set up with git-setup, PLAN committed on main and a branch `other` from there. */
function setUp(plan = PLAN): TestRepo {
  const repo = new TestRepo();
  const r = cli(['git-setup', '--command', COMMAND], { cwd: repo.dir, env: repo.env });
  assert.equal(r.status, 0, r.stderr);
  repo.write(FILE, plan).commit('plan');
  repo.git('branch', 'other');
  return repo;
}

const read = (repo: TestRepo) => fs.readFileSync(path.join(repo.dir, FILE), 'utf8');

describe('account-plans merge and git-setup, with real git', function () {
  this.timeout(60_000);
  before(assertBuilt);
  let repo: TestRepo | undefined;
  afterEach(() => repo?.dispose());

  it('git-setup writes .gitattributes and the repository config, says so, and changes nothing the second time', () => {
    repo = new TestRepo();
    repo.write('.gitattributes', '*.png binary');
    const first = cli(['git-setup', '--command', 'npx account-plans'], { cwd: repo.dir, env: repo.env });
    assert.equal(first.status, 0, first.stderr);
    assert.equal(fs.readFileSync(path.join(repo.dir, '.gitattributes'), 'utf8'), '*.png binary\n*.account.md merge=account-plans diff=account-plans\n');
    assert.equal(repo.git('config', '--local', 'merge.account-plans.driver').trim(), 'npx account-plans merge --marker-size=%L --base-label=%S --ours-label=%X --theirs-label=%Y %O %A %B %P');
    assert.equal(repo.git('config', '--local', 'diff.account-plans.textconv').trim(), 'npx account-plans textconv');
    assert.match(repo.git('config', '--local', 'merge.account-plans.name'), /Account Plans/);
    assert.equal(first.stdout, [
      'added to .gitattributes: *.account.md merge=account-plans diff=account-plans',
      'set git config merge.account-plans.name = Account Plans: merge plans by meaning',
      'set git config merge.account-plans.driver = npx account-plans merge --marker-size=%L --base-label=%S --ours-label=%X --theirs-label=%Y %O %A %B %P',
      'set git config diff.account-plans.textconv = npx account-plans textconv', ''].join('\n'));
    fs.mkdirSync(path.join(repo.dir, 'sub'));
    const again = cli(['git-setup', '--command', 'npx account-plans', '--lang', 'zh-cn'], { cwd: path.join(repo.dir, 'sub'), env: repo.env });
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /^\.\.\/\.gitattributes 中已有：\*\.account\.md merge=account-plans diff=account-plans\n/);
    assert.equal((again.stdout.match(/已是/g) ?? []).length, 3);
    assert.equal(fs.readFileSync(path.join(repo.dir, '.gitattributes'), 'utf8'), '*.png binary\n*.account.md merge=account-plans diff=account-plans\n');
  });

  it('two sellers who each log a visit merge cleanly: both visits, in date order, comments kept', () => {
    repo = setUp();
    repo.git('checkout', '-q', 'other');
    repo.write(FILE, withVisit(PLAN, '2026-11-20', 'Theirs')).commit('visit B');
    repo.git('checkout', '-q', 'main');
    repo.write(FILE, withVisit(PLAN, '2026-11-25', 'Ours')).commit('visit A');
    const r = merge(repo, 'other');
    assert.equal(r.status, 0, r.output);
    assert.equal(read(repo), withVisit(withVisit(PLAN, '2026-11-20', 'Theirs'), '2026-11-25', 'Ours'));
    assert.match(repo.git('log', '-1', '--format=%s'), /Merge branch 'other'/);
  });

  it('one adds a stakeholder while the other changes an attitude: clean', () => {
    repo = setUp();
    repo.git('checkout', '-q', 'other');
    repo.write(FILE, PLAN.replace('opportunities:', '  - id: cfo\n    name: Fang\nopportunities:')).commit('stakeholder');
    repo.git('checkout', '-q', 'main');
    repo.write(FILE, PLAN.replace('attitude: B', 'attitude: A')).commit('attitude');
    assert.equal(merge(repo, 'other').status, 0);
    assert.equal(read(repo), PLAN.replace('attitude: B', 'attitude: A').replace('opportunities:', '  - id: cfo\n    name: Fang\nopportunities:'));
  });

  it('a true conflict leaves markers around the line, names both values, and git stops', () => {
    repo = setUp();
    repo.git('checkout', '-q', 'other');
    repo.write(FILE, PLAN.replace('stage: C', 'stage: lost')).commit('lost');
    repo.git('checkout', '-q', 'main');
    repo.write(FILE, withVisit(PLAN.replace('stage: C', 'stage: B'), '2026-11-25', 'Ours')).commit('won');
    const r = merge(repo, 'other');
    assert.notEqual(r.status, 0);
    assert.match(r.output, /plans\/acme\.account\.md: conflict in opportunities deal stage: ours "stage: B", theirs "stage: lost"/);
    assert.equal(read(repo), withVisit(PLAN, '2026-11-25', 'Ours').replace('    stage: C\n',
      '<<<<<<< main: stage C -> B (customer step 5 -> 6)\n    stage: B\n=======\n    stage: lost\n>>>>>>> other: lost (from stage C)\n'));
    assert.match(repo.git('status', '--porcelain'), /^UU plans\/acme\.account\.md$/m);
  });

  it('two branches that change one attitude differently: the markers name both branches and what each changed', () => {
    repo = setUp();
    repo.git('checkout', '-q', '-b', 'feature/li-na');
    repo.write(FILE, PLAN.replace('attitude: B', 'attitude: C')).commit('Li Na: the CEO cooled');
    repo.git('checkout', '-q', 'main');
    repo.write(FILE, withVisit(PLAN.replace('attitude: B', 'attitude: A'), '2026-11-25', 'Ours')).commit('the CEO recommends us');
    const r = merge(repo, 'feature/li-na');
    assert.notEqual(r.status, 0);
    assert.equal(read(repo), withVisit(PLAN, '2026-11-25', 'Ours').replace('    attitude: B\n',
      '<<<<<<< main: attitude B -> A\n    attitude: A\n=======\n    attitude: C\n>>>>>>> feature/li-na: attitude B -> C\n'));
    // Everything outside the markers still reads as YAML: the conflict is one field, not the person.
    assert.match(repo.git('diff'), /^\+\+<<<<<<< main: attitude B -> A$/m);
  });

  it("honours git's conflict-marker-size (%L) from .gitattributes", () => {
    repo = setUp();
    repo.write('.gitattributes', '*.account.md merge=account-plans diff=account-plans conflict-marker-size=10\n').commit('longer markers');
    repo.git('branch', '-f', 'other');
    repo.git('checkout', '-q', 'other');
    repo.write(FILE, PLAN.replace('stage: C', 'stage: D')).commit('D');
    repo.git('checkout', '-q', 'main');
    repo.write(FILE, PLAN.replace('stage: C', 'stage: B')).commit('B');
    assert.notEqual(merge(repo, 'other').status, 0);
    assert.match(read(repo), /\n<{10} main: stage C -> B [^\n]*\n {4}stage: B\n={10}\n {4}stage: D\n>{10} other: stage C -> D [^\n]*\n/);
  });

  it('a driver line from before the labels (merge %O %A %B %P) still merges, with ours and theirs in the markers', () => {
    repo = setUp();
    repo.git('config', '--local', 'merge.account-plans.driver', `${COMMAND} merge %O %A %B %P`);
    repo.git('checkout', '-q', 'other');
    repo.write(FILE, withVisit(PLAN.replace('attitude: B', 'attitude: C'), '2026-11-20', 'Theirs')).commit('C');
    repo.git('checkout', '-q', 'main');
    repo.write(FILE, withVisit(PLAN.replace('attitude: B', 'attitude: A'), '2026-11-25', 'Ours')).commit('A');
    assert.notEqual(merge(repo, 'other').status, 0);
    assert.equal(read(repo), withVisit(withVisit(PLAN, '2026-11-20', 'Theirs'), '2026-11-25', 'Ours').replace('    attitude: B\n',
      '<<<<<<< ours: attitude B -> A\n    attitude: A\n=======\n    attitude: C\n>>>>>>> theirs: attitude B -> C\n'));
  });

  it('merge takes the labels and marker size git passes (%X %Y %L); a placeholder git left unexpanded is no label', () => {
    repo = new TestRepo();
    const files = () => repo!.write('base.md', PLAN).write('ours.md', PLAN.replace('attitude: B', 'attitude: A')).write('theirs.md', PLAN.replace('attitude: B', 'attitude: D'));
    files();
    const named = cli(['merge', '--marker-size=9', '--base-label=merged common ancestors', '--ours-label=HEAD', '--theirs-label=feature/li-na',
      'base.md', 'ours.md', 'theirs.md', 'acme.account.md'], { cwd: repo.dir, env: repo.env });
    assert.equal(named.status, 1, named.stderr);
    assert.match(fs.readFileSync(path.join(repo.dir, 'ours.md'), 'utf8'),
      /\n<{9} main: attitude B -> A\n {4}attitude: A\n={9}\n {4}attitude: D\n>{9} feature\/li-na: attitude B -> D\n/);
    files();
    const bare = cli(['merge', '--marker-size=%L', '--base-label=%S', '--ours-label=%X', '--theirs-label=%Y', 'base.md', 'ours.md', 'theirs.md'],
      { cwd: repo.dir, env: { ...repo.env, GITHEAD_0123456789abcdef0123456789abcdef01234567: '0123456789abcdef0123456789abcdef01234567' } });
    assert.equal(bare.status, 1, bare.stderr);
    assert.match(fs.readFileSync(path.join(repo.dir, 'ours.md'), 'utf8'), /\n<{7} main: attitude B -> A\n[^]*\n>{7} 0123456: attitude B -> D\n/);
    assertUsageError(cli(['merge', '--marker-size=big', 'base.md', 'ours.md', 'theirs.md'], { cwd: repo.dir }), /--marker-size takes a number/);
  });

  it('a plan broken on one side merges line by line, as git would', () => {
    repo = setUp();
    repo.git('checkout', '-q', 'other');
    const broken = PLAN.replace('account: "Acme Ltd"', 'account: "Acme Ltd');
    repo.write(FILE, broken).commit('broken');
    repo.git('checkout', '-q', 'main');
    repo.write(FILE, PLAN.replace('Notes.', 'Notes, ours.')).commit('notes');
    const r = merge(repo, 'other');
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /one version does not parse as a plan, so the file was merged line by line/);
    assert.equal(read(repo), broken.replace('Notes.', 'Notes, ours.'));
  });

  it('a plan added on both sides (an empty base) merges by meaning', () => {
    repo = setUp();
    const other = 'plans/beta.account.md';
    const beta = PLAN.replace('id: acme', 'id: beta');
    repo.git('checkout', '-q', 'other');
    repo.write(other, withVisit(beta, '2026-11-20', 'Theirs')).commit('beta, theirs');
    repo.git('checkout', '-q', 'main');
    repo.write(other, withVisit(beta, '2026-11-25', 'Ours')).commit('beta, ours');
    const r = merge(repo, 'other');
    assert.equal(r.status, 0, r.output);
    assert.equal(fs.readFileSync(path.join(repo.dir, other), 'utf8'), withVisit(withVisit(beta, '2026-11-20', 'Theirs'), '2026-11-25', 'Ours'));
  });

  it('a plan renamed on one side and edited on the other merges into the new name', () => {
    repo = setUp();
    repo.git('checkout', '-q', 'other');
    repo.git('mv', FILE, 'plans/acme-group.account.md');
    repo.commit('rename');
    repo.git('checkout', '-q', 'main');
    repo.write(FILE, withVisit(PLAN, '2026-11-25', 'Ours')).commit('visit');
    const r = merge(repo, 'other');
    assert.equal(r.status, 0, r.output);
    assert.equal(fs.readFileSync(path.join(repo.dir, 'plans/acme-group.account.md'), 'utf8'), withVisit(PLAN, '2026-11-25', 'Ours'));
  });

  it('git diff shows a plan one fact per line through textconv', () => {
    repo = setUp();
    repo.write(FILE, PLAN.replace('stage: C', 'stage: B').replace('name: Chen   # met at the fair', "name: 'Chen'"));
    const diff = repo.git('diff', '--no-color', '-U0', '--', FILE);
    assert.match(diff, /^-opportunity deal: stage: C\n\+opportunity deal: stage: B$/m);
    assert.doesNotMatch(diff, /Chen/);
  });

  it('merge writes OURS and exits 0 or 1; bad arguments are usage errors', () => {
    repo = new TestRepo();
    repo.write('base.md', PLAN).write('ours.md', PLAN.replace('stage: C', 'stage: B')).write('theirs.md', PLAN.replace('stage: C', 'stage: A'));
    const r = cli(['merge', 'base.md', 'ours.md', 'theirs.md', 'acme.account.md', '--lang', 'zh-cn'], { cwd: repo.dir });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /acme\.account\.md：opportunities deal stage 有冲突：我方 "stage: B"，对方 "stage: A"/);
    assert.match(fs.readFileSync(path.join(repo.dir, 'ours.md'), 'utf8'), /<<<<<<< ours: stage C -> B [^\n]*\n {4}stage: B\n=======\n {4}stage: A\n>>>>>>> theirs: stage C -> A [^\n]*\n/);
    repo.write('ours.md', PLAN.replace('Notes.', 'More notes.'));
    assert.equal(cli(['merge', 'base.md', 'ours.md', 'theirs.md'], { cwd: repo.dir }).status, 0);
    assert.equal(fs.readFileSync(path.join(repo.dir, 'ours.md'), 'utf8'), PLAN.replace('stage: C', 'stage: A').replace('Notes.', 'More notes.'));
    assertUsageError(cli(['merge', 'base.md', 'ours.md'], { cwd: repo.dir }), /merge takes BASE OURS THEIRS/);
    assertUsageError(cli(['merge', 'base.md', 'missing.md', 'theirs.md'], { cwd: repo.dir }), /cannot read missing\.md/);
    assertUsageError(cli(['textconv'], { cwd: repo.dir }), /textconv takes one file/);
  });
});
