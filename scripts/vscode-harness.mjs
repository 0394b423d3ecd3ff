#!/usr/bin/env node
// Runs a VS Code extension inside a real VS Code (code-server's build of
// VS Code, from the npm package `code-server`) on 127.0.0.1, driven by
// Debian's Chromium through playwright-core. No download outside npm/apt.
//
//   node scripts/vscode-harness.mjs test
//       Loads the extension in development mode, runs the mocha suite given by
//       the test bootstrap (extensionTestsPath) in VS Code's Node extension
//       host, streams mocha's output, prints "integration: N passed, N failed,
//       N skipped" and exits 0 only if every test passed (1 otherwise).
//   node scripts/vscode-harness.mjs screenshot OUT.png
//       Loads the extension (no tests), opens files, runs palette commands,
//       waits for a view's row / a webview's text when asked, and saves a PNG
//       of the VS Code UI.
//   node scripts/vscode-harness.mjs test --web
//       The same in VS Code's web worker extension host (github.dev, vscode.dev): the extension's
//       `browser` build, and the suites that apply in both hosts bundled for the browser
//       (scripts/web-tests.mjs). `--web` also runs `serve` and `screenshot` on the browser build.
//   node scripts/vscode-harness.mjs serve
//       Starts code-server with the extension in development mode and prints
//       the URL to open in a browser; stays up until Ctrl-C. Rebuild with
//       `npm run build` (or keep `npm run watch` running) and reload the window.
//   node scripts/vscode-harness.mjs demo   (npm run demo)
//       `serve` on the repository's examples/ folder (another with --workspace).
//
// A relative path given as a flag or a HARNESS_* variable is taken from the folder the command
// was typed in (under `npm run`, the folder npm was called from); the defaults are the repository's.
// Options (flags or env):
//   --workspace DIR      folder to open        (HARNESS_WORKSPACE, default test/fixtures/workspace)
//   --extension DIR      extensionDevelopmentPath (HARNESS_EXTENSION, default repo root)
//   --install VSIX       install this package first, as a user does (code-server --install-extension
//                        into the private extensions folder); the development path is then an empty
//                        stub extension (VS Code runs extensionTestsPath only beside one)
//   --tests FILE         extensionTestsPath, no .js (HARNESS_TESTS, default out/test/integration/index)
//   --timeout SECONDS    whole-run limit       (HARNESS_TIMEOUT_S, default 600; serve: none)
//   --port N             serve: port on 127.0.0.1 (PORT, default 8080; a free one if it is taken);
//                        test/screenshot: only when given, else a free one
//   --viewport WxH       test, screenshot: the browser window's size in pixels (HARNESS_VIEWPORT,
//                        default 1280x800), e.g. 1920x1080 for a README picture
//   --open FILE          screenshot: file to open first (workspace-relative), repeatable
//   --command TITLE      screenshot: palette command to run, repeatable
//   --view NAME          screenshot: view whose header (and --row) must appear
//   --row TEXT           screenshot: text of a row that must appear in --view
//   --webview-text TEXT  screenshot: text that must appear in a webview
//   --problems N         screenshot: wait until the status bar counts N problems in all (errors,
//                        warnings, infos): what reached the workbench, not the extension's own list
//   --linger S           screenshot: keep the window open S seconds after the checks (state the
//                        extension saves on a timer, such as its stored index, gets written)
//   HARNESS_TRUST=untrusted  workspace trust on and the folder not trusted (Restricted Mode); the
//                        defaults become test/fixtures/untrusted-workspace and
//                        out/test/integration-untrusted/index (the default run has trust off)
//   HARNESS_VERBOSE=1    echo the workbench log (browser console / VS Code log) live
//   HARNESS_KEEP_TMP=1   keep the temporary user-data/log folder
//   HARNESS_USER_DATA=DIR  use (and keep) this user-data folder instead of a temporary one
//   CHROMIUM_PATH        browser binary (default /usr/bin/chromium)
// Anything else in the environment (HARNESS_GREP: a mocha --grep; HARNESS_MOCHA_TIMEOUT: ms per test;
// HARNESS_RETRIES: runs of a failed test after its first, default 1)
// reaches the extension host, which inherits code-server's environment.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildWebTests, webSettings, WebReport } from './web-tests.mjs';
import { harnessOptions, HarnessUsageError } from './harness-options.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));

// ---------- arguments (scripts/harness-options.mjs) ----------
let options;
try {
  options = harnessOptions(process.argv.slice(2), process.env, process.cwd(), ROOT);
} catch (e) {
  if (!(e instanceof HarnessUsageError)) throw e;
  console.error(e.message);
  process.exit(2);
}
const { mode, screenshotOut, webHost, untrusted, workspace, installVsix, extensionDir, timeoutS, commands, openFiles, viewName, rowText, webviewText, problems, lingerS, wantedPort, viewport } = options;
let { testsPath } = options;
const verbose = process.env.HARNESS_VERBOSE === '1';

const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';
const note = (msg) => console.log(`[harness ${secs()}] ${msg}`);

// ---------- temp state (short path: code-server puts a unix socket in it) ----------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsch-'));
const dirs = Object.fromEntries(['ud', 'ext', 'xdg-config', 'xdg-data', 'xdg-cache', 'logs', 't'].map((d) => [d, path.join(tmp, d)]));
// HARNESS_USER_DATA=DIR: a user-data folder kept across runs (the editor benchmark's second, warm open).
if (process.env.HARNESS_USER_DATA) dirs.ud = path.resolve(process.env.HARNESS_USER_DATA);
// Private XDG and TMPDIR folders for code-server and Chromium: VS Code leaves
// vscode-ipc-*.sock / vscode-git-*.sock / vscode-typescript* in TMPDIR and
// Chromium a "Crash Reports" folder in ~/.config/chromium otherwise.
const privateEnv = {
  XDG_CONFIG_HOME: dirs['xdg-config'],
  XDG_DATA_HOME: dirs['xdg-data'],
  XDG_CACHE_HOME: dirs['xdg-cache'],
  TMPDIR: dirs.t,
};
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
fs.mkdirSync(path.join(dirs.ud, 'User'), { recursive: true });
// Settings that keep VS Code from reaching out or showing prompts/welcome pages.
fs.writeFileSync(path.join(dirs.ud, 'User', 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  // Restricted Mode: trust on, no prompt, the folder opened untrusted (a fresh profile trusts nothing).
  ...(untrusted
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never',
      'security.workspace.trust.untrustedFiles': 'open', 'security.workspace.trust.emptyWindow': false }
    : { 'security.workspace.trust.enabled': false }),
  // The built-in Git extension runs (Plan History and Compare with Revision read plans through it)
  // but opens no repository by itself: only one a test or a command asks for inside the workspace,
  // never the project's own repository around the test workspace, and it never fetches.
  'git.enabled': true,
  'git.autoRepositoryDetection': false,
  'git.openRepositoryInParentFolders': 'never',
  'git.autofetch': false,
  'git.terminalAuthentication': false,
  'git.showProgress': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'window.restoreWindows': 'none',
  'chat.disableAIFeatures': true,
  // Tests edit buffers and expect them to stay unsaved (VS Code for the web saves after a second).
  'files.autoSave': 'off',
  ...(webHost ? webSettings(extensionDir) : {}),
}, null, 2));
// serve: the port asked for if it is free, else any free one; test/screenshot: any free one.
async function portIsFree(p) {
  return new Promise((resolve) => {
    const probe = net.createServer().once('error', () => resolve(false));
    probe.listen(p, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
let bindPort = 0;
// test/screenshot with an explicit --port: that one (the workspace's storage is keyed by the window's
// address, so a run that must find the storage of an earlier one, HARNESS_USER_DATA, needs the same port).
if (mode === 'serve' || options.portGiven) {
  if (Number.isInteger(wantedPort) && wantedPort > 0 && await portIsFree(wantedPort)) bindPort = wantedPort;
  else note(`port ${wantedPort} is taken or invalid; using a free one`);
}
const configFile = path.join(tmp, 'config.yaml');
fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${bindPort}\nauth: none\ncert: false\n`);
const testLog = path.join(dirs.logs, 'mocha.log');
const workbenchLogFile = path.join(dirs.logs, 'workbench.log');
const serverLogFile = path.join(dirs.logs, 'code-server.log');
const workbenchLog = fs.createWriteStream(workbenchLogFile);
const serverLog = fs.createWriteStream(serverLogFile);

// ---------- cleanup ----------
let server, browser, cleaned = false;
function killServerGroup(sig) {
  if (server?.pid && server.exitCode === null && server.signalCode === null) {
    try { process.kill(-server.pid, sig); } catch { /* already gone */ }
  }
}
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  if (server && server.exitCode === null && server.signalCode === null) {
    const gone = new Promise((r) => server.once('exit', r));
    killServerGroup('SIGTERM');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
    killServerGroup('SIGKILL');
  }
  workbenchLog.end(); serverLog.end();
  if (process.env.HARNESS_KEEP_TMP === '1') note(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
process.on('exit', () => killServerGroup('SIGKILL'));
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => { note(`got ${sig}, shutting down`); await cleanup(); process.exit(sig === 'SIGINT' ? 130 : 143); });
}
function tail(file, n = 60) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n'); } catch { return '(none)'; }
}
let failing = false;
async function fail(msg) {
  if (failing || cleaned) return;
  failing = true;
  console.error(`[harness ${secs()}] ERROR: ${msg}`);
  console.error(`--- code-server log (tail) ---\n${tail(serverLogFile)}`);
  console.error(`--- workbench log (tail) ---\n${tail(workbenchLogFile)}`);
  if (mode === 'test') console.log('integration: 0 passed, 1 failed');
  await cleanup();
  process.exit(1);
}
const overall = timeoutS > 0 ? setTimeout(() => fail(`timed out after ${timeoutS}s`), timeoutS * 1000) : undefined;
process.on('uncaughtException', (e) => fail(e?.stack || String(e)));
process.on('unhandledRejection', (e) => fail(e?.stack || String(e)));

// ---------- start code-server on 127.0.0.1 (random free port) ----------
const wanted = [['workspace', workspace], installVsix ? ['package', installVsix] : ['extension', path.join(extensionDir, 'package.json')]];
for (const [what, p] of wanted) {
  if (!fs.existsSync(p)) await fail(`${what} not found: ${p}`);
}
const webReport = webHost && mode === 'test' ? await webTestRun() : undefined;
if (mode === 'test' && !fs.existsSync(testsPath + '.js') && !fs.existsSync(testsPath)) await fail(`test bootstrap not found: ${testsPath}(.js) (did you compile?)`);
// Chromium is launched as every test launches it (test/chromium.ts, compiled to out/ by `tsc -p .`).
const chromiumHelper = path.join(ROOT, 'out', 'test', 'chromium.js');
if (mode !== 'serve' && !fs.existsSync(chromiumHelper)) await fail(`${path.relative(ROOT, chromiumHelper)} not found (did you compile? npx tsc -p .)`);
const main = extensionDir && JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'))[webHost ? 'browser' : 'main'];
if (main && !fs.existsSync(path.resolve(extensionDir, main))) await fail(`the extension's ${webHost ? 'browser' : 'main'} ${main} is missing (run npm run build)`);
const entry = path.join(path.dirname(require.resolve('code-server/package.json')), 'out', 'node', 'entry.js');
if (installVsix) {
  // As a user installs a downloaded package: `code-server --install-extension FILE.vsix`.
  const r = spawnSync(process.execPath, [entry, '--user-data-dir', dirs.ud, '--extensions-dir', dirs.ext, '--install-extension', installVsix],
    { encoding: 'utf8', env: { ...process.env, PORT: undefined, ...privateEnv }, timeout: 120000 });
  const said = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0 || !/successfully installed/i.test(said)) await fail(`installing ${installVsix} failed (exit ${r.status}): ${said || r.error}`);
  note(`installed ${path.basename(installVsix)}: ${said.split('\n').pop()}`);
}
const devStub = path.join(tmp, 'dev-stub');
if (installVsix) {
  fs.mkdirSync(devStub);
  fs.writeFileSync(path.join(devStub, 'package.json'), JSON.stringify({ name: 'harness-stub', publisher: 'harness', version: '0.0.0', engines: { vscode: '*' } }));
}
server = spawn(process.execPath, [entry,
  '--config', configFile,
  '--bind-addr', `127.0.0.1:${bindPort}`,
  '--auth', 'none',
  '--user-data-dir', dirs.ud,
  '--extensions-dir', dirs.ext,
  '--disable-telemetry',
  '--disable-update-check',
  ...(untrusted ? [] : ['--disable-workspace-trust']),
  '--disable-getting-started-override',
  '--ignore-last-opened',
  workspace,
], {
  detached: true, // own process group, so the whole tree can be signalled
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...process.env,
    PORT: undefined, // code-server would prefer $PORT to --bind-addr
    ...privateEnv,
    HARNESS_TEST_LOG: testLog,
  },
});
const port = await new Promise((resolve) => {
  let buf = '';
  const timer = setTimeout(() => fail('code-server did not report its port within 60s'), 60000);
  const onData = (d) => {
    serverLog.write(d);
    if (buf === null) return;
    buf += d;
    const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(buf);
    if (m) { buf = null; clearTimeout(timer); resolve(Number(m[1])); }
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
  server.once('exit', (code, sig) => { if (!cleaned) fail(`code-server exited (code ${code}, signal ${sig})`); });
});
const host = `127.0.0.1:${port}`;
note(`code-server (VS Code ${require('code-server/lib/vscode/package.json').version}) listening on http://${host}/`);

// The extension is loaded from the payload's extensionDevelopmentPath, whose
// authority must be the one the browser uses: open the URL exactly as printed.
const remote = (p) => `vscode-remote://${host}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
const payload = [['extensionDevelopmentPath', remote(extensionDir ?? devStub)], ['skipWelcome', 'true']];
if (mode === 'test') payload.push(['extensionTestsPath', remote(testsPath)]);
const url = `http://${host}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

if (mode === 'serve') {
  if (verbose) server.stdout.on('data', (d) => process.stdout.write(d));
  console.log(`\nVS Code ${require('code-server/lib/vscode/package.json').version} with the extension from ${extensionDir ?? installVsix}`);
  console.log(`workspace: ${workspace}\n\nOpen this URL (ssh -L ${port}:127.0.0.1:${port} … to reach it from elsewhere):\n\n  ${url}\n`);
  console.log('After `npm run build`, run "Developer: Reload Window" in VS Code. Ctrl-C stops the server.');
  await new Promise(() => {}); // until SIGINT/SIGTERM (cleanup in the signal handlers)
}

// ---------- open the workbench in headless Chromium ----------
const { launchChromium } = require(chromiumHelper);
browser = await launchChromium({ env: { ...process.env, ...privateEnv } });
const page = await browser.newPage({ viewport });
const wlog = (line) => { workbenchLog.write(line + '\n'); if (verbose) console.log(`[workbench] ${line}`); };
page.on('console', (m) => wlog(`console.${m.type()}: ${m.text()}`));
page.on('pageerror', (e) => wlog(`pageerror: ${e.stack || e.message}`));
page.on('crash', () => fail('browser page crashed'));
await page.exposeFunction('codeAutomationLog', (type, args) => {
  try {
    const text = util.format(...(Array.isArray(args) ? args : [args]));
    wlog(`vscode.${type}: ${text}`);
    webReport?.take(text);
  } catch { /* ignore */ }
});
let onExit;
const exited = new Promise((r) => { onExit = r; });
await page.exposeFunction('codeAutomationExit', (code) => { onExit(Number(code)); });

await page.goto(url);
note(`workbench opened (${mode} mode)`);

if (mode === 'test') {
  // Stream what mocha writes (inside the extension host) to our stdout.
  let offset = 0;
  const pump = () => {
    try {
      const fd = fs.openSync(testLog, 'r');
      const size = fs.fstatSync(fd).size;
      if (size > offset) {
        const b = Buffer.alloc(size - offset);
        fs.readSync(fd, b, 0, b.length, offset);
        offset = size;
        process.stdout.write(b);
      }
      fs.closeSync(fd);
    } catch { /* not created yet */ }
  };
  const timer = setInterval(pump, 200);
  const code = await exited;
  clearInterval(timer);
  pump();
  let status;
  try { status = webReport ? webReport.status : JSON.parse(fs.readFileSync(testLog + '.status', 'utf8')); } catch { /* missing */ }
  clearTimeout(overall);
  if (!status) await fail(`extension host exited with code ${code} before the test bootstrap reported results`);
  note(`extension host exit code ${code}`);
  if (process.env.HARNESS_KEEP_TMP === '1') note(`logs in ${dirs.logs}`);
  if (code !== 0 && !verbose) {
    console.log(`--- workbench log, last 40 lines (test console.log output lands here; HARNESS_VERBOSE=1 streams it) ---`);
    console.log(tail(workbenchLogFile, 40));
  }
  // A test that passed on its second try (test/integration/retries.ts) is counted, and named above.
  const retried = status.retried?.length ? `, ${status.retried.length} retried` : '';
  console.log(`integration: ${status.passes} passed, ${status.failures} failed, ${status.pending} skipped${retried}`);
  await cleanup();
  const ok = code === 0 && status.failures === 0 && status.tests > 0;
  if (status.tests === 0) console.error('[harness] no test ran');
  process.exit(ok ? 0 : 1);
} else {
  const wait = { timeout: 60000 };
  // The status bar's Problems entry says the exact counts in its label ("Errors: 0, Warnings: 2205,
  // Infos: 991"; its text rounds to "2K"); they are the workbench's, so they show what VS Code was given.
  const waitForProblems = async (want) => {
    const deadline = Date.now() + 60000;
    let seen = '';
    while (Date.now() < deadline) {
      seen = await page.locator('[id="status.problems"] [aria-label]').first().getAttribute('aria-label', { timeout: 1000 }).catch(() => '') ?? '';
      const total = (seen.match(/\d+/g) ?? []).reduce((n, d) => n + Number(d), 0);
      if (total === want) { note(`the status bar counts ${want} problems (${seen})`); return; }
      await page.waitForTimeout(250);
    }
    throw new Error(`the status bar counts not ${want} problems but: ${seen || 'no problems entry'}`);
  };
  const failShot = async (msg) => {
    const p = screenshotOut.replace(/\.png$/i, '') + '.failed.png';
    await page.screenshot({ path: p }).catch(() => {});
    await fail(`${msg} (screen saved to ${p})`);
  };
  try {
    await page.locator('.monaco-workbench .part.sidebar').waitFor(wait);
    const palette = async (title) => {
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor(wait);
        await input.fill('>' + title);
        const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
        try {
          await row.waitFor({ timeout: 5000 });
        } catch (e) {
          if (attempt >= 6) throw e; // commands can register late; retry the palette
          note(`palette has no "${title}" yet (attempt ${attempt}), retrying`);
          continue;
        }
        await page.keyboard.press('Enter');
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => {});
        note(`ran palette command: ${title}`);
        return;
      }
    };
    // Quick Open (Ctrl+P) each file, by its workspace-relative path.
    for (const file of openFiles) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor(wait);
      await input.fill(file);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: path.basename(file) }).first().waitFor(wait);
      await page.keyboard.press('Enter');
      await page.locator('.tab', { hasText: path.basename(file) }).first().waitFor(wait);
      note(`opened ${file}`);
    }
    // Reveal the view through its generated "Focus on <name> View" command, then run the requested commands.
    if (viewName) await palette(`Focus on ${viewName} View`);
    for (const c of commands) await palette(c);
    // A view's header appears once its container is shown (the focus command above opens it).
    if (viewName) await page.locator('.pane-header', { hasText: viewName }).first().waitFor(wait);
    if (viewName && rowText) {
      const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: viewName }) });
      await pane.locator('.monaco-list-row', { hasText: rowText }).first().waitFor(wait);
      note(`view "${viewName}" shows a row "${rowText}"`);
    }
    if (webviewText) {
      const deadline = Date.now() + 60000;
      let found = false;
      while (!found && Date.now() < deadline) {
        for (const f of page.frames()) {
          if (await f.getByText(webviewText).count().catch(() => 0)) { found = true; break; }
        }
        if (!found) await page.waitForTimeout(250);
      }
      if (!found) throw new Error(`no webview showed "${webviewText}"`);
      note(`a webview shows "${webviewText}"`);
    }
    if (problems !== undefined) await waitForProblems(problems);
  } catch (e) {
    await failShot(e?.message || String(e));
  }
  await page.waitForTimeout(500 + lingerS * 1000); // let the last paint settle
  await page.screenshot({ path: screenshotOut });
  note(`saved ${screenshotOut}`);
  clearTimeout(overall);
  await cleanup();
  process.exit(0);
}

/**
 * `test --web`: bundles the suites that apply in both hosts for the browser (unless --tests names a
 * bootstrap) and returns the collector of their report, which reaches us through the workbench log.
 */
async function webTestRun() {
  if (!options.testsGiven) {
    const built = await buildWebTests(ROOT, { grep: process.env.HARNESS_GREP ?? '', timeoutMs: Number(process.env.HARNESS_MOCHA_TIMEOUT || 20000) });
    testsPath = built.testsPath;
    note(`web worker extension host: ${built.suites.length} suites bundled for the browser (${built.suites.join(', ')})`);
  }
  return new WebReport((line) => process.stdout.write(line));
}
