import * as fc from 'fast-check';
import { WorkerPool } from '../../src/cli/worker';
import { basePlans, hostilePlan } from './engine-inputs';
import { assertEngineProperties } from './engine-properties';

/**
 * `npm run fuzz [-- --runs N --seed S]`: the engine's properties (engine-properties.ts) on N
 * hostile plans (default 100,000), every one also checked on a worker thread. Prints the count and
 * the seed; a failure prints the shrunk counterexample and the seed and path that replay it.
 */
function main(): number {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const runs = Number(arg('runs') ?? process.env.FUZZ_RUNS ?? 100_000);
  const seed = Number(arg('seed') ?? process.env.FUZZ_SEED ?? (Date.now() % 2 ** 31));
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    process.stderr.write('usage: npm run fuzz -- [--runs N] [--seed S]\n');
    return 2;
  }
  process.stdout.write(`engine fuzz: ${runs} cases, seed ${seed}\n`);
  const pool = new WorkerPool(1);
  const started = Date.now();
  let cases = 0;
  /** The first text that failed, before shrinking. */
  let firstFailure: string | undefined;
  try {
    const result = fc.check(fc.property(hostilePlan(basePlans()), (text) => {
      cases++;
      if (cases % 10_000 === 0) process.stdout.write(`  ${cases} cases, ${Math.round((Date.now() - started) / 1000)} s\n`);
      try {
        assertEngineProperties(text, pool);
      } catch (e) {
        firstFailure ??= text;
        throw e;
      }
    }), { numRuns: runs, seed });
    if (result.failed) {
      process.stdout.write(`${fc.defaultReportMessage(result)}\n`);
      process.stdout.write(`${String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance).slice(0, 3000)}\n`);
      process.stdout.write(`counterexample as JSON: ${escaped(result.counterexample?.[0])}\n`);
      process.stdout.write(`first failing text, before shrinking: ${escaped(firstFailure)}\n`);
      process.stdout.write(`engine fuzz: FAILED after ${result.numRuns} cases (seed ${seed}, path ${result.counterexamplePath})\n`);
      return 1;
    }
    process.stdout.write(`engine fuzz: ${result.numRuns} cases passed, seed ${seed}, ${Math.round((Date.now() - started) / 1000)} s\n`);
    return 0;
  } finally {
    pool.close();
  }
}

process.exitCode = main();

/** JSON with every character outside printable ASCII escaped, so an invisible one shows. */
function escaped(text: unknown): string {
  return JSON.stringify(text)?.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) ?? 'undefined';
}
