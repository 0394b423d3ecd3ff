import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, RULE_CODES, SETTING_KEYS } from '../../src/core';
import { EXTENSION_ID, extensionApi } from './helpers';

interface Property { default?: unknown; properties?: Record<string, unknown>; markdownDescription?: string }

describe('contributions', () => {
  const pkg = () => vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
    contributes: { configuration: { title: string; properties: Record<string, Property> } };
    capabilities: { untrustedWorkspaces: { supported: unknown }; virtualWorkspaces: { supported: unknown } };
    activationEvents: string[];
  };

  it('declares every engine setting, with the engine\'s default', () => {
    const props = pkg().contributes.configuration.properties;
    const declared = Object.keys(props).sort();
    assert.deepStrictEqual(declared, [...SETTING_KEYS.map((k) => `accountPlans.${k}`), 'accountPlans.debounceMs'].sort());
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

  it('activates on plans and Markdown, and works in untrusted and (partly) virtual workspaces', () => {
    const { activationEvents, capabilities } = pkg();
    assert.ok(activationEvents.includes('workspaceContains:**/*.account.md'));
    assert.ok(activationEvents.includes('onLanguage:markdown'));
    assert.strictEqual(capabilities.untrustedWorkspaces.supported, true);
    assert.strictEqual(capabilities.virtualWorkspaces.supported, 'limited');
  });

  it('returns its API from activate() and finishes the first workspace check', async () => {
    const api = await extensionApi();
    assert.ok(api.timings.activationMs >= 0);
    assert.ok(api.timings.workspaceCheckMs !== undefined, 'the workspace check reported its time');
    const plans = api.index.entries().map((e) => vscode.workspace.asRelativePath(e.uri)).sort();
    for (const p of ['accounts/broken.account.md', 'accounts/clean.account.md', 'accounts/east/unopened.account.md', 'accounts/gaps.account.md']) {
      assert.ok(plans.includes(p), `${p} is indexed (${plans.join(', ')})`);
    }
  });
});
