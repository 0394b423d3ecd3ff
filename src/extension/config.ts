import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, SETTING_KEYS, localeOf, resolveSettings, type Locale, type Settings } from '../core';
import { CONFIG_SECTION, DEBOUNCE_SETTING, DEFAULT_DEBOUNCE_MS, OPEN_SETTINGS_COMMAND, PROBLEMS_SCOPES, PROBLEMS_SETTING, type ProblemsScope } from './constants';
import { t } from './words';

/** What the extension runs with: the engine's settings, plus the editor-only ones. */
export interface Config {
  readonly settings: Settings;
  readonly debounceMs: number;
  /** Whose findings go to the Problems panel: every plan's, or the open plans' only. */
  readonly problems: ProblemsScope;
  /** Why a setting was ignored (its default is used instead); empty when all is well. */
  readonly errors: readonly string[];
}

export interface ConfigChange {
  readonly config: Config;
  /** The engine's settings differ: every plan must be checked again. */
  readonly settingsChanged: boolean;
}

/**
 * Reads `accountPlans.*` into the engine's `Settings` through `resolveSettings`, so the editor
 * and the command line validate settings the same way. A setting that does not validate falls
 * back to its default, and the user is told once (per distinct problem).
 */
export class ConfigService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ConfigChange>();
  readonly onDidChange = this.emitter.event;
  private current: Config;
  private readonly reported = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.current = this.load();
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(CONFIG_SECTION)) return;
      const before = this.current;
      this.current = this.load();
      const settingsChanged = JSON.stringify(before.settings) !== JSON.stringify(this.current.settings);
      this.emitter.fire({ config: this.current, settingsChanged });
    });
  }

  get config(): Config {
    return this.current;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }

  private load(): Config {
    const cfg = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const { settings, errors } = readSettings(cfg);
    const debounce = cfg.get<unknown>(DEBOUNCE_SETTING, DEFAULT_DEBOUNCE_MS);
    let debounceMs = DEFAULT_DEBOUNCE_MS;
    if (typeof debounce === 'number' && Number.isInteger(debounce) && debounce >= 0 && debounce <= 10_000) {
      debounceMs = debounce;
    } else {
      errors.push(t('ext.settingNotInteger', { key: DEBOUNCE_SETTING }));
    }
    const problemsValue = cfg.get<unknown>(PROBLEMS_SETTING, PROBLEMS_SCOPES[0]);
    const problems = PROBLEMS_SCOPES.find((s) => s === problemsValue);
    if (!problems) errors.push(t('ext.settingNotOneOf', { key: PROBLEMS_SETTING, values: PROBLEMS_SCOPES.join(', ') }));
    const config: Config = { settings, debounceMs, problems: problems ?? PROBLEMS_SCOPES[0], errors };
    this.report(config.errors);
    return config;
  }

  private report(errors: readonly string[]): void {
    const fresh = errors.filter((e) => !this.reported.has(e));
    if (fresh.length === 0) return;
    fresh.forEach((e) => this.reported.add(e));
    this.log.warn(`invalid settings, defaults used instead: ${fresh.join('; ')}`);
    const open = t('ext.openSettings');
    void vscode.window
      .showWarningMessage(
        t('ext.settingsInvalid', { problems: fresh.join('; ') }),
        open,
      )
      .then((choice) => {
        if (choice === open) void vscode.commands.executeCommand(OPEN_SETTINGS_COMMAND, CONFIG_SECTION);
      });
  }
}

/** All settings at once; where that fails, each setting on its own, keeping the valid ones. */
function readSettings(cfg: vscode.WorkspaceConfiguration): { settings: Settings; errors: string[] } {
  const raw: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const value = cfg.get<unknown>(key);
    if (value !== undefined && value !== null) raw[key] = value;
  }
  const whole = resolveSettings(raw);
  if (whole.ok) return { settings: whole.settings, errors: [] };

  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const errors: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const one = resolveSettings({ [key]: value });
    if (one.ok) settings[key] = one.settings[key as keyof Settings];
    else errors.push(...one.errors);
  }
  return { settings: settings as Settings, errors };
}

/** The engine speaks English and Simplified Chinese; any Chinese UI gets the Chinese messages. */
export function engineLocale(language: string = vscode.env.language): Locale {
  return localeOf(language);
}
