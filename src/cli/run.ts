import { UsageError } from './args';
import { runCheck } from './commands/check';
import { runExport } from './commands/export';
import { runForecast } from './commands/forecast';
import { runHistory } from './commands/history';
import { runRender } from './commands/render';
import { runSchema } from './commands/schema';
import type { Host } from './host';
import { MAIN_HELP } from './help-texts';

const COMMANDS: Record<string, (argv: readonly string[], host: Host) => number> = {
  check: runCheck,
  export: runExport,
  forecast: runForecast,
  history: runHistory,
  render: runRender,
  schema: runSchema,
};

/** The whole command line, without touching `process`: returns the exit status. */
export function run(argv: readonly string[], host: Host): number {
  try {
    return dispatch(argv, host);
  } catch (e) {
    if (e instanceof UsageError) {
      host.err(`account-plans: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function dispatch(argv: readonly string[], host: Host): number {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError("missing command: check, export, forecast, history, render or schema (see 'account-plans --help')");
  if (first === '-h' || first === '--help') {
    host.out(MAIN_HELP);
    return 0;
  }
  if (first === 'help') return rest.length ? dispatch([rest[0], '--help'], host) : dispatch(['--help'], host);
  if (first === '-v' || first === '--version') {
    host.out(`${host.version}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (command) return command(rest, host);
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'; a command comes first: check, export, forecast, history, render or schema`);
  throw new UsageError(`unknown command '${first}'; use check, export, forecast, history, render or schema (see 'account-plans --help')`);
}
