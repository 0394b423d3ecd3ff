import * as fs from 'node:fs';
import * as path from 'node:path';
import { factLines } from '../../core/index';
import { parseArgs, parseCommandLine, UsageError } from '../args';
import type { Host } from '../host';
import { TEXTCONV_HELP } from '../help-texts';
import { describeFsError } from '../walk';

/** `account-plans textconv PLAN`: git's diff driver, the plan one fact per line on stdout. */
export function runTextconv(argv: readonly string[], host: Host): number {
  const { values, positionals } = parseCommandLine('textconv', () => parseArgs({
    args: [...argv], options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true,
  }));
  if (values.help) {
    host.out(TEXTCONV_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("textconv takes one file (see 'account-plans textconv --help')");
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(host.cwd, positionals[0]), 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${positionals[0]}: ${describeFsError(e)}`);
  }
  host.out(factLines(text));
  return 0;
}
