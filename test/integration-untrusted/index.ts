// The bootstrap of the Restricted Mode suite: scripts/vscode-harness.mjs with HARNESS_TRUST=untrusted
// opens test/fixtures/untrusted-workspace with workspace trust on and the folder not trusted.
import { runTestsIn } from '../integration/index';

export const run = (): Promise<void> => runTestsIn(__dirname);
