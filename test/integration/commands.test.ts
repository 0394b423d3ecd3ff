import * as assert from 'assert';
import * as vscode from 'vscode';
import { newPlanText } from '../../src/core';
import type { TestHooks } from '../../src/extension/test-hooks';
import { enc, testHooks, fixture, revertAndCloseAll, waitFor } from './helpers';
import { KEEP, scripted } from './prompter';
import type { Prompter } from '../../src/extension/features/commands/prompter';

const PLAN = [
  '---',
  'account: Scratch Co',
  'tier: A # key account',
  'stakeholders:',
  '  - id: a',
  '    name: Ann',
  '    roles: [economic]',
  '  - id: b',
  '    name: Bo',
  'opportunities:',
  '  - id: o',
  '    name: Deal',
  '    stage: D # keep this comment',
  'visits:',
  '  - date: 2026-01-05',
  '    with: [a]',
  '---',
  '',
  '# Notes',
  '',
].join('\n');

describe('commands (answered through the prompter, edits compared byte for byte)', () => {
  let api: TestHooks;
  const scratch = () => fixture('scratch-commands');
  const planUri = () => vscode.Uri.joinPath(scratch(), 'scratch.account.md');

  before(async () => {
    api = await testHooks();
  });
  beforeEach(async () => {
    await vscode.workspace.fs.writeFile(planUri(), enc(PLAN));
  });
  afterEach(async () => {
    api.setPrompter(undefined);
    await revertAndCloseAll();
    await vscode.workspace.fs.delete(scratch(), { recursive: true, useTrash: false });
  });

  async function openPlan(text = PLAN, eol?: vscode.EndOfLine): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(planUri());
    const editor = await vscode.window.showTextDocument(doc);
    if (eol !== undefined) await editor.edit((b) => b.setEndOfLine(eol));
    assert.strictEqual(doc.getText(), eol === vscode.EndOfLine.CRLF ? text.replace(/\n/g, '\r\n') : text);
    return editor;
  }

  async function undoRestores(editor: vscode.TextEditor, original: string): Promise<void> {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original);
  }

  it('Log Visit inserts one visit into the unsaved buffer, and one undo restores the bytes', async () => {
    const editor = await openPlan();
    const script = scripted(['2026-11-20', 'progress', ['Ann', 'Bo'], 'Deal', 'B+', 'Not assessed', 'Demo went well', 'Send quote']);
    api.setPrompter(script);
    assert.strictEqual(await vscode.commands.executeCommand('accountPlans.logVisit'), true);
    const expected = PLAN.replace('    with: [a]\n---', [
      '    with: [a]',
      '  - date: 2026-11-20',
      '    purpose: progress',
      '    with: [a, b]',
      '    opportunity: o',
      '    attitudes: {a: B+}',
      '    summary: Demo went well',
      '    next: Send quote',
      '---',
    ].join('\n'));
    assert.strictEqual(editor.document.getText(), expected);
    assert.ok(editor.document.isDirty, 'the edit stays in the buffer, unsaved');
    assert.strictEqual(script.asked.length, 8);
    await undoRestores(editor, PLAN);
  });

  it('Log Visit offers today as the date and keeps CRLF line endings', async () => {
    const editor = await openPlan(PLAN, vscode.EndOfLine.CRLF);
    api.setPrompter(scripted([KEEP, 'relationship', ['Bo'], 'None', 'Not assessed', '', '']));
    await vscode.commands.executeCommand('accountPlans.logVisit', planUri());
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const crlf = PLAN.replace(/\n/g, '\r\n');
    assert.strictEqual(editor.document.getText(), crlf.replace('    with: [a]\r\n---', `    with: [a]\r\n  - date: ${today}\r\n    purpose: relationship\r\n    with: [b]\r\n---`));
    await undoRestores(editor, crlf);
  });

  it('Move Stage replaces only the stage letter, keeping the comment', async () => {
    const editor = await openPlan();
    api.setPrompter(scripted(['Deal', 'C']));
    await vscode.commands.executeCommand('accountPlans.moveStage');
    assert.strictEqual(editor.document.getText(), PLAN.replace('stage: D # keep', 'stage: C # keep'));
    await undoRestores(editor, PLAN);
  });

  it('Add Stakeholder from a role gap pre-selects the role and appends the person', async () => {
    const editor = await openPlan();
    api.setPrompter(scripted(['Cy Chen', KEEP, 'CIO', ['coach'], 'usage', 'B']));
    await vscode.commands.executeCommand('accountPlans.addStakeholder', { uri: planUri() }, 'coach');
    assert.strictEqual(editor.document.getText(), PLAN.replace('    name: Bo\n', [
      '    name: Bo',
      '  - id: cy-chen',
      '    name: Cy Chen',
      '    title: CIO',
      '    roles: [coach]',
      '    layer: usage',
      '    attitude: B',
      '',
    ].join('\n')));
    await undoRestores(editor, PLAN);
  });

  /** A scripted prompter that changes the buffer just before it answers prompt number `at` (0-based). */
  function meddling(answers: Parameters<typeof scripted>[0], at: number, change: (doc: vscode.TextDocument) => Promise<void>): Prompter {
    const script = scripted(answers);
    const before = async <T>(answer: () => Promise<T>) => {
      if (script.asked.length === at) await change(vscode.window.activeTextEditor!.document);
      return answer();
    };
    return {
      input: (p, o) => before(() => script.input(p, o)),
      pick: (title, choices) => before(() => script.pick(title, choices)),
      pickMany: (title, choices) => before(() => script.pickMany(title, choices)),
    };
  }
  const replaceIn = async (doc: vscode.TextDocument, from: string, to: string) => {
    const at = doc.getText().indexOf(from);
    const e = new vscode.WorkspaceEdit();
    e.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
    assert.ok(await vscode.workspace.applyEdit(e));
  };

  it('Move Stage writes nothing when the deal changed while the prompts were open', async () => {
    const editor = await openPlan();
    api.setPrompter(meddling(['Deal', 'C'], 1, (doc) => replaceIn(doc, 'stage: D', 'stage: B')));
    assert.strictEqual(await vscode.commands.executeCommand('accountPlans.moveStage'), false);
    assert.strictEqual(editor.document.getText(), PLAN.replace('stage: D', 'stage: B'));
  });

  it('Log Visit on a buffer changed while the prompts were open adds the visit to the text as it is now; one undo removes only it', async () => {
    const editor = await openPlan();
    const changed = PLAN.replace('visits:\n', 'visits: # typed meanwhile\n  - date: 2026-02-02\n    with: [b]\n');
    api.setPrompter(meddling(['2026-11-20', 'progress', ['Ann'], 'None', 'Not assessed', '', ''], 3, (doc) => replaceIn(doc, 'visits:\n', 'visits: # typed meanwhile\n  - date: 2026-02-02\n    with: [b]\n')));
    assert.strictEqual(await vscode.commands.executeCommand('accountPlans.logVisit'), true);
    assert.strictEqual(editor.document.getText(), changed.replace('    with: [a]\n---', '    with: [a]\n  - date: 2026-11-20\n    purpose: progress\n    with: [a]\n---'));
    await undoRestores(editor, changed);
  });

  it('Add Stakeholder writes nothing when the id was taken while the prompts were open', async () => {
    const editor = await openPlan();
    const taken = PLAN.replace('    name: Bo\n', '    name: Bo\n  - id: cy-chen\n    name: Other Cy\n');
    api.setPrompter(meddling(['Cy Chen', KEEP, '', ['coach'], 'usage', 'B'], 3, (doc) => replaceIn(doc, '    name: Bo\n', '    name: Bo\n  - id: cy-chen\n    name: Other Cy\n')));
    assert.strictEqual(await vscode.commands.executeCommand('accountPlans.addStakeholder'), false);
    assert.strictEqual(editor.document.getText(), taken);
  });

  it('a cancelled prompt changes nothing', async () => {
    const editor = await openPlan();
    api.setPrompter({ input: async () => undefined, pick: async () => undefined, pickMany: async () => undefined });
    await vscode.commands.executeCommand('accountPlans.logVisit');
    await vscode.commands.executeCommand('accountPlans.addStakeholder');
    assert.strictEqual(editor.document.getText(), PLAN);
    assert.strictEqual(editor.document.isDirty, false);
  });

  it('New Account Plan writes a valid plan from the template and opens it', async () => {
    api.setPrompter(scripted(['Zeta Corp', 'B', 'Lin']));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('accountPlans.newPlan', scratch());
    assert.ok(uri);
    assert.strictEqual(uri.path, vscode.Uri.joinPath(scratch(), 'zeta-corp.account.md').path);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.strictEqual(text, newPlanText({ account: 'Zeta Corp', tier: 'B', owner: 'Lin' }));
    await waitFor('the new plan open in the editor', () => (vscode.window.activeTextEditor?.document.uri.path === uri.path ? true : undefined));
    await waitFor('the new plan in the Accounts view', () => (api.views.accounts.getChildren().some((r) => 'account' in r && r.account === 'Zeta Corp') ? true : undefined));
  });
});
