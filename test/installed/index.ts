// Test bootstrap (extensionTestsPath) for the extension installed from its .vsix: the same mocha
// runner as test/integration, over this folder's tests only. scripts/run-tests.mjs (suite `vsix`)
// runs it through `scripts/vscode-harness.mjs test --install build/account-plans-VERSION.vsix`.
import { runTestsIn } from '../integration/index';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
