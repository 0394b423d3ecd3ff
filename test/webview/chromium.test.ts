import * as assert from 'assert';
import { CHROMIUM_ARGS, chromiumLaunchOptions } from '../chromium';

describe('the shared Chromium launch options', () => {
  it('run Debian\'s Chromium headless, quiet and offline, unless CHROMIUM_PATH names another', () => {
    const saved = process.env.CHROMIUM_PATH;
    try {
      delete process.env.CHROMIUM_PATH;
      assert.deepStrictEqual(chromiumLaunchOptions(), { executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS] });
      process.env.CHROMIUM_PATH = '/opt/chrome/chrome';
      assert.strictEqual(chromiumLaunchOptions().executablePath, '/opt/chrome/chrome');
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH; else process.env.CHROMIUM_PATH = saved;
    }
    for (const arg of ['--no-sandbox', '--disable-background-networking', '--disable-breakpad']) assert.ok(CHROMIUM_ARGS.includes(arg), arg);
  });

  it('merge what a caller adds (the harness passes a private environment)', () => {
    const env = { XDG_CONFIG_HOME: '/tmp/x' };
    const options = chromiumLaunchOptions({ env });
    assert.strictEqual(options.env, env);
    assert.strictEqual(options.headless, true);
  });
});
