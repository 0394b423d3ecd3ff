import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveSettings, type Settings } from '../core/index';
import { UsageError } from './args';
import { describeFsError } from './walk';

/**
 * The settings a run checks against: the defaults, then `--config FILE` (the editor's settings,
 * with or without the `accountPlans.` prefix), then `--currency`.
 */
export function loadSettings(cwd: string, configPath?: string, currency?: string): Settings {
  let input: Record<string, unknown> = {};
  if (configPath !== undefined) input = readConfig(cwd, configPath);
  if (currency !== undefined) {
    if (!/^[A-Z]{3}$/.test(currency)) {
      throw new UsageError(`--currency takes a currency code of three capital letters (e.g. CNY), got '${currency}'`);
    }
    input = { ...input, currency };
  }
  const result = resolveSettings(input);
  if (!result.ok) throw new UsageError(`${configPath !== undefined ? `config ${configPath}` : 'settings'}: ${result.errors.join('; ')}`);
  return result.settings;
}

function readConfig(cwd: string, configPath: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, configPath), 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read config ${configPath}: ${describeFsError(e)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`config ${configPath} is not valid JSON: ${(e as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`config ${configPath} must hold a JSON object of settings`);
  }
  return parsed as Record<string, unknown>;
}
