import * as assert from 'node:assert/strict';
import { csvCell, neutraliseFormula } from '../../src/core/index';

describe('neutraliseFormula: the one spreadsheet-safety rule', () => {
  it('prefixes a quote to text a spreadsheet would run as a formula', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) assert.equal(neutraliseFormula(`${lead}1+1`), `'${lead}1+1`);
    assert.equal(neutraliseFormula('=HYPERLINK("http://x","y")'), '\'=HYPERLINK("http://x","y")');
  });

  it('leaves other text alone, including text with a formula sign further in', () => {
    for (const s of ['plain', '中国电信', 'a=b', ' =x', '', "'already"]) assert.equal(neutraliseFormula(s), s);
  });

  it('is the rule csvCell applies before quoting', () => {
    assert.equal(csvCell('-2,5'), `"'-2,5"`);
    assert.equal(csvCell(-5), '-5');
  });
});
