import * as fc from 'fast-check';
import { WorkerPool } from '../../src/cli/worker';
import { arbitraryText, basePlans, mutatedPlan } from '../fuzz/engine-inputs';
import { assertEngineProperties } from '../fuzz/engine-properties';

/** A few hundred of `npm run fuzz`'s cases, with a fixed seed, on every test run. */
describe('engine fuzz (fixed seed): no throw, one answer per text, ranges inside the document', function () {
  this.timeout(120_000);
  let pool: WorkerPool;
  before(() => { pool = new WorkerPool(1); });
  after(() => pool.close());

  it('on 200 mutated valid plans (main thread, worker thread, fast path and reference agree)', () => {
    fc.assert(fc.property(mutatedPlan(basePlans()), (text) => assertEngineProperties(text, pool)), { numRuns: 200, seed: 13 });
  });

  it('on 200 arbitrary texts', () => {
    fc.assert(fc.property(arbitraryText, (text) => assertEngineProperties(text, pool)), { numRuns: 200, seed: 13 });
  });
});
