import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { neutraliseFormula } from '../../src/core';
import { formulaCells, parseCsv } from '../security/csv';
import { hostilePlan, PAYLOADS } from '../security/payloads';
import { assertBuilt, cli } from './helpers';

describe('account-plans export: a hostile plan per payload, no cell a spreadsheet would run', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    assertBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-export-injection-'));
    for (const p of PAYLOADS) fs.writeFileSync(path.join(dir, `${p.name}.account.md`), hostilePlan(p.text));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const table of ['opportunities', 'stakeholders', 'visits', 'findings']) {
    it(`--what ${table}: every text cell neutralised, every payload there as written`, () => {
      const r = cli(['export', '.', '--what', table, '--format', 'csv', '--today', '2026-11-24'], { cwd: dir });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(formulaCells(r.stdout), []);
      const cells = parseCsv(r.stdout).flat();
      for (const p of PAYLOADS) {
        // findings quote the ghost id (the payload, whitespace as _); the other tables hold the payload itself.
        const wanted = neutraliseFormula(p.text);
        assert.ok(table === 'findings' ? cells.some((c) => c.includes(p.text.replace(/\s/g, '_'))) : cells.includes(wanted), `${p.name} in ${table}`);
      }
    });
  }
});
