import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, TODAY, assertBuilt, assertUsageError, cli } from './helpers';

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;
const EXAMPLE = path.join(ROOT, 'examples', 'hengtong-bank.account.md');

/** Nothing on the page may load from elsewhere or run. */
function assertSelfContained(html: string): void {
  assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang='), html.slice(0, 80));
  assert.ok(html.includes(CSP), 'the strict Content Security Policy');
  assert.equal((html.match(/<meta http-equiv="Content-Security-Policy"/g) ?? []).length, 1);
  assert.doesNotMatch(html, /<script\b|<link\b|<iframe\b|<object\b|<embed\b|<img\b|@import|url\(/i);
  assert.doesNotMatch(html, /\s(src|href|action)\s*=\s*"?(https?:|javascript:|\/\/)/i);
  assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+\s*=/i, 'no event handler attribute');
}

describe('account-plans render', () => {
  let tmp: string;
  before(() => {
    assertBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'account-plans-render-'));
  });
  after(() => tmp && fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints a self-contained page: strict CSP, the card stylesheet inline, the card, then the notes', () => {
    const r = cli(['render', EXAMPLE, '--today', '2026-11-24']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assertSelfContained(r.stdout);
    assert.match(r.stdout, /<title>中国恒通银行上海分行<\/title>/);
    assert.match(r.stdout, /<style>\n\/\*[\s\S]*\.ap-card \{[\s\S]*<\/style>/, 'media/plan-card.css, inlined');
    assert.match(r.stdout, /<body class="ap-page">\n<main class="ap-main">\n<section class="ap-card" aria-label="Account plan">/);
    const card = r.stdout.indexOf('<section class="ap-card"');
    const notes = r.stdout.indexOf('<h1>中国恒通银行上海分行 · 客户计划</h1>');
    assert.ok(card > 0 && notes > card, 'the card comes first, then the body');
    for (const part of ['ap-stakeholders', 'ap-pipeline', 'ap-visits', 'ap-findings']) assert.ok(r.stdout.includes(`<section class="ap-section ${part}">`), part);
    assert.match(r.stdout, /<tr class="ap-person ap-gone">\s*<td><span class="ap-name">周海<\/span><span class="ap-sub ap-left">left 2026-03-31<\/span>/);
    assert.match(r.stdout, /<li class="ap-visit ap-planned">\s*<div class="ap-visit-head"><time class="ap-date">2027-01-12<\/time>/);
    assert.match(r.stdout, /<footer class="ap-footer">account-plans \d+\.\d+\.\d+ · 2026-11-24<\/footer>/);
  });

  it('-o writes the same page to a file and prints nothing', () => {
    const out = path.join(tmp, 'plan.html');
    const r = cli(['render', EXAMPLE, '--today', '2026-11-24', '-o', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, '');
    assert.equal(fs.readFileSync(out, 'utf8'), cli(['render', EXAMPLE, '--today', '2026-11-24']).stdout);
    const again = cli(['render', 'plans/clean.account.md', '--today', TODAY, '--output', out]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(fs.readFileSync(out, 'utf8'), /<title>/, 'an existing file is replaced');
  });

  it('renders a plan with errors (exit 0; gating is check\'s job) and lists its findings', () => {
    const r = cli(['render', 'plans/broken.account.md', '--today', TODAY]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /<title>Contoso Bank<\/title>/);
    const codes = [...r.stdout.matchAll(/<td class="ap-code">(AP\d{3})<\/td>/g)].map((m) => m[1]);
    const checked = JSON.parse(cli(['check', 'plans/broken.account.md', '--today', TODAY, '-f', 'json']).stdout) as { code: string }[];
    assert.deepStrictEqual(codes, checked.map((f) => f.code), 'the same findings as check, in order');
  });

  it('--lang zh-cn: the card and the findings in Chinese', () => {
    const r = cli(['render', 'plans/broken.account.md', '--today', TODAY, '--lang', 'zh-cn']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /<html lang="zh-CN">/);
    assert.match(r.stdout, /<h2 class="ap-section-title">关键人/);
    const zh = JSON.parse(cli(['check', 'plans/broken.account.md', '--today', TODAY, '-f', 'json', '--lang', 'zh-cn']).stdout) as { message: string }[];
    assert.ok(r.stdout.includes(zh[0].message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')));
  });

  it('--config and --currency set the currency of opportunities without one', () => {
    const eur = cli(['render', 'plans/broken.account.md', '--today', TODAY, '-c', 'config/eur.json']);
    assert.equal(eur.status, 0, eur.stderr);
    assert.match(eur.stdout, /€500,000/);
    const usd = cli(['render', 'plans/broken.account.md', '--today', TODAY, '-c', 'config/eur.json', '--currency', 'USD']);
    assert.match(usd.stdout, /\$500,000/);
  });

  it('plan text and raw HTML in the notes come out as text', () => {
    const file = path.join(tmp, 'xss.account.md');
    fs.writeFileSync(file, [
      '---',
      'account: "<img src=x onerror=alert(1)>"',
      'owner: "<script>window.__xss=1</script>"',
      'stakeholders:',
      '  - { id: a, name: "javascript:alert(1)", title: "\\" onmouseover=\\"alert(1)" }',
      '---',
      '',
      '<script>window.__xss = 1</script>',
      '',
      '[click](javascript:alert(1)) <img src=x onerror=alert(1)>',
      '',
    ].join('\n'));
    const r = cli(['render', file, '--today', TODAY]);
    assert.equal(r.status, 0, r.stderr);
    assertSelfContained(r.stdout);
    assert.match(r.stdout, /<title>&lt;img src=x onerror=alert\(1\)&gt;<\/title>/);
    assert.match(r.stdout, /<span class="ap-account">&lt;img src=x onerror=alert\(1\)&gt;<\/span>/);
    assert.match(r.stdout, /<dd>&lt;script&gt;window.__xss=1&lt;\/script&gt;<\/dd>/);
    assert.match(r.stdout, /<p>&lt;script&gt;window.__xss = 1&lt;\/script&gt;<\/p>/, 'raw HTML in the notes stays text');
    assert.match(r.stdout, /\[click\]\(javascript:alert\(1\)\)/, 'markdown-it refuses the javascript: link');
  });

  it('a file without frontmatter: the notes only, and a warning', () => {
    const file = path.join(tmp, 'notes.account.md');
    fs.writeFileSync(file, '# Just notes\n');
    const r = cli(['render', file, '--today', TODAY]);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, `account-plans: warning: ${file} has no frontmatter, so the page has no plan card (run 'account-plans check ${file}')\n`);
    assert.ok(!r.stdout.includes('<section class="ap-card"'));
    assert.match(r.stdout, /<title>notes.account.md<\/title>[\s\S]*<h1>Just notes<\/h1>/);
  });

  it('--help, and render in the main help', () => {
    const r = cli(['render', '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: account-plans render PLAN \[options\]/);
    assert.match(r.stdout, /-o, --output FILE/);
    assert.equal(cli(['help', 'render']).stdout, r.stdout);
    assert.match(cli(['--help']).stdout, /\n {2}render PLAN {10}write one plan as a self-contained HTML page/);
  });

  describe('bad usage: exit 2, one line on stderr', () => {
    it('no plan', () => assertUsageError(cli(['render']), /render takes one plan file, got none/));
    it('two plans', () => assertUsageError(cli(['render', 'plans/clean.account.md', 'plans/broken.account.md']), /render takes one plan file, got 2/));
    it('a plan that does not exist', () => assertUsageError(cli(['render', 'nope.account.md']), /cannot read nope.account.md: no such file or directory/));
    it('a directory', () => assertUsageError(cli(['render', 'plans']), /cannot read plans: is a directory/));
    it('an output that cannot be written', () => assertUsageError(
      cli(['render', 'plans/clean.account.md', '-o', path.join(tmp, 'missing', 'dir', 'out.html')]), /cannot write .*out.html: no such file or directory/));
    it('an empty --output', () => assertUsageError(cli(['render', 'plans/clean.account.md', '-o', '']), /--output takes a file name/));
    it('a bad --today', () => assertUsageError(cli(['render', 'plans/clean.account.md', '--today', '2026-02-30']), /--today takes a date YYYY-MM-DD/));
    it('an unknown --lang', () => assertUsageError(cli(['render', 'plans/clean.account.md', '--lang', 'fr']), /unknown language 'fr'/));
    it('an unknown option', () => assertUsageError(cli(['render', 'plans/clean.account.md', '--format', 'pdf']), /unknown option '--format'/));
    it('a config that cannot be read', () => assertUsageError(cli(['render', 'plans/clean.account.md', '-c', 'nope.json']), /cannot read config nope.json/));
  });
});
