import * as assert from 'assert';
import fc from 'fast-check';
import { checkEdit } from '../support/edit-checks';
import { editCasesFor } from '../support/edit-cases';
import { planArbitrary, runsFromEnv, seedFromEnv } from '../support/plan-generator';

/** Cases `npm test` runs; FUZZ_RUNS=100000 (and FUZZ_SEED to replay) scale it up. */
export const EDIT_PROPERTY_RUNS = 300;
const NEW_IDS = ['zed', 'a,b', 'x#y', 'k:', '[x]', 'true', '007', '陈'];

describe('edits keep every byte outside their target (property test on generated plans)', function () {
  this.timeout(600_000);

  it(`every command, rename and quick fix, on ${runsFromEnv(EDIT_PROPERTY_RUNS)} generated plans`, () => {
    let edits = 0;
    fc.assert(fc.property(planArbitrary(), fc.constantFrom(...NEW_IDS), ({ text }, newId) => {
      for (const c of editCasesFor(text, newId)) {
        checkEdit(text, c);
        edits++;
      }
    }), { numRuns: runsFromEnv(EDIT_PROPERTY_RUNS), seed: seedFromEnv(13) });
    assert.ok(edits > runsFromEnv(EDIT_PROPERTY_RUNS) * 3, `edits were tried: ${edits}`);
  });
});
