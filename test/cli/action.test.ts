import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT, assertBuilt, cli } from './helpers';

interface ActionStep { name?: string; run?: string; uses?: string; with?: Record<string, string> }
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const runs = action.runs.steps.flatMap((s) => (s.run ? [s.run.replace(/\\\n\s*/g, ' ')] : []));
const CLI_CALL = 'node "$GITHUB_ACTION_PATH/dist/cli.js" ';

/** Each call of the CLI in the action's shell steps: the command, then its words up to a redirection or `||`. */
function cliCalls(): { command: string; words: string[]; line: string }[] {
  return runs.flatMap((script) => script.split('\n')).flatMap((line) => {
    const at = line.indexOf(CLI_CALL);
    if (at < 0) return [];
    const rest = line.slice(at + CLI_CALL.length).split(/\s(?:>>?|\|\|?|&&|;)\s?/)[0];
    const [command, ...words] = rest.trim().split(/\s+/);
    return [{ command, words, line: line.trim() }];
  });
}

describe('action.yml (the GitHub Action) cannot rot', () => {
  before(assertBuilt);

  it('is a composite action with the documented inputs', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['base', 'comment', 'fail-on', 'github-token', 'paths', 'sarif']);
    for (const [name, input] of Object.entries(action.inputs)) assert.ok(input.description.length > 10, `${name} is described`);
  });

  it('runs check (github and sarif) and report (summary and comment)', () => {
    const calls = cliCalls().map((c) => `${c.command} ${c.words.filter((w) => !w.startsWith('"')).join(' ')}`);
    assert.deepEqual(calls, [
      'check --format github --',
      'check --format sarif --',
      'report --base --for summary',
      'report --base --for comment',
    ]);
    assert.ok(action.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@')), 'SARIF upload');
    assert.ok(runs.some((r) => r.includes('<!-- account-plans-report -->')), 'the sticky comment\'s hidden marker');
  });

  it('every option and literal value it gives the CLI is one the CLI\'s help documents', () => {
    const problems: string[] = [];
    for (const { command, words, line } of cliCalls()) {
      const help = cli([command, '--help'], { cwd: ROOT });
      if (help.status !== 0) {
        problems.push(`'${command} --help' exits ${help.status}: ${help.stderr.trim()} (used by: ${line})`);
        continue;
      }
      words.forEach((word, i) => {
        if (word === '--') return;
        if (word.startsWith('-') && !new RegExp(`(^|[\\s,])${word}[\\s=]`, 'm').test(help.stdout)) problems.push(`${command} has no option ${word}`);
        const literal = !word.startsWith('-') && !word.startsWith('"') && words[i - 1]?.startsWith('-');
        if (literal && !new RegExp(`\\b${word}\\b`).test(help.stdout)) problems.push(`${command} ${words[i - 1]} does not take '${word}'`);
      });
    }
    assert.deepEqual(problems, []);
  });

  it('builds the CLI with the esbuild of package.json and the options of esbuild.js, into a bundle that runs', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const build = runs.find((r) => r.includes('npx --yes esbuild@'));
    assert.ok(build, 'a build step');
    const m = /npx --yes esbuild@(\S+) (.*--outfile=dist\/cli\.js[^\n]*)/.exec(build);
    assert.ok(m, build);
    assert.equal(m[1], pkg.devDependencies.esbuild);
    const esbuildJs = fs.readFileSync(path.join(ROOT, 'esbuild.js'), 'utf8');
    // esbuild.js splits the CLI into a launcher (answers --version) and the engine built from main.ts;
    // the action needs no fast --version and bundles main.ts alone, with the launcher's shebang.
    assert.match(esbuildJs, /entryPoints: \['src\/cli\/main\.ts'\], outfile: `\$\{out\}\/cli-main\.js`, loader: \{ '\.css': 'text' \}/);
    assert.match(esbuildJs, /entryPoints: \['src\/cli\/launcher\.ts'\], outfile: `\$\{out\}\/cli\.js`, banner: \{ js: '#!\/usr\/bin\/env node' \}/);
    assert.match(esbuildJs, /target: 'node20',\s+format: 'cjs'/);

    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-action-'));
    try {
      const args = (m[2].match(/"[^"]*"|\S+/g) ?? []).map((a) => a.replace(/^"|"$/g, '').replace('--outfile=dist/cli.js', `--outfile=${out}/cli.js`));
      execFileSync(path.join(ROOT, 'node_modules/.bin/esbuild'), args, { cwd: ROOT, stdio: 'pipe' });
      assert.ok(fs.readFileSync(path.join(out, 'cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n'));
      const version = execFileSync(process.execPath, [path.join(out, 'cli.js'), '--version'], { encoding: 'utf8' });
      assert.match(version, /^\d+\.\d+\.\d+/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
