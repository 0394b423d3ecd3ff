import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestHooks } from '../../src/extension/test-hooks';
import {
  codeOf, testHooks, fixture, lineStarting, ours, revertAndCloseAll, rulesDocTarget, waitFor,
  waitForCodes, waitForDiagnostics, waitForEvent,
} from './helpers';

describe('diagnostics', () => {
  let api: TestHooks;
  const gaps = () => fixture('accounts', 'gaps.account.md');
  const clean = () => fixture('accounts', 'clean.account.md');

  before(async () => {
    api = await testHooks();
  });
  afterEach(revertAndCloseAll);

  it('publishes an opened plan\'s findings with source, rule link, severity and range', async () => {
    const doc = await vscode.workspace.openTextDocument(gaps());
    await vscode.window.showTextDocument(doc);
    const ds = await waitForCodes(doc.uri, ['AP010', 'AP020', 'AP021']);

    const ap010 = ds.find((d) => codeOf(d) === 'AP010')!;
    const stakeholders = lineStarting(doc, 'stakeholders:');
    assert.deepStrictEqual(ap010.range, new vscode.Range(stakeholders, 0, stakeholders, 'stakeholders'.length));
    assert.strictEqual(ap010.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(ap010.source, 'account-plans');
    assert.match(ap010.message, /coach/);
    assert.ok(typeof ap010.code === 'object' && ap010.code.target instanceof vscode.Uri, 'code carries a link');
    assert.strictEqual(ap010.code.target.toString(), rulesDocTarget('AP010'));

    const ap020 = ds.find((d) => codeOf(d) === 'AP020')!;
    const visits = lineStarting(doc, 'visits:');
    assert.deepStrictEqual(ap020.range, new vscode.Range(visits, 0, visits, 'visits'.length));
    assert.strictEqual(api.diagnostics.name, 'account-plans');
    assert.strictEqual(api.diagnostics.get(doc.uri)?.length, 3, 'the collection holds the same diagnostics');
  });

  it('reports a YAML error as AP001 at the repeated key', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('accounts', 'broken.account.md'));
    const [d] = await waitForCodes(doc.uri, ['AP001']);
    const second = lineStarting(doc, 'tier: B');
    assert.strictEqual(d.range.start.line, second);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(api.index.get(doc.uri)?.plan, undefined, 'no plan model without parsed frontmatter');
  });

  it('checks plans that were never opened (workspace check)', async () => {
    const uri = fixture('accounts', 'east', 'unopened.account.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'not open');
    const [d] = await waitForCodes(uri, ['AP005']);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /ghost/);
    assert.strictEqual(api.index.entry(uri)?.source.kind, 'disk');
  });

  it('with accountPlans.problems "openPlans" lists the open plans\' problems only; "workspace" brings the others back', async function () {
    this.timeout(120000);
    const unopened = fixture('accounts', 'east', 'unopened.account.md');
    await waitForCodes(unopened, ['AP005']);
    // A plan of this test's own, opened by the workbench (openTextDocument holds a document for minutes).
    const scratch = fixture('accounts', 'problems-scope-scratch.account.md');
    const same = (d: vscode.TextDocument) => d.uri.toString() === scratch.toString();
    await vscode.workspace.fs.writeFile(scratch, await vscode.workspace.fs.readFile(gaps()));
    const expected = (await waitForDiagnostics(scratch, (ds) => ds.length > 0, 'the copied plan\'s problems')).map(codeOf).sort();
    const settings = () => vscode.workspace.getConfiguration('accountPlans');
    try {
      const opened = waitForEvent(vscode.workspace.onDidOpenTextDocument, same, 'the plan to open');
      await vscode.commands.executeCommand('vscode.open', scratch);
      const doc = await opened;
      await settings().update('problems', 'openPlans', vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(unopened, (ds) => ds.length === 0, 'no problems of a plan not open');
      await waitForCodes(scratch, expected);
      assert.ok(api.index.entry(unopened)!.analysis.findings.length > 0, 'the plan not open is still checked (the views count its findings)');
      // Closed, a plan leaves the Problems panel.
      const closed = waitForEvent(vscode.workspace.onDidCloseTextDocument, same, 'the plan to close', 45000);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await closed;
      await waitForDiagnostics(scratch, (ds) => ds.length === 0, 'no problems once the plan is closed');
    } finally {
      await settings().update('problems', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForCodes(unopened, ['AP005']);
    await waitForCodes(scratch, expected);
    await vscode.workspace.fs.delete(scratch);
    await waitForDiagnostics(scratch, (ds) => ds.length === 0, 'the deleted plan\'s problems gone');
  });

  it('finds nothing in a clean plan and leaves other Markdown alone', async () => {
    const doc = await vscode.workspace.openTextDocument(clean());
    const entry = await waitFor('clean plan in the index', () => api.index.entry(doc.uri));
    assert.deepStrictEqual(entry.analysis.findings, []);
    assert.deepStrictEqual(ours(doc.uri), []);
    assert.ok(entry.analysis.plan, 'a parsed plan is available to other features');

    const readme = await vscode.workspace.openTextDocument(fixture('README.md'));
    assert.strictEqual(readme.languageId, 'markdown');
    assert.strictEqual(api.index.get(readme.uri), undefined);
    assert.deepStrictEqual(ours(readme.uri), []);
  });

  it('checks the unsaved buffer while typing, and undo takes the finding away', async () => {
    const doc = await vscode.workspace.openTextDocument(clean());
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor('clean plan in the index', () => api.index.entry(doc.uri));
    const at = lineStarting(doc, 'tier:');

    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(at, 0), 'tierr: A\n')));
    assert.ok(doc.isDirty);
    const [d] = await waitForCodes(doc.uri, ['AP003']);
    assert.deepStrictEqual(d.range, new vscode.Range(at, 0, at, 'tierr'.length));
    assert.match(d.message, /tier/);
    const source = api.index.entry(doc.uri)?.source;
    assert.ok(source?.kind === 'buffer' && source.version === doc.version, 'checked from the buffer, not the disk');

    await vscode.commands.executeCommand('undo');
    await waitForCodes(doc.uri, []);
    assert.ok(!doc.isDirty, 'undo returned to the saved text');
  });

  it('publishes only the latest version when edits come faster than the debounce', async () => {
    const doc = await vscode.workspace.openTextDocument(clean());
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor('clean plan in the index', () => api.index.entry(doc.uri));
    const before = api.index.entry(doc.uri)!.source;
    const at = lineStarting(doc, 'tier:');
    // Three edits in a row: an unknown key, then a bad tier, then the key is fixed again.
    await editor.edit((b) => b.insert(new vscode.Position(at, 0), 'ownerr: x\n'));
    await editor.edit((b) => b.replace(doc.lineAt(at + 1).range, 'tier: Z'));
    await editor.edit((b) => b.delete(doc.lineAt(at).rangeIncludingLineBreak));
    const finalVersion = doc.version;

    const ds = await waitForCodes(doc.uri, ['AP002']);
    assert.strictEqual(ds[0].range.start.line, at);
    const entry = api.index.entry(doc.uri)!;
    assert.strictEqual(entry.source.kind === 'buffer' && entry.source.version, finalVersion);
    assert.notDeepStrictEqual(entry.source, before);
  });
});
