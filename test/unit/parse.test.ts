import * as assert from 'assert';
import { checkPlan, splitFrontmatter } from '../../src/core';
import { TODAY, check, codes, only, where } from './helpers';

const run = (text: string) => checkPlan(text, { fileName: 'x.account.md', today: TODAY });

describe('frontmatter and YAML (AP001)', () => {
  it('splits frontmatter with LF, CRLF and a BOM-free text', () => {
    assert.deepStrictEqual(splitFrontmatter('---\na: 1\n---\nbody'), { kind: 'ok', yamlStart: 4, yamlEnd: 9, bodyStart: 13 });
    assert.deepStrictEqual(splitFrontmatter('---\r\na: 1\r\n---\r\nbody'), { kind: 'ok', yamlStart: 5, yamlEnd: 11, bodyStart: 16 });
    assert.strictEqual(splitFrontmatter('# title\n---\n').kind, 'none');
    assert.strictEqual(splitFrontmatter('---\na: 1\n...\n').kind, 'unterminated');
  });

  it('no frontmatter: AP001 on the first line', () => {
    const a = run('# Just notes\n');
    assert.deepStrictEqual(codes(a), ['AP001']);
    assert.deepStrictEqual(where(a.findings[0]), [1, 1, 1, 13]);
    assert.strictEqual(a.plan, undefined);
  });

  it('unterminated frontmatter: AP001 on the opening line', () => {
    const a = run('---\naccount: X\n');
    assert.deepStrictEqual(codes(a), ['AP001']);
    assert.match(a.findings[0].message, /not closed/);
    assert.deepStrictEqual(where(a.findings[0]), [1, 1, 1, 4]);
  });

  it('a YAML syntax error points at the error, and no other rule runs', () => {
    const a = run('---\naccount: X\nstakeholders: [a, b\nvisits: 3\n---\n');
    assert.ok(a.findings.length >= 1);
    assert.ok(a.findings.every((f) => f.code === 'AP001'));
    assert.strictEqual(a.findings[0].range.start.line >= 2, true);
  });

  it('an unclosed [ or { is AP001 where it opens, not on the closing --- where yaml gave up', () => {
    const unclosedSeq = run('---\naccount: X\nvisits:\n  - date: 2026-01-01\n    with: [unclosed\n---\nbody\n');
    assert.deepStrictEqual(codes(unclosedSeq), ['AP001']);
    assert.deepStrictEqual(where(unclosedSeq.findings[0]), [5, 11, 5, 12]);
    assert.match(unclosedSeq.findings[0].message, /end with a \]/);
    const unclosedMap = run('---\r\naccount: X\r\nextra: {a: 1\r\n  b: 2\r\n---\r\n');
    assert.deepStrictEqual(unclosedMap.findings.filter((f) => /end with a \}/.test(f.message)).map(where), [[3, 8, 3, 9]]);
    const atRoot = run('---\n[a, b\n---\n');
    assert.deepStrictEqual(atRoot.findings.filter((f) => /end with a \]/.test(f.message)).map(where), [[2, 1, 2, 2]]);
    // Nested: each unclosed opening gets its own finding.
    const nested = run('---\naccount: X\nx: [a, {b: 1]\n---\n');
    assert.deepStrictEqual(nested.findings.map(where), [[3, 4, 3, 5], [3, 8, 3, 9]]);
  });

  it('a duplicate mapping key is AP001 at the repeated key', () => {
    const a = run('---\naccount: X\ntier: A\ntier: B\n---\n');
    assert.deepStrictEqual(codes(a), ['AP001']);
    assert.deepStrictEqual(where(a.findings[0]).slice(0, 2), [4, 1]);
  });

  it('YAML 1.2 core schema: yes is text, 0202 is a number that must be quoted', () => {
    const a = check('account: yes\nid: 0202\n');
    assert.deepStrictEqual(codes(a), ['AP002']);
    assert.match(a.findings[0].message, /quote it \("0202"\)/);
    assert.deepStrictEqual(where(a.findings[0]), [3, 5, 3, 9]);
  });

  it('binary content is AP001 at the NUL byte', () => {
    const a = run('---\naccount: X\n---\nab\0cd');
    assert.deepStrictEqual(codes(a), ['AP001']);
    assert.deepStrictEqual(where(a.findings[0]), [4, 3, 4, 4]);
  });

  it('an alias bomb is AP001, quickly, without expanding', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${'a'.repeat(i + 1)}: &${'a'.repeat(i + 1)} [${Array(9).fill('*' + 'a'.repeat(i)).join(',')}]`);
    const a = run(`---\naccount: X\n${lines.join('\n')}\n---\n`);
    assert.deepStrictEqual(codes(a), ['AP001']);
    assert.match(a.findings[0].message, /alias/);
  });

  it('deep nesting gives a finding with a place, not a crash', () => {
    const deep = '['.repeat(20000) + ']'.repeat(20000);
    const a = run(`---\naccount: X\ncompetitors: ${deep}\n---\n`);
    assert.ok(a.findings.length >= 1);
    assert.strictEqual(a.findings[0].code, 'AP001');
    assert.match(a.findings[0].message, /nested more than 100 levels deep/);
    assert.ok(a.findings[0].range.start.line >= 1);
  });

  it('a file over 5 MB is AP001 and is not parsed', () => {
    const a = run(`---\naccount: X\n---\n${'x'.repeat(5 * 1024 * 1024 + 1)}`);
    assert.deepStrictEqual(codes(a), ['AP001']);
    assert.match(a.findings[0].message, /MB/);
  });

  it('an empty frontmatter is AP002 for the missing account, on the opening line', () => {
    const a = run('---\n---\n');
    assert.deepStrictEqual(codes(a), ['AP002']);
    assert.match(a.findings[0].message, /"account"/);
    assert.deepStrictEqual(where(a.findings[0]), [1, 1, 1, 4]);
  });

  it('a frontmatter that is not a mapping is AP002 and no rule runs', () => {
    const a = run('---\n- a\n- b\n---\n');
    assert.deepStrictEqual(codes(a), ['AP002']);
    assert.strictEqual(a.plan, undefined);
  });

  it('CJK text, CRLF line endings, a BOM and a tab: columns count UTF-16 units of the line', () => {
    const text = '\uFEFF---\r\naccount: 上海浦东发展银行\r\nstakeholders:\r\n  - id: 郑\r\n    name: 郑师超\r\n    reports_to: 林\r\n    attitude:\tF\r\n---\r\n正文\r\n';
    const a = run(text);
    const ref = only(a, 'AP005');
    assert.strictEqual(ref.length, 1);
    assert.deepStrictEqual(where(ref[0]), [6, 17, 6, 18]);
    const bad = only(a, 'AP002');
    assert.strictEqual(bad.length, 1);
    assert.deepStrictEqual(where(bad[0]), [7, 15, 7, 16]);
    assert.strictEqual(text.slice(1).slice(ref[0].offset.start, ref[0].offset.end), '林');
  });
});
