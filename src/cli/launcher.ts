/**
 * The `account-plans` binary (dist/cli.js). `--version` is answered here, before the engine
 * (dist/cli-main.js, built from main.ts: about 1 MB of JavaScript to parse) is loaded, so it costs
 * little more than starting Node. Every other command line goes to the engine unchanged.
 */
import { PACKAGE_INFO } from './version';

const first = process.argv[2];
if (first === '-v' || first === '--version') {
  process.stdout.write(`${PACKAGE_INFO.version}\n`);
} else {
  // Left out of this bundle by esbuild.js (external): the engine is the file next to this one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./cli-main.js');
}
