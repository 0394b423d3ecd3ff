import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixture, testHooks, workspaceFolder } from '../helpers';

/** What only the web worker extension host (github.dev, vscode.dev) shows: this run is really there. */
describe('in the web worker extension host', () => {
  before(() => testHooks());

  it('runs the browser build: a web worker with no Node `process`', () => {
    assert.strictEqual(Reflect.get(globalThis, 'process'), undefined);
    assert.strictEqual(typeof Reflect.get(globalThis, 'importScripts'), 'function', 'a web worker');
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.strictEqual(ext?.extensionKind, vscode.ExtensionKind.UI, 'a web extension runs beside the UI');
  });

  it('reads the workspace\'s plans through VS Code\'s file system, whose folder is no file: URI', async () => {
    const hooks = await testHooks();
    assert.notStrictEqual(workspaceFolder().scheme, 'file');
    const unopened = fixture('accounts', 'east', 'unopened.account.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), 'the plan is not open');
    assert.ok(hooks.index.get(unopened), 'the workspace check read it');
  });
});
