import { UsageError } from './args';
import { runCheck } from './commands/check';
import { runDiff } from './commands/diff';
import { runExport } from './commands/export';
import { runForecast } from './commands/forecast';
import { runGitSetup } from './commands/git-setup';
import { runHistory } from './commands/history';
import { runMerge } from './commands/merge';
import { runRender } from './commands/render';
import { runReport } from './commands/report';
import { runSchema } from './commands/schema';
import { runTextconv } from './commands/textconv';
import type { Host } from './host';
import { MAIN_HELP } from './help-texts';

const COMMANDS: Record<string, (argv: readonly string[], host: Host) => number> = {
  check: runCheck,
  diff: runDiff,
  export: runExport,
  forecast: runForecast,
  'git-setup': runGitSetup,
  history: runHistory,
  merge: runMerge,
  render: runRender,
  report: runReport,
  schema: runSchema,
  textconv: runTextconv,
};

/** `check, diff, … or textconv`: usage errors name every command, from the table above. */
const COMMAND_LIST = ((names) => `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`)(Object.keys(COMMANDS));

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
  if (first === undefined) throw new UsageError(`missing command: ${COMMAND_LIST} (see 'account-plans --help')`);
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
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'; a command comes first: ${COMMAND_LIST}`);
  throw new UsageError(`unknown command '${first}'; use ${COMMAND_LIST} (see 'account-plans --help')`);
}
