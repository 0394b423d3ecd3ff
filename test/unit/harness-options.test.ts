/** scripts/harness-options.mjs: the harness's command line (relative paths, --viewport, the demo mode). */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const MODULE = path.join(ROOT, 'scripts', 'harness-options.mjs');

/** harnessOptions(argv, env, cwd, ROOT) in a child Node (the module is ESM), or its usage error. */
function options(argv: string[], env: Record<string, string>, cwd: string): Record<string, unknown> {
  const code = `import { harnessOptions } from ${JSON.stringify(MODULE)};
    try { console.log(JSON.stringify(harnessOptions(${JSON.stringify(argv)}, ${JSON.stringify(env)}, ${JSON.stringify(cwd)}, ${JSON.stringify(ROOT)}))); }
    catch (e) { console.log(JSON.stringify({ error: e.message })); }`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('scripts/harness-options.mjs (the VS Code harness\'s command line)', function () {
  this.timeout(60_000); // each case starts a Node process
  const here = '/home/someone/plans';

  it('takes a relative --workspace from the folder the command was typed in, not the repository', () => {
    assert.strictEqual(options(['serve', '--workspace', 'team'], {}, here).workspace, '/home/someone/plans/team');
    assert.strictEqual(options(['serve', '--workspace', '../other'], {}, here).workspace, '/home/someone/other');
    assert.strictEqual(options(['serve', '--workspace', '/abs/dir'], {}, here).workspace, '/abs/dir');
  });

  it('under npm run, takes it from the folder npm was called from (INIT_CWD)', () => {
    const npm = { npm_lifecycle_event: 'demo', INIT_CWD: here };
    assert.strictEqual(options(['demo', '--workspace', 'team'], npm, ROOT).workspace, '/home/someone/plans/team');
    assert.strictEqual(options(['screenshot', 'shot.png'], npm, ROOT).screenshotOut, '/home/someone/plans/shot.png');
  });

  it('keeps the defaults in the repository; demo is serve on examples/', () => {
    const test = options(['test'], {}, here);
    assert.strictEqual(test.workspace, path.join(ROOT, 'test/fixtures/workspace'));
    assert.strictEqual(test.extensionDir, ROOT);
    const demo = options(['demo'], { npm_lifecycle_event: 'demo', INIT_CWD: here }, ROOT);
    assert.strictEqual(demo.mode, 'serve');
    assert.strictEqual(demo.workspace, path.join(ROOT, 'examples'));
    assert.strictEqual(demo.timeoutS, 0);
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.strictEqual(scripts.demo, 'node scripts/vscode-harness.mjs demo');
  });

  it('sets the screenshot viewport with --viewport WxH (default 1280x800), and refuses a bad one', () => {
    assert.deepStrictEqual(options(['screenshot', 'a.png'], {}, here).viewport, { width: 1280, height: 800 });
    assert.deepStrictEqual(options(['screenshot', 'a.png', '--viewport', '1920x1080'], {}, here).viewport, { width: 1920, height: 1080 });
    assert.deepStrictEqual(options(['test'], { HARNESS_VIEWPORT: '1024x768' }, here).viewport, { width: 1024, height: 768 });
    for (const bad of ['1920', '1920x', '10x10', '1920*1080', '99999x1080']) {
      assert.match(String(options(['screenshot', 'a.png', '--viewport', bad], {}, here).error), /--viewport takes WIDTHxHEIGHT/, bad);
    }
  });

  it('takes the problems a screenshot waits for (--problems N) and how long the window lingers (--linger S)', () => {
    const plain = options(['screenshot', 'a.png'], {}, here);
    assert.strictEqual(plain.problems, undefined);
    assert.strictEqual(plain.lingerS, 0);
    const asked = options(['screenshot', 'a.png', '--problems', '2552', '--linger', '4'], {}, here);
    assert.strictEqual(asked.problems, 2552);
    assert.strictEqual(asked.lingerS, 4);
    assert.strictEqual(options(['screenshot', 'a.png', '--problems', '0'], {}, here).problems, 0);
    for (const bad of ['-1', '2.5', 'many']) {
      assert.match(String(options(['screenshot', 'a.png', '--problems', bad], {}, here).error), /--problems and --linger want a whole number/, bad);
    }
  });

  it('refuses an unknown mode and a flag without its value', () => {
    assert.match(String(options(['run'], {}, here).error), /^usage: vscode-harness\.mjs test \| screenshot OUT\.png \| serve \| demo/);
    assert.match(String(options(['test', '--workspace'], {}, here).error), /missing value for --workspace/);
  });
});

describe('scripts/setup.sh', () => {
  it('sets npm\'s retired unsafe-perm only for code-server\'s rebuild, so npm and npx elsewhere do not warn about it', () => {
    const setup = fs.readFileSync(path.join(ROOT, 'scripts', 'setup.sh'), 'utf8');
    const lines = setup.split('\n').filter((l) => /unsafe_perm/.test(l) && !l.trimStart().startsWith('#'));
    assert.deepStrictEqual(lines.map((l) => /^TMPDIR="\$build_tmp" npm_config_unsafe_perm=true npm rebuild code-server /.test(l)), [true]);
    assert.ok(!fs.existsSync(path.join(ROOT, '.npmrc')) || !/unsafe-perm/.test(fs.readFileSync(path.join(ROOT, '.npmrc'), 'utf8')));
  });
});
