import * as assert from 'assert';
import * as fs from 'fs';
import MarkdownIt from 'markdown-it';
import * as path from 'path';
import { checkPlan } from '../../src/core';
import { PLAN_CARD_TOKEN, planCardPlugin } from '../../src/markdown/plan-card';
import { TODAY, wrap } from './helpers';

const PLAN = `account: Acme Trading
id: acme
owner: Lin Shan
tier: VIP
industry: Logistics
relationship: middle
ownership: private
competitors: [Rival Co]
stakeholders:
  - id: ceo
    name: Chen Wei
    title: General Manager
    department: Board
    roles: [economic]
    layer: decision
  - id: cto
    name: Tao Li
    title: CIO
    roles: [technical, coach]
    layer: procurement
    attitude: B+
  - id: old
    name: Old Hand
    title: Former CIO
    roles: [technical]
    left: 2026-03-31
    attitude: A
opportunities:
  - id: deal
    name: Fleet tracking
    stage: C
    amount: 1000000
    close: 2027-03-31
    next: [Send the proposal]
  - id: won
    name: Pilot
    stage: S
    amount: 200000
    close: 2026-06-30
  - id: gone
    name: Old tender
    stage: lost
    amount: 50000
visits:
  - date: 2026-10-01
    purpose: research
    with: [ceo, cto]
    attitudes: { ceo: C, cto: B }
    summary: First meeting.
  - date: 2026-11-10
    purpose: solution
    with: [ceo, cto, nobody]
    by: [Lin Shan]
    executive: true
    opportunity: deal
    attitudes: { ceo: B- }
    summary: Demo went well.
    next: Pricing review
  - date: 2027-01-15
    purpose: relationship
    with: [ceo]
    summary: New-year visit.
`;

const BODY = '\n# Notes\n\nSome *analysis*.\n';

function mdWith(options: MarkdownIt.MarkdownItOptions = {}, locale: 'en' | 'zh-cn' = 'en'): MarkdownIt.MarkdownIt {
  return new MarkdownIt(options).use(planCardPlugin, { today: () => TODAY, locale: () => locale });
}

const render = (text: string, env: Record<string, unknown> = {}, md = mdWith()): string => md.render(text, env);

/** The HTML of one card section (`ap-stakeholders`, `ap-pipeline`, `ap-visits`, `ap-findings`). */
function sectionOf(html: string, kind: string): string {
  const start = html.indexOf(`<section class="ap-section ${kind}">`);
  assert.ok(start >= 0, `section ${kind} is drawn`);
  return html.slice(start, html.indexOf('</section>', start));
}

const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const text = (html: string): string => decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').replace(/ ([,.;])/g, '$1').trim();

/** Table rows as cell texts (header, body and footer rows alike). */
function rows(sectionHtml: string, where: 'thead' | 'tbody' | 'tfoot' = 'tbody'): string[][] {
  const part = new RegExp(`<${where}>([\\s\\S]*?)</${where}>`).exec(sectionHtml)?.[1] ?? '';
  return [...part.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, tr]) => [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, td]) => text(td)));
}

describe('plan card (markdown-it plugin)', () => {
  const html = render(wrap(PLAN, BODY), { fileName: 'acme.account.md' });

  it('replaces the frontmatter with the card, then renders the body as usual', () => {
    assert.match(html, /^<section class="ap-card" aria-label="Account plan">/);
    assert.ok(!html.includes('<hr>'), 'the fences are not horizontal rules');
    assert.ok(!html.includes('stakeholders:'), 'no raw YAML');
    assert.ok(html.endsWith('</section>\n<h1>Notes</h1>\n<p>Some <em>analysis</em>.</p>\n'), html.slice(-200));
  });

  it('maps the card token to the frontmatter lines, so the preview scrolls in step', () => {
    const tokens = mdWith().parse(wrap(PLAN, BODY), {});
    const fenceLines = wrap(PLAN, '').split('\n').length - 1;
    assert.strictEqual(tokens[0].type, PLAN_CARD_TOKEN);
    assert.deepStrictEqual(tokens[0].map, [0, fenceLines]);
    assert.deepStrictEqual(tokens[1].map, [fenceLines + 1, fenceLines + 2], 'the heading keeps its own line');
  });

  it('header: account, tier, owner, industry, relationship stage, key figures', () => {
    const header = html.slice(0, html.indexOf('<section class="ap-section'));
    assert.match(header, /<span class="ap-tier ap-tier-vip">VIP<\/span><span class="ap-account">Acme Trading<\/span>/);
    for (const [label, value] of [['Owner', 'Lin Shan'], ['Industry', 'Logistics'], ['Relationship', 'middle'], ['Ownership', 'private'], ['Competitors', 'Rival Co']]) {
      assert.match(header, new RegExp(`<dt>${label}</dt><dd[^>]*>${value}</dd>`));
    }
    const kpis = [...header.matchAll(/<div class="ap-kpi[^"]*">([\s\S]*?)<\/div><\/div>/g)].map(([, k]) => text(k));
    assert.deepStrictEqual(kpis, [
      'Open pipeline CN¥1,000,000 1 opportunity',
      'Weighted CN¥500,000',
      'Last visit 2026-11-10 14 days ago',
      'Next visit 2027-01-15 in 52 days',
      'Findings 1 error 2 warnings 1 information',
    ]);
    const findings = checkPlan(wrap(PLAN, BODY), { fileName: 'acme.account.md', today: TODAY }).findings;
    assert.deepStrictEqual(findings.map((f) => `${f.code} ${f.severity}`), ['AP010 warning', 'AP040 information', 'AP032 warning', 'AP005 error']);
    assert.match(header, /<div class="ap-kpi ap-kpi-error">/, 'an error marks the findings figure');
  });

  it('stakeholder table: roles, layer, attitude with colour, letter and trend, last contact; people who left greyed', () => {
    const s = sectionOf(html, 'ap-stakeholders');
    assert.deepStrictEqual(rows(s, 'thead'), [['Name', 'Title', 'Roles', 'Layer', 'Attitude', 'Last contact']]);
    assert.deepStrictEqual(rows(s), [
      ['Chen Wei Board', 'General Manager', 'economic buyer', 'decision', 'B- supports ↑', '2026-11-10 14 days ago'],
      ['Tao Li', 'CIO', 'technical buyer coach', 'procurement', 'B+ supports', '2026-11-10 14 days ago'],
      ['Old Hand left 2026-03-31', 'Former CIO', 'technical buyer', '', 'A recommends', '—'],
    ]);
    assert.match(s, /<span class="ap-att ap-att-b" title="supports">B-<\/span>/, 'colour class from the letter');
    assert.match(s, /<span class="ap-trend ap-trend-up" title="C → B-">↑<\/span>/);
    assert.match(s, /<tr class="ap-person ap-gone">\s*<td><span class="ap-name">Old Hand/);
    assert.strictEqual((s.match(/ap-gone/g) ?? []).length, 1);
  });

  it('pipeline table: stage with probability, amount, weighted, close, forecast category, open total', () => {
    const p = sectionOf(html, 'ap-pipeline');
    assert.deepStrictEqual(rows(p, 'thead'), [['Opportunity', 'Stage', 'Amount', 'Weighted', 'Close', 'Forecast']]);
    assert.deepStrictEqual(rows(p), [
      ['Fleet tracking Next: Send the proposal', 'C 50%', 'CN¥1,000,000', 'CN¥500,000', '2027-03-31', 'best case'],
      ['Pilot', 'S 100%', 'CN¥200,000', 'CN¥200,000', '2026-06-30', 'won'],
      ['Old tender', 'lost 0%', 'CN¥50,000', '', '', 'lost'],
    ]);
    assert.deepStrictEqual(rows(p, 'tfoot'), [['Open total', '1 opportunity', 'CN¥1,000,000', 'CN¥500,000', '', '']]);
    assert.match(p, /<tr class="ap-opportunity ap-won">/);
    assert.match(p, /<tr class="ap-opportunity ap-lost">/);
    assert.match(p, /<span class="ap-stage ap-stage-c" title="needs analysis, formal solution/);
  });

  it('visit timeline: newest first, planned visits marked, names for ids, attitudes seen, summary and next', () => {
    const v = sectionOf(html, 'ap-visits');
    const items = [...v.matchAll(/<li class="([^"]+)">([\s\S]*?)<\/li>/g)].map(([, cls, li]) => [cls, text(li)]);
    assert.deepStrictEqual(items, [
      ['ap-visit ap-planned', '2027-01-15 relationship planned With Chen Wei New-year visit.'],
      ['ap-visit', '2026-11-10 solution with our executive Fleet tracking With Chen Wei B-, Tao Li, nobody By Lin Shan Demo went well. Next Pricing review'],
      ['ap-visit', '2026-10-01 research With Chen Wei C, Tao Li B First meeting.'],
    ]);
    assert.match(v, /<span class="ap-met ap-unknown-id">nobody<\/span>/);
  });

  it('findings: code, severity, message and 1-based line, as the engine reports them', () => {
    const analysis = checkPlan(wrap(PLAN, BODY), { fileName: 'acme.account.md', today: TODAY });
    assert.ok(analysis.findings.length > 0);
    const f = sectionOf(html, 'ap-findings');
    assert.deepStrictEqual(rows(f, 'thead'), [['Severity', 'Code', 'Message', 'Line']]);
    assert.deepStrictEqual(rows(f), analysis.findings.map((x) => [x.severity, x.code, x.message, String(x.range.start.line + 1)]));
    assert.ok(rows(f).some(([, code]) => code === 'AP005'), 'the unknown id in `with`');
  });

  it('a clean plan says so; a plan without visits or deals says that too', () => {
    const clean = render(wrap('account: Solo\n'));
    assert.match(clean, /<p class="ap-ok">✓ No findings: the plan passes every rule.<\/p>/);
    assert.match(clean, /<p class="ap-empty">No stakeholders yet.<\/p>/);
    assert.match(clean, /<p class="ap-empty">No opportunities yet.<\/p>/);
    assert.match(clean, /<p class="ap-empty">No visits logged yet.<\/p>/);
  });

  it('unreadable YAML: the card names the file and lists the AP001 finding', () => {
    const out = render(wrap('account: [\n'), { fileName: 'deals/broken.account.md' });
    assert.match(out, /<span class="ap-account">broken.account.md<\/span>/);
    assert.match(out, /<p class="ap-unreadable">The frontmatter could not be read; see the findings.<\/p>/);
    assert.deepStrictEqual(rows(sectionOf(out, 'ap-findings')).map((r) => r[1]), ['AP001']);
  });

  it('in Chinese: labels and the engine messages', () => {
    const zh = render(wrap(PLAN, BODY), {}, mdWith({}, 'zh-cn'));
    assert.match(zh, /aria-label="客户计划"/);
    assert.match(zh, /<h2 class="ap-section-title">关键人 <span class="ap-count">3<\/span><\/h2>/);
    assert.match(zh, /<dd title="middle">中期<\/dd>/);
    assert.match(zh, /经济买家/);
    const zhMessage = checkPlan(wrap(PLAN), { fileName: 'plan.account.md', today: TODAY, locale: 'zh-cn' }).findings[0].message;
    assert.ok(zh.includes(new MarkdownIt().utils.escapeHtml(zhMessage)));
  });

  it('a BOM and CRLF line endings', () => {
    const crlf = `\uFEFF${wrap(PLAN, BODY)}`.replace(/\n/g, '\r\n');
    assert.strictEqual(render(crlf, { fileName: 'acme.account.md' }), html);
  });

  it('runs before a front-matter rule added later (as VS Code adds its own after the plugins)', () => {
    const md = mdWith();
    let hidden = 0;
    md.block.ruler.before('fence', 'front_matter', (state, startLine, _end, silent) => {
      if (startLine !== 0 || state.src.slice(0, 3) !== '---') return false;
      if (!silent) hidden++;
      return false;
    });
    assert.strictEqual(md.render(wrap(PLAN, BODY)), render(wrap(PLAN, BODY)));
    assert.strictEqual(hidden, 0, 'the later rule never sees the plan frontmatter');
  });

  describe('what counts as a plan', () => {
    const plain = new MarkdownIt();
    const notAPlan = [
      ['no frontmatter', '# Title\n\naccount: Acme\n'],
      ['frontmatter of another kind', '---\ntitle: Blog post\ndate: 2026-01-01\n---\n\n# Post\n'],
      ['account only nested, not at the top', '---\nmeta:\n  account: Acme\n---\nText\n'],
      ['frontmatter not on the first line', '\n---\naccount: Acme\n---\nText\n'],
      ['an unclosed frontmatter', '---\naccount: Acme\n\nText\n'],
      ['a rule and a setext heading in the body', 'Intro\n\n---\n\naccount: x\n---\n'],
    ];
    for (const [what, doc] of notAPlan) {
      it(`leaves ${what} untouched`, () => assert.strictEqual(render(doc, { fileName: 'notes.md' }), plain.render(doc)));
    }

    it('a *.account.md file name makes any frontmatter a plan (its problems show in the card)', () => {
      const doc = '---\ntitle: Not yet filled in\n---\n';
      for (const env of [{ fileName: 'x/new.account.md' }, { currentDocument: { path: '/w/new.account.md' } }, { accountPlan: true }]) {
        const out = render(doc, env);
        assert.match(out, /^<section class="ap-card"/, JSON.stringify(env));
        assert.ok(rows(sectionOf(out, 'ap-findings')).some(([, code, msg]) => code === 'AP002' && msg.includes('account')));
      }
      assert.strictEqual(render(doc, { fileName: 'notes.md' }), plain.render(doc));
    });
  });

  describe('escaping', () => {
    const PAYLOADS = ['<img src=x onerror=alert(1)>', '<script>window.__xss=1</script>', 'javascript:alert(1)', '" onmouseover="alert(1)', "'><svg onload=alert(1)>"];
    const quote = (s: string) => JSON.stringify(s);
    /** Every free-text field of a plan, and every id, carrying `p`. */
    const hostile = (p: string): string => {
      const id = p.replace(/\s/g, '');
      return `account: ${quote(p)}
id: ${quote(id)}
owner: ${quote(p)}
tier: A
industry: ${quote(p)}
competitors: [${quote(p)}]
stakeholders:
  - id: ${quote(id)}
    name: ${quote(p)}
    title: ${quote(p)}
    department: ${quote(p)}
    roles: [economic]
    attitude: B
    notes: ${quote(p)}
  - id: other
    name: ${quote(p)}
    title: ${quote(p)}
    reports_to: ${quote(id)}
    left: 2026-01-01
opportunities:
  - id: ${quote(id)}
    name: ${quote(p)}
    stage: C
    amount: 10
    currency: ${quote(p)}
    competitors: [${quote(p)}]
    next: [${quote(p)}, ${quote(p)}]
visits:
  - date: 2026-11-01
    purpose: ${quote(p)}
    with: [${quote(id)}, ${quote(`${id}x`)}]
    by: [${quote(p)}]
    opportunity: ${quote(`${id}y`)}
    attitudes: { ${quote(id)}: B, ${quote(`${id}z`)}: C }
    gift: ${quote(p)}
    summary: ${quote(p)}
    next: ${quote(p)}
  - date: 2027-11-01
    with: [${quote(id)}]
    opportunity: ${quote(id)}
    summary: ${quote(p)}
`;
    };
    /** Tags the card may write; nothing else, and no event handler or script URL in any of them. */
    const ALLOWED = new Set(['section', 'header', 'div', 'span', 'dl', 'dt', 'dd', 'h2', 'p', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'ol', 'li', 'time', 'br']);
    const assertInert = (card: string, what: string) => {
      for (const [tag, name] of card.matchAll(/<\/?([a-zA-Z0-9]+)[^>]*>/g)) {
        assert.ok(ALLOWED.has(name.toLowerCase()), `${what}: unexpected tag ${tag}`);
        assert.doesNotMatch(tag, /\son[a-z]+\s*=|javascript:|\ssrc\s*=|\shref\s*=|\sstyle\s*=/i, `${what}: unsafe attribute in ${tag}`);
      }
    };

    for (const payload of PAYLOADS) {
      it(`every plan field carrying ${payload} comes out as text (with html: true in the host)`, () => {
        const md = mdWith({ html: true });
        const out = render(wrap(hostile(payload), '\n# Notes\n'), { fileName: 'x.account.md' }, md);
        const card = out.slice(0, out.indexOf('<h1>Notes</h1>'));
        assertInert(card, payload);
        const escaped = md.utils.escapeHtml(payload);
        assert.ok(card.includes(`<span class="ap-account">${escaped}</span>`), 'the account name, escaped');
        assert.ok(card.includes(`<span class="ap-name">${escaped}</span>`), 'a stakeholder name, escaped');
        assert.ok(card.includes(`<p class="ap-summary">${escaped}</p>`), 'a visit summary, escaped');
        assert.ok(card.split(escaped).length - 1 >= 12, 'the payload shows, as text, wherever the plan puts it');
      });
    }

    it('the unreadable-YAML card escapes the file name', () => {
      const out = render('---\naccount: [\n---\n', { fileName: '<img src=x onerror=alert(1)>.account.md' });
      assertInert(out, 'file name');
      assert.ok(out.includes('&lt;img src=x onerror=alert(1)&gt;.account.md'));
    });
  });

  it('src/markdown is pure: the engine, its own files and markdown-it types only (no vscode, fs, path or DOM)', () => {
    const dir = path.resolve(__dirname, '../../../src/markdown');
    let imports = 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const [statement, typeOnly, from] of source.matchAll(/^import (type )?[^;]*? from '([^']+)';/gms)) {
        const ok = from === '../core/index' || from.startsWith('./') || (from === 'markdown-it' && typeOnly !== undefined);
        assert.ok(ok, `${file}: ${statement}`);
        imports++;
      }
      assert.doesNotMatch(source, /\brequire\(|\bdocument\.|\bwindow\./, file);
    }
    assert.ok(imports >= 6, `the imports were read (${imports})`);
  });
});
