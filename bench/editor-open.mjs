#!/usr/bin/env node
// The editor on a large workspace, in the real VS Code: a cold open (fresh profile: the index is
// built from the files, while a plan is typed into) and a warm one (the same profile again: the
// stored index of the first run is read back). `npm run bench` runs it; alone:
//   node bench/editor-open.mjs [--plans N] [--keep] [--profile DIR --port N [--phase cold|warm]]
//   (needs `npm run build && npx tsc -p .`; --profile and --port keep the profile, and so the stored
//   index, for another --phase warm run)
// Prints both runs' figures as JSON; the harness runs are serialised with the other VS Code runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the cold then the warm open of `ws` in VS Code; returns { cold, warm } (a phase that failed: undefined). */
export async function measureEditorOpen(ws, work, { profile, port: fixedPort, phases = ['cold', 'warm'] } = {}) {
  const userData = profile ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ap-bench-ud-'));
  // One port for both runs: VS Code keys a workspace's storage by the window's address.
  const port = fixedPort ?? await new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => { const p = probe.address().port; probe.close(() => resolve(p)); });
  });
  const phase = (name) => {
    const out = path.join(work, `vscode-${name}.json`);
    fs.rmSync(out, { force: true });
    const r = spawnSync('flock', ['/tmp/vscode-harness.lock', process.execPath, path.join(ROOT, 'scripts', 'vscode-harness.mjs'), 'test',
      '--workspace', ws, '--tests', path.join(ROOT, 'out', 'bench', 'vscode', 'index'), '--timeout', '900', '--port', String(port)],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BENCH_OUT: out, BENCH_PHASE: name, HARNESS_USER_DATA: userData }, maxBuffer: 1 << 28 });
    if (fs.existsSync(out)) return JSON.parse(fs.readFileSync(out, 'utf8'));
    console.error(`[bench] VS Code ${name} open gave no figures:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
    return undefined;
  };
  try {
    const cold = phases.includes('cold') ? phase('cold') : undefined;
    const warm = phases.includes('warm') && (cold || !phases.includes('cold')) ? phase('warm') : undefined;
    return { cold, warm, port };
  } finally {
    if (!profile) fs.rmSync(userData, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const plans = Number(args[args.indexOf('--plans') + 1]) || 10000;
  const work = path.join(os.tmpdir(), `account-plans-bench-editor-${plans}`);
  const ws = path.join(work, 'ws');
  // --profile DIR --port N (kept between runs) and --phase warm: the warm open again, alone.
  const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const phases = opt('--phase') ? [opt('--phase')] : ['cold', 'warm'];
  if (phases.includes('cold') || !fs.existsSync(ws)) generate(ws, plans, { stakeholders: 8, opportunities: 3, visits: 15 });
  if (opt('--profile')) fs.mkdirSync(opt('--profile'), { recursive: true });
  const result = await measureEditorOpen(ws, work, { profile: opt('--profile'), port: opt('--port') && Number(opt('--port')), phases });
  console.log(JSON.stringify({ plans, ...result }, null, 2));
  if (!args.includes('--keep')) fs.rmSync(work, { recursive: true, force: true });
}
