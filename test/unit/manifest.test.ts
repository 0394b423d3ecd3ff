/**
 * package.json's activation events: only what VS Code 1.100 does not infer from the contributions
 * (since 1.74, contributed views and commands activate the extension by themselves; a webview panel
 * restored by a serializer still needs its onWebviewPanel event).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { vscode: string };
  activationEvents: string[];
  scripts: Record<string, string>;
  contributes: { views: Record<string, { id: string }[]>; commands: { command: string }[] };
};

/** The view types of the webview panels, as their panel kinds (or classes) declare them. */
function panelViewTypes(dir = path.join(ROOT, 'src', 'extension')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .flatMap((e) => [...fs.readFileSync(path.join(e.parentPath, e.name), 'utf8').matchAll(/viewType(?::|\s*=)\s*'([^']+)'/g)].map((m) => m[1]))
    .filter((t, i, all) => all.indexOf(t) === i)
    .sort();
}

describe('package.json', () => {
  it('targets a VS Code that infers activation from contributed views and commands (1.74 or later)', () => {
    const [major, minor] = manifest.engines.vscode.replace(/^\^/, '').split('.').map(Number);
    assert.ok(major > 1 || minor >= 74, manifest.engines.vscode);
  });

  it('declares no activation event VS Code infers from the contributions', () => {
    const views = Object.values(manifest.contributes.views).flat().map((v) => `onView:${v.id}`);
    const commands = manifest.contributes.commands.map((c) => `onCommand:${c.command}`);
    assert.deepStrictEqual(manifest.activationEvents.filter((e) => views.includes(e) || commands.includes(e)), []);
  });

  it('activates to restore every webview panel it can serialize', () => {
    const types = panelViewTypes();
    assert.deepStrictEqual(types, ['accountPlans.compare', 'accountPlans.forecast', 'accountPlans.stakeholderMap']);
    for (const t of types) assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${t}`), t);
  });

  it('has no script that points at a missing file', () => {
    for (const [name, script] of Object.entries(manifest.scripts)) {
      for (const file of (script.match(/[\w./-]+\.(?:json|mjs|js|sh)\b/g) ?? []).filter((f) => !/^(dist|out)\//.test(f))) {
        assert.ok(fs.existsSync(path.join(ROOT, file)), `npm run ${name}: ${file} is missing`);
      }
    }
  });
});
