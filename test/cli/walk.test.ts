import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, TODAY, assertBuilt, cli } from './helpers';

/**
 * A workspace built at test time, since git keeps neither .git folders, symlinks loops nor FIFOs:
 *
 *   a.account.md            clean
 *   notes.md                not a plan: ignored in a walk
 *   plan.md                 a plan under another name: checked only when named
 *   sub/b.account.md        broken
 *   sub/deeper/c.account.md clean
 *   node_modules/…, .git/…  broken plans that must be skipped
 *   dangling.account.md     a symlink to nothing: a warning, the run goes on
 *   pipe.account.md         a FIFO: a warning, never opened (it would block)
 *   loop -> .               a symlink loop: not followed
 *   again -> sub            a second way to sub: each plan once
 */
describe('account-plans check: finding plans', () => {
  let root: string;
  const clean = fs.readFileSync(path.join(FIXTURES, 'plans/clean.account.md'));
  const broken = fs.readFileSync(path.join(FIXTURES, 'plans/broken.account.md'));

  before(() => {
    assertBuilt();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'account-plans-walk-'));
    const put = (rel: string, content: Buffer | string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), content);
    };
    put('a.account.md', clean);
    put('notes.md', '# not a plan\n');
    put('plan.md', broken);
    put('sub/b.account.md', broken);
    put('sub/deeper/c.account.md', clean);
    put('node_modules/pkg/x.account.md', broken);
    put('.git/y.account.md', broken);
    put('sub/node_modules/z.account.md', broken);
    fs.symlinkSync(path.join(root, 'missing.account.md'), path.join(root, 'dangling.account.md'));
    fs.symlinkSync('.', path.join(root, 'loop'));
    fs.symlinkSync('sub', path.join(root, 'again'));
    const fifo = spawnSync('mkfifo', [path.join(root, 'pipe.account.md')]);
    assert.equal(fifo.status, 0, `mkfifo: ${fifo.stderr}`);
  });

  after(() => root && fs.rmSync(root, { recursive: true, force: true }));

  const filesIn = (stdout: string) => [...new Set((JSON.parse(stdout) as { file: string }[]).map((f) => f.file))];

  it('walks the working directory by default, sorted, skipping node_modules and .git', () => {
    const r = cli(['check', '--today', TODAY, '-f', 'json'], { cwd: root });
    assert.deepStrictEqual(filesIn(r.stdout), ['sub/b.account.md']);
    assert.equal(r.status, 1);
  });

  it('checks every plan once, and says how many files it read', () => {
    const r = cli(['check', '--today', TODAY], { cwd: root });
    assert.match(r.stdout, /in 1 of 3 files \(2 files could not be read\)\n$/);
  });

  it('reports unreadable entries on stderr, one line each, without changing the exit status', () => {
    const r = cli(['check', 'a.account.md', '.', '--today', TODAY, '-f', 'json'], { cwd: root });
    assert.deepStrictEqual(r.stderr.split('\n'), [
      'account-plans: warning: cannot read dangling.account.md: no such file or directory',
      'account-plans: warning: cannot read pipe.account.md: not a regular file',
      '',
    ]);
    const clean = cli(['check', '.', '--today', TODAY, '-f', 'json'], { cwd: path.join(root, 'sub', 'deeper') });
    assert.equal(clean.status, 0);
    const onlyUnreadable = fs.mkdtempSync(path.join(os.tmpdir(), 'account-plans-dangling-'));
    try {
      fs.symlinkSync(path.join(onlyUnreadable, 'gone'), path.join(onlyUnreadable, 'x.account.md'));
      const r2 = cli(['check', onlyUnreadable, '--today', TODAY]);
      assert.equal(r2.status, 0);
      assert.equal(r2.stdout, 'No plan files checked (1 file could not be read)\n');
    } finally {
      fs.rmSync(onlyUnreadable, { recursive: true, force: true });
    }
  });

  it('keeps a directory argument in the paths it prints', () => {
    const r = cli(['check', 'sub', '--today', TODAY, '-f', 'json'], { cwd: root });
    assert.deepStrictEqual(filesIn(r.stdout), [path.join('sub', 'b.account.md')]);
    const dotted = cli(['check', './sub/', '--today', TODAY, '-f', 'json'], { cwd: root });
    assert.deepStrictEqual(filesIn(dotted.stdout), [path.join('sub', 'b.account.md')]);
  });

  it('checks a file named on the command line whatever its name', () => {
    const r = cli(['check', 'plan.md', 'notes.md', '--today', TODAY, '-f', 'json'], { cwd: root });
    assert.deepStrictEqual(filesIn(r.stdout), ['notes.md', 'plan.md']);
    assert.equal(r.status, 1);
  });

  it('warns when there is no plan at all', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'account-plans-empty-'));
    try {
      const r = cli(['check', '--today', TODAY], { cwd: empty });
      assert.equal(r.status, 0);
      assert.equal(r.stdout, 'No plan files checked\n');
      assert.equal(r.stderr, 'account-plans: warning: no *.account.md files found in .\n');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
