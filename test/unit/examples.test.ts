import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkPlan, DEFAULT_SETTINGS, language, RULE_CODES, STAGES, type PlanAnalysis } from '../../src/core';

/**
 * examples/ is a sales team's repository and the first thing a new user opens (the README, the
 * Get Started walkthrough, `npm run demo`). These tests hold it to what examples/README.md and the
 * walkthrough promise: every rule fires once, on purpose, in the plan the README names; a
 * quarter's funnel in several currencies; both languages.
 */
const ROOT = path.resolve(__dirname, '../../..');
const DIR = path.join(ROOT, 'examples');
/** The day the examples are written for (examples/README.md, "Reproducing the output"). */
const WRITTEN_FOR = '2026-11-24';
/** The last day the README says the same findings fire. */
const SAME_UNTIL = '2026-12-20';

const files = (): string[] => fs.readdirSync(DIR).filter((f) => f.endsWith('.account.md')).sort();
const text = (file: string): string => fs.readFileSync(path.join(DIR, file), 'utf8');
const analyse = (file: string, today = WRITTEN_FOR): PlanAnalysis =>
  checkPlan(text(file), { fileName: file, today, settings: DEFAULT_SETTINGS });
const stem = (file: string): string => file.replace(/\.account\.md$/, '');
/** `plan:code` of every finding in the examples on `today`. */
const findings = (today = WRITTEN_FOR): string[] =>
  files().flatMap((f) => analyse(f, today).findings.map((x) => `${stem(f)}:${x.code}`)).sort();

/** The rows of a Markdown table under the heading `## title` of examples/README.md: its cells, trimmed. */
function tableUnder(title: string): string[][] {
  const readme = fs.readFileSync(path.join(DIR, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith(`${title}\n`));
  assert.ok(section, `examples/README.md has a "## ${title}" section`);
  return section.split('\n').filter((l) => l.startsWith('|') && !/^\|[-| ]+\|$/.test(l)).slice(1)
    .map((l) => l.slice(1, -1).split(' | ').map((c) => c.trim()));
}
/** The plan a table cell links to: `[name](name.account.md)` → name. */
const linkedPlan = (cell: string): string => /\(([\w-]+)\.account\.md\)/.exec(cell)?.[1] ?? cell;

describe('the examples', () => {
  it('are a dozen or more accounts, in English and in Chinese, across every tier', () => {
    const plans = files().map((f) => analyse(f).plan);
    assert.ok(plans.length >= 12, `${plans.length} plans`);
    const accounts = files().map((f) => /^account:\s*(.+)$/m.exec(text(f))?.[1] ?? '');
    const chinese = accounts.filter((a) => /[\u4e00-\u9fff]/.test(a));
    assert.ok(chinese.length >= 4 && accounts.length - chinese.length >= 4, `${chinese.length} Chinese of ${accounts.length}`);
    const tiers = new Set(files().map((f) => /^tier:\s*(\S+)$/m.exec(text(f))?.[1]));
    assert.deepEqual([...tiers].sort(), ['A', 'B', 'C', 'D', 'VIP']);
  });

  it('hold a quarter\'s funnel: deals at every stage from G to S, won and lost, in CNY, USD and EUR', () => {
    const deals = files().flatMap((f) => analyse(f).plan?.opportunities ?? []);
    const stages = new Set(deals.map((o) => o.stage));
    assert.deepEqual(STAGES.filter((s) => !stages.has(s)), []);
    const currencies = new Set(deals.map((o) => o.currency ?? DEFAULT_SETTINGS.currency));
    assert.deepEqual([...currencies].sort(), ['CNY', 'EUR', 'USD']);
    const thisQuarterOrNext = deals.filter((o) => o.close && o.close >= '2026-10-01' && o.close <= '2027-03-31');
    assert.ok(thisQuarterOrNext.length >= 12, `${thisQuarterOrNext.length} deals close in 2026-Q4 or 2027-Q1`);
  });

  it('show every rule exactly once', () => {
    const codes = findings().map((f) => f.split(':')[1]);
    assert.deepEqual(codes.slice().sort(), [...RULE_CODES].sort());
  });

  it('fire exactly the findings examples/README.md lists under "Findings on purpose", plan by plan', () => {
    const listed = tableUnder('Findings on purpose').map(([plan, rule]) => `${linkedPlan(plan)}:${/AP\d{3}/.exec(rule)?.[0]}`).sort();
    assert.deepEqual(listed, findings());
  });

  it('list every plan in the README\'s table of accounts, with its findings', () => {
    const rows = tableUnder('The accounts');
    assert.deepEqual(rows.map((r) => linkedPlan(r[0])).sort(), files().map(stem));
    const all = findings();
    for (const row of rows) {
      const plan = linkedPlan(row[0]);
      const fired = all.filter((f) => f.startsWith(`${plan}:`)).map((f) => f.split(':')[1]);
      const said = row[row.length - 1] === 'none' ? [] : row[row.length - 1].split(', ').map((c) => /AP\d{3}/.exec(c)?.[0]);
      assert.deepEqual(said.sort(), fired.sort(), plan);
    }
  });

  it(`give the same findings on every day from ${WRITTEN_FOR} to ${SAME_UNTIL}, as the README says`, () => {
    const first = findings();
    for (let d = new Date(`${WRITTEN_FOR}T00:00:00Z`); d.toISOString().slice(0, 10) <= SAME_UNTIL; d.setUTCDate(d.getUTCDate() + 1)) {
      const day = d.toISOString().slice(0, 10);
      assert.deepEqual(findings(day), first, day);
    }
  });
});

describe('the Get Started walkthrough on the examples', () => {
  const nls = (lang: string) => JSON.parse(fs.readFileSync(path.join(ROOT, lang ? `package.nls.${lang}.json` : 'package.nls.json'), 'utf8')) as Record<string, string>;
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { walkthroughs: { steps: { description: string; media: { markdown?: string } }[] }[] };
    repository: { url: string };
  };
  const steps = manifest.contributes.walkthroughs[0].steps;

  it('has every step\'s media in media/ (shipped in the .vsix), and every repository link names a file that exists', () => {
    for (const step of steps) {
      const media = step.media.markdown ?? '';
      assert.ok(media.startsWith('media/walkthrough/'), media);
      assert.ok(fs.existsSync(path.join(ROOT, media)), media);
    }
    const repo = manifest.repository.url.replace(/\.git$/, '');
    for (const lang of ['', 'zh-cn']) {
      const links = Object.entries(nls(lang)).filter(([k]) => k.startsWith('walkthrough.'))
        .flatMap(([, v]) => [...v.matchAll(/\]\((https:[^)]+)\)/g)].map((m) => m[1]));
      assert.ok(links.length >= 3, `${lang || 'en'}: ${links.length} links`);
      for (const link of links) {
        assert.ok(link.startsWith(`${repo}/blob/HEAD/`), link);
        assert.ok(fs.existsSync(path.join(ROOT, link.slice(`${repo}/blob/HEAD/`.length))), link);
      }
    }
  });

  it('names plans that exist, in both languages', () => {
    for (const lang of ['', 'zh-cn']) {
      const named = Object.entries(nls(lang)).filter(([k]) => k.startsWith('walkthrough.'))
        .flatMap(([, v]) => [...v.matchAll(/([\w-]+\.account\.md)/g)].map((m) => m[1]));
      assert.deepEqual([...new Set(named)].sort(), ['harbourline-logistics.account.md', 'jiangcheng-water.account.md'], lang || 'en');
      for (const f of named) assert.ok(files().includes(f), f);
    }
  });

  it('fix step: Marcus Lim\'s AP040 in harbourline-logistics offers "Set the attitude to C+"', () => {
    const file = 'harbourline-logistics.account.md';
    const analysis = analyse(file);
    const finding = analysis.findings.find((f) => f.code === 'AP040');
    assert.ok(finding, 'AP040 fires');
    const names = [...text(file).slice(0, finding.offset.start).matchAll(/^ {4}name: (.+)$/gm)];
    assert.equal(names[names.length - 1][1], 'Marcus Lim', 'the finding is on his attitude');
    const titles = language.fixesFor(text(file), finding, analysis, WRITTEN_FOR, 'en').map((f) => f.title);
    assert.ok(titles.some((t) => t.startsWith('Set the attitude to C+')), titles.join());
    assert.match(nls('')['walkthrough.fixFinding.description'], /Set the attitude to C\+/);
  });

  it('visit step: the water company is stale and its general manager 何建平 unvisited, until a visit with him is logged', () => {
    const file = 'jiangcheng-water.account.md';
    const codes = (t: string) => checkPlan(t, { fileName: file, today: WRITTEN_FOR, settings: DEFAULT_SETTINGS }).findings.map((f) => f.code).sort();
    assert.deepEqual(codes(text(file)), ['AP003', 'AP020', 'AP021']);
    const id = /- id: (\w+)\n\s+name: 何建平/.exec(text(file))?.[1];
    assert.ok(id, '何建平 is a stakeholder');
    const logged = text(file).replace(/^visits:\n/m, `visits:\n  - date: ${WRITTEN_FOR}\n    purpose: relationship\n    with: [${id}]\n`);
    assert.deepEqual(codes(logged), ['AP003']);
  });
});
