import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { escapeData, escapeProperty } from '../../src/cli/format/github';
import type { Host } from '../../src/cli/host';
import { run } from '../../src/cli/run';
import { FIXTURES, TODAY } from './helpers';

/** `run` in-process, for what a spawned CLI cannot show: a terminal on stdout. */
function runIn(argv: string[], options: { tty?: boolean; env?: Record<string, string>; cwd?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const host: Host = {
    cwd: options.cwd ?? FIXTURES,
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    version: '9.9.9',
    out: (t) => { stdout += t; },
    err: (t) => { stderr += t; },
  };
  const status = run(argv, host);
  return { status, stdout, stderr };
}

describe('run (in-process)', () => {
  const args = ['check', 'plans/broken.account.md', '--today', TODAY];

  it('colours text output on a terminal', () => {
    const r = runIn(args, { tty: true });
    assert.equal(r.status, 1);
    assert.ok(r.stdout.includes('\x1b[31merror  \x1b[39m'), JSON.stringify(r.stdout.slice(0, 200)));
    assert.ok(r.stdout.includes('\x1b[4mplans/broken.account.md\x1b[24m'));
  });

  it('does not colour when NO_COLOR is set, or for machine formats', () => {
    assert.ok(!runIn(args, { tty: true, env: { NO_COLOR: '1' } }).stdout.includes('\x1b['));
    assert.ok(!runIn([...args, '-f', 'json'], { tty: true }).stdout.includes('\x1b['));
    assert.ok(!runIn([...args, '-f', 'github'], { tty: true }).stdout.includes('\x1b['));
  });

  it('gives the version it was built with', () => {
    assert.equal(runIn(['--version']).stdout, '9.9.9\n');
  });

  it('escapes workflow command data and properties as @actions/core does', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
  });

  it('escapes a file name with a comma and a colon in a GitHub annotation', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'account-plans-gh-'));
    try {
      fs.copyFileSync(path.join(FIXTURES, 'plans/broken.account.md'), path.join(dir, 'a,b:c.account.md'));
      const r = runIn(['check', '--today', TODAY, '-f', 'github'], { cwd: dir });
      assert.ok(r.stdout.startsWith('::error file=a%2Cb%3Ac.account.md,line=3,col=7,endLine=3,endColumn=11,title=AP002::'), r.stdout);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
