import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestRepo } from './git-repo';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const GEN = path.join(__dirname, '..', '..', '..', 'bench', 'generate.mjs');

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
}

describe('many plans: worker threads and the --cache', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-scale-'));
    const r = spawnSync(process.execPath, [GEN, path.join(dir, 'ws'), '240', '4', '2', '5'], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const check = (env: Record<string, string>, ...extra: string[]) =>
    cli(['check', path.join(dir, 'ws'), '--today', '2026-11-24', '--format', 'json', ...extra], env);

  it('two worker threads give exactly the output of one thread', () => {
    const one = check({ ACCOUNT_PLANS_THREADS: '0' });
    const two = check({ ACCOUNT_PLANS_THREADS: '2' });
    assert.strictEqual(one.status, two.status);
    assert.ok(JSON.parse(one.stdout).length > 100);
    assert.strictEqual(two.stdout, one.stdout);
  });

  it('a warm --cache gives the same output, and a changed plan is checked again', () => {
    const cache = path.join(dir, 'cache', 'check.json');
    const cold = check({}, '--cache-location', cache);
    assert.ok(fs.existsSync(cache));
    const written = fs.statSync(cache).mtimeMs;
    const warm = check({}, '--cache-location', cache);
    assert.strictEqual(warm.stdout, cold.stdout);
    assert.strictEqual(fs.statSync(cache).mtimeMs, written, 'a run where nothing changed leaves the cache file alone');
    const file = path.join(dir, 'ws', 'region-0', 'acct-0.account.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('tier: ', 'tier: X'));
    const after = JSON.parse(check({}, '--cache-location', cache).stdout) as { file: string; code: string }[];
    assert.ok(after.some((f) => f.file.endsWith('acct-0.account.md') && f.code === 'AP002'));
    const other = check({}, '--cache-location', cache, '--today', '2027-06-01');
    assert.notStrictEqual(other.stdout, warm.stdout, 'another date drops the cache');
  });

  it('--cache trusts a plan whose size and time are as recorded, else compares content', () => {
    const cache = path.join(dir, 'cache', 'stamps.json');
    const file = path.join(dir, 'ws', 'region-1', 'acct-1.account.md');
    // Whole seconds, so the time can be put back exactly.
    const atime = new Date('2026-01-01T00:00:00Z'), mtime = atime;
    fs.utimesSync(file, atime, mtime);
    const base = check({}, '--cache-location', cache);
    const original = fs.readFileSync(file, 'utf8');
    const findingsOf = (out: string) => (JSON.parse(out) as { file: string; code: string }[]).filter((f) => f.file.endsWith('acct-1.account.md')).map((f) => f.code);
    // Same size, same time, other bytes: not read again (as ESLint's cache does), so no new finding.
    fs.writeFileSync(file, original.replace(/tier: \w/, 'tier: X'));
    fs.utimesSync(file, atime, mtime);
    assert.deepStrictEqual(findingsOf(check({}, '--cache-location', cache).stdout), findingsOf(base.stdout));
    // A new time: read, hashed, checked again.
    fs.utimesSync(file, atime, new Date(mtime.getTime() + 5000));
    assert.ok(findingsOf(check({}, '--cache-location', cache).stdout).includes('AP002'));
    // The old bytes under a new time (a fresh clone): a hit by content, and the new time is recorded.
    fs.writeFileSync(file, original);
    const before = fs.readFileSync(cache, 'utf8');
    assert.strictEqual(check({}, '--cache-location', cache).stdout, base.stdout);
    const recorded = fs.readFileSync(cache, 'utf8');
    assert.notStrictEqual(recorded, before);
    assert.strictEqual(check({}, '--cache-location', cache).stdout, base.stdout);
    assert.strictEqual(fs.readFileSync(cache, 'utf8'), recorded, 'nothing new to record');
  });

  it('workers read the files they are given, and say which one they could not read', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { checkInParallel } = require('../../src/cli/worker') as typeof import('../../src/cli/worker');
    const plan = path.join(dir, 'ws', 'region-0', 'acct-0.account.md');
    const out = checkInParallel([{ name: 'a.account.md', path: plan }, { name: 'gone.account.md', path: path.join(dir, 'gone.account.md') }], { today: '2026-11-24' }, 2, true);
    assert.ok('findings' in out[0] && out[0].findings.length > 0);
    assert.deepStrictEqual(out[1], { unreadable: 'no such file or directory' });
  });

  it('diff on worker threads gives exactly the output of one thread: moves, new ids, breaks and all', () => {
    const repo = new TestRepo();
    try {
      fs.cpSync(path.join(dir, 'ws'), repo.dir, { recursive: true });
      const base = repo.commit('240 plans');
      const plans = fs.readdirSync(path.join(repo.dir, 'region-2')).filter((f) => f.endsWith('.account.md')).map((f) => `region-2/${f}`);
      assert.ok(plans.length >= 8);
      const edit = (file: string, change: (text: string) => string) => repo.write(file, change(fs.readFileSync(path.join(repo.dir, file), 'utf8')));
      for (const file of plans.slice(4)) edit(file, (t) => t.replace(/^( {4}stage: )\S+$/m, '$1B').replace(/^( {4}attitude: )\S+$/m, '$1A'));
      // A move, an account taking another's path with a new id, a plan that breaks, one removed and one added.
      fs.mkdirSync(path.join(repo.dir, 'moved'));
      fs.renameSync(path.join(repo.dir, plans[0]), path.join(repo.dir, 'moved', path.basename(plans[0])));
      edit(plans[1], (t) => t.replace(/^id: .*$/m, 'id: someone-else'));
      edit(plans[2], (t) => t.replace(/^stakeholders:$/m, 'stakeholders: [unclosed'));
      repo.remove(plans[3]);
      repo.write('new/fresh.account.md', '---\naccount: Fresh Ltd\nopportunities:\n  - id: o1\n    stage: D\n    amount: 1000\n---\n');
      const head = repo.commit('changes');
      const diff = (threads: string) =>
        spawnSync(process.execPath, [CLI, 'diff', base, head, '--format', 'json', '--today', '2026-11-24'], { cwd: repo.dir, encoding: 'utf8', env: { ...repo.env, ACCOUNT_PLANS_THREADS: threads }, maxBuffer: 1 << 28 });
      const one = diff('0');
      const two = diff('2');
      assert.strictEqual(one.status, 0, one.stderr);
      const changes = JSON.parse(one.stdout) as { accounts: { status: string }[]; unparsable: unknown[] };
      assert.ok(changes.accounts.filter((a) => a.status === 'changed').length >= 4);
      assert.ok(changes.accounts.some((a) => a.status === 'added') && changes.accounts.some((a) => a.status === 'removed'));
      assert.strictEqual(changes.unparsable.length, 1);
      assert.strictEqual(two.status, one.status);
      assert.strictEqual(two.stdout, one.stdout);
    } finally {
      repo.dispose();
    }
  });
});
