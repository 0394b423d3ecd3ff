import * as assert from 'node:assert/strict';
import { escapeMarkdown } from '../../src/core';

describe('escapeMarkdown (plan text inside a reviewer\'s Markdown)', () => {
  it('leaves plain words and Chinese alone', () => {
    assert.equal(escapeMarkdown('Li Wei 李伟 agreed'), 'Li Wei 李伟 agreed');
  });
  it('turns HTML into text and breaks links, images, emphasis and table cells', () => {
    assert.equal(escapeMarkdown('<script>&'), '&lt;script&gt;&amp;');
    assert.equal(escapeMarkdown('![i](u) [a](b) *x* _y_ a|b `c`'), '\\!\\[i\\]\\(u\\) \\[a\\]\\(b\\) \\*x\\* \\_y\\_ a\\|b \\`c\\`');
  });
  it('breaks mentions, issue references and bare addresses with a zero-width space', () => {
    assert.equal(escapeMarkdown('@bob #12'), '@\u200Bbob \\#\u200B12');
    assert.equal(escapeMarkdown('https://x.io www.y.io'), 'https\\:\u200B//x\\.io www\u200B\\.y\\.io');
  });
  it('keeps a line break from starting a new block', () => {
    assert.equal(escapeMarkdown('a\n# b\r\n- c'), 'a \\# b \\- c');
  });
});
