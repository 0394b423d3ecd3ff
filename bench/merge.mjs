#!/usr/bin/env node
// `npm run bench:merge`: the merge driver, as git runs it (one process per plan), measured side by
// side with parsing the plan's three versions once (not part of `npm test`; timings never go in tests).
//   --rounds R (default 7)
//
// Two plans from bench/generate.mjs: a 6 KB one (8 stakeholders, 15 visits) and a large one (500
// stakeholders, 300 visits). For each, BASE and two concurrent edits of it, as two sellers make
// them in the same week: OURS logs a visit and changes an attitude, THEIRS logs another visit and
// adds a stakeholder. Each round runs, in a rotating order (so none warms a cache for another):
//   baseline  a node process that reads the three files and loads each frontmatter with js-yaml,
//             the cheaper of the two parsers the project has (`yaml` is measured too, for
//             information): "parsing the three versions once, CLI start-up included";
//   merge     `node dist/cli.js merge BASE OURS THEIRS PATH` on a fresh copy of OURS (the copy is
//             made before the clock starts), exactly the command line git-setup configures.
// Budget (issue #12): merge ≤ 3 × baseline, for each plan, by the median of the rounds. The merged
// text is checked after every run: both visits, the attitude and the new stakeholder, exit 0.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { planText } from './generate.mjs';
import { median } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const args = process.argv.slice(2);
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 7;
const WORK = path.join(os.tmpdir(), 'account-plans-bench-merge');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const BUDGET = 3;

const PLANS = {
  small: { seed: 1, shape: { stakeholders: 8, opportunities: 3, visits: 15 } },
  // The shape of bench/run.mjs' large plan (its "150 KB plan": the generator writes about 240 KB).
  large: { seed: 1, shape: { stakeholders: 500, opportunities: 20, visits: 300 } },
};

/** Inserts `lines` before the line `before` (the first one that matches). */
const insertBefore = (text, before, lines) => {
  const at = text.search(before);
  if (at < 0) throw new Error(`no ${before}`);
  return text.slice(0, at) + lines.map((l) => `${l}\n`).join('') + text.slice(at);
};
const visit = (date, who, summary) =>
  [`  - date: ${date}`, '    purpose: progress', `    with: [${who}]`, '    by: [林山]', `    summary: ${summary}`];

/** BASE, OURS (a visit, an attitude) and THEIRS (a visit, a stakeholder). */
function versions(seed, shape) {
  const base = planText(seed, shape);
  const attitude = /^( {4}attitude: )(\S+)$/m.exec(base.slice(base.indexOf('  - id: p3\n')));
  const changed = attitude[2] === 'B' ? 'C' : 'B';
  let ours = base.replace(/(  - id: p3\n(?: {4}.*\n)*? {4}attitude: )\S+/, `$1${changed}`);
  ours = appendVisit(ours, visit('2026-11-25', 'p3', 'Ours - the CIO is on board.'));
  let theirs = insertBefore(base, /^opportunities:$/m, [
    '  - id: newcfo', '    name: 新财务总监', '    title: CFO', '    roles: [financial]', '    layer: decision', '    attitude: C']);
  theirs = appendVisit(theirs, visit('2026-11-20', 'newcfo', 'Theirs - met the new CFO.'));
  return { base, ours, theirs, changed };
}

/** A visit at the end of the visit log (the last list of the frontmatter). */
function appendVisit(text, lines) {
  const close = text.indexOf('\n---\n', 4);
  return `${text.slice(0, close + 1)}${lines.map((l) => `${l}\n`).join('')}${text.slice(close + 1)}`;
}

function check(name, merged, v) {
  const wants = ['Ours - the CIO is on board.', 'Theirs - met the new CFO.', '  - id: newcfo\n'];
  for (const w of wants) if (!merged.includes(w)) throw new Error(`${name}: the merge lost ${JSON.stringify(w)}`);
  if (!new RegExp(`  - id: p3\\n(?: {4}.*\\n)*? {4}attitude: ${v.changed}\\n`).test(merged)) throw new Error(`${name}: the merge lost the attitude`);
  if (merged.includes('<<<<<<<')) throw new Error(`${name}: the merge left conflict markers`);
}

const BASELINE = path.join(WORK, 'baseline.cjs');
const baselineSource = (parser) => `const fs = require('fs');
const parse = ${parser === 'js-yaml'
    ? `require(${JSON.stringify(require.resolve('js-yaml'))}).load`
    : `require(${JSON.stringify(require.resolve('yaml'))}).parseDocument`};
let keys = 0;
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  const doc = parse(text.slice(4, text.indexOf('\\n---', 4)));
  keys += Object.keys(${parser === 'js-yaml' ? 'doc' : 'doc.toJS()'}).length;
}
process.stdout.write(String(keys));
`;

function timed(argv) {
  const t = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: WORK, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { ms: performance.now() - t, status: r.status, stdout: r.stdout, stderr: r.stderr };
}


console.log(`[bench:merge] ${rounds} rounds, in ${WORK} (node ${process.version}, ${os.availableParallelism()} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`);
fs.rmSync(WORK, { recursive: true, force: true });
fs.mkdirSync(WORK, { recursive: true });
execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
fs.writeFileSync(BASELINE, baselineSource('js-yaml'));
fs.writeFileSync(path.join(WORK, 'baseline-yaml.cjs'), baselineSource('yaml'));

const sizes = {};
const MEASURES = {};
const v = {};
for (const [name, { seed, shape }] of Object.entries(PLANS)) {
  v[name] = versions(seed, shape);
  const file = (side) => path.join(WORK, `${name}-${side}.account.md`);
  for (const side of ['base', 'ours', 'theirs']) fs.writeFileSync(file(side), v[name][side]);
  sizes[name] = { bytes: Buffer.byteLength(v[name].base), ...shape };
  const three = ['base', 'ours', 'theirs'].map(file);
  MEASURES[`${name}: baseline (js-yaml)`] = { argv: [BASELINE, ...three] };
  MEASURES[`${name}: baseline (yaml)`] = { argv: [path.join(WORK, 'baseline-yaml.cjs'), ...three] };
  MEASURES[`${name}: merge`] = {
    argv: [CLI, 'merge', file('base'), file('copy'), file('theirs'), `plans/${name}.account.md`],
    before: () => fs.copyFileSync(file('ours'), file('copy')),
    after: () => check(name, fs.readFileSync(file('copy'), 'utf8'), v[name]),
  };
}

const names = Object.keys(MEASURES);
const times = Object.fromEntries(names.map((n) => [n, []]));
for (let round = 0; round < rounds + 1; round++) {
  // Round 0 warms the disk cache and is not counted; the order rotates each round.
  const order = names.map((_, k) => names[(k + round) % names.length]);
  for (const name of order) {
    const m = MEASURES[name];
    m.before?.();
    const r = timed(m.argv);
    if (r.status !== 0) throw new Error(`${name}: exit ${r.status}\n${r.stderr}`);
    m.after?.();
    if (round > 0) times[name].push(r.ms);
  }
}

console.log(`[bench:merge] rounds (ms): ${JSON.stringify(Object.fromEntries(Object.entries(times).map(([k, t]) => [k, t.map(Math.round)])))}`);
const med = Object.fromEntries(Object.entries(times).map(([k, t]) => [k, median(t)]));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
console.log('\n| plan | baseline: node + read + js-yaml ×3 | (`yaml` ×3, for information) | `account-plans merge` | ratio | budget | verdict |');
console.log('|---|---:|---:|---:|---:|---|---|');
let failed = false;
for (const [name, s] of Object.entries(sizes)) {
  const ratio = med[`${name}: merge`] / med[`${name}: baseline (js-yaml)`];
  failed ||= ratio > BUDGET;
  console.log(`| ${kb(s.bytes)} (${s.stakeholders} stakeholders, ${s.visits} visits) | ${Math.round(med[`${name}: baseline (js-yaml)`])} ms `
    + `| ${Math.round(med[`${name}: baseline (yaml)`])} ms | ${Math.round(med[`${name}: merge`])} ms | ${ratio.toFixed(2)} × | ≤ ${BUDGET} × | ${ratio <= BUDGET ? 'PASS' : 'FAIL'} |`);
}
if (failed) process.exit(1);
