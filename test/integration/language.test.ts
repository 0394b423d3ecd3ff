import * as assert from 'assert';
import * as vscode from 'vscode';
import { enc, testHooks, fixture, revertAndCloseAll, waitForDiagnostics } from './helpers';

const PLAN = [
  '---',
  'account: Lang Co',
  'tier: B',
  'stakeholders: # people',
  '  - id: ann',
  '    name: Ann',
  '    titel: CFO',
  '    roles: [economic]',
  '    layer: decision',
  '    attitude: B',
  '  - id: bo',
  '    name: Bo',
  '    reports_to: ann',
  '    roles: [technical, user]',
  '    attitude: C',
  'opportunities:',
  '  - id: deal',
  "    name: 'Big deal'",
  '    stage: C',
  '    amount: 1000',
  '    close: 2099-03-31',
  'visits:',
  '  - date: 2020-01-05',
  '    with: [ann, bob]',
  '    opportunity: deal',
  '    attitudes: { ann: B, bo: B }',
  '---',
  '',
  'Body.',
  '',
].join('\r\n');

describe('editor intelligence (built-in provider commands, exact results)', () => {
  const uri = () => fixture('scratch-language', 'lang.account.md');
  let doc: vscode.TextDocument;
  const pos = (needle: string, delta = 0) => doc.positionAt(doc.getText().indexOf(needle) + delta);

  before(async () => {
    await testHooks();
    await vscode.workspace.fs.writeFile(uri(), enc(PLAN));
    doc = await vscode.workspace.openTextDocument(uri());
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(uri(), (ds) => ds.some((d) => (d.code as { value: string })?.value === 'AP005'), 'the plan checked');
  });
  after(async () => {
    await revertAndCloseAll();
    await vscode.workspace.fs.delete(fixture('scratch-language'), { recursive: true, useTrash: false });
  });
  afterEach(async () => {
    if (doc.getText() !== PLAN) await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('completes stage letters with probability and the customer\'s step', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri(), pos('stage: C', 7));
    const stage = list.items.filter((i) => ['G', 'F', 'E', 'D', 'C', 'B', 'A', 'S', 'lost'].includes(String(i.label)));
    assert.strictEqual(stage.length, 9);
    assert.strictEqual(stage.find((i) => i.label === 'B')?.detail, '75 % · project evaluation (项目评估) · customer step 6: preferred supplier chosen · best-case');
  });

  it('completes stakeholder ids in reports_to', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri(), pos('reports_to: ann', 12));
    const ids = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference).map((i) => i.label);
    assert.deepStrictEqual(ids, ['ann', 'bo']);
  });

  it('hovers a stage, and a person by id', async () => {
    const [stage] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri(), pos('stage: C', 7));
    assert.strictEqual((stage.contents[0] as vscode.MarkdownString).value,
      "**Stage C** — 50 %, forecast category **best-case**\n\nOur step: needs analysis, formal solution (需求分析, 正式方案)\n\nThe customer's step: 5 of 8, tender, first screening");
    const [person] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri(), pos('reports_to: ann', 13));
    assert.match((person.contents[0] as vscode.MarkdownString).value, /^\*\*Ann\*\*\n\nRoles: economic · layer: decision · attitude: B\n\nAttitude history: 2020-01-05 B\n\nLast contact: 2020-01-05 \(\d+ years ago\)$/);
  });

  it('goes to the definition of an id and finds its references', async () => {
    const defs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', uri(), pos('with: [ann', 7));
    assert.deepStrictEqual(defs.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]), [[4, 8, 11]]);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri(), pos('id: ann', 4));
    assert.deepStrictEqual(refs.map((r) => r.range.start.line), [4, 12, 23, 25]);
  });

  it('renames an id and every reference follows, keeping CRLF and comments', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri(), pos('id: ann', 4), 'anna');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.strictEqual(doc.getText(), PLAN.replace('id: ann', 'id: anna').replace('reports_to: ann', 'reports_to: anna')
      .replace('with: [ann, bob]', 'with: [anna, bob]').replace('{ ann: B', '{ anna: B'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), PLAN);
  });

  it('outlines the plan', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri());
    assert.deepStrictEqual(symbols.map((s) => [s.name, s.children.map((c) => c.name)]), [
      ['Lang Co', []], ['stakeholders', ['Ann', 'Bo']], ['opportunities', ['Big deal']], ['visits', ['2020-01-05']]]);
  });

  it('quick fixes AP003, AP005, AP040 and AP010, each one edit that leaves every other byte', async () => {
    for (const [needle, code, title, expected] of [
      ['titel', 'AP003', 'Change "titel" to "title"', PLAN.replace('titel: CFO', 'title: CFO')],
      ['bob]', 'AP005', 'Change to "bo"', PLAN.replace('[ann, bob]', '[ann, bo]')],
      ['attitude: C', 'AP040', 'Set the attitude to B, the one last seen', PLAN.replace('    attitude: C', '    attitude: B')],
      ['stakeholders:', 'AP010', 'Add a placeholder stakeholder for the coach role',
        PLAN.replace('    attitude: C\r\nopportunities:', '    attitude: C\r\n  - id: coach-tbd\r\n    name: TBD (coach)\r\n    roles: [coach]\r\nopportunities:')],
    ] as const) {
      const at = pos(needle, needle === 'attitude: C' ? 10 : 0);
      // A fix's edit is built when it is chosen (resolved), as the lightbulb does before applying it.
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri(), new vscode.Range(at, at), vscode.CodeActionKind.QuickFix.value, 50);
      const fix = actions.find((a) => a.title === title);
      assert.ok(fix?.edit, `${code}: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.strictEqual(doc.getText(), expected);
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(doc.getText(), PLAN);
    }
  });

  describe('a quick fix offered before the buffer changed', () => {
    const offerTypoFix = async () => {
      const hooks = await testHooks();
      const typo = vscode.languages.getDiagnostics(uri()).filter((d) => (d.code as { value: string })?.value === 'AP003');
      assert.strictEqual(typo.length, 1, 'one AP003 diagnostic');
      const fix = hooks.quickFixes.offer(doc, typo).find((a) => a.title === 'Change "titel" to "title"');
      assert.ok(fix, 'the AP003 fix is offered');
      assert.strictEqual(fix.edit, undefined, 'its edit waits until it is chosen');
      return { hooks, fix };
    };
    const edit = async (change: (e: vscode.WorkspaceEdit) => void) => {
      const e = new vscode.WorkspaceEdit();
      change(e);
      assert.ok(await vscode.workspace.applyEdit(e));
    };

    it('is rebuilt for the text now when its finding moved, and one undo each restores the bytes', async () => {
      const { hooks, fix } = await offerTypoFix();
      await edit((e) => e.insert(uri(), new vscode.Position(1, 0), '# a line the fix did not know\r\n'));
      const moved = doc.getText();
      hooks.quickFixes.resolve(fix);
      assert.ok(fix.edit, 'the edit is built against the moved text');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.strictEqual(doc.getText(), moved.replace('titel: CFO', 'title: CFO'));
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(doc.getText(), moved);
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(doc.getText(), PLAN);
    });

    it('changes nothing when its finding is gone', async () => {
      const { hooks, fix } = await offerTypoFix();
      await edit((e) => e.replace(uri(), new vscode.Range(pos('titel'), pos('titel', 5)), 'titl'));
      const changed = doc.getText();
      hooks.quickFixes.resolve(fix);
      assert.strictEqual(fix.edit, undefined, 'no edit for a finding that is no longer there');
      assert.strictEqual(doc.getText(), changed);
    });
  });

  it('AP020 and AP021 offer to log a visit', async () => {
    const at = pos('id: ann', 4);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri(), new vscode.Range(at, at), vscode.CodeActionKind.QuickFix.value);
    const log = actions.filter((a) => a.command?.command === 'accountPlans.logVisit');
    assert.strictEqual(log.length, 1, actions.map((a) => a.title).join(' | '));
    assert.strictEqual(log[0].title, 'Log a visit…');
    assert.deepStrictEqual(log[0].command?.arguments?.map(String), [uri().toString()]);
  });

  it('CodeLens shows role coverage and each deal\'s weighted amount with Move stage', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri());
    const titles = lenses.map((l) => [l.range.start.line, l.command?.title.replace(/[^\x20-\x7e]/g, '')]);
    assert.deepStrictEqual(titles.map((t) => t[0]), [3, 16, 16]);
    assert.strictEqual(titles[0][1], '3 of 6 roles  gap: coach');
    assert.match(String(titles[1][1]), /^weighted .*500 .*50 %$/);
    assert.strictEqual(lenses[2].command?.command, 'accountPlans.moveStage');
  });
});
