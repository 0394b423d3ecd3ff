import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (tests run from out/test/cli). */
export const ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
/** The built binary under test; `ACCOUNT_PLANS_CLI` points elsewhere (e.g. an installed copy). */
export const CLI = process.env.ACCOUNT_PLANS_CLI ?? path.join(ROOT, 'dist/cli.js');
export const TODAY = '2026-05-01';
export const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli.js …` as a user would, in `cwd` (default: the fixtures folder). */
export function cli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? FIXTURES,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...options.env },
    timeout: 30_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let checkedBuild = false;
/** Fails early, with the fix, when dist/cli.js is missing or older than the sources it is built from. */
export function assertBuilt(): void {
  if (checkedBuild || process.env.ACCOUNT_PLANS_CLI) return;
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
  const built = fs.statSync(CLI).mtimeMs;
  for (const dir of ['src/cli', 'src/core']) {
    for (const file of fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      const stat = fs.statSync(path.join(ROOT, dir, file));
      assert.ok(!stat.isFile() || stat.mtimeMs <= built, `dist/cli.js is older than ${dir}/${file}: run "npm run build" first`);
    }
  }
  checkedBuild = true;
}

/** A usage error: exit status 2, nothing on stdout, exactly one line on stderr, no stack trace. */
export function assertUsageError(r: CliResult, pattern: RegExp): void {
  assert.equal(r.status, 2, `exit status; stderr: ${r.stderr}`);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^account-plans: [^\n]+\n$/);
  assert.match(r.stderr, pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
}
