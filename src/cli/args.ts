import { parseArgs } from 'node:util';
import { isIsoDate, type Locale } from '../core/index';

/** Bad usage: printed as one line on stderr, exit status 2. */
export class UsageError extends Error {}

/** Runs node:util `parseArgs` and turns its errors into one-line usage errors. */
export function parseCommandLine<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (!code?.startsWith('ERR_PARSE_ARGS')) throw e;
    const first = (e as Error).message.split(/\.\s|\n/)[0].replace(/\.$/, '');
    throw new UsageError(`${first[0].toLowerCase()}${first.slice(1)} (see 'account-plans ${command} --help')`);
  }
}

export { parseArgs };

export function pickFormat<F extends string>(command: string, value: string | undefined, formats: readonly F[]): F {
  if (value === undefined) return formats[0];
  if ((formats as readonly string[]).includes(value)) return value as F;
  throw new UsageError(`unknown format '${value}' for ${command}; use one of ${formats.join(', ')}`);
}

export function pickToday(value: string | undefined, fallback: () => string): string {
  if (value === undefined) return fallback();
  if (!isIsoDate(value)) throw new UsageError(`--today takes a date YYYY-MM-DD, got '${value}'`);
  return value;
}

const LOCALES: readonly Locale[] = ['en', 'zh-cn'];
export function pickLocale(value: string | undefined): Locale {
  if (value === undefined) return 'en';
  const v = value.toLowerCase();
  if ((LOCALES as readonly string[]).includes(v)) return v as Locale;
  throw new UsageError(`unknown language '${value}'; use one of ${LOCALES.join(', ')}`);
}

