import * as assert from 'assert';
import * as vscode from 'vscode';
import { codes, EXTENSION_ID, fixture, testHooks, waitForCodes, waitForEvent } from '../integration/helpers';

/**
 * Restricted Mode: workspace trust on, the folder not trusted. package.json declares
 * `untrustedWorkspaces.supported: true` (the extension runs no code, task or git from the
 * workspace, and every setting is data), so everything works as in a trusted folder.
 */
describe('in an untrusted workspace (Restricted Mode)', () => {
  const plan = () => fixture('untrusted.account.md');

  it('the workspace is not trusted, and the extension is active all the same', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the harness opened the folder in Restricted Mode');
    await testHooks();
    assert.strictEqual(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('checks plans, with the workspace\'s own settings (none is restricted): AP020 off, only the economic role required', async () => {
    await vscode.window.showTextDocument(plan());
    await waitForCodes(plan(), ['AP010', 'AP011', 'AP032']);
    assert.deepStrictEqual(codes(plan()), ['AP010', 'AP011', 'AP032']);
  });

  it('offers its views and every command, the ones that edit a plan included', async () => {
    const hooks = await testHooks();
    assert.ok(hooks.views.pipeline.getChildren().length > 0, 'the Pipeline view lists the plan\'s deal');
    const all = await vscode.commands.getCommands(true);
    for (const c of ['accountPlans.newPlan', 'accountPlans.logVisit', 'accountPlans.moveStage', 'accountPlans.addStakeholder',
      'accountPlans.showStakeholderMap', 'accountPlans.showForecast']) assert.ok(all.includes(c), c);
  });

  it('draws the stakeholder map webview, the plan\'s markup-like name as text', async () => {
    const hooks = await testHooks();
    await vscode.window.showTextDocument(plan());
    const rendered = waitForEvent(hooks.stakeholderMap.onDidRender, (e) => e.uri.toString() === plan().toString(), 'the map drawn', 30000);
    await vscode.commands.executeCommand('accountPlans.showStakeholderMap');
    const r = await rendered;
    assert.strictEqual(r.message.cards, 1);
    assert.deepStrictEqual(r.model?.people.map((p) => p.name), ['<img src=x onerror=alert(1)>']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
