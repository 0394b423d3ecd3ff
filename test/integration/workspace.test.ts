import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestHooks } from '../../src/extension/test-hooks';
import {
  codes, enc, testHooks, fixture, ours, revertAndCloseAll, waitFor, waitForCodes, waitForDiagnostics, waitForEvent,
} from './helpers';

/** Two stakeholders share an id: AP004, whatever the date. */
const DUPLICATE = `---
account: 临时客户
stakeholders:
  - id: li
    name: 李一
  - id: li
    name: 李二
---
`;
/** A visit names nobody known: AP005, whatever the date. */
const DANGLING = `---
account: 临时客户
visits:
  - date: 2019-01-01
    with: [nobody]
---
`;

const noneOf = (uri: vscode.Uri, what: string) =>
  waitForDiagnostics(uri, (ds) => ds.length === 0, `no diagnostics (${what})`);

describe('workspace files', () => {
  let api: TestHooks;
  const scratch = () => fixture('scratch');
  const plan = (...name: string[]) => vscode.Uri.joinPath(scratch(), ...name);

  async function removeScratch(): Promise<void> {
    try {
      await vscode.workspace.fs.delete(scratch(), { recursive: true, useTrash: false });
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) throw e;
    }
  }

  before(async () => {
    api = await testHooks();
    await removeScratch();
    await vscode.workspace.fs.createDirectory(scratch());
  });
  afterEach(revertAndCloseAll);
  after(removeScratch);

  it('checks a plan created on disk, and again when it changes on disk', async () => {
    const uri = plan('created.account.md');
    await vscode.workspace.fs.writeFile(uri, enc(DUPLICATE));
    const [d] = await waitForCodes(uri, ['AP004']);
    assert.strictEqual(d.range.start.line, 5);

    await vscode.workspace.fs.writeFile(uri, enc(DANGLING));
    await waitForCodes(uri, ['AP005']);
  });

  it('reads a plan file once when a second read of it is asked for while the first is under way', async () => {
    const uri = plan('read-twice.account.md');
    await vscode.workspace.fs.writeFile(uri, enc(DUPLICATE));
    await waitForCodes(uri, ['AP004']);
    let reads = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    api.reads.beforeRead = async (u) => {
      if (u.toString() !== uri.toString()) return;
      if (++reads === 1) await held;
    };
    try {
      // The watcher's read of the changed file is held part-way; a second read is asked for meanwhile
      // (as the workspace search does when it lists the same file).
      await vscode.workspace.fs.writeFile(uri, enc(DANGLING));
      await waitFor('the first read under way', () => (reads === 1 ? true : undefined));
      const second = api.reads.refreshFromDisk(uri);
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await second;
      await waitForCodes(uri, ['AP005']);
      assert.strictEqual(reads, 1, 'the second read waited for the first, then found the plan fresh');
    } finally {
      api.reads.beforeRead = undefined;
      release();
    }
  });

  it('leaves plans under node_modules alone, as the workspace scan does', async () => {
    const hidden = plan('node_modules', 'pkg', 'vendor.account.md');
    const seen = plan('seen.account.md');
    await vscode.workspace.fs.writeFile(hidden, enc(DUPLICATE));
    await vscode.workspace.fs.writeFile(seen, enc(DUPLICATE));
    await waitForCodes(seen, ['AP004']);
    assert.strictEqual(api.index.get(hidden), undefined);
    assert.deepStrictEqual(ours(hidden), []);
  });

  it('removes only a deleted plan\'s diagnostics', async () => {
    const uri = plan('doomed.account.md');
    await vscode.workspace.fs.writeFile(uri, enc(DUPLICATE));
    await waitForCodes(uri, ['AP004']);
    const other = fixture('accounts', 'east', 'unopened.account.md');
    await waitForCodes(other, ['AP005']);

    await vscode.workspace.fs.delete(uri, { useTrash: false });
    await noneOf(uri, 'deleted');
    assert.strictEqual(api.index.get(uri), undefined);
    assert.deepStrictEqual(codes(other), ['AP005'], 'other plans keep their diagnostics');
  });

  it('follows a plan renamed on disk', async () => {
    const from = plan('before.account.md');
    const to = plan('after.account.md');
    await vscode.workspace.fs.writeFile(from, enc(DUPLICATE));
    await waitForCodes(from, ['AP004']);

    await vscode.workspace.fs.rename(from, to);
    await Promise.all([noneOf(from, 'renamed away'), waitForCodes(to, ['AP004'])]);
    assert.strictEqual(api.index.get(from), undefined);
  });

  it('follows a plan renamed through a WorkspaceEdit, also to a name that is no plan', async () => {
    const from = plan('edit-before.account.md');
    const to = plan('edit-after.account.md');
    await vscode.workspace.fs.writeFile(from, enc(DANGLING));
    await waitForCodes(from, ['AP005']);

    let edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await Promise.all([noneOf(from, 'renamed away'), waitForCodes(to, ['AP005'])]);

    const notes = plan('edit-after.md');
    edit = new vscode.WorkspaceEdit();
    edit.renameFile(to, notes);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await noneOf(to, 'renamed to a Markdown file that is no plan');
    assert.strictEqual(api.index.get(notes), undefined);
    assert.deepStrictEqual(ours(notes), []);
  });

  it('checks a plan\'s unsaved buffer, and the file again once the buffer is reverted', async () => {
    const uri = plan('buffer.account.md');
    await vscode.workspace.fs.writeFile(uri, enc(DUPLICATE));
    await waitForCodes(uri, ['AP004']);
    assert.ok(!api.timings.openToDiagnostics.has(uri.toString()));
    const doc = await vscode.workspace.openTextDocument(uri);
    // Opening the plan checks its buffer at once; the timing log has the open-to-diagnostics time.
    const ms = await waitFor('the open-to-diagnostics time', () => api.timings.openToDiagnostics.get(uri.toString()));
    assert.ok(ms > 0, `the open-to-diagnostics time was measured (${ms} ms)`);
    assert.strictEqual(api.index.entry(uri)?.source.kind, 'buffer');
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.replace(doc.lineAt(5).range, '  - id: wu'));
    await noneOf(uri, 'the duplicate fixed in the buffer');
    assert.strictEqual(api.index.entry(uri)?.source.kind, 'buffer');

    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForCodes(uri, ['AP004']);
  });

  it('removes the plans of a folder deleted on disk', async () => {
    const a = plan('folder', 'a.account.md');
    const b = plan('folder', 'deeper', 'b.account.md');
    await vscode.workspace.fs.writeFile(a, enc(DUPLICATE));
    await vscode.workspace.fs.writeFile(b, enc(DANGLING));
    // Read without waiting for the watcher: a file written into a folder made the same instant can
    // come before the watcher watches that folder (seen once in CI). What is tested is the delete.
    await Promise.all([a, b].map((u) => api.reads.refreshFromDisk(u)));
    await Promise.all([waitForCodes(a, ['AP004']), waitForCodes(b, ['AP005'])]);

    await vscode.workspace.fs.delete(plan('folder'), { recursive: true, useTrash: false });
    await Promise.all([noneOf(a, 'folder deleted'), noneOf(b, 'folder deleted')]);
  });

  it('keeps a closed plan\'s diagnostics, read again from the file', async function () {
    this.timeout(60000);
    const uri = plan('closing.account.md');
    const same = (d: vscode.TextDocument) => d.uri.toString() === uri.toString();
    await vscode.workspace.fs.writeFile(uri, enc(DUPLICATE));
    await waitForCodes(uri, ['AP004']);
    // Opened by the workbench (not openTextDocument, which holds the document for minutes).
    const opened = waitForEvent(vscode.workspace.onDidOpenTextDocument, same, 'the plan to open');
    await vscode.commands.executeCommand('vscode.open', uri);
    const doc = await opened;
    const editor = await waitFor('its editor', () => vscode.window.visibleTextEditors.find((e) => e.document === doc));
    await editor.edit((e) => e.replace(doc.lineAt(5).range, '  - id: wu'));
    await noneOf(uri, 'the duplicate fixed in the buffer');

    const closed = waitForEvent(vscode.workspace.onDidCloseTextDocument, same, 'the plan to close', 45000);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closed;
    await waitForCodes(uri, ['AP004']);
    const entry = await waitFor('the plan re-read from disk', () =>
      api.index.entry(uri)?.source.kind === 'disk' ? api.index.entry(uri) : undefined);
    assert.deepStrictEqual(entry.analysis.findings.map((f) => f.code), ['AP004']);
  });
});
