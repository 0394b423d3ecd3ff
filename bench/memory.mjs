// Heap held by the engine's results for every plan of a workspace, kept as the editor's index keeps
// them (compact: true; the index keeps no texts):
// `node --expose-gc bench/memory.mjs DIR` prints megabytes.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const core = createRequire(import.meta.url)(path.join(ROOT, 'out', 'src', 'core', 'index.js'));
const { checkPlan } = core;
const dir = process.argv[2];
const files = [];
for (const d of fs.readdirSync(dir)) for (const f of fs.readdirSync(path.join(dir, d))) files.push(path.join(dir, d, f));
checkPlan('---\naccount: warm-up\n---\n', { fileName: 'w.account.md', today: '2026-11-24' });
globalThis.gc();
const before = process.memoryUsage().heapUsed;
const kept = files.map((f) => checkPlan(fs.readFileSync(f, 'utf8') + ' ', { fileName: f, today: '2026-11-24', compact: true }));
for (let i = 0; i < 100; i++) checkPlan(`---\naccount: flush ${i}\n---\n`, { fileName: 'f.account.md', today: '2026-11-24' });
globalThis.gc();
const heapMb = (process.memoryUsage().heapUsed - before) / 1048576;
// The Forecast panel's rollup over every plan, from the analyses in memory (no file read).
const entries = kept.map((analysis, i) => ({ uri: `file://${files[i]}`, analysis }));
const runs = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  core.forecastPanel(entries, {}, { benchmark: core.DEFAULT_SETTINGS.funnelBenchmark, defaultCurrency: 'CNY', rowLimit: 1000 });
  runs.push(performance.now() - t);
}
console.log(JSON.stringify({ heapMb, forecastMs: runs.sort((a, b) => a - b)[2] }));
