import * as assert from 'assert';
import { CATALOGUES } from '../../src/core';
import { compareLabels } from '../../src/extension/features/compare/compare-words';

describe('the Compare page\'s words', () => {
  it('come from the catalogue, every compare.page key, in each language', () => {
    const en = compareLabels('en');
    const zh = compareLabels('zh-cn');
    const keys = Object.keys(CATALOGUES.en).filter((k) => k.startsWith('compare.page.')).sort();
    assert.deepStrictEqual(Object.keys(en).sort(), keys);
    assert.deepStrictEqual(Object.keys(zh).sort(), keys);
    assert.strictEqual(en['compare.page.deals'], 'Opportunities');
    assert.strictEqual(zh['compare.page.deals'], '商机');
    assert.strictEqual(zh['compare.page.revisions'], '{before} → {after}', 'templates keep their placeholders for the page to fill');
  });
});
