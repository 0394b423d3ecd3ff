/**
 * The web worker has no `process`; the npm `assert` and `util` the suites run on read a few of its
 * fields (an AssertionError asks `process.stderr` whether to colour its diff). esbuild injects this
 * in its place into the web test bundle only.
 */
export const process = { env: {} as Record<string, string | undefined>, stderr: undefined, platform: 'browser' };
