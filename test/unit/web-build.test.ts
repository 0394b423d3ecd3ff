/**
 * The browser build of the extension (esbuild.js's `web` options), for VS Code's web worker
 * extension host on github.dev and vscode.dev: nothing of Node in it, and each `x.web.ts` in the
 * place of its `x.ts`. Built in memory here, with the options `npm run build` uses.
 */
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { web } = require(path.join(ROOT, 'esbuild.js')) as { web: esbuild.BuildOptions };
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; browser: string };

describe('the browser build of the extension', function () {
  this.timeout(60000);
  let meta: esbuild.Metafile;
  before(async () => {
    const result = await esbuild.build({
      ...web, entryPoints: [path.join(ROOT, 'src', 'extension', 'extension.ts')], outfile: path.join(ROOT, 'out', 'web-build-check.js'),
      write: false, metafile: true, sourcemap: false, logLevel: 'silent', absWorkingDir: ROOT,
    });
    meta = result.metafile;
  });
  const inputs = () => Object.keys(meta.inputs);

  it('is the manifest\'s `browser` entry, beside the Node `main`', () => {
    assert.strictEqual(manifest.browser, './dist/web/extension.js');
    assert.strictEqual(manifest.main, './dist/extension.js');
  });

  it('imports nothing but vscode', () => {
    const external = Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    assert.deepStrictEqual([...new Set(external)], ['vscode']);
  });

  it('takes every .web.ts in the place of its Node twin', () => {
    const twins = inputs().filter((f) => f.endsWith('.web.ts'));
    for (const f of ['src/extension/extension-host.web.ts', 'src/extension/index/plan-files.web.ts']) assert.ok(twins.includes(f), f);
    for (const t of twins) assert.ok(!inputs().includes(t.replace(/\.web\.ts$/, '.ts')), `${t.replace(/\.web\.ts$/, '.ts')} is left out`);
  });
});
