import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestHooks } from '../../src/extension/test-hooks';
import { isAccount } from '../../src/extension/features/views/accounts-tree';
import { TreePages } from '../../src/core';
import { testHooks, fixture, revertAndCloseAll, waitFor } from './helpers';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

describe('views (Pipeline, Buying Roles, Accounts)', () => {
  let api: TestHooks;
  before(async () => {
    api = await testHooks();
    await api.views.pipeline.setGrouping('stage');
    await api.views.pipeline.setFilter({});
  });
  afterEach(async () => {
    await api.views.pipeline.setGrouping('stage');
    await api.views.pipeline.setFilter({});
    await revertAndCloseAll();
  });

  it('contributes the container, its three views and their commands', async () => {
    await vscode.commands.executeCommand('accountPlans.pipeline.focus');
    const all = await vscode.commands.getCommands(true);
    for (const c of ['accountPlans.newPlan', 'accountPlans.logVisit', 'accountPlans.moveStage', 'accountPlans.addStakeholder',
      'accountPlans.refresh', 'accountPlans.groupPipeline', 'accountPlans.filterPipeline', 'accountPlans.toggleRoleLayers']) {
      assert.ok(all.includes(c), c);
    }
  });

  it('Pipeline by stage: G → A, then Won and Lost, with counts and amounts', () => {
    const p = api.views.pipeline;
    const groups = p.getChildren();
    assert.deepStrictEqual(groups.map((g) => (g.kind === 'group' ? g.group.key : '')), ['G', 'F', 'E', 'D', 'C', 'B', 'A', 'S', 'lost']);
    const e = p.getTreeItem(groups[2]);
    // Short enough for the default sidebar: stage and count, the amount in short form; every figure in the tooltip.
    assert.strictEqual(label(e), 'E · 25% · 1');
    assert.strictEqual(e.description, 'CN¥800K');
    assert.deepStrictEqual(String(e.tooltip).split('\n'), [
      'E · 25% · 1', 'first proposal submitted', 'customer: step 3, project approved, buying team formed', '1 opportunity',
      'Amount: CN¥800,000', 'Weighted: CN¥200,000',
    ]);
    const [deal] = p.getChildren(groups[2]);
    const item = p.getTreeItem(deal);
    assert.strictEqual(label(item), '核心网络扩容');
    assert.match(String(item.description), /^江南城市商业银行 · .*800,000 · weighted .*200,000$/);
    const tip = (item.tooltip as vscode.MarkdownString).value.replace(/\\/g, '').replace(/&nbsp;/g, ' ');
    for (const part of ['2099-12-31', '25%', 'pipeline', '3/8']) assert.ok(tip.includes(part), `${part} in ${tip}`);
    assert.strictEqual(p.getChildren(groups[7]).length, 1, 'the won deal of clean.account.md');
  });

  it('clicking an opportunity reveals its node in the plan', async () => {
    const p = api.views.pipeline;
    const e = p.getChildren()[2];
    const cmd = p.getTreeItem(p.getChildren(e)[0]).command!;
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    const editor = await waitFor('the plan editor', () => (vscode.window.activeTextEditor?.document.uri.path.endsWith('gaps.account.md') ? vscode.window.activeTextEditor : undefined));
    assert.strictEqual(editor.document.lineAt(editor.selection.active.line).text, '  - id: core');
  });

  it('groups by owner and by close quarter, filters by tier, and remembers the choice', async () => {
    await vscode.commands.executeCommand('accountPlans.groupPipeline', 'owner');
    const keys = () => api.views.pipeline.getChildren().map((g) => (g.kind === 'group' ? `${g.group.key}:${g.group.count}` : ''));
    assert.deepStrictEqual(keys(), ['林山:1']);
    await vscode.commands.executeCommand('accountPlans.groupPipeline', 'quarter');
    assert.deepStrictEqual(keys(), ['2099-Q4:1']);
    assert.strictEqual(api.views.pipeline.grouping, 'quarter');
    await vscode.commands.executeCommand('accountPlans.groupPipeline', 'stage');
    await vscode.commands.executeCommand('accountPlans.filterPipeline', { tier: 'A' });
    assert.strictEqual(api.views.pipeline.getChildren().reduce((n, g) => n + (g.kind === 'group' ? g.group.count : 0), 0), 0);
  });

  it('Buying Roles: the six roles of the active plan, a gap for the missing coach, kept when focus moves', async () => {
    const gaps = fixture('accounts', 'gaps.account.md');
    await vscode.window.showTextDocument(gaps);
    const r = api.views.roles;
    await waitFor('the roles view to follow the editor', () => (r.plan?.toString() === gaps.toString() ? true : undefined));
    const rows = r.getChildren().map((n) => r.getTreeItem(n));
    assert.deepStrictEqual(rows.map(label), ['economic · 经济买家', 'technical · 技术买家', 'user · 使用买家', 'financial · 财务买家', 'coach · 教练买家', 'influencer · 影响力买家']);
    assert.strictEqual(rows[4].contextValue, 'roleGap');
    assert.strictEqual((rows[4].iconPath as vscode.ThemeIcon).id, 'warning');
    assert.strictEqual(rows[3].contextValue, 'role', 'financial is not required: no gap');
    const [qian] = r.getChildren(r.getChildren()[1]);
    const person = r.getTreeItem(qian);
    assert.strictEqual(label(person), '钱经理');
    assert.match(String(person.description), /^科技部经理 · B · \d+ (?:days|months|years?) ago$/);
    assert.strictEqual(((person.iconPath as vscode.ThemeIcon).color as vscode.ThemeColor).id, 'accountPlans.attitudeB');
    await vscode.window.showTextDocument(fixture('README.md'));
    assert.strictEqual(r.plan?.toString(), gaps.toString());
    await vscode.commands.executeCommand('accountPlans.toggleRoleLayers');
    assert.deepStrictEqual(r.getChildren().map((n) => label(r.getTreeItem(n))), ['decision · 拍板层', 'procurement · 采购执行层', 'usage · 使用影响层']);
    await vscode.commands.executeCommand('accountPlans.toggleRoleLayers');
  });

  it('Accounts: errors first, then stale, then the rest', () => {
    const a = api.views.accounts;
    const rows = a.getChildren().filter(isAccount);
    const names = rows.map((r) => r.account);
    assert.strictEqual(names[0], 'broken.account.md', 'the plan with a YAML error comes first');
    assert.ok(names.indexOf('江南城市商业银行') < names.indexOf('华东电力设计院'), 'stale before healthy');
    const item = a.getTreeItem(rows.find((r) => r.account === '江南城市商业银行')!);
    assert.match(String(item.description), /^B · 林山 · visited \d+ (?:days|months|years?) ago · .*200,000$/);
  });

  it('Accounts in pages: past the page size a "Show more" row, whose command loads the next page', async () => {
    const a = api.views.accounts;
    const all = a.getChildren();
    assert.ok(all.length >= 3 && all.every(isAccount), 'every plan on the first page of 200');
    try {
      a.pages = new TreePages(2);
      a.refresh();
      const first = a.getChildren();
      assert.deepStrictEqual(first.slice(0, 2), all.slice(0, 2), 'the first page: the first two plans');
      assert.strictEqual(first.length, 3);
      const more = first[2];
      assert.ok(!isAccount(more));
      const item = a.getTreeItem(more);
      assert.strictEqual(label(item), `Show ${Math.min(2, all.length - 2)} more…`);
      assert.strictEqual(item.description, `${all.length - 2} not shown yet`);
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      const second = a.getChildren();
      assert.deepStrictEqual(second.filter(isAccount), all.slice(0, 4), 'the next page');
      assert.strictEqual(second.length, all.length > 4 ? 5 : all.length);
      assert.strictEqual(a.getChildren(), second, 'asked again without a change: the same rows, not computed again');
    } finally {
      a.pages = new TreePages();
      a.refresh();
    }
  });

  it('the views follow an edit of an unsaved buffer', async () => {
    const gaps = fixture('accounts', 'gaps.account.md');
    const doc = await vscode.workspace.openTextDocument(gaps);
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    const line = doc.getText().split('\n').findIndex((l) => l === '    stage: E');
    edit.replace(gaps, new vscode.Range(line, 11, line, 12), 'B');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const groups = () => api.views.pipeline.getChildren();
    await waitFor('the deal to move to B in the pipeline', () => {
      const b = groups()[5];
      return b.kind === 'group' && b.group.count === 1 ? true : undefined;
    });
    await revertAndCloseAll();
    await waitFor('the deal back at E', () => {
      const e = groups()[2];
      return e.kind === 'group' && e.group.count === 1 ? true : undefined;
    });
  });
});
