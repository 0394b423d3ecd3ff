#!/usr/bin/env node
// `npm run bench:diff`: `diff` and `report` on a git repository of generated plans, measured side by
// side with the floor any such diff has (not part of `npm test`; timings never go in tests).
//   --plans N (default 10000)   --changed M (default 1000)   --rounds R (default 5)
//
// The repository: N plans committed (BASE), then M of them changed — a stage moved, an amount
// raised, an attitude changed, a visit added — and committed (HEAD). Each round runs, in turn and
// in a rotating order (so neither warms the disk cache for the other):
//   baseline  one process: `git diff-tree --raw` for the changed blobs, ONE `git cat-file --batch`
//             stream for both sides of each, and js-yaml's load of each frontmatter;
//   diff      `node dist/cli.js diff BASE HEAD --format json`;
//   report    `node dist/cli.js report --base BASE`.
// Budgets (issue #11): diff ≤ 2 × baseline, report ≤ 1.2 × diff, both by the median of the rounds.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { median } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const plans = option('--plans', 10000);
const changed = Math.min(option('--changed', 1000), plans);
const rounds = option('--rounds', 5);
const WORK = path.join(os.tmpdir(), `account-plans-bench-diff-${plans}-${changed}`);
const REPO = path.join(WORK, 'repo');
const CLI = path.join(ROOT, 'dist', 'cli.js');

// git as in the tests: no system or user config, fixed names and dates.
const gitEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_'))),
  HOME: WORK, XDG_CONFIG_HOME: WORK, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(WORK, 'no-gitconfig'),
  GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_AUTHOR_DATE: '2026-11-01T10:00:00+08:00', GIT_COMMITTER_DATE: '2026-11-01T10:00:00+08:00',
  // No automatic gc in the background: the repository is packed once, below, before any timing.
  GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'gc.auto', GIT_CONFIG_VALUE_0: '0',
};
const git = (...a) => execFileSync('git', a, { cwd: REPO, env: gitEnv, encoding: 'utf8', maxBuffer: 1 << 30 }).trim();

/** A business change to plan `i`'s text: the first deal moves a stage, its amount rises, a person's attitude moves, a visit is added. */
function change(text, i) {
  const STAGES = ['G', 'F', 'E', 'D', 'C', 'B', 'A'];
  return text
    .replace(/^ {4}stage: (\S+)$/m, (_, s) => `    stage: ${STAGES[(STAGES.indexOf(s) + 1 + (i % 3)) % STAGES.length]}`)
    .replace(/^ {4}amount: (\d+)$/m, (_, a) => `    amount: ${Number(a) + 50000}`)
    .replace(/^ {4}attitude: (\S+)$/m, (_, a) => `    attitude: ${a === 'B' ? 'C' : 'B'}`)
    .replace(/^visits:$/m, `visits:\n  - date: 2026-11-20\n    purpose: progress\n    with: [p0]\n    summary: Bench visit ${i}.`);
}

function buildRepository() {
  const ready = path.join(WORK, 'ready.json');
  if (fs.existsSync(ready)) return JSON.parse(fs.readFileSync(ready, 'utf8'));
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  generate(REPO, plans, { stakeholders: 8, opportunities: 3, visits: 15 });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', `${plans} plans`);
  const base = git('rev-parse', 'HEAD');
  // Every (plans / changed)-th plan, spread over all the regions.
  const step = plans / changed;
  for (let k = 0; k < changed; k++) {
    const i = Math.floor(k * step);
    const file = path.join(REPO, `region-${i % 20}`, `acct-${i}.account.md`);
    fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8'), i));
  }
  git('add', '-A');
  git('commit', '-q', '-m', `${changed} plans changed`);
  const head = git('rev-parse', 'HEAD');
  // Packed, as a clone is: blobs are read from a pack, not from 20,000 loose files.
  git('gc', '--quiet');
  const count = git('diff', '--name-only', base, head).split('\n').length;
  if (count !== changed) throw new Error(`expected ${changed} changed plans, git sees ${count}`);
  fs.writeFileSync(ready, JSON.stringify({ base, head }));
  return { base, head };
}

// The baseline, in its own process like the CLI.
const BASELINE = path.join(WORK, 'baseline.cjs');
const baselineSource = `const { execFileSync } = require('child_process');
const yaml = require(${JSON.stringify(require.resolve('js-yaml'))});
const [base, head] = process.argv.slice(2);
const opts = { maxBuffer: 1 << 30 };
const raw = execFileSync('git', ['diff-tree', '-r', '-z', '--no-renames', base, head], opts).toString('utf8').split('\\0');
const ids = [];
for (let i = 0; i + 1 < raw.length; i += 2) {
  const [, , oldId, newId] = raw[i].split(' ');
  for (const id of [oldId, newId]) if (!/^0+$/.test(id)) ids.push(id);
}
const out = execFileSync('git', ['cat-file', '--batch'], { ...opts, input: ids.join('\\n') + '\\n' });
let at = 0, parsed = 0;
while (at < out.length) {
  const nl = out.indexOf(10, at);
  const size = Number(out.toString('latin1', at, nl).split(' ')[2]);
  const text = out.toString('utf8', nl + 1, nl + 1 + size);
  at = nl + 1 + size + 1;
  yaml.load(text.slice(4, text.indexOf('\\n---', 4)));
  parsed++;
}
if (parsed !== ids.length) throw new Error('read ' + parsed + ' of ' + ids.length + ' blobs');
process.stdout.write(String(parsed));
`;

function timed(argv) {
  const t = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: REPO, env: gitEnv, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { ms: performance.now() - t, status: r.status, stdout: r.stdout, stderr: r.stderr };
}


console.log(`[bench:diff] ${plans} plans, ${changed} changed, ${rounds} rounds, in ${REPO} (node ${process.version}, ${os.availableParallelism()} cores)`);
const { base, head } = buildRepository();
fs.writeFileSync(BASELINE, baselineSource);
execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });

const MEASURES = {
  baseline: [BASELINE, base, head],
  diff: [CLI, 'diff', base, head, '--format', 'json'],
  report: [CLI, 'report', '--base', base],
};

// A command this build does not have yet (`diff` and `report` land with their own branch) is
// reported as such, and the others are still measured.
const missing = {};
for (const [name, argv] of Object.entries(MEASURES)) {
  if (name === 'baseline') continue;
  const r = timed([CLI, argv[1], '--help']);
  if (r.status !== 0) missing[name] = r.stderr.trim().split('\n')[0];
}
const wanted = Object.keys(MEASURES).filter((n) => !missing[n]);
const times = Object.fromEntries(wanted.map((n) => [n, []]));
const outputs = {};
for (let round = 0; round < rounds + 1; round++) {
  // Round 0 warms the disk cache and is not counted; the order rotates each round.
  const order = wanted.map((_, k) => wanted[(k + round) % wanted.length]);
  for (const name of order) {
    const r = timed(MEASURES[name]);
    if (r.status !== 0) throw new Error(`${name}: exit ${r.status}\n${r.stderr}`);
    outputs[name] = r.stdout;
    if (round > 0) times[name].push(r.ms);
  }
}

console.log(`[bench:diff] rounds (ms): ${JSON.stringify(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.map(Math.round)])))}`);
console.log(`[bench:diff] baseline parsed ${outputs.baseline} blobs (both sides of ${changed} plans); diff printed ${outputs.diff?.length ?? 0} characters of JSON, report ${outputs.report?.length ?? 0} of Markdown`);
const ratio = (a, b) => (a === undefined || b === undefined ? undefined : a / b);
// Each round's own ratio as well (its three runs follow one another): this machine's speed drifts
// between rounds minutes apart, and a ratio within a round is less moved by it. Said, not judged.
if (times.diff?.length && times.baseline?.length) {
  const perRound = times.diff.map((d, i) => d / times.baseline[i]);
  console.log(`[bench:diff] diff / baseline in each round: ${perRound.map((r) => r.toFixed(2)).join(' / ')} (median ${median(perRound).toFixed(2)} ×)`);
}
const verdict = (r, budget) => (r === undefined ? undefined : r <= budget);
const med = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
const rows = [
  [`baseline: diff-tree + one cat-file --batch + js-yaml (${changed} of ${plans} plans)`, med.baseline, 'ms', '', undefined],
  ['diff BASE HEAD --format json', med.diff, 'ms', '', undefined],
  ['report --base BASE', med.report, 'ms', '', undefined],
  ['diff / baseline', ratio(med.diff, med.baseline), '×', '≤ 2', verdict(ratio(med.diff, med.baseline), 2)],
  ['report / diff', ratio(med.report, med.diff), '×', '≤ 1.2', verdict(ratio(med.report, med.diff), 1.2)],
];
const fmt = (v, unit) => (v === undefined ? 'not measured' : unit === '×' ? `${v.toFixed(2)} ×` : `${Math.round(v)} ${unit}`);
console.log('\n| measure | value | budget | verdict |\n|---|---:|---|---|');
for (const [name, v, unit, budget, ok] of rows) console.log(`| ${name} | ${fmt(v, unit)} | ${budget} | ${ok === undefined ? '' : ok ? 'PASS' : 'FAIL'} |`);
for (const [name, why] of Object.entries(missing)) {
  console.log(`\n[bench:diff] '${name}' is not in this build of dist/cli.js (${why}): it lands with the diff-report branch; `
    + 'merge it and run again. Only the measures above with a value were taken.');
}
if (Object.keys(missing).length) process.exit(1);
if (rows.some(([, , , , ok]) => ok === false)) process.exit(1);
