import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, RULE_CODES, SETTING_KEYS } from '../../src/core';
import { PROBLEMS_SCOPES } from '../../src/extension/constants';
import { EXTENSION_ID, fixture, lineStarting, publicApi, revertAndCloseAll, testHooks, waitForEvent } from './helpers';

interface Property { default?: unknown; enum?: unknown[]; properties?: Record<string, unknown>; markdownDescription?: string }

describe('contributions', () => {
  const pkg = () => vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
    contributes: { configuration: { title: string; properties: Record<string, Property> } };
    capabilities: { untrustedWorkspaces: { supported: unknown }; virtualWorkspaces: { supported: unknown } };
    activationEvents: string[];
  };

  it('declares every engine setting, with the engine\'s default', () => {
    const props = pkg().contributes.configuration.properties;
    const declared = Object.keys(props).sort();
    // The engine's settings and the editor's own two.
    assert.deepStrictEqual(declared, [...SETTING_KEYS.map((k) => `accountPlans.${k}`), 'accountPlans.debounceMs', 'accountPlans.problems'].sort());
    assert.deepStrictEqual(props['accountPlans.problems'].enum, [...PROBLEMS_SCOPES]);
    assert.strictEqual(props['accountPlans.problems'].default, PROBLEMS_SCOPES[0]);
    for (const key of SETTING_KEYS) {
      assert.deepStrictEqual(props[`accountPlans.${key}`].default, DEFAULT_SETTINGS[key], `default of accountPlans.${key}`);
      assert.deepStrictEqual(vscode.workspace.getConfiguration('accountPlans').get(key), DEFAULT_SETTINGS[key]);
    }
    assert.deepStrictEqual(Object.keys(props['accountPlans.rules'].properties ?? {}), [...RULE_CODES]);
  });

  it('localises its contributions (no %key% left unresolved)', () => {
    const { configuration } = pkg().contributes;
    assert.strictEqual(configuration.title, 'Account Plans');
    for (const [key, p] of Object.entries(configuration.properties)) {
      assert.ok(p.markdownDescription && !p.markdownDescription.startsWith('%'), `${key} has a description`);
    }
  });

  it('runs the build of its extension host: Node where there is a `process`, the browser build in the web worker', async () => {
    assert.strictEqual((await testHooks()).host, Reflect.get(globalThis, 'process') === undefined ? 'web' : 'node');
  });

  it('activates on plans and Markdown, and works in untrusted and (partly) virtual workspaces', () => {
    const { activationEvents, capabilities } = pkg();
    assert.ok(activationEvents.includes('workspaceContains:**/*.account.md'));
    assert.ok(activationEvents.includes('onLanguage:markdown'));
    assert.strictEqual(capabilities.untrustedWorkspaces.supported, true);
    assert.strictEqual(capabilities.virtualWorkspaces.supported, 'limited');
  });

  it('offers other extensions a small API: version, the plans, a plan\'s analysis, its changes; no test hooks', async () => {
    const api = await publicApi();
    await api.ready;
    assert.deepStrictEqual(Object.keys(api).sort(), ['analysis', 'apiVersion', 'extendMarkdownIt', 'onDidChangePlan', 'plans', 'ready', 'version']);
    assert.strictEqual(api.apiVersion, 1);
    assert.strictEqual(api.version, (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { version: string }).version);
    const gaps = fixture('accounts', 'gaps.account.md');
    assert.ok(api.plans().some((p) => p.uri.toString() === gaps.toString()), 'gaps.account.md is listed');
    assert.strictEqual(api.analysis(gaps)?.plan?.account, '江南城市商业银行');
    assert.deepStrictEqual(api.analysis(gaps)?.findings.map((f) => f.code).sort(), ['AP010', 'AP020', 'AP021']);
    assert.strictEqual(api.analysis(fixture('README.md')), undefined, 'not a plan');

    const doc = await vscode.workspace.openTextDocument(gaps);
    const changed = waitForEvent(api.onDidChangePlan, (e) => e.uri.toString() === gaps.toString() && e.analysis?.plan?.account === 'Renamed Bank', 'the edited plan');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(gaps, doc.lineAt(lineStarting(doc, 'account:')).range, 'account: Renamed Bank');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await changed;
    await revertAndCloseAll();

    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    assert.ok(!pkg.contributes.commands.some((c) => c.command === 'accountPlans.internal.testHooks'), 'the test hooks command is not contributed');
  });

  it('returns its test hooks (in test mode only) and finishes the first workspace check', async () => {
    const api = await testHooks();
    assert.ok(api.timings.activationMs > 0, 'activate() measured its own time (it starts at 0)');
    assert.ok(api.timings.workspaceCheckMs !== undefined, 'the workspace check reported its time');
    const plans = api.index.entries().map((e) => vscode.workspace.asRelativePath(e.uri)).sort();
    for (const p of ['accounts/broken.account.md', 'accounts/clean.account.md', 'accounts/east/unopened.account.md', 'accounts/gaps.account.md']) {
      assert.ok(plans.includes(p), `${p} is indexed (${plans.join(', ')})`);
    }
  });
});
