// The command line of scripts/vscode-harness.mjs, read without side effects (so a test can read it).
import path from 'node:path';

export const USAGE = 'usage: vscode-harness.mjs test | screenshot OUT.png | serve | demo   [--web] [--workspace DIR] [--extension DIR] '
  + '[--install VSIX] [--tests FILE] [--timeout S] [--port N] [--viewport WxH] [--open FILE] [--command TITLE] …';

export class HarnessUsageError extends Error {}

/**
 * The folder a relative path on the command line means: the one the command was typed in. Under
 * `npm run` the process starts in the package's folder and npm says where it was called from
 * (INIT_CWD); otherwise the current folder. Defaults are the repository's own folders.
 */
export const callerFolder = (env, cwd) => (env.npm_lifecycle_event && env.INIT_CWD ? env.INIT_CWD : cwd);

/** `1280x800` → { width, height }; a browser window smaller than 320x240 or above 7680x4320 is refused. */
export function parseViewport(value) {
  const m = /^(\d+)x(\d+)$/.exec(value);
  const [width, height] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!(width >= 320 && width <= 7680 && height >= 240 && height <= 4320)) {
    throw new HarnessUsageError(`--viewport takes WIDTHxHEIGHT in pixels (320x240 to 7680x4320), e.g. 1920x1080; got '${value}'`);
  }
  return { width, height };
}

function problemCount(value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new HarnessUsageError(`--problems and --linger want a whole number, not "${value}"`);
  return n;
}

/**
 * argv after `node vscode-harness.mjs`; env and cwd of the process; root the repository.
 * Throws HarnessUsageError on bad usage.
 */
export function harnessOptions(argv, env, cwd, root) {
  const args = [...argv];
  const mode = args.shift();
  const screenshotOut = mode === 'screenshot' ? args.shift() : undefined;
  if (!['test', 'screenshot', 'serve', 'demo'].includes(mode) || (mode === 'screenshot' && !screenshotOut)) throw new HarnessUsageError(USAGE);
  const webHost = args.includes('--web');
  if (webHost) args.splice(args.indexOf('--web'), 1);
  const opts = { command: [], open: [] };
  for (let i = 0; i < args.length; i += 2) {
    const k = args[i].replace(/^--/, ''), v = args[i + 1];
    if (v === undefined) throw new HarnessUsageError(`missing value for ${args[i]}`);
    if (k === 'command' || k === 'open') opts[k].push(v); else opts[k] = v;
  }
  const given = (p) => path.resolve(callerFolder(env, cwd), p);
  const ours = (p) => path.resolve(root, p);
  const pick = (flag, variable, fallback) => (flag !== undefined ? given(flag) : variable !== undefined ? given(variable) : fallback && ours(fallback));
  const untrusted = env.HARNESS_TRUST === 'untrusted';
  const defaultWorkspace = mode === 'demo' ? 'examples' : untrusted ? 'test/fixtures/untrusted-workspace' : 'test/fixtures/workspace';
  const installVsix = opts.install && given(opts.install);
  return {
    mode: mode === 'demo' ? 'serve' : mode,
    screenshotOut: screenshotOut && given(screenshotOut),
    webHost,
    untrusted,
    workspace: pick(opts.workspace, env.HARNESS_WORKSPACE, defaultWorkspace),
    installVsix,
    extensionDir: installVsix ? undefined : pick(opts.extension, env.HARNESS_EXTENSION, '.'),
    testsPath: pick(opts.tests, env.HARNESS_TESTS, untrusted ? 'out/test/integration-untrusted/index' : 'out/test/integration/index'),
    /** --tests or HARNESS_TESTS named a bootstrap (`test --web` bundles its own otherwise). */
    testsGiven: opts.tests !== undefined || env.HARNESS_TESTS !== undefined,
    timeoutS: Number(opts.timeout ?? env.HARNESS_TIMEOUT_S ?? (mode === 'serve' || mode === 'demo' ? 0 : 600)),
    commands: opts.command,
    openFiles: opts.open,
    viewName: opts.view,
    rowText: opts.row,
    webviewText: opts['webview-text'],
    /** --problems N: the status bar must count N problems in all (screenshot). */
    problems: opts.problems === undefined ? undefined : problemCount(opts.problems),
    /** --linger S: screenshot: the window stays open S seconds more (the extension saves what it keeps on a timer). */
    lingerS: opts.linger === undefined ? 0 : problemCount(opts.linger),
    wantedPort: Number(opts.port ?? env.PORT ?? 8080),
    /** --port was given: test and screenshot use it too (else a free port). */
    portGiven: opts.port !== undefined,
    viewport: parseViewport(opts.viewport ?? env.HARNESS_VIEWPORT ?? '1280x800'),
  };
}
