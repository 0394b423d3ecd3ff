import * as assert from 'node:assert/strict';
import { PACKAGE_VERSION, assertBuilt, assertUsageError, cli } from './helpers';

describe('account-plans usage', () => {
  before(assertBuilt);

  it('--version prints the package version', () => {
    const r = cli(['--version']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `${PACKAGE_VERSION}\n`);
  });

  it('--help lists the commands', () => {
    const r = cli(['--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: account-plans <command>/);
    for (const command of ['check', 'forecast', 'schema']) assert.match(r.stdout, new RegExp(`\\n  ${command} `));
  });

  for (const [args, usage] of [
    [['check', '--help'], 'check [PATH...]'],
    [['forecast', '-h'], 'forecast [PATH...]'],
    [['help', 'schema'], 'schema'],
  ] as const) {
    it(`${args.join(' ')} prints the command's help`, () => {
      const r = cli(args);
      assert.equal(r.status, 0);
      assert.ok(r.stdout.startsWith(`Usage: account-plans ${usage}`), r.stdout);
    });
  }

  it('check --help documents the exit status', () => {
    assert.match(cli(['check', '--help']).stdout, /Exit status:\n {2}0 .*\n {2}1 .*\n {2}2 /);
  });

  it('schema prints the JSON Schema of the frontmatter', () => {
    const r = cli(['schema']);
    assert.equal(r.status, 0);
    const schema = JSON.parse(r.stdout);
    assert.equal(schema.type, 'object');
    assert.ok('account' in schema.properties);
    assert.deepStrictEqual(schema.required, ['account']);
  });

  describe('bad usage: exit 2 and one line on stderr', () => {
    it('no command', () => assertUsageError(cli([]), /missing command: check, diff, export, forecast, git-setup, history, merge, render, report, schema or textconv/));
    it('an unknown command', () => assertUsageError(cli(['lint']), /unknown command 'lint'/));
    it('an option before the command', () => assertUsageError(cli(['--format', 'json']), /unknown option '--format'; a command comes first/));
    it('an unknown option', () => assertUsageError(cli(['check', '--fix']), /^account-plans: unknown option '--fix' \(see 'account-plans check --help'\)\n$/));
    it('an option without its value', () => assertUsageError(cli(['check', '--format']), /option '-f, --format <value>' argument missing/));
    it('a value given to a flag', () => assertUsageError(cli(['check', '--help=yes']), /option '-h, --help' does not take an argument/));
    it('a path that does not exist', () => assertUsageError(cli(['check', 'plans', 'nowhere']), /^account-plans: cannot read nowhere: no such file or directory\n$/));
    it('arguments to schema', () => assertUsageError(cli(['schema', 'x']), /schema takes no arguments/));
  });
});
