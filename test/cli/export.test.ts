import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COLUMNS } from '../../src/cli/export/export-tables';
import { ROOT, TODAY, assertBuilt, assertUsageError, cli } from './helpers';

/** RFC 4180 read strictly: CRLF between records, quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 byte-order mark');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
    } else if (ch === '"') {
      assert.equal(cell, '', `a quote inside an unquoted cell at ${i}`);
      quoted = true;
    } else if (ch === ',') { row.push(cell); cell = ''; } else if (text.startsWith('\r\n', i)) {
      row.push(cell); rows.push(row); row = []; cell = ''; i++;
    } else {
      assert.ok(ch !== '\r' && ch !== '\n', `a bare line break outside quotes at ${i}`);
      cell += ch;
    }
  }
  assert.ok(!quoted && cell === '' && row.length === 0, 'the last record ends with CRLF');
  return rows;
}

const records = (csv: string): Record<string, string>[] => {
  const [header, ...rows] = parseCsv(csv);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
};
const jsonLines = (text: string): Record<string, unknown>[] => text.split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('account-plans export on the examples', function () {
  this.timeout(60_000);
  before(assertBuilt);
  const run = (...args: string[]) => cli(['export', 'examples', '--today', TODAY, ...args], { cwd: ROOT });

  it('--what opportunities: one CSV row per opportunity, with the derived values', () => {
    const r = run('--what', 'opportunities');
    assert.equal(r.status, 0, r.stderr);
    // examples/silverleaf-dental shows AP001: its frontmatter cannot be read, so it is left out and said so.
    assert.match(r.stderr, /^account-plans: warning: 1 plan file has no readable frontmatter, so it is left out/);
    const [header] = parseCsv(r.stdout);
    assert.deepEqual(header, [...COLUMNS.opportunities]);
    const rows = records(r.stdout);
    assert.equal(rows.length, 41);
    assert.ok(!rows.some((x) => x.account_id === 'silverleaf'), 'the unreadable plan has no rows');
    const fleet = rows.find((x) => x.opportunity_id === 'fleet');
    assert.deepEqual(fleet && { ...fleet, next: undefined }, {
      account_id: 'harbourline', account: 'Harbourline Logistics (APAC)', file: path.join('examples', 'harbourline-logistics.account.md'),
      opportunity_id: 'fleet', opportunity: 'Fleet telematics for 1,200 trucks', stage: 'C', status: 'open', probability: '50',
      category: 'pipeline', forecast_override: 'pipeline', currency: 'USD', amount: '420000', weighted: '210000', close: '2026-10-31',
      customer_step: '5', next: undefined, owner: 'Emma Zhou', tier: 'B',
    });
    assert.equal(rows.find((x) => x.opportunity_id === 'depot-wan')?.status, 'lost');
  });

  it('--format jsonl keeps numbers, booleans and lists, and null for what is missing', () => {
    const r = run('--what', 'stakeholders', '--format', 'jsonl');
    assert.equal(r.status, 0, r.stderr);
    const rows = jsonLines(r.stdout);
    assert.equal(rows.length, 83);
    for (const row of rows) assert.deepEqual(Object.keys(row), [...COLUMNS.stakeholders]);
    const tan = rows.find((x) => x.account_id === 'harbourline' && x.stakeholder_id === 'tan');
    assert.deepEqual(
      [tan?.roles, tan?.attitude, tan?.attitude_source, tan?.last_contact, tan?.grid_personal, tan?.gone, tan?.department],
      [['economic'], 'C+', 'visit 2026-03-17', '2026-03-17', 2, false, null],
    );
    const gone = rows.find((x) => x.account_id === 'hengtong-bank' && x.left === '2026-03-31');
    assert.equal(gone?.gone, true);
    assert.ok(rows.every((x) => !('personal' in x) && !('contact' in x) && !('notes' in x)), 'no personal details');
  });

  it('--what visits names who was met, and keeps Chinese as it is', () => {
    const rows = records(run('--what', 'visits').stdout);
    const visit = rows.find((x) => x.account_id === 'hengtong-bank' && x.date === '2026-01-20');
    assert.deepEqual([visit?.with, visit?.with_names, visit?.attitudes, visit?.executive, visit?.past],
      ['wangxing; zheng', '王行健; 郑师超', 'wangxing: C+', 'true', 'true']);
    assert.equal(visit?.account, '中国恒通银行上海分行');
  });

  it('--what findings: one row per finding, lines and columns 1-based as in check', () => {
    const rows = jsonLines(run('--what', 'findings', '-f', 'jsonl').stdout);
    const check = JSON.parse(cli(['check', 'examples', '--today', TODAY, '-f', 'json'], { cwd: ROOT }).stdout) as { file: string; line: number; code: string }[];
    const fromCheck = check.map((x) => `${x.file}:${x.line}:${x.code}`).sort();
    assert.ok(fromCheck.length > 0);
    assert.deepEqual(rows.map((x) => `${x.file}:${x.line}:${x.code}`).sort(), fromCheck);
  });

  it('-o writes the same table to a file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-export-'));
    try {
      const file = path.join(dir, 'opps.csv');
      const r = run('-w', 'opportunities', '-o', file);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(fs.readFileSync(file, 'utf8'), run('-w', 'opportunities').stdout);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('account-plans export on hostile values', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    assertBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-export-'));
    fs.writeFileSync(path.join(dir, 'hostile.account.md'), [
      '---',
      'id: evil',
      `account: '=HYPERLINK("http://x.example","click")'`,
      'owner: "@admin"',
      'stakeholders:',
      '  - id: p1',
      '    name: "+1 555 0100"',
      '    title: "-2+3"',
      '    department: "\\tTabbed"',
      '  - id: p2',
      '    name: 张 "大" 伟',
      '    title: "\\rCR first"',
      'opportunities:',
      '  - id: o1',
      '    name: "Say \\"hi\\", then: line one\\nline two\\r\\nline three"',
      '    stage: C',
      '    amount: 1000',
      '    next: ["=cmd|\' /C calc\'!A0", "ok, fine"]',
      'visits:',
      '  - date: 2026-04-01',
      '    purpose: research',
      '    with: [p1, p2]',
      '    summary: "@SUM(1+1)*cmd|\' /C calc\'!A0"',
      '---',
      '',
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'broken.account.md'), '---\nid: [unclosed\n---\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => cli(['export', '.', '--today', TODAY, ...args], { cwd: dir });

  it('neutralises every text cell a spreadsheet would run, and quotes quotes, commas and line breaks', () => {
    const r = run('--what', 'opportunities');
    assert.equal(r.status, 0, r.stderr);
    const [o] = records(r.stdout);
    assert.equal(o.account, `'=HYPERLINK("http://x.example","click")`);
    assert.equal(o.owner, "'@admin");
    assert.equal(o.opportunity, 'Say "hi", then: line one\nline two\r\nline three');
    assert.equal(o.next, "'=cmd|' /C calc'!A0; ok, fine");
    assert.equal(o.amount, '1000');
    assert.ok(r.stdout.includes('"\'=HYPERLINK(""http://x.example"",""click"")"'), 'quotes doubled inside a quoted cell');
  });

  it('neutralises leading +, -, tab and CR, and keeps Chinese and inner quotes', () => {
    const rows = records(run('--what', 'stakeholders').stdout);
    assert.deepEqual(rows.map((x) => [x.name, x.title, x.department]), [
      ["'+1 555 0100", "'-2+3", "'\tTabbed"],
      ['张 "大" 伟', "'\rCR first", ''],
    ]);
    const [visit] = records(run('--what', 'visits').stdout);
    assert.equal(visit.summary, "'@SUM(1+1)*cmd|' /C calc'!A0");
    assert.equal(visit.with_names, `'+1 555 0100; 张 "大" 伟`);
  });

  it('JSON Lines keeps the values as written (a JSON reader runs no formula)', () => {
    const [o] = jsonLines(run('--what', 'opportunities', '-f', 'jsonl').stdout);
    assert.equal(o.account, '=HYPERLINK("http://x.example","click")');
    assert.deepEqual(o.next, ["=cmd|' /C calc'!A0", 'ok, fine']);
  });

  it('leaves out a plan whose frontmatter cannot be read, and says so, except from findings', () => {
    const r = run('--what', 'opportunities');
    assert.equal(r.stderr, "account-plans: warning: 1 plan file has no readable frontmatter, so it is left out (run 'account-plans check')\n");
    const findings = records(run('--what', 'findings').stdout);
    const broken = findings.filter((x) => x.file === 'broken.account.md');
    assert.deepEqual(broken.map((x) => [x.account_id, x.code, x.severity]), [['', 'AP001', 'error']]);
  });

  it('writes the header alone when there are no rows', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-export-empty-'));
    try {
      fs.writeFileSync(path.join(empty, 'a.account.md'), '---\nid: a\n---\n');
      const r = cli(['export', '.', '-w', 'visits'], { cwd: empty });
      assert.equal(r.stdout, `\uFEFF${COLUMNS.visits.join(',')}\r\n`);
      assert.equal(cli(['export', '.', '-w', 'visits', '-f', 'jsonl'], { cwd: empty }).stdout, '');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('account-plans export: usage', function () {
  this.timeout(60_000);
  before(assertBuilt);

  it('needs --what', () => assertUsageError(cli(['export', '.'], { cwd: ROOT }), /export needs --what: opportunities, stakeholders, visits, findings/));
  it('rejects an unknown table', () => assertUsageError(cli(['export', '-w', 'deals'], { cwd: ROOT }), /unknown table 'deals' for --what/));
  it('rejects an unknown format', () => assertUsageError(cli(['export', '-w', 'visits', '-f', 'xlsx'], { cwd: ROOT }), /unknown format 'xlsx' for export; use one of csv, jsonl/));
  it('says when the output cannot be written', () =>
    assertUsageError(cli(['export', 'examples/hengtong-bank.account.md', '-w', 'visits', '-o', 'no/such/dir/x.csv', '--today', TODAY], { cwd: ROOT }), /cannot write no\/such\/dir\/x.csv: no such file or directory/));
  it('has help, and the main help lists it', () => {
    assert.match(cli(['export', '--help']).stdout, /^Usage: account-plans export \[PATH\.\.\.\] --what TABLE/);
    assert.match(cli(['--help']).stdout, /\n {2}export \[PATH\.\.\.\] {5}write opportunities, stakeholders, visits or findings/);
  });
});
