import { planJsonSchema } from '../../core/index';
import { parseArgs, parseCommandLine, UsageError } from '../args';
import type { Host } from '../host';
import { SCHEMA_HELP } from '../help-texts';

export function runSchema(argv: readonly string[], host: Host): number {
  const { values, positionals } = parseCommandLine('schema', () => parseArgs({
    args: [...argv],
    options: { help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  }));
  if (values.help) {
    host.out(SCHEMA_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`schema takes no arguments, got '${positionals[0]}'`);
  host.out(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
  return 0;
}
