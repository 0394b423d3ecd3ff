import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PACKAGE_VERSION, ROOT, cli } from './helpers';

/**
 * The command line as users install it: `npm run pack:cli` stages build/cli-package and packs it;
 * the tarball is installed into an empty folder, offline, and run through npx.
 */
const TARBALL = path.join(ROOT, 'build', `account-plans-${PACKAGE_VERSION}.tgz`);
const PLANS = path.join(ROOT, 'examples');

/** The environment without the npm_* variables `npm test` sets, so the nested npm sees only its own flags. */
const cleanEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

describe('the CLI as an npm package (npm run pack:cli)', function () {
  this.timeout(180_000);
  let work: string;
  before(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), 'cli'], { cwd: ROOT, stdio: 'pipe' });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-cli-package-'));
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('holds only the two bundles, the schema, README, LICENSE and CHANGELOG', () => {
    const files = execFileSync('tar', ['tzf', TARBALL], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepEqual(files, ['package/CHANGELOG.md', 'package/LICENSE', 'package/README.md', 'package/cli-main.js', 'package/cli.js',
      'package/package.json', 'package/schemas/account-plan.schema.json']);
  });

  it('has a manifest of its own: the account-plans bin, the version, and no dependencies', () => {
    const pkg = JSON.parse(execFileSync('tar', ['xzfO', TARBALL, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    assert.equal(pkg.name, 'account-plans');
    assert.equal(pkg.version, PACKAGE_VERSION);
    assert.deepEqual(pkg.bin, { 'account-plans': 'cli.js' });
    for (const key of ['dependencies', 'optionalDependencies', 'peerDependencies', 'scripts', 'contributes', 'main']) {
      assert.equal(pkg[key], undefined, `no ${key}`);
    }
  });

  it('installs offline into an empty folder, and `npx account-plans check .` checks the plans there as the checkout does', () => {
    const folder = path.join(work, 'team-plans');
    fs.mkdirSync(folder);
    // A manifest of its own, so npm installs here and not into a package.json it finds further up.
    fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'team-plans', private: true }));
    const npm = (args: string[]) => spawnSync('npm', [...args, '--cache', path.join(work, 'npm-cache'), '--offline', '--no-audit', '--no-fund'],
      { cwd: folder, encoding: 'utf8', env: cleanEnv(), timeout: 120_000 });
    const installed = npm(['install', TARBALL]);
    assert.equal(installed.status, 0, installed.stderr);
    assert.ok(fs.existsSync(path.join(folder, 'node_modules', '.bin', 'account-plans')), 'npm linked the bin');

    for (const f of fs.readdirSync(PLANS).filter((n) => n.endsWith('.account.md'))) fs.copyFileSync(path.join(PLANS, f), path.join(folder, f));
    const npx = (args: string[]) => spawnSync('npx', ['--no', '--', 'account-plans', ...args],
      { cwd: folder, encoding: 'utf8', env: { ...cleanEnv(), NO_COLOR: '' }, timeout: 60_000 });
    const version = npx(['--version']);
    assert.equal(version.stdout, `${PACKAGE_VERSION}\n`, version.stderr);

    const checked = npx(['check', '.', '--today', '2026-12-01']);
    const fromCheckout = cli(['check', '.', '--today', '2026-12-01'], { cwd: folder });
    assert.match(checked.stdout, /\.account\.md/);
    assert.equal(checked.stdout, fromCheckout.stdout);
    assert.equal(checked.status, fromCheckout.status);
  });

  it('answers --version from cli.js alone, without loading the engine (cli-main.js)', () => {
    const alone = path.join(work, 'alone');
    fs.mkdirSync(alone);
    fs.copyFileSync(path.join(ROOT, 'build', 'cli-package', 'cli.js'), path.join(alone, 'cli.js'));
    const run = (args: string[]) => spawnSync(process.execPath, [path.join(alone, 'cli.js'), ...args], { encoding: 'utf8' });
    for (const flag of ['--version', '-v']) assert.equal(run([flag]).stdout, `${PACKAGE_VERSION}\n`);
    const check = run(['check', '.']);
    assert.notEqual(check.status, 0);
    assert.match(check.stderr, /Cannot find module '[^']*cli-main\.js'/, 'any other command needs the engine');
  });
});
