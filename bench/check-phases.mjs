#!/usr/bin/env node
// `npm run bench:phases`: where a cold `check` spends its time (issue #15). Each phase runs in a
// fresh process over the same generated plans and includes the phases before it, so the step
// from one row to the next is that phase's cost; js-yaml (read + load of each frontmatter) is the
// baseline the checker is held to. Rounds rotate the order; figures are medians.
//   --plans N (default 10000)   --rounds R (default 5)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { median } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const plans = option('--plans', 10000);
const rounds = option('--rounds', 5);
const WS = path.join(os.tmpdir(), `account-plans-bench-phases-${plans}`);
const TODAY = '2026-11-24';
const PHASES = [
  ['read', 'read every file'],
  ['js-yaml', 'read + js-yaml load of each frontmatter (the baseline)'],
  ['split', 'read + split the frontmatter'],
  ['parse', '+ limits, YAML with positions (fast path or `yaml`)'],
  ['validate', '+ unknown keys and the schema (zod)'],
  ['check', '+ rules, facts and messages (checkPlan)'],
  ['hand-off', '+ structured clone of the findings (a worker\'s reply)'],
  ['output', '+ JSON of all findings'],
];

if (!fs.existsSync(`${WS}.ready`)) {
  generate(WS, plans, { stakeholders: 8, opportunities: 3, visits: 15 });
  fs.writeFileSync(`${WS}.ready`, '');
}
execFileSync('npx', ['tsc', '-p', '.'], { cwd: ROOT, stdio: 'inherit' });
const child = path.join(ROOT, 'bench', 'check-phases.cjs');
const times = Object.fromEntries(PHASES.map(([p]) => [p, []]));
for (let r = 0; r < rounds; r++) {
  const order = PHASES.map(([p]) => p);
  for (const p of [...order.slice(r % order.length), ...order.slice(0, r % order.length)]) {
    const t = performance.now();
    const run = spawnSync(process.execPath, [child, p, WS, TODAY], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status !== 0) throw new Error(`phase ${p}: exit ${run.status}\n${run.stderr}`);
    times[p].push(performance.now() - t);
  }
}
const ms = Object.fromEntries(PHASES.map(([p]) => [p, median(times[p])]));
console.log(`\n[bench:phases] ${plans} plans, ${rounds} rounds, cold processes (node ${process.version}, ${os.availableParallelism()} cores)\n`);
console.log('| phase | cumulative | this phase | × baseline |');
console.log('|---|---:|---:|---:|');
let previous = 0;
for (const [p, label] of PHASES) {
  const step = p === 'js-yaml' ? ms[p] - ms.read : p === 'split' ? ms[p] - ms.read : ms[p] - previous;
  console.log(`| ${label} | ${ms[p].toFixed(0)} ms | ${step.toFixed(0)} ms | ${(ms[p] / ms['js-yaml']).toFixed(2)} × |`);
  if (p !== 'js-yaml') previous = ms[p];
}
