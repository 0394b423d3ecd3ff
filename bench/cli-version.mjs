#!/usr/bin/env node
// `npm run bench:version`: how long `account-plans --version` takes, next to the floor (starting
// Node with nothing to run) and to what it took when the whole engine was loaded first (the
// engine bundle, dist/cli-main.js, still answers --version itself). Budget (issue #14): ≤ 100 ms.
// Runs the three in turn, ROUNDS times (default 30), and prints the median and the fastest wall
// time, and the median CPU time (user + system, from process.cpuUsage() at exit): on a busy machine
// the wall time mostly measures the wait for a core, the CPU time what the start itself costs.
//   node bench/cli-version.mjs [--rounds N] [--cli DIR]   (DIR: where cli.js and cli-main.js are; default dist)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const rounds = Number(option('--rounds', 30));
const dir = path.resolve(ROOT, option('--cli', 'dist'));
for (const f of ['cli.js', 'cli-main.js']) {
  if (!fs.existsSync(path.join(dir, f))) throw new Error(`${path.join(dir, f)} is missing: run npm run build (or npm run package)`);
}

const cases = [
  ['node -e 0 (the floor: starting Node)', ['-e', '0']],
  [`account-plans --version (${path.relative(ROOT, dir)}/cli.js)`, [path.join(dir, 'cli.js'), '--version']],
  ['the engine bundle loaded first (cli-main.js --version)', [path.join(dir, 'cli-main.js'), '--version']],
];
// Preloaded into each run: prints the process's CPU time on stderr as it exits.
const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ap-bench-version-')), 'cpu.cjs');
fs.writeFileSync(probe, "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`cpu-us:${u.user + u.system}\\n`); });\n");
const times = cases.map(() => []);
const cpu = cases.map(() => []);
for (let r = 0; r < rounds; r++) {
  cases.forEach(([, argv], i) => {
    const t = process.hrtime.bigint();
    const p = spawnSync(process.execPath, ['--require', probe, ...argv], { encoding: 'utf8' });
    times[i].push(Number(process.hrtime.bigint() - t) / 1e6);
    if (p.status !== 0) throw new Error(`node ${argv.join(' ')} failed: ${p.stderr}`);
    cpu[i].push(Number(/cpu-us:(\d+)/.exec(p.stderr)[1]) / 1000);
  });
}
fs.rmSync(path.dirname(probe), { recursive: true, force: true });
const kb = (f) => (fs.statSync(path.join(dir, f)).size / 1024).toFixed(0);
console.log(`\nNode ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}; ${rounds} rounds; cli.js ${kb('cli.js')} KiB, cli-main.js ${kb('cli-main.js')} KiB\n`);
console.log('| what | wall, median | wall, fastest | CPU, median |');
console.log('|---|---:|---:|---:|');
cases.forEach(([name], i) => console.log(`| ${name} | ${median(times[i]).toFixed(0)} ms | ${Math.min(...times[i]).toFixed(0)} ms | ${median(cpu[i]).toFixed(0)} ms |`));
const v = median(times[1]);
console.log(`\n--version: ${v.toFixed(0)} ms median wall time, ${v <= 100 ? 'within' : 'OVER'} the 100 ms budget (the floor, starting Node: ${median(times[0]).toFixed(0)} ms)`);
