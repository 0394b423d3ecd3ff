/**
 * The `account-plans` binary (dist/cli.js). `--version` is answered here, before the engine
 * (dist/cli-main.js, built from main.ts: about 1 MB of JavaScript to parse) is loaded, so it costs
 * little more than starting Node. Every other command line goes to the engine unchanged; the
 * engine is compiled from V8's code cache when there is one (code-cache.ts).
 */
import { PACKAGE_INFO } from './version';

const first = process.argv[2];
if (first === '-v' || first === '--version') {
  process.stdout.write(`${PACKAGE_INFO.version}\n`);
} else {
  // The engine is the file next to this one (left out of this bundle by esbuild.js), loaded with
  // V8's code cache. The check workers start here too, so they share the cache.
  // Required here, not imported, so that `--version` does not load what the engine needs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./code-cache') as typeof import('./code-cache')).requireWithCodeCache(`${__dirname}/cli-main.js`);
}
