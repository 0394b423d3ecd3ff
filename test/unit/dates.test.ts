import * as assert from 'assert';
import { isIsoDate } from '../../src/core';

describe('isIsoDate (the engine\'s and the CLI\'s --today check)', () => {
  it('takes real calendar days written YYYY-MM-DD', () => {
    for (const d of ['2026-11-24', '2024-02-29', '2000-02-29', '0099-12-31', '0096-02-29']) assert.ok(isIsoDate(d), d);
  });
  it('refuses days that do not exist and other spellings', () => {
    for (const d of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '0099-02-29', '2026-1-5', '20261124', 'tomorrow', ' 2026-11-24']) {
      assert.ok(!isIsoDate(d), d);
    }
  });
});
