// A test of the real editor that fails is run once more before it counts as failed: these tests
// wait on VS Code's file watcher, its extension host and its timers, which a loaded CI machine can
// delay past a test's own waits. A second try is never silent: every retried test is printed
// with the error of its first try, counted in the final status and in `npm test`'s summary, so a
// flaky test shows up and gets mended rather than hidden.

/** How often a failed test is run again; `HARNESS_RETRIES` overrides (0 turns it off). */
export function retryCount(fromEnv: string | undefined): number {
  const n = Number(fromEnv);
  return fromEnv !== undefined && fromEnv !== '' && Number.isInteger(n) && n >= 0 ? n : 1;
}

interface RetryEvents {
  on(event: 'retry', listener: (test: { fullTitle(): string }, err: unknown) => void): unknown;
}

/** Records each retried test on `runner`, and prints it through `print` as it happens. */
export function watchRetries(runner: RetryEvents, print: (line: string) => void): string[] {
  const retried: string[] = [];
  runner.on('retry', (test, err) => {
    const first = String(err instanceof Error ? err.message : err).split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3).join(' ');
    const line = `${test.fullTitle()} — first try: ${first}`;
    retried.push(line);
    print(`  ↻ retried: ${line}`);
  });
  return retried;
}
