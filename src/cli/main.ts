import { PACKAGE_INFO } from './version';
import { run } from './run';
import { isCheckWorker } from './worker';

/** The `account-plans` binary: `run` with the real process, and one line instead of a stack trace. */
function main(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // `account-plans check | head`: the reader went away; that is not a failure of ours.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    process.exitCode = run(process.argv.slice(2), {
      cwd: process.cwd(),
      env: process.env,
      stdoutIsTTY: process.stdout.isTTY === true,
      version: PACKAGE_INFO.version,
      homepage: PACKAGE_INFO.homepage,
      out: (text) => void process.stdout.write(text),
      err: (text) => void process.stderr.write(text),
    });
  } catch (e) {
    const err = e as Error;
    process.stderr.write(`account-plans: ${err?.message ?? String(e)}\n`);
    if (process.env.ACCOUNT_PLANS_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
    process.exitCode = 2;
  }
}

// dist/cli.js is also the code of the check workers, which must not run the command line.
if (!isCheckWorker()) main();
