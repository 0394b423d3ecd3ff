import * as fs from 'node:fs';
import * as path from 'node:path';
import { translator } from '../../core/index';
import { parseArgs, parseCommandLine, pickLocale, UsageError } from '../args';
import { gitRunner, type GitRunner } from '../git/git-process';
import type { Host } from '../host';
import { GIT_SETUP_HELP } from '../help-texts';
import { describeFsError } from '../walk';

export const ATTRIBUTES_LINE = '*.account.md merge=account-plans diff=account-plans';

/** The repository's git config for the drivers, run as `COMMAND merge …` and `COMMAND textconv …`. */
export const driverConfig = (command: string): [string, string][] => [
  ['merge.account-plans.name', 'Account Plans: merge plans by meaning'],
  ['merge.account-plans.driver', `${command} merge --marker-size=%L --base-label=%S --ours-label=%X --theirs-label=%Y %O %A %B %P`],
  ['diff.account-plans.textconv', `${command} textconv`],
];

/**
 * `account-plans git-setup [--command CMD]`: the `.gitattributes` line and the repository's git
 * config for the merge and diff drivers. Idempotent; says what it did.
 */
export function runGitSetup(argv: readonly string[], host: Host): number {
  const { values, positionals } = parseCommandLine('git-setup', () => parseArgs({
    args: [...argv],
    options: { command: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  }));
  if (values.help) {
    host.out(GIT_SETUP_HELP);
    return 0;
  }
  if (positionals.length) throw new UsageError("git-setup takes no paths; run it inside the repository (see 'account-plans git-setup --help')");
  if (values.command !== undefined && values.command.trim() === '') throw new UsageError("--command takes the command that runs account-plans (see 'account-plans git-setup --help')");
  const t = translator(pickLocale(values.lang));
  const git = gitRunner(host.cwd, host.env);
  const root = git.run(['rev-parse', '--show-toplevel']).stdout.toString('utf8').trim();
  const file = path.join(root, '.gitattributes');
  const shown = path.relative(host.cwd, file) || '.gitattributes';
  host.out(`${t(addAttributes(file) ? 'cli.gitSetup.added' : 'cli.gitSetup.present', { file: shown, line: ATTRIBUTES_LINE })}\n`);
  for (const [key, value] of driverConfig(values.command ?? 'account-plans')) {
    const changed = setConfig(git, key, value);
    host.out(`${t(changed ? 'cli.gitSetup.set' : 'cli.gitSetup.kept', { key, value })}\n`);
  }
  return 0;
}

/** Adds the line unless it is there; true when the file changed. */
function addAttributes(file: string): boolean {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`cannot read .gitattributes: ${describeFsError(e)}`);
  }
  if (text.split(/\r?\n/).some((l) => l.trim() === ATTRIBUTES_LINE)) return false;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  try {
    fs.writeFileSync(file, `${text}${text && !text.endsWith('\n') ? eol : ''}${ATTRIBUTES_LINE}${eol}`);
  } catch (e) {
    throw new UsageError(`cannot write .gitattributes: ${describeFsError(e)}`);
  }
  return true;
}

function setConfig(git: GitRunner, key: string, value: string): boolean {
  const now = git.run(['config', '--local', '--get', key], { allowFailure: true });
  if (now.status === 0 && now.stdout.toString('utf8').replace(/\n$/, '') === value) return false;
  git.run(['config', '--local', key, value]);
  return true;
}
