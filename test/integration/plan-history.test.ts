// node-host-only: Plan History and Compare with Revision need git (a child process), which the web worker host has not; there they are hidden by accountPlans.nodeHost.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import type { HistoryRow } from '../../src/extension/features/plan-history/plan-history-tree';
import type { TestHooks } from '../../src/extension/test-hooks';
import { enc, extensionUri, fixture, revertAndCloseAll, testHooks, waitFor } from './helpers';
import { scripted } from './prompter';

const FIRST = `---
id: acme
account: Acme
stakeholders:
  - { id: li, name: Li Na, roles: [economic], attitude: D }
opportunities:
  - { id: up, name: Acme Upgrade, stage: C, amount: 1000, close: 2099-12-31 }
visits:
  - { date: 2026-10-01, purpose: progress, with: [li] }
---
`;
const SECOND = FIRST.replace('attitude: D', 'attitude: B').replace('stage: C', 'stage: B')
  .replace('---\n', '---\n').replace(/\n---\n$/, '\n  - { date: 2026-11-02, purpose: solution, with: [li] }\n---\n');

/** A real repository in the workspace: git with a fixed author and dates, and the plans' textconv driver set (as `account-plans git-setup` does). */
function git(cwd: string, args: string[], date = '2026-11-01T10:00:00Z'): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Lin Shan', GIT_AUTHOR_EMAIL: 'lin@example.com', GIT_COMMITTER_NAME: 'Lin Shan', GIT_COMMITTER_EMAIL: 'lin@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}

describe('Plan History and Compare with Revision (the built-in Git extension, a real repository)', () => {
  let api: TestHooks;
  const repo = () => fixture('git-history');
  const plan = () => vscode.Uri.joinPath(repo(), 'acme.account.md');
  const hashes: string[] = [];

  async function removeRepo(): Promise<void> {
    try {
      await vscode.workspace.fs.delete(repo(), { recursive: true, useTrash: false });
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) throw e;
    }
  }

  before(async () => {
    api = await testHooks();
    await removeRepo();
    await vscode.workspace.fs.createDirectory(repo());
    const cwd = repo().fsPath;
    git(cwd, ['init', '-q']);
    // With the diff driver set, `git show --textconv` (the Git API's show) gives fact lines, not the plan.
    const cli = vscode.Uri.joinPath(extensionUri(), 'dist', 'cli.js').fsPath;
    git(cwd, ['config', 'diff.account-plans.textconv', `"${process.execPath}" "${cli}" textconv`]);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(repo(), '.gitattributes'), enc('*.account.md diff=account-plans\n'));
    await vscode.workspace.fs.writeFile(plan(), enc(FIRST));
    git(cwd, ['add', '.']);
    git(cwd, ['commit', '-q', '-m', 'Acme: first plan'], '2026-10-01T10:00:00Z');
    await vscode.workspace.fs.writeFile(plan(), enc(SECOND));
    git(cwd, ['commit', '-q', '-am', 'Acme: after the workshop'], '2026-11-02T10:00:00Z');
    hashes.push(...git(cwd, ['log', '--format=%H']).trim().split('\n'));
    assert.match(git(cwd, ['show', '--textconv', `HEAD:acme.account.md`]), /^(?!---)/, 'textconv is in effect for git show');
  });
  afterEach(async () => {
    api.setPrompter(undefined);
    api.compare.panel?.dispose();
    await revertAndCloseAll();
  });
  after(removeRepo);

  /** Shows the plan and waits for the view's rows of it (the history lists what git has, newest first). */
  async function historyRows(): Promise<HistoryRow[]> {
    await vscode.window.showTextDocument(plan());
    await vscode.commands.executeCommand('accountPlans.planHistory.focus');
    return waitFor('the plan history of acme.account.md', () => (api.planHistory.plan?.toString() === plan().toString() ? true : undefined))
      .then(async () => {
        for (let i = 0; i < 100; i++) {
          const rows = await api.planHistory.getChildren();
          if (rows.length === 2) return rows;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`the view lists no two commits; it says: ${api.planHistory.message}`);
      });
  }

  it('Plan History lists the plan\'s commits, newest first, each with what changed in business terms', async () => {
    const rows = await historyRows();
    const items = rows.map((r) => api.planHistory.getTreeItem(r));
    assert.deepStrictEqual(items.map((i) => [i.label, i.description]), [
      ['Acme Upgrade C→B · Li Na D→B · 1 visit', 'Acme: after the workshop'],
      ['plan added · 1 visit', 'Acme: first plan'],
    ]);
    assert.deepStrictEqual(rows.map((r) => r.commit.hash), hashes);
    assert.match(String(items[0].tooltip), /Lin Shan · 2026-11-02/);
    assert.strictEqual(api.planHistory.message, undefined);
  });

  it('a click on a commit opens the comparison with its previous revision', async () => {
    const [latest] = await historyRows();
    const item = api.planHistory.getTreeItem(latest);
    const before = api.compare.lastModel?.revision ?? 0;
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const shown = await waitFor('the comparison in the panel', () => (api.compare.lastModel && api.compare.lastModel.revision > before ? api.compare.lastModel : undefined));
    assert.deepStrictEqual(shown.header, { plan: 'Acme', before: `${hashes[1].slice(0, 7)} Acme: first plan`, after: `${hashes[0].slice(0, 7)} Acme: after the workshop`, notice: undefined });
    const [acme] = shown.model.accounts;
    assert.deepStrictEqual(acme.deals.map((d) => [d.name, d.stage.from, d.stage.to]), [['Acme Upgrade', 'C', 'B']]);
    assert.deepStrictEqual(acme.people.map((p) => [p.name, p.attitude.from, p.attitude.to]), [['Li Na', 'D', 'B']]);
    assert.deepStrictEqual(acme.visits.map((v) => v.text), ['visit 2026-11-02 (solution) with Li Na']);
    await waitFor('the page drew it', () => (api.compare.renderedRevision >= shown.revision ? true : undefined));
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('accountPlans.compare'));
    assert.strictEqual(tab?.label, 'Changes: Acme');
  });

  it('Compare with Revision… offers the commits and compares the picked one with the editor\'s text, unsaved edits included', async () => {
    const editor = await vscode.window.showTextDocument(plan());
    await editor.edit((e) => {
      const text = editor.document.getText();
      const at = text.indexOf('stage: B');
      e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'stage: B'.length)), 'stage: A');
    });
    const prompter = scripted([`${hashes[1].slice(0, 7)} Acme: first plan`]);
    api.setPrompter(prompter);
    const before = api.compare.lastModel?.revision ?? 0;
    await vscode.commands.executeCommand('accountPlans.compareWithRevision');
    assert.deepStrictEqual(prompter.asked, ['Compare Acme with which revision?']);
    const shown = await waitFor('the comparison', () => (api.compare.lastModel && api.compare.lastModel.revision > before ? api.compare.lastModel : undefined));
    assert.strictEqual(shown.header.after, 'working copy');
    assert.deepStrictEqual(shown.model.accounts[0].deals.map((d) => [d.stage.from, d.stage.to]), [['C', 'A']]);
    // Typing on: the panel compares again.
    await editor.edit((e) => {
      const at = editor.document.getText().indexOf('stage: A');
      e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'stage: A'.length)), 'stage: S');
    });
    const again = await waitFor('the comparison after the edit', () => {
      const last = api.compare.lastModel;
      return last && last.revision > shown.revision ? last : undefined;
    });
    assert.deepStrictEqual(again.model.accounts[0].deals[0].lines.map((l) => l.text), ['won ↑ (from stage C)']);
  });

  it('says why there is no history: a plan git does not know, a plan outside any repository', async () => {
    const untracked = vscode.Uri.joinPath(repo(), 'new.account.md');
    await vscode.workspace.fs.writeFile(untracked, enc(FIRST.replace('id: acme', 'id: fresh')));
    await vscode.window.showTextDocument(untracked);
    await waitFor('the untracked plan', () => (api.planHistory.plan?.toString() === untracked.toString() ? true : undefined));
    assert.deepStrictEqual(await api.planHistory.getChildren(), []);
    assert.strictEqual(api.planHistory.message, 'No commit of git-history/new.account.md yet: it is untracked, or it was committed under another name.');
    const outside = fixture('accounts', 'gaps.account.md');
    await vscode.window.showTextDocument(outside);
    await waitFor('the plan outside the repository', () => (api.planHistory.plan?.toString() === outside.toString() ? true : undefined));
    assert.deepStrictEqual(await api.planHistory.getChildren(), []);
    assert.strictEqual(api.planHistory.message, 'accounts/gaps.account.md is not in a git repository that VS Code has open.');
    assert.strictEqual(await api.compare.run(outside), undefined, 'the command says so and opens nothing');
    assert.strictEqual(api.compare.panel, undefined);
  });
});
