import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { CATALOGUES, DEFAULT_SETTINGS, checkPlan, format, language, localeOf, translator, type Catalogue } from '../../src/core';
import { placeholders } from '../../src/core/i18n/format';
import { forecastLabels } from '../../src/extension/features/forecast/forecast-words';
import { mapLabels } from '../../src/extension/features/stakeholder-map/map-words';
import { TODAY } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Keys whose placeholders differ between two catalogues, or that one of them lacks. */
function disagreements(a: Record<string, string>, b: Record<string, string>): string[] {
  const out: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!(key in a) || !(key in b)) out.push(`${key}: missing in ${key in a ? 'the second' : 'the first'}`);
    else if (placeholders(a[key]).join() !== placeholders(b[key]).join()) out.push(`${key}: {${placeholders(a[key])}} vs {${placeholders(b[key])}}`);
  }
  return out;
}

describe('the word catalogues (src/core/i18n)', () => {
  it('zh-cn has every key of en, no other, and the same placeholders in each', () => {
    assert.deepStrictEqual(disagreements(CATALOGUES.en, CATALOGUES['zh-cn']), []);
    assert.ok(Object.keys(CATALOGUES.en).length > 300, 'the catalogue holds every surface\'s words');
  });

  it('the parity check fails on a missing key and on a renamed placeholder', () => {
    const en = { a: 'Hello {name}', b: 'Bye' };
    assert.deepStrictEqual(disagreements(en, { a: '你好 {name}' }), ['b: missing in the second']);
    assert.deepStrictEqual(disagreements(en, { a: '你好 {who}', b: '再见' }), ['a: {name} vs {who}']);
  });

  it('every template is filled in every language: none empty, none left as the English one where Chinese is needed', () => {
    const zh = CATALOGUES['zh-cn'] as Catalogue;
    const empty = Object.entries(zh).filter(([, v]) => v.trim() === '').map(([k]) => k);
    assert.deepStrictEqual(empty, []);
    const untranslated = (Object.keys(CATALOGUES.en) as (keyof Catalogue)[])
      .filter((k) => /[a-z]{3,} [a-z]{3,}/i.test(CATALOGUES.en[k]) && zh[k] === CATALOGUES.en[k]);
    assert.deepStrictEqual(untranslated, []);
  });

  it('package.nls.zh-cn.json has the keys and placeholders of package.nls.json', () => {
    const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, string>;
    const nlsPlaceholders = (s: string) => [...new Set(s.match(/\{\d+\}|%[\w.]+%/g) ?? [])].sort().join();
    const en = read('package.nls.json');
    const zh = read('package.nls.zh-cn.json');
    assert.deepStrictEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    assert.deepStrictEqual(Object.keys(en).filter((k) => nlsPlaceholders(en[k]) !== nlsPlaceholders(zh[k])), []);
  });

  it('format fills named placeholders and leaves an unknown one as written', () => {
    assert.strictEqual(format('{count} of {total}', { count: 3, total: 6 }), '3 of 6');
    assert.strictEqual(format('left {date} {other}', { date: '2026-01-01' }), 'left 2026-01-01 {other}');
    assert.strictEqual(translator('zh-cn')('forecast.overdueHint', {}), '成交日期已过');
    assert.strictEqual(translator('zh-cn')('forecast.totalDetail', { count: 3 }), '3 个未结');
  });

  it('the display language picks the catalogue: zh-cn, zh-hans (and zh, zh-sg) → Chinese, anything else English', () => {
    for (const tag of ['zh-cn', 'zh-CN', 'zh-hans', 'zh-Hans-CN', 'zh', 'zh-sg']) assert.strictEqual(localeOf(tag), 'zh-cn', tag);
    for (const tag of ['en', 'en-us', 'de', 'zh-tw', 'zh-hant', 'zh-hk', '', undefined]) assert.strictEqual(localeOf(tag), 'en', String(tag));
  });

  it('a Chinese user gets Chinese quick fixes and CodeLens titles, not English ones', () => {
    const text = `---
account: Acme
stakeholders:
  - id: ceo
    name: Chen
    roles: [economic]
    atitude: B
opportunities:
  - id: deal
    name: Big deal
    stage: C
    amount: 1000
---
`;
    const analysis = checkPlan(text, { fileName: 'a.account.md', today: TODAY, locale: 'zh-cn' });
    const typo = analysis.findings.find((f) => f.code === 'AP003')!;
    assert.match(typo.message, /未知键/, 'the diagnostic is Chinese');
    const fix = language.fixesFor(text, typo, analysis, TODAY, 'zh-cn')[0];
    assert.strictEqual(fix.title, '将 "atitude" 改为 "attitude"');
    const gap = analysis.findings.find((f) => f.code === 'AP010')!;
    assert.strictEqual(language.fixesFor(text, gap, analysis, TODAY, 'zh-cn')[0].title, `为 ${String(gap.data?.role)} 角色添加一位待定联系人`);
    const lenses = language.lenses(language.yamlTree(text)!, analysis, DEFAULT_SETTINGS, (n, c) => `${n} ${c}`, 'zh-cn');
    assert.deepStrictEqual(lenses.map((l) => l.title), ['已覆盖 1/6 个角色 · 空缺:technical, user, coach', '加权 500 CNY · 50 %', '推进阶段']);
    assert.deepStrictEqual(language.lenses(language.yamlTree(text)!, analysis, DEFAULT_SETTINGS, (n, c) => `${n} ${c}`).map((l) => l.title),
      ['1 of 6 roles · gap: technical, user, coach', 'weighted 500 CNY · 50 %', 'Move stage']);
  });

  it('hover and rename speak the display language too', () => {
    const text = '---\naccount: Acme\nstakeholders:\n  - id: ceo\n    name: Chen\n    roles: [economic]\n    layer: decision\n    attitude: B\nopportunities:\n  - id: deal\n    stage: C\n    amount: 1000\n---\n';
    const analysis = checkPlan(text, { fileName: 'a.account.md', today: TODAY, locale: 'zh-cn' });
    const tree = language.yamlTree(text)!;
    const money = (n: number, c: string) => `${n} ${c}`;
    const hover = (needle: string, locale?: 'zh-cn') => language.hoverAt(tree, text.indexOf(needle) + needle.length - 1, analysis, money, locale)!.lines.join('\n');
    assert.match(hover('id: ceo', 'zh-cn'), /角色:economic · 层级:decision · 态度:B/);
    assert.match(hover('stage: C', 'zh-cn'), /\*\*阶段 C\*\* — 50 %[\s\S]*我方步骤:needs analysis, formal solution \(需求分析, 正式方案\)[\s\S]*客户步骤:第 5\/8 步,招标,初步筛选/);
    assert.match(hover('stage: C'), /The customer's step: 5 of 8, tender, first screening/);
    const rename = language.renameEdits(tree, text.indexOf('ceo'), 'a b', 'zh-cn');
    assert.deepStrictEqual(rename, { error: 'id 不能含空白。' });
  });

  it('the webviews\' words come from the catalogue: one English and one Chinese word for each', () => {
    const zh = translator('zh-cn');
    assert.strictEqual(mapLabels('en').exportSvg, translator('en')('map.exportSvg'));
    assert.strictEqual(mapLabels('zh-cn').exportSvg, zh('map.exportSvg'));
    assert.strictEqual(mapLabels('en').layers.none, 'No layer');
    assert.strictEqual(mapLabels('zh-cn').roles.economic, '经济买家');
    assert.strictEqual(mapLabels('zh-cn').gridCompanySteps.A, '战略');
    assert.strictEqual(forecastLabels('zh-cn').categories['best-case'], '最佳情况');
    const leaves = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v as object)));
    const english = new Set(Object.values(CATALOGUES.en));
    assert.deepStrictEqual(leaves(mapLabels('en')).filter((w) => !english.has(w)), []);
    assert.deepStrictEqual(leaves(forecastLabels('en')).filter((w) => !english.has(w)), []);
  });
});

// ---------- no user-visible words outside the catalogues ----------

/** The folders whose code shows words to a user. */
const SCANNED = ['src/extension', 'src/webview', 'src/markdown', 'src/core/language'];

/** Strings that read as prose but no user reads as words of the product. */
const NOT_USER_WORDS = new Map<string, string>([
  ['Account Plans', 'the output channel\'s name, the displayName of package.json (package.nls.json)'],
  ['the data does not match the format', 'a zod refinement on a webview message; the host logs it, nobody sees it'],
  ['event handler attributes are not allowed: ', 'a programming error thrown by the webviews\' DOM helper'],
  ['stakeholder map', 'a panel kind\'s name in the log'],
  ['system-ui, sans-serif', 'a CSS font family'],
  [' data: blob:', 'a Content Security Policy'],
  ['default-src \'none\'; style-src \'unsafe-inline\'; img-src data:', 'a Content Security Policy'],
]);

const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'appendLine']);

/** Text outside HTML markup (a template's pieces can start or end inside a tag). */
const outsideMarkup = (s: string): string => s.replace(/<[^<>]*>/g, ' ').replace(/^[^<]*>/, ' ').replace(/<[^>]*$/, ' ');

/** Reads as words: Chinese characters, or two words with a space or punctuation between them. */
const readsAsProse = (s: string): boolean => {
  const text = outsideMarkup(s);
  return /[\u3400-\u9fff\uff00-\uffef]/.test(text) || /[A-Za-z]{2,}[ ,:;]+[A-Za-z]{2,}/.test(text);
};

/** A log line, a class attribute or a module name: text for developers and the DOM, not for users. */
function notForUsers(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return true;
    if (ts.isPropertyAssignment(n) && /^(class|className)$/.test(n.name.getText())) return true;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && LOG_METHODS.has(n.expression.name.text)
      && /(log|console)$/i.test(n.expression.expression.getText())) return true;
    // Why the workspace search runs: WorkspaceScanGate writes it to the log.
    if (ts.isCallExpression(n) && /\bworkspace\.open$/.test(n.expression.getText())) return true;
    if (ts.isFunctionDeclaration(n) && n.name?.text === 'scanReasonAtActivation') return true;
    if (ts.isFunctionLike(n) || ts.isClassDeclaration(n)) return false;
  }
  return false;
}

/** `file:line: text` for every literal that reads as prose outside the catalogues. */
export function proseLiterals(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)
      || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) ? node.text : undefined;
    if (text !== undefined && readsAsProse(text) && !NOT_USER_WORDS.has(text) && !notForUsers(node)) {
      out.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${JSON.stringify(text)}`);
    }
    if (ts.isCallExpression(node) && /\bl10n\.t$/.test(node.expression.getText())) out.push(`${file}: vscode.l10n.t( — use the catalogue`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const walk = (dir: string): string[] => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []));

describe('no user-visible words outside the catalogues', () => {
  it('finds prose, Chinese and vscode.l10n.t in code (the scanner can fail)', () => {
    const found = proseLiterals('x.ts', [
      "vscode.l10n.t('Open');",
      "const a = 'Show all plans';",
      "const b = `${n} plans found`;",
      "const c = '客户';",
      "const d = '<span class=\"ap-x\">Open total</span>';",
      "this.log.info(`workspace check: ${n} plans`);",
      "el('div', { class: 'card quarters' });",
      "const e = 'accountPlans.logVisit';",
    ].join('\n'));
    assert.deepStrictEqual(found, [
      'x.ts: vscode.l10n.t( — use the catalogue',
      'x.ts:2: "Show all plans"',
      'x.ts:3: " plans found"',
      'x.ts:4: "客户"',
      'x.ts:5: "<span class=\\"ap-x\\">Open total</span>"',
    ]);
  });

  it('src/extension, src/webview, src/markdown and src/core/language hold none', function () {
    this.timeout(60_000); // parses some 60 files
    const files = SCANNED.flatMap(walk);
    assert.ok(files.length > 40, `scanned ${files.length} files`);
    const found = files.flatMap((f) => proseLiterals(f, fs.readFileSync(path.join(ROOT, f), 'utf8')));
    assert.deepStrictEqual(found, []);
  });

  it('the webviews have no labels.ts of their own any more, and nothing reads l10n bundles', () => {
    assert.ok(!fs.existsSync(path.join(ROOT, 'src/webview/forecast/labels.ts')));
    assert.ok(!fs.existsSync(path.join(ROOT, 'src/webview/stakeholder-map/labels.ts')));
    assert.ok(!fs.existsSync(path.join(ROOT, 'l10n')));
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { l10n?: string };
    assert.strictEqual(manifest.l10n, undefined);
  });
});
