// The `--web` side of scripts/vscode-harness.mjs: runs the integration suites that apply in both
// extension hosts in VS Code's web worker extension host (the host of github.dev and vscode.dev).
//  - buildWebTests: bundles test/integration/web/index.ts, every suite of test/integration not
//    marked `// node-host-only: <why>` and the web host's own suites (test/integration/web/*.test.ts)
//    for the browser (esbuild.js's `web` options), into out/web-test/.
//  - webSettings: the user setting that moves an extension with `main` and `browser` into the worker.
//  - WebReport: the worker has no fs, so mocha's report comes through the workbench log
//    (`codeAutomationLog`), as lines the bootstrap prefixes with "[mocha] " and "[mocha-status] ".
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const REPORT_PREFIX = '[mocha] ';
const STATUS_PREFIX = '[mocha-status] ';
const NODE_ONLY = /^\/\/ node-host-only: /m;

/** The integration suites that run in the web worker host (paths under test/integration, sorted): those of both hosts, then web/'s own. */
export function webSuites(root) {
  const dir = path.join(root, 'test', 'integration');
  const suites = (sub) => fs.readdirSync(path.join(dir, sub)).filter((f) => f.endsWith('.test.ts')).sort().map((f) => path.posix.join(sub, f));
  return [...suites('.').filter((f) => !NODE_ONLY.test(fs.readFileSync(path.join(dir, f), 'utf8'))), ...suites('web')];
}

/** Bundles the web test bootstrap and suites; returns the extensionTestsPath (no .js). */
export async function buildWebTests(root, { grep = '', timeoutMs = 20000 } = {}) {
  const require = createRequire(path.join(root, 'package.json'));
  const esbuild = require('esbuild');
  const { web } = require(path.join(root, 'esbuild.js'));
  const suites = webSuites(root);
  const outfile = path.join(root, 'out', 'web-test', 'index.js');
  await esbuild.build({
    ...web,
    sourcemap: 'inline',
    minify: false,
    stdin: {
      // The bootstrap first: it sets up mocha's `describe`/`it` before the suites load.
      contents: [`export { run } from './web/index';`, ...suites.map((f) => `import './${f.replace(/\.ts$/, '')}';`)].join('\n'),
      resolveDir: path.join(root, 'test', 'integration'),
      sourcefile: 'web-tests.ts',
      loader: 'ts',
    },
    outfile,
    define: { HARNESS_GREP: JSON.stringify(grep), HARNESS_MOCHA_TIMEOUT: String(timeoutMs), HARNESS_RETRIES: JSON.stringify(process.env.HARNESS_RETRIES ?? '') },
    // The npm `assert` and `util` (the suites' `assert` in the browser) read a few fields of `process`.
    inject: [path.join(root, 'test', 'integration', 'web', 'process-shim.ts')],
  });
  return { testsPath: outfile.replace(/\.js$/, ''), suites };
}

/** The setting that runs the extension (which has both `main` and `browser`) in the web worker host. */
export function webSettings(extensionDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  if (!pkg.browser) throw new Error(`${extensionDir}/package.json has no "browser" entry`);
  return { 'remote.extensionKind': { [`${pkg.publisher}.${pkg.name}`]: ['web'] } };
}

/** Collects the bootstrap's lines from the workbench log: prints the report, keeps the final counts. */
export class WebReport {
  status;
  constructor(print) { this.print = print; }

  /** One `codeAutomationLog` message (it may hold several lines). */
  take(text) {
    for (const line of String(text).split('\n')) {
      const at = line.indexOf(REPORT_PREFIX);
      const st = line.indexOf(STATUS_PREFIX);
      if (st >= 0) this.status = JSON.parse(line.slice(st + STATUS_PREFIX.length));
      else if (at >= 0) this.print(line.slice(at + REPORT_PREFIX.length) + '\n');
    }
  }
}
