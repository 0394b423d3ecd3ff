#!/usr/bin/env node
// The warm open of two builds, interleaved: on two cores shared with VS Code's own start, one
// run tells little and the machine's speed drifts between hours, so a change is judged against
// the build before it in the same minutes (README, Performance, notes ⁵ and ⁶).
//   node bench/warm-ab.mjs --old DIR [--rounds N (default 8)] [--pause S (default 8)]
// DIR: another checkout of this repository (e.g. `git worktree add ../old HEAD~1`), with
// node_modules, built as this one is (`npm run build && npx tsc -p .` in both). Each build keeps
// its own VS Code profile (so its own stored index) under the system's temp folder; the first
// run of each writes its store (a cold build of the 10,000-plan workspace) and is not counted.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const oldDir = opt('--old');
const rounds = Number(opt('--rounds', 8));
const pause = Number(opt('--pause', 8));
if (!oldDir || !fs.existsSync(path.join(oldDir, 'bench', 'editor-open.mjs'))) {
  console.error('usage: node bench/warm-ab.mjs --old DIR [--rounds N] [--pause S]  (DIR: another built checkout)');
  process.exit(2);
}
// One port for every run: VS Code keys a workspace's storage by the window's address.
const PORT = '47123';
const builds = [
  { name: 'old', dir: path.resolve(oldDir), profile: path.join(os.tmpdir(), 'account-plans-ab-old') },
  { name: 'new', dir: ROOT, profile: path.join(os.tmpdir(), 'account-plans-ab-new') },
];

/** One warm open of a build in its own profile: the bench's figures, or undefined. */
function warm(build) {
  fs.mkdirSync(build.profile, { recursive: true });
  const r = spawnSync(process.execPath, [path.join(build.dir, 'bench', 'editor-open.mjs'), '--profile', build.profile, '--port', PORT, '--keep', '--phase', 'warm'],
    { cwd: build.dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  try {
    return JSON.parse(r.stdout).warm;
  } catch {
    console.error(`[warm-ab] ${build.name}: no figures\n${r.stderr.slice(-1500)}`);
    return undefined;
  }
}

const sleep = (s) => new Promise((resolve) => setTimeout(resolve, s * 1000));
const FIELDS = [['shownAt', 'shown'], ['viewsAt', 'views at'], ['diagnosticsAt', 'diagnostics at'], ['shownCpuMs', 'CPU'], ['storeLoadMs', 'store read'], ['storeShownMs', 'stored shown'], ['viewsMs', 'views']];

console.log(`[warm-ab] ${rounds} rounds, old ${builds[0].dir} against new ${builds[1].dir}; writing each build's store first`);
for (const b of builds) warm(b);
const runs = { old: [], new: [] };
for (let i = 0; i < rounds; i++) {
  for (const b of builds) {
    await sleep(pause);
    const w = warm(b);
    if (!w) continue;
    runs[b.name].push(w);
    console.log(`${b.name} ${FIELDS.map(([k, label]) => `${label} ${Math.round(w[k])}`).join(' · ')} · checks ${w.checks}`);
  }
}
console.log('\n| median of the runs | old | new |\n|---|---:|---:|');
for (const [k, label] of FIELDS) {
  const cell = (name) => (runs[name].length ? `${Math.round(median(runs[name].map((w) => w[k])))} ms` : '—');
  console.log(`| ${label} | ${cell('old')} | ${cell('new')} |`);
}
console.log(`| runs within 1,000 ms | ${runs.old.filter((w) => w.shownAt <= 1000).length} of ${runs.old.length} | ${runs.new.filter((w) => w.shownAt <= 1000).length} of ${runs.new.length} |`);
