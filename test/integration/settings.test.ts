import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS } from '../../src/core';
import type { TestHooks } from '../../src/extension/test-hooks';
import { codeOf, testHooks, fixture, resetSettings, waitFor, waitForCodes, waitForDiagnostics } from './helpers';

const GAPS = ['AP010', 'AP020', 'AP021'];

describe('settings', () => {
  let api: TestHooks;
  const gaps = () => fixture('accounts', 'gaps.account.md');
  // Written to the test profile's user settings, which the harness throws away.
  const update = (key: string, value: unknown) =>
    vscode.workspace.getConfiguration('accountPlans').update(key, value, vscode.ConfigurationTarget.Global);

  before(async () => {
    api = await testHooks();
    await resetSettings();
    await waitForCodes(gaps(), GAPS);
  });
  afterEach(resetSettings);
  after(async () => {
    await waitForCodes(gaps(), GAPS);
  });

  it('applies a stale-days threshold at once, and the default again when it is reset', async () => {
    await update('staleDays', { B: 100000 });
    await waitForCodes(gaps(), ['AP010', 'AP021']);
    assert.strictEqual(api.config().settings.staleDays.B, 100000);
    assert.strictEqual(api.config().settings.staleDays.VIP, DEFAULT_SETTINGS.staleDays.VIP, 'other tiers keep their defaults');

    await update('staleDays', undefined);
    await waitForCodes(gaps(), GAPS);
  });

  it('asks only for the required roles that are configured', async () => {
    await update('requiredRoles', ['economic', 'technical', 'user']);
    await waitForCodes(gaps(), ['AP020', 'AP021']);
    await update('requiredRoles', ['economic', 'technical', 'user', 'coach', 'financial']);
    const ds = await waitForCodes(gaps(), ['AP010', 'AP010', 'AP020', 'AP021']);
    const missing = ds.filter((d) => codeOf(d) === 'AP010').map((d) => /\b(coach|financial)\b/.exec(d.message)?.[1]).sort();
    assert.deepStrictEqual(missing, ['coach', 'financial'], 'one finding per missing role');
  });

  it('overrides a rule\'s severity, or turns it off', async () => {
    await update('rules', { AP021: 'off', AP020: 'error' });
    const ds = await waitForCodes(gaps(), ['AP010', 'AP020']);
    assert.strictEqual(ds.find((d) => codeOf(d) === 'AP020')?.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(ds.find((d) => codeOf(d) === 'AP010')?.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('rechecks plans that were never opened too', async () => {
    const unopened = fixture('accounts', 'east', 'unopened.account.md');
    await waitForCodes(unopened, ['AP005']);
    await update('rules', { AP005: 'hint' });
    await waitForDiagnostics(unopened, (ds) => ds.length === 1 && ds[0].severity === vscode.DiagnosticSeverity.Hint, 'AP005 as a hint');
  });

  it('falls back to the default of an invalid setting and keeps the valid ones', async () => {
    await update('requiredRoles', ['economic', 'technical', 'user']);
    await waitForCodes(gaps(), ['AP020', 'AP021']);
    await update('staleDays', { B: -5 });
    const errors = await waitFor('the invalid setting to be noticed', () =>
      api.config().errors.length > 0 ? api.config().errors : undefined);
    assert.match(errors.join('\n'), /staleDays/);
    assert.deepStrictEqual(api.config().settings.staleDays, DEFAULT_SETTINGS.staleDays);
    assert.deepStrictEqual(api.config().settings.requiredRoles, ['economic', 'technical', 'user']);
    await waitForCodes(gaps(), ['AP020', 'AP021']);

    await update('staleDays', undefined);
    await waitFor('the settings to be valid again', () => (api.config().errors.length === 0 ? true : undefined));
  });

  it('an unknown accountPlans.problems scope is reported and every plan\'s problems stay listed', async () => {
    await update('problems', 'everywhere');
    const errors = await waitFor('the invalid setting to be noticed', () =>
      api.config().errors.length > 0 ? api.config().errors : undefined);
    assert.match(errors.join('\n'), /problems: expected one of workspace, openPlans/);
    assert.strictEqual(api.config().problems, 'workspace');
    await waitForCodes(fixture('accounts', 'east', 'unopened.account.md'), ['AP005']);
    await update('problems', undefined);
    await waitFor('the settings to be valid again', () => (api.config().errors.length === 0 ? true : undefined));
  });
});
