// Bench inside the real VS Code (harness `test` mode with this as extensionTestsPath): waits for the
// first workspace check, opens one plan and waits for its diagnostics, then writes the extension's
// own timings to $BENCH_OUT. Timings come from the extension (its test hooks' timings), not from here.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { AccountPlansApi } from '../../src/extension/api';
import { TEST_HOOKS_COMMAND, type TestHooks } from '../../src/extension/test-hooks';

export async function run(): Promise<void> {
  const log = process.env.HARNESS_TEST_LOG;
  const ext = vscode.extensions.getExtension<AccountPlansApi>('account-plans.account-plans');
  if (!ext) throw new Error('extension not loaded');
  await ext.activate();
  const api = await vscode.commands.executeCommand<TestHooks>(TEST_HOOKS_COMMAND);
  await api.ready;
  const files = await vscode.workspace.findFiles('**/*.account.md', undefined, 1);
  const opened = performance.now();
  const uri = files[0];
  const seen = new Promise<void>((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) { sub.dispose(); resolve(); }
    });
  });
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  await Promise.race([seen, new Promise((r) => setTimeout(r, 10_000))]);
  const result = {
    activationMs: api.timings.activationMs,
    indexMs: api.timings.workspaceCheckMs,
    indexEngineMs: api.index.engineMs,
    indexPublishMs: api.timings.publishMs,
    indexFindFilesMs: api.timings.findFilesMs,
    plans: api.index.size,
    // The extension's own figure: from the open event to the diagnostics of the buffer.
    openToDiagnosticsMs: api.timings.openToDiagnostics.get(uri.toString()),
    // What the user waits for in all: opening and showing the editor, then the diagnostics.
    openShowDiagnosticsMs: performance.now() - opened,
  };
  if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, JSON.stringify(result));
  if (log) {
    fs.writeFileSync(log, `bench: ${JSON.stringify(result)}\n`);
    fs.writeFileSync(`${log}.status`, JSON.stringify({ passes: 1, failures: 0, pending: 0, tests: 1 }));
  }
}
