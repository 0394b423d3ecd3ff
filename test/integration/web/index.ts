// Test bootstrap (the "extensionTestsPath") for VS Code's web worker extension host, the host of
// github.dev and vscode.dev. esbuild.js (`buildWebTests`) bundles it for the browser in front of
// every integration suite that applies in both hosts. The worker has no fs and no environment:
// mocha's report goes out through console.log, which the workbench hands to the harness's
// `codeAutomationLog`, each line prefixed with REPORT_PREFIX; the final counts are a STATUS_PREFIX
// line. The harness prints those lines and takes the exit code from `codeAutomationExit`.
import 'mocha/mocha';
import { format } from 'util';
import { retryCount, watchRetries } from '../retries';

/** The line prefixes scripts/web-tests.mjs looks for. */
const REPORT_PREFIX = '[mocha] ';
const STATUS_PREFIX = '[mocha-status] ';

/** Baked in by esbuild (`define`): a mocha --grep and the time allowed per test. */
declare const HARNESS_GREP: string;
declare const HARNESS_MOCHA_TIMEOUT: number;
/** Baked in by esbuild: HARNESS_RETRIES, or '' when unset. */
declare const HARNESS_RETRIES: string;

interface MochaBase { consoleLog: (...args: unknown[]) => void }
const Base = (globalThis as unknown as { Mocha: { reporters: { Base: MochaBase } } }).Mocha.reporters.Base;
Base.consoleLog = (...args: unknown[]) => {
  for (const line of format(...args).split('\n')) console.log(REPORT_PREFIX + line);
};

// The suites are imported after this module, so `describe`/`it` must exist now.
mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: HARNESS_MOCHA_TIMEOUT, grep: HARNESS_GREP || undefined, retries: retryCount(HARNESS_RETRIES) });

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures: number) => {
      const s = runner.stats ?? { passes: 0, pending: 0, tests: 0 };
      console.log(STATUS_PREFIX + JSON.stringify({ passes: s.passes, failures, pending: s.pending, tests: s.tests, retried }));
      if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
      else resolve();
    });
    const retried = watchRetries(runner, (line) => Base.consoleLog(line));
  });
}
