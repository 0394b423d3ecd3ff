import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ForecastPanelModel, ForecastRow } from '../../src/core';
import type { TestHooks } from '../../src/extension/test-hooks';
import { testHooks, fixture, lineStarting, revertAndCloseAll, waitFor } from './helpers';

const GAPS = () => fixture('accounts', 'gaps.account.md').toString();
/** A file's text, byte order mark kept, through VS Code's file system (both extension hosts: the web worker has no fs). */
const readText = async (uri: vscode.Uri): Promise<string> => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
const forecastTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
  .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('accountPlans.forecast'));

describe('forecast panel (in VS Code)', () => {
  let api: TestHooks;
  /** The next model posted after `after` (a revision) that satisfies `ok`. */
  const nextModel = (what: string, ok: (m: ForecastPanelModel) => boolean, after = api.forecast.lastModel?.revision ?? 0) =>
    waitFor(what, () => {
      const last = api.forecast.lastModel;
      return last && last.revision > after && ok(last.model) ? last.model : undefined;
    });
  const gapsRow = (m: ForecastPanelModel): ForecastRow | undefined => m.rows.find((r) => r.uri === GAPS());
  /** Runs Show Forecast and waits for the first model of the panel (not one left from an earlier panel). */
  const show = async (...args: unknown[]) => {
    const before = api.forecast.lastModel?.revision ?? 0;
    await vscode.commands.executeCommand('accountPlans.showForecast', ...args);
    return nextModel('the first model of the panel', () => true, before);
  };

  let autoSave: unknown;
  before(async () => {
    api = await testHooks();
    // VS Code for the web saves a dirty buffer after a second by default; these tests edit buffers.
    autoSave = vscode.workspace.getConfiguration('files').inspect('autoSave')?.globalValue;
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    // Back to what it was (the harness turns it off for every test): removing it would let the
    // later suites' unsaved edits be saved into the fixtures.
    await vscode.workspace.getConfiguration('files').update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
  });
  afterEach(async () => {
    api.forecast.setSaveDialog(undefined);
    api.forecast.panel?.dispose();
    const cfg = vscode.workspace.getConfiguration('accountPlans');
    if (cfg.inspect('funnelBenchmark')?.globalValue !== undefined) await cfg.update('funnelBenchmark', undefined, vscode.ConfigurationTarget.Global);
    await revertAndCloseAll();
  });

  it('Show Forecast opens a webview tab that draws the figures of the workspace', async () => {
    const model = await show();
    const tab = await waitFor('a forecast tab', forecastTab);
    assert.strictEqual(tab.label, 'Forecast');
    assert.deepStrictEqual(gapsRow(model), {
      uri: GAPS(), index: 0, account: '江南城市商业银行', opportunity: '核心网络扩容', stage: 'E', category: 'pipeline',
      probability: 25, currency: 'CNY', amount: 800000, weighted: 200000, close: '2099-12-31', owner: '林山', tier: 'B',
    });
    assert.ok(model.quarters.some((q) => q.period === '2019-Q2' && q.won === 300000), 'the won deal of clean.account.md, in its quarter');
    assert.ok(model.incomplete >= 1, 'broken.account.md does not parse');
    assert.deepStrictEqual(model.funnel.steps.find((s) => s.stage === 'E')?.benchmark, 0.75);
    const drawn = api.forecast.lastModel!.revision;
    await waitFor('the page to draw it', () => (api.forecast.renderedRevision >= drawn ? true : undefined));
  });

  it('an edit to a plan reaches the open forecast (the unsaved buffer, not the file)', async () => {
    assert.strictEqual(gapsRow(await show())?.amount, 800000);
    const doc = (await vscode.window.showTextDocument(fixture('accounts', 'gaps.account.md'), { viewColumn: vscode.ViewColumn.Beside })).document;
    const onDisk = await readText(doc.uri);
    const line = lineStarting(doc, '    amount: 800000');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, doc.lineAt(line).range, '    amount: 1000000');
    const before = api.forecast.lastModel!.revision;
    assert.ok(await vscode.workspace.applyEdit(edit));
    const model = await nextModel('the new amount', (m) => gapsRow(m)?.amount === 1000000, before);
    assert.strictEqual(gapsRow(model)?.weighted, 250000);
    const drawn = api.forecast.lastModel!.revision;
    await waitFor('the page to draw the edit', () => (api.forecast.renderedRevision >= drawn ? true : undefined));
    assert.ok(doc.isDirty);
    assert.strictEqual(await readText(doc.uri), onDisk, 'the file itself is untouched');
  });

  it('from a folder in the explorer: only the plans under it, in the title too', async () => {
    const east = fixture('accounts', 'east');
    const model = await show(east);
    assert.strictEqual(model.query.folder, east.toString());
    assert.strictEqual(model.plans, 1);
    assert.strictEqual(model.rowCount, 0);
    assert.strictEqual(api.forecast.panel?.panel.title, 'Forecast: accounts/east');
  });

  it('page messages are validated: a query narrows to an owner, anything malformed is dropped', async () => {
    await show();
    const panel = api.forecast.panel!;
    const before = api.forecast.lastModel!.revision;
    await panel.handleMessage({ type: 'query', change: { owner: '林山', sort: { key: 'close', dir: 'asc' } } });
    const model = await nextModel('the owner filter', (m) => m.query.owner === '林山', before);
    assert.ok(model.rows.every((r) => r.owner === '林山'));
    assert.deepStrictEqual(panel.scope, { folder: undefined, owner: '林山' });
    const revision = api.forecast.lastModel!.revision;
    for (const bad of [{ type: 'query', change: { owner: 5 } }, { type: 'query', change: { folder: 'file:///etc' } },
      { type: 'reveal', uri: 'file:///etc/passwd', index: 0 }, { type: 'nope' }, 'ready', null]) {
      await panel.handleMessage(bad);
    }
    assert.strictEqual(api.forecast.lastModel!.revision, revision, 'no model was sent for a rejected message');
    assert.strictEqual(panel.scope.folder, undefined);
  });

  it('a click on an account reveals the opportunity in its plan', async () => {
    assert.strictEqual(gapsRow(await show())?.amount, 800000);
    await api.forecast.panel!.handleMessage({ type: 'reveal', uri: GAPS(), index: 0 });
    const editor = await waitFor('the plan editor', () => (vscode.window.activeTextEditor?.document.uri.toString() === GAPS() ? vscode.window.activeTextEditor : undefined));
    assert.strictEqual(editor.document.lineAt(editor.selection.active.line).text, '  - id: core');
  });

  it('the format-error banner names the plans, and a click on one opens it; any other file is refused', async () => {
    const model = await show();
    const broken = model.incompletePlans.find((p) => p.name === 'broken.account.md');
    assert.ok(broken, `broken.account.md is named: ${JSON.stringify(model.incompletePlans)}`);
    await api.forecast.panel!.handleMessage({ type: 'openPlan', uri: GAPS() });
    await api.forecast.panel!.handleMessage({ type: 'openPlan', uri: 'file:///etc/passwd' });
    assert.ok(vscode.window.visibleTextEditors.every((e) => ![GAPS(), 'file:///etc/passwd'].includes(e.document.uri.toString())), 'not a plan the banner names: refused');
    await api.forecast.panel!.handleMessage({ type: 'openPlan', uri: broken.uri });
    await waitFor('the broken plan in an editor', () => (vscode.window.activeTextEditor?.document.uri.toString() === broken.uri ? true : undefined));
  });

  it('Export CSV writes every row of the query to the file the save dialog names', async () => {
    assert.strictEqual(gapsRow(await show())?.amount, 800000);
    const scratch = fixture('forecast-scratch');
    const out = vscode.Uri.joinPath(scratch, 'out.csv');
    let asked: vscode.SaveDialogOptions | undefined;
    api.forecast.setSaveDialog(async (o) => { asked = o; return out; });
    try {
      await api.forecast.panel!.handleMessage({ type: 'exportCsv' });
      assert.match(String(asked?.defaultUri?.path), /forecast-CNY\.csv$/);
      const csv = await readText(out);
      const lines = csv.split('\r\n');
      assert.strictEqual(lines[0], '\uFEFFaccount,opportunity,stage,category,probability,currency,amount,weighted,close,owner,tier');
      assert.ok(lines.includes('江南城市商业银行,核心网络扩容,E,pipeline,25,CNY,800000,200000,2099-12-31,林山,B'), csv);
      assert.strictEqual(lines.at(-1), '', 'ends with CRLF');
    } finally {
      await vscode.workspace.fs.delete(scratch, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
  });

  it('follows accountPlans.funnelBenchmark', async () => {
    await show();
    const before = api.forecast.lastModel!.revision;
    await vscode.workspace.getConfiguration('accountPlans').update('funnelBenchmark', { E: 0.1 }, vscode.ConfigurationTarget.Global);
    const model = await nextModel('the new benchmark', (m) => m.funnel.steps.find((s) => s.stage === 'E')?.benchmark === 0.1, before);
    assert.strictEqual(model.funnel.steps.find((s) => s.stage === 'G')?.benchmark, 0.8, 'stages left out keep their default');
  });

  it('comes back from the serializer\'s state, which is checked like any page message', async () => {
    const before = api.forecast.lastModel?.revision ?? 0;
    const restored = vscode.window.createWebviewPanel('accountPlans.forecast', 'Forecast', vscode.ViewColumn.Active, {});
    api.forecast.revive(restored, { scope: { owner: '林山' } });
    const model = await nextModel('the restored owner', (m) => m.query.owner === '林山', before);
    assert.ok(model.rows.length >= 1);
    assert.strictEqual(api.forecast.panel?.panel, restored);
    const junk = vscode.window.createWebviewPanel('accountPlans.forecast', 'Forecast', vscode.ViewColumn.Active, {});
    api.forecast.revive(junk, { scope: { owner: 42, folder: ['x'] } });
    assert.deepStrictEqual(api.forecast.panel?.scope, { folder: undefined, owner: undefined });
  });
});
