import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { escapePlanText, ZWJ } from '../../src/core';
import { assertInert, HOSTILE, renderedText } from './inert-markdown';

const md = new MarkdownIt({ html: true, linkify: true });

describe('escapePlanText: plan text is plain text in Markdown and HTML', () => {
  it('the checker itself catches a live link, image, tag and every GitHub autolink', () => {
    for (const live of ['[a](https://x.example)', '![i](x.png)', '<b>x</b>', 'see www.x.example', 'hi @octocat', 'fixes #12', 'GH-3',
      'octo/repo#7', 'commit deadbeef12', 'https://x.example']) {
      assert.throws(() => assertInert(live), /AssertionError|neutralised|no /, live);
    }
  });

  for (const text of HOSTILE) {
    it(`is inert inline, in bold, in a heading, a table cell and a <summary>: ${JSON.stringify(text).slice(0, 40)}`, () => {
      const e = escapePlanText(text);
      assertInert(`${e}\n`);
      assertInert(`- **${e}**: ${e}\n`);
      assertInert(`### ${e}\n`);
      const table = md.render(`| a | b |\n| --- | --- |\n| ${e} | x |\n`);
      assert.equal((table.match(/<td>/g) ?? []).length, 2, 'a pipe or newline in plan text never adds a cell or a row');
      assertInert(`| a | b |\n| --- | --- |\n| ${e} | x |\n`);
      assertInert(`<details><summary><strong>${e}</strong></summary>\n\n- ${e}\n\n</details>\n`);
    });
  }

  it('the reader still sees the words as written, but for the line breaks and the invisible joiners', () => {
    for (const text of HOSTILE) {
      const shown = renderedText(md.renderInline(escapePlanText(text))).split(ZWJ).join('');
      assert.equal(shown, text.replace(/\n/g, ' '));
    }
    assert.equal(escapePlanText('中国恒通银行 · 核心系统'), '中国恒通银行 · 核心系统', 'CJK and ordinary text are left alone');
    assert.equal(escapePlanText('stage C (5 → 6), 2026-12-15'), 'stage C (5 → 6), 2026-12-15');
  });

  it('breaks each autolink with one zero-width joiner, and escapes markup as character references', () => {
    assert.equal(escapePlanText('@a'), `${ZWJ}@${ZWJ}a`, 'no mention after it, no e-mail address before it');
    assert.equal(escapePlanText('#1'), `&#35;${ZWJ}1`);
    assert.equal(escapePlanText('GH-1'), `GH${ZWJ}-1`);
    assert.equal(escapePlanText('www.x'), `www${ZWJ}.x`);
    assert.equal(escapePlanText('a://b'), `a:${ZWJ}//b`);
    assert.equal(escapePlanText('<b>'), '&#60;b&#62;');
    assert.equal(escapePlanText('a|b'), 'a&#124;b');
    assert.equal(escapePlanText('a\r\nb\nc'), 'a b c');
    assert.equal(escapePlanText('- item'), '&#45; item', 'a leading list marker');
  });

  it('breaks a commit-like hex run after an underscore too (ids are written with `_` for spaces)', () => {
    assert.equal(escapePlanText('_deadbeefcafe'), `&#95;dead${ZWJ}beef${ZWJ}cafe${ZWJ}`);
    assert.equal(escapePlanText('deadbeefcafe1234x'), 'deadbeefcafe1234x', 'inside a longer word it is no commit id');
  });

  it('shows a bidirectional override, embedding or isolate as its code point, so it cannot reorder the words after it', () => {
    assert.equal(escapePlanText('Invoice \u202Egpj.exe'), 'Invoice ‹U+202E›gpj.exe');
    assert.equal(escapePlanText('\u2067admin\u2069 \u2066x \u202Ay\u202C'), '‹U+2067›admin‹U+2069› ‹U+2066›x ‹U+202A›y‹U+202C›');
    assert.equal(escapePlanText('שלום עולם \u200F'), 'שלום עולם \u200F', 'right-to-left words and marks stay as written');
  });
});
