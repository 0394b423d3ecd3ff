import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertBuilt, cli, FIXTURES, TODAY } from './helpers';

/**
 * Issue 13: one bad plan never stops the others, and the verdict depends on the plans and the
 * settings only, never on threads, the cache or the machine. FIFOs and unreadable named files are
 * errors, cache problems are the tool's own words.
 */
const CLEAN = fs.readFileSync(path.join(FIXTURES, 'plans', 'clean.account.md'), 'utf8');

/** Plans that broke the engine or gave an answer that depended on the stack. */
const HOSTILE: Record<string, string> = {
  'deep-flow.account.md': `---\naccount: X\nx: ${'['.repeat(1000)}\n---\n`,
  'deep-block.account.md': `---\naccount: X\nx:\n${'- '.repeat(900)}a\n---\n`,
  'self-alias.account.md': '---\naccount: X\nself: &s [*s]\ntier: Q\n---\n',
  'to-string.account.md': '---\naccount: X\ntier: {toString: 1}\n---\n',
  'lone-cr.account.md': '---\raccount: X\rtier: Q\r---\r',
  'alias-bomb.account.md': `---\naccount: X\nx: &a 1\nl: [${Array(150).fill('*a').join(', ')}]\n---\n`,
  'binary.account.md': '---\naccount: X\0\n---\n',
};

describe('hostile plans on the command line', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    assertBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-hostile-'));
    const ws = path.join(dir, 'ws');
    fs.mkdirSync(path.join(ws, 'folder.account.md'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'folder.account.md', 'inside.account.md'), '---\naccount: Inside\ntier: Q\n---\n');
    for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(ws, `clean-${i}.account.md`), CLEAN);
    for (const [name, text] of Object.entries(HOSTILE)) fs.writeFileSync(path.join(ws, name), text);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const ws = () => path.join(dir, 'ws');
  const check = (env: Record<string, string>, ...extra: string[]) =>
    cli(['check', ws(), '--today', TODAY, '--format', 'json', ...extra], { env });

  it('every hostile plan is a finding on its own file, and the other plans are checked', () => {
    const r = check({ ACCOUNT_PLANS_THREADS: '0' });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
    const findings = JSON.parse(r.stdout) as { file: string; code: string; message: string }[];
    for (const name of Object.keys(HOSTILE)) {
      assert.ok(findings.some((f) => f.file.endsWith(name)), `a finding on ${name}`);
    }
    const first = (name: string) => findings.find((f) => f.file.endsWith(name))!;
    assert.match(first('deep-flow.account.md').message, /more than 100 levels/);
    assert.match(first('deep-block.account.md').message, /more than 100 levels/);
    assert.match(first('self-alias.account.md').message, /alias stands inside/);
    assert.match(first('alias-bomb.account.md').message, /more than 100 aliases/);
    assert.ok(!findings.some((f) => /checker failed/.test(f.message)), 'no internal failure');
  });

  it('a folder named x.account.md is walked as a folder, not read as a plan', () => {
    const r = cli(['check', path.join(ws(), 'folder.account.md'), '--today', TODAY, '--format', 'json']);
    assert.equal(r.stderr, '');
    const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => path.basename(f.file)));
    assert.deepEqual([...files], ['inside.account.md']);
  });

  it('the JSON output is byte-identical on one thread, two threads, a cold and a warm --cache', () => {
    const one = check({ ACCOUNT_PLANS_THREADS: '0' });
    const two = check({ ACCOUNT_PLANS_THREADS: '2' });
    const cache = path.join(dir, 'cache', 'check.json');
    const cold = check({ ACCOUNT_PLANS_THREADS: '2' }, '--cache-location', cache);
    const warm = check({ ACCOUNT_PLANS_THREADS: '0' }, '--cache-location', cache);
    for (const other of [two, cold, warm]) {
      assert.equal(other.status, one.status);
      assert.equal(other.stdout, one.stdout);
    }
    assert.deepEqual(fs.readdirSync(path.dirname(cache)), ['check.json']);
  });

  it('a FIFO named on the command line is an error (exit 2) at once, and the other plans are still checked', () => {
    const fifo = path.join(dir, 'pipe.account.md');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const r = cli(['check', fifo, path.join(ws(), 'clean-0.account.md'), '--today', TODAY, '--format', 'json']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `account-plans: error: cannot read ${fifo}: not a regular file\n`);
    assert.ok((JSON.parse(r.stdout) as { file: string }[]).every((f) => f.file.endsWith('clean-0.account.md')));
  });

  it('a named file that cannot be read (EIO from /proc/self/mem) is an error (exit 2); the others are reported', () => {
    const r = cli(['check', '/proc/self/mem', path.join(ws(), 'to-string.account.md'), '--today', TODAY, '--format', 'json']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^account-plans: error: cannot read \/proc\/self\/mem: /);
    assert.ok((JSON.parse(r.stdout) as { file: string }[]).some((f) => f.file.endsWith('to-string.account.md')));
  });

  it('a named file without read permission is an error (exit 2) when permissions apply (not as root)', () => {
    const locked = path.join(dir, 'locked.account.md');
    fs.writeFileSync(locked, CLEAN);
    fs.chmodSync(locked, 0o000);
    const r = cli(['check', locked, '--today', TODAY]);
    fs.chmodSync(locked, 0o644);
    // Root reads the file anyway: then it is simply checked; either way the outcome is exact.
    if (process.getuid?.() === 0) assert.equal(r.status, 0, r.stderr);
    else assert.deepEqual([r.status, r.stderr], [2, `account-plans: error: cannot read ${locked}: permission denied\n`]);
  });

  it('--cache-location naming a folder is bad usage in the tool\'s words; nothing is left behind', () => {
    const folder = path.join(dir, 'cache-folder');
    fs.mkdirSync(folder);
    const r = check({}, '--cache-location', folder);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `account-plans: --cache-location ${folder} is a folder; give a file in it, e.g. ${path.join(folder, 'check.json')}\n`);
    assert.deepEqual(fs.readdirSync(folder), []);
    assert.ok(!fs.readdirSync(dir).some((f) => f.endsWith('.tmp')));
  });

  it('a cache that cannot be written is a warning; the verdict stands and no .tmp file is left', () => {
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, '');
    const base = check({});
    const r = check({}, '--cache-location', path.join(file, 'check.json'));
    assert.equal(r.status, base.status);
    assert.equal(r.stdout, base.stdout);
    assert.equal(r.stderr, `account-plans: warning: cannot write the cache ${path.join(file, 'check.json')}: a file of that name is in the way; the next run checks every plan again\n`);
    assert.ok(!fs.readdirSync(dir).some((f) => f.endsWith('.tmp')));
  });
});
