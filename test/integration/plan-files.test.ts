import * as assert from 'assert';
import * as vscode from 'vscode';
import { planFiles } from '../../src/extension/index/plan-files';
import { fixture, testHooks } from './helpers';

/**
 * How the index reads the plans that are not open. Both hosts run this suite, each on its own
 * build's implementation: Node's fs for `file:` in the Node host, vscode.workspace.fs in the web worker.
 */
describe('plan files (reading plans that are not open)', () => {
  before(() => testHooks());

  it('reads a plan and its stamp from the workspace folder\'s file system', async () => {
    const uri = fixture('accounts', 'east', 'unopened.account.md');
    assert.ok(planFiles.hasFileSystem(uri));
    const bytes = await vscode.workspace.fs.readFile(uri);
    const stamp = await planFiles.stat(uri);
    assert.deepStrictEqual({ isFile: stamp.isFile, size: stamp.size }, { isFile: true, size: bytes.length });
    assert.ok(stamp.mtime > 0);
    assert.strictEqual(await planFiles.read(uri, new TextDecoder()), new TextDecoder().decode(bytes));
  });

  it('a missing plan is FileNotFound; a folder is no file', async () => {
    const missing = fixture('accounts', 'missing.account.md');
    for (const read of [() => planFiles.stat(missing), () => planFiles.read(missing, new TextDecoder())]) {
      await assert.rejects(read(), (e: unknown) => e instanceof vscode.FileSystemError && e.code === 'FileNotFound');
    }
    assert.strictEqual((await planFiles.stat(fixture('accounts', 'east'))).isFile, false);
  });

  it('an untitled buffer has no file system to read from', () => {
    assert.strictEqual(planFiles.hasFileSystem(vscode.Uri.parse('untitled:Untitled-1.account.md')), false);
  });
});
