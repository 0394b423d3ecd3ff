import * as assert from 'node:assert/strict';
import { checkPlan, csvCell, DEFAULT_FUNNEL_BENCHMARK, forecastCsv, forecastPanel, neutraliseFormula } from '../../src/core';
import { toCsv } from '../../src/cli/export/write-table';
import { formulaCells, parseCsv } from '../security/csv';
import { hostilePlan, PAYLOADS } from '../security/payloads';

const FORMULA_START = /^[=+\-@\t\r]/;

describe('CSV: the injection corpus never reaches a spreadsheet as a formula', () => {
  it(`neutraliseFormula: each of the ${PAYLOADS.length} payloads, and each with a formula sign in front, is text`, () => {
    for (const p of PAYLOADS) {
      for (const text of [p.text, ...['=', '+', '-', '@', '\t', '\r'].map((lead) => lead + p.text)]) {
        const safe = neutraliseFormula(text);
        assert.ok(!FORMULA_START.test(safe), `${p.name}: ${JSON.stringify(safe)}`);
        assert.equal(safe, FORMULA_START.test(text) ? `'${text}` : text, 'nothing else changes');
        assert.deepEqual(parseCsv(`${csvCell(text)}\r\n`), [[safe]], 'one cell, read back as written');
      }
    }
  });

  it('the Forecast panel\'s CSV: a hostile plan per payload, every cell safe, every account and deal there', () => {
    const entries = PAYLOADS.map((p) => ({
      uri: `file:///w/${p.name}.account.md`, analysis: checkPlan(hostilePlan(p.text), { fileName: `${p.name}.account.md`, today: '2026-11-24' }),
    }));
    const model = forecastPanel(entries, {}, { benchmark: DEFAULT_FUNNEL_BENCHMARK, defaultCurrency: 'CNY' });
    const csv = forecastCsv(model.rows);
    assert.deepEqual(formulaCells(csv), []);
    const cells = new Set(parseCsv(csv).flat());
    for (const p of PAYLOADS) assert.ok(cells.has(neutraliseFormula(p.text)), `${p.name} is in the CSV`);
  });

  it('export\'s CSV writer: a text cell, a list and a message with a payload first are all neutralised', () => {
    const rows = PAYLOADS.map((p) => ({ a: p.text, b: [p.text, 'x'], c: 5, d: -5 }));
    const csv = toCsv(['a', 'b', 'c', 'd'], rows);
    assert.deepEqual(formulaCells(csv), []);
    assert.deepEqual(parseCsv(csv).slice(1).map((r) => r[0]), PAYLOADS.map((p) => neutraliseFormula(p.text)));
    assert.equal(parseCsv(csv)[1][3], '-5', 'a number stays a number');
  });
});
