/** scripts/run-tests.mjs: one suite alone (npm run test:<suite>), or all of them (npm test). */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const runTests = (...suites: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'run-tests.mjs'), ...suites], { cwd: ROOT, encoding: 'utf8' });

describe('scripts/run-tests.mjs', function () {
  this.timeout(60_000);

  it('runs only the suite it is given, and still ends with the totals', () => {
    const r = runTests('grammar');
    assert.strictEqual(r.status, 0, r.stderr);
    const sections = [...r.stdout.matchAll(/^=== (\w+) ===$/gm)].map((m) => m[1]);
    assert.deepStrictEqual(sections, ['grammar', 'summary']);
    const lines = r.stdout.trimEnd().split('\n');
    const suite = /^grammar: (\d+) passed, 0 failed$/.exec(lines[lines.length - 2]);
    assert.ok(suite && Number(suite[1]) > 0, lines.slice(-2).join('\n'));
    assert.strictEqual(lines[lines.length - 1], `${suite[1]} passed, 0 failed`);
  });

  it('refuses a suite it does not know, before running anything', () => {
    const r = runTests('grammar', 'units');
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /unknown suite units; use any of unit, cli, webview, grammar, integration, integration-web, untrusted, vsix/);
    assert.strictEqual(r.stdout, '');
  });
});
