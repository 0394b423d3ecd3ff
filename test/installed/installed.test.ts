import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AccountPlansApi } from '../../src/extension/api';

/**
 * The extension as a user has it after `--install-extension account-plans-VERSION.vsix`: loaded
 * from VS Code's extensions folder in production mode (no development path), on the example
 * workspace. Its findings are held to the command line's on the same plans.
 */
const EXTENSION_ID = 'account-plans.account-plans';
const ROOT = path.resolve(__dirname, '../../..');
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** Resolves once `get` gives a value, checking every 100 ms; rejects after `ms` naming `what`. */
async function waitFor<T>(what: string, get: () => T | undefined, ms = 20000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const folder = (): vscode.Uri => {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the example workspace is open');
  return f.uri;
};

/** `file:line:code` of every finding `account-plans check` prints for the workspace (the checkout's CLI). */
function cliFindings(): string[] {
  const cwd = folder().fsPath;
  const settings = path.join(cwd, '.vscode', 'settings.json');
  const args = [path.join(ROOT, 'dist', 'cli.js'), 'check', '.', '--format', 'json', ...(fs.existsSync(settings) ? ['-c', settings] : [])];
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `account-plans check: exit ${r.status} ${r.stderr}`);
  const findings = JSON.parse(r.stdout) as { file: string; line: number; code: string }[];
  return findings.map((f) => `${f.file.split(path.sep).join('/')}:${f.line}:${f.code}`).sort();
}

/** `file:line:code` of the extension's diagnostics on `plans`. */
function editorFindings(plans: readonly vscode.Uri[]): string[] {
  return plans.flatMap((uri) => vscode.languages.getDiagnostics(uri)
    .filter((d) => d.source === 'account-plans')
    .map((d) => `${vscode.workspace.asRelativePath(uri, false)}:${d.range.start.line + 1}:${typeof d.code === 'object' ? d.code.value : d.code}`))
    .sort();
}

/** The diagnostics once they equal `expected` (checked now and on every change), or the last seen after `ms`. */
function diagnosticsSettledOn(plans: readonly vscode.Uri[], expected: readonly string[], ms = 20000): Promise<string[]> {
  return new Promise((resolve) => {
    let last: string[] = [];
    const done = (): void => { subscription.dispose(); clearTimeout(timer); resolve(last); };
    const check = (): void => {
      last = editorFindings(plans);
      if (JSON.stringify(last) === JSON.stringify(expected)) done();
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(check);
    const timer = setTimeout(done, ms);
    check();
  });
}

describe('the extension installed from its .vsix', () => {
  let ext: vscode.Extension<AccountPlansApi>;
  before(() => {
    const found = vscode.extensions.getExtension<AccountPlansApi>(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is installed`);
    ext = found;
  });

  it('is the installed copy of this version, not the checkout, and holds no sources or source maps', () => {
    const where = ext.extensionUri.fsPath;
    assert.ok(!where.startsWith(ROOT + path.sep), `loaded from ${where}`);
    assert.strictEqual(path.basename(where), `${EXTENSION_ID}-${version}`);
    assert.strictEqual(ext.packageJSON.version, version);
    for (const absent of ['src', 'test', 'node_modules', 'dist/extension.js.map']) assert.ok(!fs.existsSync(path.join(where, absent)), absent);
  });

  it('activates by itself on the example workspace (workspaceContains) and checks every plan', async () => {
    await waitFor('activation', () => (ext.isActive ? true : undefined));
    const api = ext.exports;
    await api.ready;
    const plans = (await vscode.workspace.findFiles('**/*.account.md')).map((u) => u.toString()).sort();
    assert.ok(plans.length > 0, 'the workspace has plans');
    assert.deepStrictEqual(api.plans().map((p) => p.uri.toString()).sort(), plans);
  });

  it('runs in production mode: the internal test command is not there', async () => {
    const all = await vscode.commands.getCommands(true);
    assert.ok(!all.includes('accountPlans.internal.testHooks'));
  });

  it('shows the same diagnostics as account-plans check on the same plans', async () => {
    const expected = cliFindings();
    assert.ok(expected.length > 0, 'the examples have findings to show');
    const seen = await diagnosticsSettledOn(await vscode.workspace.findFiles('**/*.account.md'), expected);
    assert.deepStrictEqual(seen, expected);
  });

  it('contributes its four views and its commands, and the views open', async () => {
    const views = (ext.packageJSON.contributes.views.accountPlans as { id: string }[]).map((v) => v.id);
    assert.deepStrictEqual(views, ['accountPlans.pipeline', 'accountPlans.buyingRoles', 'accountPlans.accounts', 'accountPlans.planHistory']);
    for (const id of views) await vscode.commands.executeCommand(`${id}.focus`);
    const all = await vscode.commands.getCommands(true);
    for (const c of ['accountPlans.newPlan', 'accountPlans.logVisit', 'accountPlans.moveStage', 'accountPlans.addStakeholder',
      'accountPlans.refresh', 'accountPlans.showStakeholderMap', 'accountPlans.showForecast']) {
      assert.ok(all.includes(c), c);
    }
  });
});
