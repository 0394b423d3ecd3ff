import * as assert from 'assert';
import * as vscode from 'vscode';
import { ConfigService } from '../../src/extension/config';
import { PlanIndex } from '../../src/extension/index/plan-index';
import { PlanTracker } from '../../src/extension/index/plan-tracker';
import { enc, fixture, revertAndCloseAll, testHooks, waitFor } from './helpers';

const PLAN = '---\naccount: Scan Test\n---\n';

/**
 * The extension also starts on any Markdown file. A tracker of its own (with the workspace's file
 * search counted) shows what happens where nothing says the workspace holds plans: no search until
 * a plan appears, then one.
 */
describe('workspace search', () => {
  const folder = () => fixture('scan-scratch');
  const disposables: vscode.Disposable[] = [];

  async function removeFolder(): Promise<void> {
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false }).then(undefined, (e: unknown) => {
      if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) throw e;
    });
  }

  before(async () => {
    await testHooks();
    await removeFolder();
  });
  afterEach(async () => {
    while (disposables.length) disposables.pop()?.dispose();
    await revertAndCloseAll();
    await removeFolder();
  });

  it('the extension searched this workspace at activation, as it holds plans', async () => {
    const hooks = await testHooks();
    assert.strictEqual(hooks.workspace.started, true);
    assert.strictEqual(hooks.workspace.reason, 'activated without a Markdown file open');
  });

  it('opening a Markdown file starts no search; a plan written to disk starts one, once', async () => {
    const searches: string[] = [];
    const log = vscode.window.createOutputChannel('Account Plans (scan test)', { log: true });
    const config = new ConfigService(log);
    const index = new PlanIndex({ settings: () => config.config.settings, locale: () => 'en', log });
    const tracker = new PlanTracker(index, config, log, (include, exclude) => {
      searches.push(String(include));
      return vscode.workspace.findFiles(include, exclude);
    });
    disposables.push(tracker, index, config, log);
    tracker.start();

    await vscode.window.showTextDocument(fixture('README.md'));
    assert.deepStrictEqual(searches, [], 'a Markdown file is no sign of plans');
    assert.strictEqual(tracker.workspace.started, false);

    const plan = vscode.Uri.joinPath(folder(), 'new.account.md');
    await vscode.workspace.fs.writeFile(plan, enc(PLAN));
    const found = await waitFor('the workspace search', () => (tracker.workspace.started ? tracker.workspace.done : undefined));
    assert.ok(await found >= 5, 'the fixtures and the new plan');
    assert.strictEqual(tracker.workspace.reason, 'a plan appeared on disk');
    await waitFor('the new plan indexed', () => index.get(plan));

    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), 'second.account.md'), enc(PLAN));
    await waitFor('the second plan indexed', () => index.get(vscode.Uri.joinPath(folder(), 'second.account.md')));
    assert.deepStrictEqual(searches, ['**/*.account.md'], 'one search, of plans only');
  });
});
