#!/usr/bin/env node
// node scripts/run-tests.mjs [SUITE…]   (no SUITE: all of them, in this order)
//   unit         mocha on out/test/unit/**/*.test.js   (plain Node)
//   cli          mocha on out/test/cli/**/*.test.js    (plain Node, spawning dist/cli.js)
//   webview      mocha on out/test/webview/**/*.test.js (webview bundles in headless Chromium)
//   grammar      node test/grammar/run.mjs             (TextMate scope assertions, vscode-tmgrammar-test)
//   integration  node scripts/vscode-harness.mjs test  (inside a real VS Code)
//   untrusted    the same with HARNESS_TRUST=untrusted  (workspace trust on, the folder not trusted)
//   vsix         npm run package (production bundles in dist/), mocha on out/test/package (the
//                .vsix's contents), then the harness with --install: out/test/installed in a real
//                VS Code that has the .vsix installed, and a screenshot run that waits for a row
//                of the Accounts view (build/installed-accounts.png)
//   integration-web  node scripts/vscode-harness.mjs test --web  (the same suites that apply, in
//                its web worker extension host: the browser build, as on github.dev)
//   problems     400 generated plans opened twice in a real VS Code (cold, then from the stored
//                index): the status bar counts every problem the CLI finds (the harness's --problems)
// It builds nothing: `npm test` (whose `pretest` hook runs scripts/setup.sh) and the
// `npm run test:<suite>` scripts build what their suites need first.
// Streams each suite's output, prints one line per suite, and as the LAST line
// "N passed, N failed" over the suites run. Exits 1 when a test failed, a suite
// crashed, or no test ran at all, and 2 on an unknown suite. A suite with no
// compiled test files is reported as empty and does not fail the run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MOCHA = path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.js'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

/** Runs a command, echoing its output as it comes, and returns its exit code and output. */
function run(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('error', (e) => resolve({ code: 127, out: out + String(e) }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), out }));
  });
}

const count = (re, text) => {
  const all = [...text.matchAll(re)];
  return all.length ? Number(all[all.length - 1][1]) : undefined;
};

/** mocha's spec reporter ends with "N passing", "N failing", "N pending". */
function mochaCounts(out) {
  const passed = count(/^\s*(\d+) passing/gm, out);
  return passed === undefined ? undefined : {
    passed,
    failed: count(/^\s*(\d+) failing/gm, out) ?? 0,
    skipped: count(/^\s*(\d+) pending/gm, out) ?? 0,
  };
}

/** The harness ends with "integration: N passed, N failed, N skipped". */
function harnessCounts(out) {
  const all = [...out.matchAll(/^integration: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?(?:, (\d+) retried)?/gm)];
  const m = all[all.length - 1];
  return m && { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3] ?? 0), retried: Number(m[4] ?? 0) };
}

async function mochaSuite(name, dir) {
  const files = testFiles(path.join(ROOT, dir));
  if (files.length === 0) return { name, passed: 0, failed: 0, skipped: 0, note: `no test files in ${dir}` };
  const { code, out } = await run(process.execPath, [MOCHA, '--reporter', 'spec', '--no-color', '--timeout', '30000', ...files]);
  return settle(name, code, mochaCounts(out), out);
}

/** test/grammar/run.mjs ends with "grammar: N passed, N failed". */
async function grammarSuite() {
  const { code, out } = await run(process.execPath, [path.join(ROOT, 'test', 'grammar', 'run.mjs')]);
  const all = [...out.matchAll(/^grammar: (\d+) passed, (\d+) failed/gm)];
  const m = all[all.length - 1];
  return settle('grammar', code, m && { passed: Number(m[1]), failed: Number(m[2]), skipped: 0 }, out);
}

/** The .vsix: built, its contents checked, installed as a user installs it, then used. */
async function vsixSuite() {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const vsix = path.join(ROOT, 'build', `account-plans-${version}.vsix`);
  const built = await run(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), 'vsix']);
  if (built.code !== 0) return settle('vsix', built.code, undefined);
  const contents = await mochaSuite('vsix', 'out/test/package');
  const harness = path.join(ROOT, 'scripts', 'vscode-harness.mjs');
  const install = ['--install', vsix, '--workspace', path.join(ROOT, 'examples')];
  const used = await run(process.execPath, [harness, 'test', ...install, '--tests', path.join(ROOT, 'out', 'test', 'installed', 'index')]);
  const inEditor = settle('vsix', used.code, harnessCounts(used.out), used.out);
  // The Accounts view draws the first example's account as a row (the harness fails without it).
  const account = /^account:\s*(.+)$/m.exec(fs.readFileSync(path.join(ROOT, 'examples', fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.account.md')).sort()[0]), 'utf8'))[1].trim();
  const shot = await run(process.execPath, [harness, 'screenshot', path.join(ROOT, 'build', 'installed-accounts.png'), ...install, '--view', 'Accounts', '--row', account]);
  const parts = [contents, inEditor, { passed: shot.code === 0 ? 1 : 0, failed: shot.code === 0 ? 0 : 1, skipped: 0 }];
  const sum = (k) => parts.reduce((n, p) => n + p[k], 0);
  const crashed = [contents, inEditor].map((p) => p.crashed).filter(Boolean).join('; ');
  const failures = [contents, inEditor].map((p) => p.failures).filter(Boolean).join('\n');
  return { name: 'vsix', passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped'), retried: inEditor.retried ?? 0, failures, ...(crashed ? { crashed } : {}) };
}

async function integrationSuite(name = 'integration', ...flags) {
  const { code, out } = await run(process.execPath, [path.join(ROOT, 'scripts', 'vscode-harness.mjs'), 'test', ...flags]);
  return settle(name, code, harnessCounts(out), out);
}

/** The same harness with workspace trust on and the folder untrusted (Restricted Mode); a few seconds after start-up. */
async function untrustedSuite() {
  const { code, out } = await run(process.execPath, [path.join(ROOT, 'scripts', 'vscode-harness.mjs'), 'test'], { ...process.env, HARNESS_TRUST: 'untrusted' });
  return settle('untrusted', code, harnessCounts(out), out);
}

/**
 * What reaches the workbench, not the extension's own list: VS Code passes on at most 1,100
 * diagnostics of one DiagnosticCollection.set call and drops the rest without a word. 400 generated
 * plans (~2,550 problems) are opened twice in one profile — cold, then reopened from the stored
 * index, whose diagnostics come in one burst — and each time the status bar must count exactly the
 * errors, warnings and infos the CLI finds. Two tests; screenshots in build/.
 */
async function problemsSuite() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ap-problems-'));
  try {
    const ws = path.join(work, 'ws');
    const { generate } = await import(pathToFileURL(path.join(ROOT, 'bench', 'generate.mjs')).href);
    generate(ws, 400, { stakeholders: 8, opportunities: 3, visits: 15 });
    const checked = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', ws, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    // The status bar counts errors, warnings and infos (not hints).
    const want = JSON.parse(checked.stdout).filter((f) => f.severity !== 'hint').length;
    // One port for both runs: VS Code keys a workspace's storage (and so the stored index) by the window's address.
    const port = await new Promise((resolve) => { const probe = net.createServer().listen(0, '127.0.0.1', () => { const p = probe.address().port; probe.close(() => resolve(p)); }); });
    const env = { ...process.env, HARNESS_USER_DATA: path.join(work, 'profile') };
    const parts = [];
    for (const phase of ['cold', 'warm']) {
      console.log(`${phase} open of 400 plans: the status bar must count ${want} problems`);
      // --linger: the stored index is written ~2 s after the last change.
      const shot = await run(process.execPath, [path.join(ROOT, 'scripts', 'vscode-harness.mjs'), 'screenshot', path.join(ROOT, 'build', `problems-${phase}.png`),
        '--workspace', ws, '--port', String(port), '--problems', String(want), '--linger', '4'], env);
      // The warm open must have been one: the extension's log says it read the stored index.
      const read = storedIndexRead(path.join(work, 'profile', 'logs'));
      const why = shot.code !== 0 ? lastLines(shot.out, 3) : phase === 'warm' && read !== 400 ? `the stored index gave ${read ?? 'no'} analyses, not 400` : '';
      parts.push(why ? { passed: 0, failed: 1, failures: `${phase} open: ${why}` } : { passed: 1, failed: 0 });
    }
    return { name: 'problems', passed: parts.reduce((n, p) => n + p.passed, 0), failed: parts.reduce((n, p) => n + p.failed, 0), skipped: 0, failures: parts.map((p) => p.failures).filter(Boolean).join('\n') };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** How many analyses the last window's extension log says it read from the stored index. */
function storedIndexRead(logs) {
  const windows = fs.existsSync(logs) ? fs.readdirSync(logs).sort() : [];
  const log = windows.length ? path.join(logs, windows.at(-1), 'exthost1', 'account-plans.account-plans', 'Account Plans.log') : '';
  const m = log && fs.existsSync(log) ? /stored index: (\d+) analyses read/.exec(fs.readFileSync(log, 'utf8')) : null;
  return m ? Number(m[1]) : undefined;
}

/** A suite that crashed counts as one failure, so the totals never look green when it did. */
function settle(name, code, counts, out = '') {
  const failures = failureBlock(out);
  if (!counts) return { name, passed: 0, failed: 1, skipped: 0, failures: failures || lastLines(out, 20), crashed: `exit code ${code}, no test counts in its output` };
  if (code !== 0 && counts.failed === 0) return { name, ...counts, failed: 1, failures: failures || lastLines(out, 20), crashed: `exit code ${code} with no failing test` };
  return { name, ...counts, failures };
}

const lastLines = (text, n) => text.trimEnd().split('\n').slice(-n).join('\n');

/**
 * The tests retried (test/integration/retries.ts), then what mocha printed after its last
 * "N failing" line (each failed test's title and error), at most 40 lines: repeated above the
 * summary, so the end of a long CI log names what failed or flaked.
 */
function failureBlock(out) {
  const retried = [...out.matchAll(/^\s*↻ retried: .*$/gm)].map((m) => m[0].trim());
  const all = [...out.matchAll(/^\s*\d+ failing\s*$/gm)];
  const last = all[all.length - 1];
  const failed = !last ? [] : out.slice(last.index + last[0].length).split('\n')
    .filter((l) => !/^(integration: \d+ passed|\[harness )/.test(l)).slice(0, 40);
  return [...retried, failed.join('\n').trim()].filter(Boolean).join('\n');
}

const SUITES = {
  unit: () => mochaSuite('unit', 'out/test/unit'),
  cli: () => mochaSuite('cli', 'out/test/cli'),
  webview: () => mochaSuite('webview', 'out/test/webview'),
  grammar: grammarSuite,
  integration: () => integrationSuite(),
  'integration-web': () => integrationSuite('integration-web', '--web'),
  untrusted: untrustedSuite,
  vsix: vsixSuite,
  problems: problemsSuite,
};
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !Object.hasOwn(SUITES, name));
if (unknown.length) {
  console.error(`unknown suite ${unknown.join(', ')}; use any of ${Object.keys(SUITES).join(', ')} (none: all)`);
  process.exit(2);
}

const results = [];
for (const name of Object.keys(SUITES).filter((n) => asked.length === 0 || asked.includes(n))) {
  console.log(`\n=== ${name} ===`);
  results.push(await SUITES[name]());
}

const failing = results.filter((r) => r.failures);
if (failing.length) {
  console.log('\n=== failures and retries ===');
  for (const r of failing) console.log(`--- ${r.name}\n${r.failures}`);
}
console.log('\n=== summary ===');
for (const r of results) {
  const extra = [r.skipped ? `${r.skipped} skipped` : '', r.retried ? `${r.retried} retried, named above` : '', r.note ?? '', r.crashed ? `CRASHED: ${r.crashed}` : ''].filter(Boolean);
  console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed${extra.length ? ` (${extra.join('; ')})` : ''}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const crashed = results.some((r) => r.crashed);
if (passed + failed === 0) console.log('no test ran');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || crashed || passed + failed === 0 ? 1 : 0);
