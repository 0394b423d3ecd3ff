import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { PACKAGE_VERSION, TODAY, assertBuilt, assertUsageError, cli, FIXTURES } from './helpers';

const BROKEN = 'plans/broken.account.md';
const CJK = 'cjk/浦发银行.account.md';

/** plans/broken.account.md checked on 2026-05-01, positions counted by hand from the fixture. */
const BROKEN_FINDINGS = [
  { line: 3, column: 7, endLine: 3, endColumn: 11, severity: 'error', code: 'AP002', message: 'tier: "Gold" is not one of VIP, A, B, C, D.' },
  { line: 4, column: 1, endLine: 4, endColumn: 5, severity: 'warning', code: 'AP003', message: 'Unknown key "ownr" in the plan; did you mean "owner"?' },
  { line: 10, column: 15, endLine: 10, endColumn: 16, severity: 'warning', code: 'AP012', message: 'Li Na, the economic buyer, opposes (attitude E).' },
  { line: 18, column: 12, endLine: 18, endColumn: 13, severity: 'warning', code: 'AP031', message: 'Stage B without an economic buyer known to support us (B- or better).' },
  { line: 18, column: 12, endLine: 18, endColumn: 13, severity: 'warning', code: 'AP032', message: 'Single-threaded: only 1 stakeholder met in the last 180 days; meet at least 3 at stage B.' },
  { line: 20, column: 12, endLine: 20, endColumn: 22, severity: 'warning', code: 'AP030', message: 'Close date 2026-03-31 has passed (31 days ago) while the opportunity is still at stage B.' },
  { line: 23, column: 16, endLine: 23, endColumn: 20, severity: 'error', code: 'AP005', message: 'No stakeholder has the id "zhou".' },
].map((f) => ({ file: BROKEN, ...f }));

describe('account-plans check', () => {
  before(assertBuilt);

  describe('--format json', () => {
    it('prints every finding with 1-based, end-exclusive positions', () => {
      const r = cli(['check', BROKEN, '--today', TODAY, '--format', 'json']);
      assert.equal(r.status, 1);
      assert.equal(r.stderr, '');
      assert.deepStrictEqual(JSON.parse(r.stdout), BROKEN_FINDINGS);
      assert.ok(r.stdout.startsWith('[{"file":') && r.stdout.indexOf('\n') === r.stdout.length - 1, 'one line when piped (indented on a terminal)');
    });

    it('counts columns in UTF-16 code units in a CJK file with a BOM and CRLF line endings', () => {
      // Line 22 is `    with: [zheng, 𠮷田, 王经理]`; 𠮷 is two UTF-16 code units, so 王经理 starts at column 24.
      const r = cli(['check', CJK, '--today', TODAY, '-f', 'json']);
      assert.equal(r.status, 1);
      assert.deepStrictEqual(JSON.parse(r.stdout), [
        { file: CJK, line: 22, column: 24, endLine: 22, endColumn: 27, severity: 'error', code: 'AP005', message: 'No stakeholder has the id "王经理".' },
      ]);
    });

    it('sorts by file, then position, across a directory walk', () => {
      const r = cli(['check', '.', '--today', TODAY, '-f', 'json']);
      const findings = JSON.parse(r.stdout) as { file: string; line: number }[];
      const files = [...new Set(findings.map((f) => f.file))];
      assert.deepStrictEqual(files, [CJK, 'forecast/a.account.md', 'forecast/b.account.md', 'forecast/c.account.md', 'forecast/d.account.md', BROKEN]);
      assert.deepStrictEqual(findings.filter((f) => f.file === BROKEN), BROKEN_FINDINGS);
    });

    it('prints an empty array for a clean plan and exits 0', () => {
      const r = cli(['check', 'plans/clean.account.md', '--today', TODAY, '-f', 'json']);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, '[]\n');
    });

    it('shows an absolute path as given', () => {
      const absolute = path.join(FIXTURES, BROKEN);
      const r = cli(['check', absolute, '--today', TODAY, '-f', 'json']);
      assert.ok((JSON.parse(r.stdout) as { file: string }[]).every((f) => f.file === absolute));
    });
  });

  describe('--format text', () => {
    it('groups findings under their file, aligned, with a summary', () => {
      const r = cli(['check', 'plans', '--today', TODAY]);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, [
        'plans/broken.account.md',
        '  3:7    error    AP002  tier: "Gold" is not one of VIP, A, B, C, D.',
        '  4:1    warning  AP003  Unknown key "ownr" in the plan; did you mean "owner"?',
        '  10:15  warning  AP012  Li Na, the economic buyer, opposes (attitude E).',
        '  18:12  warning  AP031  Stage B without an economic buyer known to support us (B- or better).',
        '  18:12  warning  AP032  Single-threaded: only 1 stakeholder met in the last 180 days; meet at least 3 at stage B.',
        '  20:12  warning  AP030  Close date 2026-03-31 has passed (31 days ago) while the opportunity is still at stage B.',
        '  23:16  error    AP005  No stakeholder has the id "zhou".',
        '',
        '7 problems (2 errors, 5 warnings) in 1 of 2 files',
        '',
      ].join('\n'));
    });

    it('separates files by a blank line', () => {
      const r = cli(['check', 'cjk', 'forecast', '--today', TODAY]);
      const blocks = r.stdout.trimEnd().split('\n\n');
      assert.deepStrictEqual(blocks.slice(0, -2).map((b) => b.split('\n')[0]),
        [CJK, 'forecast/a.account.md', 'forecast/b.account.md', 'forecast/c.account.md', 'forecast/d.account.md']);
      assert.match(blocks.at(-1)!, /^\d+ problems \(2 errors, \d+ warnings\) in 5 of 5 files$/);
    });

    it('says a finding repeated in several files once more in the summary, with the number of files', () => {
      const r = cli(['check', 'forecast', '--today', TODAY]);
      const blocks = r.stdout.trimEnd().split('\n\n');
      const repeats = blocks.at(-2)!.split('\n');
      assert.equal(repeats[0], 'Repeated in several files:');
      const stale = 'Stale account: it has an open opportunity and no visit logged yet.';
      assert.ok(repeats.includes(`  AP020  warning  × 3 files: ${stale}`), repeats.join('\n'));
      assert.equal(repeats.filter((l) => l.endsWith(stale)).length, 1, 'said once');
      const perFile = blocks.slice(0, -2).filter((b) => b.includes(`AP020  ${stale}`));
      assert.equal(perFile.length, 3, 'the per-file lines stay');
      const counts = repeats.slice(1).map((l) => Number(/× (\d+) files/.exec(l)![1]));
      assert.deepStrictEqual(counts, [...counts].sort((a, b) => b - a), 'most files first');
    });

    it('has no repeats block when no message comes back in two files', () => {
      const r = cli(['check', 'plans', '--today', TODAY]);
      assert.ok(!r.stdout.includes('Repeated in several files'), r.stdout);
    });

    it('counts information findings in the summary', () => {
      const r = cli(['check', BROKEN, '--today', TODAY, '--config', 'config/all-info.json']);
      assert.equal(r.status, 0);
      assert.ok(r.stdout.includes('\n  3:7    information  AP002  '), r.stdout);
      assert.match(r.stdout, /\n\n7 problems \(0 errors, 0 warnings, 7 information\) in 1 of 1 file\n$/);
    });

    it('says so when there is nothing to report', () => {
      const r = cli(['check', 'plans/clean.account.md', '--today', TODAY]);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, 'No problems in 1 file\n');
    });

    it('writes no colour codes when stdout is not a terminal', () => {
      const r = cli(['check', 'plans', '--today', TODAY], { env: { FORCE_COLOR: '1' } });
      assert.ok(!r.stdout.includes('\x1b['));
    });

    it('speaks Chinese with --lang zh-cn', () => {
      const r = cli(['check', CJK, '--today', TODAY, '--lang', 'zh-cn']);
      assert.equal(r.stdout, `${CJK}\n  22:24  error  AP005  没有 id 为 "王经理" 的联系人。\n\n1 problem (1 error, 0 warnings) in 1 of 1 file\n`);
    });
  });

  describe('--min-severity', () => {
    const codesOf = (args: string[]) => {
      const r = cli(['check', BROKEN, '--today', TODAY, '-f', 'json', ...args]);
      return { status: r.status, codes: (JSON.parse(r.stdout) as { code: string }[]).map((f) => f.code) };
    };

    it('shows every finding by default (hint)', () => {
      assert.deepStrictEqual(codesOf([]).codes, BROKEN_FINDINGS.map((f) => f.code));
      assert.deepStrictEqual(codesOf(['--min-severity', 'hint']).codes, BROKEN_FINDINGS.map((f) => f.code));
    });

    it('error leaves only the errors, in every format, and the exit status still says there is one', () => {
      assert.deepStrictEqual(codesOf(['--min-severity', 'error']), { status: 1, codes: ['AP002', 'AP005'] });
      const text = cli(['check', BROKEN, '--today', TODAY, '--min-severity', 'error']);
      assert.equal(text.status, 1);
      assert.ok(!text.stdout.includes('warning  '), text.stdout);
      assert.match(text.stdout, /\n\n2 problems \(2 errors, 0 warnings\) in 1 of 1 file\n$/);
      const github = cli(['check', BROKEN, '--today', TODAY, '-f', 'github', '--min-severity', 'error']);
      assert.equal(github.stdout.trimEnd().split('\n').length, 2);
    });

    it('info hides nothing above it and the hidden findings do not count', () => {
      // all-info.json turns every rule into information: at warning, nothing is left.
      const hidden = cli(['check', BROKEN, '--today', TODAY, '-c', 'config/all-info.json', '--min-severity', 'warning']);
      assert.equal(hidden.status, 0);
      assert.equal(hidden.stdout, 'No problems in 1 file\n');
      for (const level of ['info', 'information']) {
        assert.equal(codesOf(['-c', 'config/all-info.json', '--min-severity', level]).codes.length, BROKEN_FINDINGS.length, level);
      }
    });

    it('rejects an unknown level', () => {
      assertUsageError(cli(['check', '--min-severity', 'fatal']), /unknown severity 'fatal' for --min-severity; use one of error, warning, info, hint/);
    });
  });

  describe('--format github', () => {
    it('prints one workflow command per finding', () => {
      const r = cli(['check', BROKEN, '--today', TODAY, '-f', 'github']);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, [
        '::error file=plans/broken.account.md,line=3,col=7,endLine=3,endColumn=11,title=AP002::tier: "Gold" is not one of VIP, A, B, C, D.',
        '::warning file=plans/broken.account.md,line=4,col=1,endLine=4,endColumn=5,title=AP003::Unknown key "ownr" in the plan; did you mean "owner"?',
        '::warning file=plans/broken.account.md,line=10,col=15,endLine=10,endColumn=16,title=AP012::Li Na, the economic buyer, opposes (attitude E).',
        '::warning file=plans/broken.account.md,line=18,col=12,endLine=18,endColumn=13,title=AP031::Stage B without an economic buyer known to support us (B- or better).',
        '::warning file=plans/broken.account.md,line=18,col=12,endLine=18,endColumn=13,title=AP032::Single-threaded: only 1 stakeholder met in the last 180 days; meet at least 3 at stage B.',
        '::warning file=plans/broken.account.md,line=20,col=12,endLine=20,endColumn=22,title=AP030::Close date 2026-03-31 has passed (31 days ago) while the opportunity is still at stage B.',
        '::error file=plans/broken.account.md,line=23,col=16,endLine=23,endColumn=20,title=AP005::No stakeholder has the id "zhou".',
        '',
      ].join('\n'));
    });

    it('prints nothing for a clean plan', () => {
      const r = cli(['check', 'plans/clean.account.md', '--today', TODAY, '-f', 'github']);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, '');
    });
  });

  describe('--format sarif', () => {
    interface Sarif {
      $schema: string; version: string;
      runs: {
        tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
        originalUriBaseIds: Record<string, { uri: string }>;
        results: {
          ruleId: string; ruleIndex: number; level: string; message: { text: string };
          locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
        }[];
      }[];
    }
    const sarifOf = (args: string[]) => {
      const r = cli(['check', ...args, '--today', TODAY, '-f', 'sarif']);
      return { status: r.status, log: JSON.parse(r.stdout) as Sarif };
    };

    it('is a SARIF 2.1.0 log with every rule described', () => {
      const { status, log } = sarifOf([BROKEN]);
      assert.equal(status, 1);
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      assert.equal(log.runs.length, 1);
      const { driver } = log.runs[0].tool;
      assert.equal(driver.name, 'account-plans');
      assert.equal(driver.version, PACKAGE_VERSION);
      assert.deepStrictEqual(driver.rules.map((r) => r.id), [
        'AP001', 'AP002', 'AP003', 'AP004', 'AP005', 'AP006', 'AP010', 'AP011', 'AP012', 'AP013',
        'AP020', 'AP021', 'AP022', 'AP023', 'AP030', 'AP031', 'AP032', 'AP040', 'AP050',
      ]);
      for (const rule of driver.rules) {
        assert.ok(rule.shortDescription.text.length > 0, rule.id);
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
      }
      assert.equal(driver.rules.find((r) => r.id === 'AP022')!.defaultConfiguration.level, 'note');
      assert.match(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    });

    it('has one result per finding, pointing at its rule and region', () => {
      const { log } = sarifOf([BROKEN]);
      const { results, tool } = log.runs[0];
      assert.equal(results.length, BROKEN_FINDINGS.length);
      results.forEach((result, i) => {
        const f = BROKEN_FINDINGS[i];
        assert.equal(result.ruleId, f.code);
        assert.equal(tool.driver.rules[result.ruleIndex].id, f.code);
        assert.equal(result.level, f.severity === 'error' ? 'error' : 'warning');
        assert.equal(result.message.text, f.message);
        assert.deepStrictEqual(result.locations[0].physicalLocation, {
          artifactLocation: { uri: 'plans/broken.account.md', uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        });
      });
    });

    it('percent-encodes a non-ASCII file name in a relative URI', () => {
      const { log } = sarifOf([path.join(FIXTURES, CJK)]);
      assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri,
        `cjk/${encodeURIComponent('浦发银行.account.md')}`);
    });

    it('maps information findings to "note"', () => {
      const { log } = sarifOf(['plans/clean.account.md', '-c', 'config/all-info.json']);
      assert.ok(log.runs[0].results.length === 0, 'the clean plan stays clean');
      const broken = sarifOf([BROKEN, '-c', 'config/all-info.json']);
      assert.equal(broken.status, 0);
      assert.ok(broken.log.runs[0].results.every((r) => r.level === 'note'));
    });
  });

  describe('exit status and settings', () => {
    it('is 0 without errors, 1 with one', () => {
      assert.equal(cli(['check', 'plans/clean.account.md', '--today', TODAY]).status, 0);
      assert.equal(cli(['check', BROKEN, '--today', TODAY]).status, 1);
    });

    it('reads a config with editor-style keys; a rule turned to warning no longer fails', () => {
      const r = cli(['check', CJK, '--today', TODAY, '--config', 'config/settings.json', '-f', 'json']);
      assert.equal(r.status, 0);
      assert.deepStrictEqual((JSON.parse(r.stdout) as { code: string; severity: string }[]).map((f) => [f.code, f.severity]), [['AP005', 'warning']]);
    });

    it('judges time rules at --today', () => {
      const r = cli(['check', BROKEN, '--today', '2026-03-01', '-f', 'json']);
      assert.ok(!(JSON.parse(r.stdout) as { code: string }[]).some((f) => f.code === 'AP030'), 'the close date is still ahead');
    });

    it('rejects a config that cannot be read, parsed or applied', () => {
      assertUsageError(cli(['check', '--config', 'config/missing.json']), /cannot read config config\/missing\.json: no such file or directory/);
      assertUsageError(cli(['check', '--config', 'config/not-json.json']), /config config\/not-json\.json is not valid JSON/);
      assertUsageError(cli(['check', '--config', 'config/bad-value.json']), /config config\/bad-value\.json: .*staleDays/);
      assertUsageError(cli(['check', '--config', 'config/array.json']), /must hold a JSON object/);
    });

    it('rejects a bad --currency, --format, --today or --lang', () => {
      assertUsageError(cli(['check', '--currency', 'usd']), /--currency takes a currency code of three capital letters/);
      assertUsageError(cli(['check', '--format', 'xml']), /unknown format 'xml' for check; use one of text, json, github, sarif/);
      assertUsageError(cli(['check', '--today', '2026-02-30']), /--today takes a date YYYY-MM-DD, got '2026-02-30'/);
      assertUsageError(cli(['check', '--today', 'tomorrow']), /--today takes a date/);
      assertUsageError(cli(['check', '--lang', 'fr']), /unknown language 'fr'; use one of en, zh-cn/);
    });
  });
});
