import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AccountPlansApi } from '../../src/extension/api';
import { TEST_HOOKS_COMMAND, type TestHooks } from '../../src/extension/test-hooks';

export const EXTENSION_ID = 'account-plans.account-plans';
export const SOURCE = 'account-plans';
const DEFAULT_WAIT_MS = 15000;

/** Activates the extension under test: the API it offers other extensions. */
export async function publicApi(): Promise<AccountPlansApi> {
  const ext = vscode.extensions.getExtension<AccountPlansApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  return ext.activate();
}

let hooks: TestHooks | undefined;

/** Activates the extension under test, waits for its first workspace check, and returns its test hooks. */
export async function testHooks(): Promise<TestHooks> {
  if (hooks) return hooks;
  await publicApi();
  const h = await vscode.commands.executeCommand<TestHooks | undefined>(TEST_HOOKS_COMMAND);
  assert.ok(h, `${TEST_HOOKS_COMMAND} returns the test hooks (the extension runs in ExtensionMode.Test)`);
  await h.ready;
  return (hooks = h);
}

export function extensionUri(): vscode.Uri {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  return ext.extensionUri;
}

export function workspaceFolder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

export const fixture = (...segments: string[]): vscode.Uri => vscode.Uri.joinPath(workspaceFolder(), ...segments);

/** This extension's diagnostics for a URI. */
export const ours = (uri: vscode.Uri): vscode.Diagnostic[] =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);

export const codeOf = (d: vscode.Diagnostic): string =>
  typeof d.code === 'object' ? String(d.code.value) : String(d.code);

export const codes = (uri: vscode.Uri): string[] => ours(uri).map(codeOf).sort();

const describe = (ds: vscode.Diagnostic[]): string =>
  JSON.stringify(ds.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`));

/**
 * Resolves with this extension's diagnostics for `uri` once `predicate` holds, checking now and
 * on every diagnostics change; rejects after `ms` with what was last seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  ms = DEFAULT_WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; last: ${describe(ours(uri))}`));
    }, ms);
    function check(): void {
      const ds = ours(uri);
      if (!predicate(ds)) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve(ds);
    }
    check();
  });
}

/** Waits until the plan's diagnostic codes are exactly `expected` (sorted). */
export const waitForCodes = (uri: vscode.Uri, expected: string[], ms?: number): Promise<vscode.Diagnostic[]> =>
  waitForDiagnostics(uri, (ds) => JSON.stringify(ds.map(codeOf).sort()) === JSON.stringify([...expected].sort()),
    `codes ${JSON.stringify(expected)}`, ms);

/** Polls `probe` until it returns a value other than undefined (for state without an event). */
export async function waitFor<T>(what: string, probe: () => T | undefined, ms = DEFAULT_WAIT_MS): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves when `event` fires with a value that satisfies `predicate`. */
export function waitForEvent<T>(event: vscode.Event<T>, predicate: (e: T) => boolean, what: string, ms = DEFAULT_WAIT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscription = event((e) => {
      if (!predicate(e)) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve(e);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
  });
}

/** The 0-based line of the first line of `doc` that starts with `prefix`. */
export function lineStarting(doc: vscode.TextDocument, prefix: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(prefix)) return i;
  throw new Error(`no line starts with ${JSON.stringify(prefix)} in ${doc.uri.toString(true)}`);
}

export const rulesDocTarget = (code: string): string =>
  vscode.Uri.joinPath(extensionUri(), 'docs', 'rules.md').with({ fragment: code.toLowerCase() }).toString();

/** Reverts every dirty document and closes all editors, so each test starts from the files on disk. */
export async function revertAndCloseAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Resets every `accountPlans.*` setting the tests may have written (user settings of the test profile). */
export async function resetSettings(): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('accountPlans');
  // Every setting the extension declares (its manifest is the one list of them).
  const declared = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { configuration: { properties: Record<string, unknown> } } })
    .contributes.configuration.properties;
  for (const key of Object.keys(declared).map((k) => k.replace(/^accountPlans\./, ''))) {
    const i = cfg.inspect(key);
    if (i?.globalValue !== undefined) await cfg.update(key, undefined, vscode.ConfigurationTarget.Global);
    if (i?.workspaceValue !== undefined) await cfg.update(key, undefined, vscode.ConfigurationTarget.Workspace);
  }
}

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
