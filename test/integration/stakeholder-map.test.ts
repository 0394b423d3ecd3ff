import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestHooks } from '../../src/extension/test-hooks';
import type { MapRendered } from '../../src/extension/features/stakeholder-map/stakeholder-map-feature';
import { EXTENSION_ID, testHooks, fixture, lineStarting, revertAndCloseAll, waitFor, waitForEvent } from './helpers';

const VIEW_TYPE = 'accountPlans.stakeholderMap';

/** Open tabs whose input is one of our map webviews (VS Code may prefix the view type). */
const mapTabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
  .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(VIEW_TYPE));

describe('stakeholder map panel', () => {
  let api: TestHooks;
  const gaps = () => fixture('accounts', 'gaps.account.md');
  const drawn = (uri: vscode.Uri, predicate: (e: MapRendered) => boolean, what: string) =>
    waitForEvent(api.stakeholderMap.onDidRender, (e) => e.uri.toString() === uri.toString() && predicate(e), what, 30000);

  before(async () => {
    api = await testHooks();
  });
  afterEach(async () => {
    await revertAndCloseAll();
  });

  it('contributes the command, its editor-title button for plans and the activation event', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      activationEvents: string[];
      contributes: { commands: { command: string; title: string; icon?: string }[]; menus: Record<string, { command: string; when?: string }[]> };
    };
    assert.ok(pkg.activationEvents.includes(`onWebviewPanel:${VIEW_TYPE}`));
    const cmd = pkg.contributes.commands.find((c) => c.command === 'accountPlans.showStakeholderMap');
    assert.deepStrictEqual([cmd?.title, cmd?.icon], ['Show Stakeholder Map', '$(type-hierarchy)']);
    const button = pkg.contributes.menus['editor/title'].find((m) => m.command === 'accountPlans.showStakeholderMap');
    assert.strictEqual(button?.when, 'resourceFilename =~ /\\.account\\.md$/');
  });

  it('the command opens a webview panel that draws the active plan', async () => {
    const uri = gaps();
    await vscode.window.showTextDocument(uri);
    const rendered = drawn(uri, () => true, 'the first drawing');
    await vscode.commands.executeCommand('accountPlans.showStakeholderMap');
    const tab = await waitFor('a stakeholder map tab', () => mapTabs()[0]);
    assert.strictEqual(tab.label, 'Stakeholders: 江南城市商业银行');
    const r = await rendered;
    assert.deepStrictEqual([r.message.mode, r.message.cards, r.message.placeholders], ['org', 3, 1], 'three people; the coach is missing');
    assert.deepStrictEqual(r.model?.placeholders, [{ role: 'coach' }]);
    assert.deepStrictEqual(api.stakeholderMap.lastModel(uri)?.people.map((p) => p.name), ['赵行长', '钱经理', '孙主管']);

    await vscode.commands.executeCommand('accountPlans.showStakeholderMap', uri);
    assert.strictEqual(mapTabs().length, 1, 'a second call shows the same panel');
  });

  it('an edit to the plan (unsaved) reaches the open map', async () => {
    const uri = gaps();
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const first = drawn(uri, () => true, 'the first drawing');
    await vscode.commands.executeCommand('accountPlans.showStakeholderMap', uri);
    await first;

    const edited = drawn(uri, (e) => !!e.model?.people.some((p) => p.name === '孙主任') && e.message.cards === 4, 'the edited plan drawn');
    const edit = new vscode.WorkspaceEdit();
    const line = lineStarting(doc, '    name: 孙主管');
    edit.replace(uri, doc.lineAt(line).range, '    name: 孙主任');
    const opps = lineStarting(doc, 'opportunities:');
    edit.insert(uri, new vscode.Position(opps, 0), '  - id: li\n    name: 李老师\n    reports_to: zhao\n    roles: [coach]\n    attitude: A\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const r = await edited;
    assert.ok(doc.isDirty, 'from the buffer, not the disk');
    assert.strictEqual(r.message.placeholders, 0, 'the new coach fills the gap');
    assert.deepStrictEqual(r.model?.edges, [{ from: 'zhao', to: 'li' }]);
  });

  it('reveals a person in the plan, ignores malformed messages, and writes exports next to the plan', async () => {
    const uri = gaps();
    const first = drawn(uri, () => true, 'the first drawing');
    const panel = await api.stakeholderMap.show(uri);
    assert.ok(panel);
    await first;

    await panel.receive({ type: 'reveal', index: 1 });
    const editor = await waitFor('the plan editor', () => (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor : undefined));
    assert.strictEqual(editor.document.lineAt(editor.selection.active.line).text, '  - id: qian');

    const svgUri = vscode.Uri.joinPath(uri, '..', 'gaps.stakeholders.svg');
    const pngUri = vscode.Uri.joinPath(uri, '..', 'gaps.stakeholders.png');
    try {
      for (const bad of [{ type: 'export', format: 'svg', data: '<script>alert(1)</script>' }, { type: 'export', format: 'png', data: 'data:text/html,<b>' },
        { type: 'reveal', index: -1 }, { type: 'reveal', index: '1' }, { type: 'nonsense' }, 'ready']) {
        await panel.receive(bad);
      }
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(svgUri)), 'nothing written for a malformed export');
      const svgText = '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>';
      await panel.receive({ type: 'export', format: 'svg', data: svgText });
      assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(svgUri)), svgText);
      const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
      await panel.receive({ type: 'export', format: 'png', data: `data:image/png;base64,${png}` });
      assert.deepStrictEqual([...await vscode.workspace.fs.readFile(pngUri)], [...Uint8Array.from(atob(png), (c) => c.charCodeAt(0))]);
    } finally {
      for (const u of [svgUri, pngUri]) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
    }
  });

  it('a panel restored after a reload comes back from the plan URI in its state', async () => {
    const uri = fixture('accounts', 'clean.account.md');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'restored', vscode.ViewColumn.One, {});
    const rendered = drawn(uri, () => true, 'the restored map drawn');
    api.stakeholderMap.revive(panel, { planUri: uri.toString(), mode: 'grid', views: {} });
    const r = await rendered;
    assert.strictEqual(r.message.cards, 1);
    assert.strictEqual(api.stakeholderMap.panel(uri)?.panel, panel);

    const stray = vscode.window.createWebviewPanel(VIEW_TYPE, 'stray', vscode.ViewColumn.One, {});
    const closed = new Promise<void>((resolve) => stray.onDidDispose(() => resolve()));
    api.stakeholderMap.revive(stray, { planUri: 'command:workbench.action.quit' });
    await closed;
  });
});
