import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { workerEntry } from '../../src/cli/worker';
import { assertBuilt, FIXTURES, ROOT, TODAY } from './helpers';

/**
 * The launcher compiles the engine from V8's code cache (src/cli/code-cache.ts): a copy of the
 * built CLI in a folder of its own shows where the cache goes, that the output never depends on
 * it, and that a damaged or foreign cache is replaced rather than trusted.
 */
describe('the engine is loaded from V8\'s code cache', function () {
  let dir: string;
  const caches = () => fs.readdirSync(dir).filter((f) => f.endsWith('.v8-cache'));
  const run = (env: Record<string, string> = {}, threads = '0') => {
    const r = spawnSync(process.execPath, [path.join(dir, 'cli.js'), 'check', '.', '--today', TODAY, '--format', 'json'], {
      cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, ACCOUNT_PLANS_THREADS: threads, ...env }, timeout: 30_000,
    });
    assert.equal(r.stderr.includes('\n    at '), false, r.stderr);
    return { status: r.status, stdout: r.stdout };
  };

  before(() => {
    assertBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-code-cache-'));
    for (const f of ['cli.js', 'cli-main.js']) fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(dir, f));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes one cache beside the engine on the first run and reads it on the next, with the same output', () => {
    const plain = run({ ACCOUNT_PLANS_CODE_CACHE: '0' });
    assert.deepEqual(caches(), [], 'ACCOUNT_PLANS_CODE_CACHE=0 writes nothing');
    const first = run();
    assert.equal(caches().length, 1);
    assert.match(caches()[0], /^cli-main\.js\.[0-9a-f]{16}\.v8-cache$/);
    const written = fs.statSync(path.join(dir, caches()[0])).mtimeMs;
    const second = run();
    assert.deepEqual([first, second], [plain, plain]);
    assert.ok(plain.stdout.length > 100, 'the fixtures have findings');
    assert.equal(fs.statSync(path.join(dir, caches()[0])).mtimeMs, written, 'an accepted cache is not written again');
  });

  it('check workers start from the launcher next to the engine, so they read the cache too', () => {
    const present = (...names: string[]) => (p: string) => names.includes(path.basename(p));
    assert.equal(workerEntry('/d', '/d/cli-main.js', present('cli.js', 'cli-main.js')), path.join('/d', 'cli.js'));
    assert.equal(workerEntry('/d', '/d/cli-main.js', present('cli-main.js')), '/d/cli-main.js');
    assert.equal(workerEntry('/d', '/d/worker.js', present('worker.js', 'cli.js')), path.join('/d', 'worker.js'));
    assert.equal(workerEntry('/d', '/d/other.js', present('cli.js')), '/d/other.js');
    // …and two threads started that way give the output of one.
    assert.deepEqual(run({}, '2'), run({ ACCOUNT_PLANS_CODE_CACHE: '0' }, '0'));
  });

  it('replaces a damaged cache instead of trusting it', () => {
    const expected = run({ ACCOUNT_PLANS_CODE_CACHE: '0' });
    const cache = path.join(dir, caches()[0]);
    fs.writeFileSync(cache, Buffer.alloc(4096, 0x5a));
    assert.deepEqual(run(), expected);
    assert.notDeepEqual(fs.readFileSync(cache).subarray(0, 16), Buffer.alloc(16, 0x5a), 'a fresh cache was written');
    assert.deepEqual(run(), expected);
  });

  it('names the cache after the engine\'s content: a rebuilt engine gets a cache of its own and the old one goes', () => {
    const old = caches();
    fs.appendFileSync(path.join(dir, 'cli-main.js'), '\n// rebuilt\n');
    run();
    assert.equal(caches().length, 1);
    assert.notDeepEqual(caches(), old);
  });

  it('runs, without a cache, where the cache can be neither read nor written', () => {
    for (const f of caches()) fs.rmSync(path.join(dir, f));
    const expected = run({ ACCOUNT_PLANS_CODE_CACHE: '0' });
    // The cache's own name taken by a folder (works as root too, who may write anywhere).
    const source = fs.readFileSync(path.join(dir, 'cli-main.js'), 'utf8');
    const key = createHash('sha256').update(source).update(process.version).update(process.arch).digest('hex').slice(0, 16);
    const blocked = path.join(dir, `cli-main.js.${key}.v8-cache`);
    fs.mkdirSync(blocked);
    fs.writeFileSync(path.join(blocked, 'keep'), '');
    assert.deepEqual(run(), expected);
    assert.ok(fs.statSync(blocked).isDirectory());
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left');
  });
});
