// esbuild inlines package.json into dist/cli.js; only main.ts imports this, so `run` stays
// importable from tsc's out/ folder, where ../../package.json does not exist.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../../package.json') as { version: string; homepage?: string; repository?: string | { url?: string } };

/** The project's web address, from `homepage` or `repository` in package.json, if it has one. */
function homepage(): string | undefined {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const url = pkg.homepage ?? repo?.replace(/^git\+/, '').replace(/\.git$/, '');
  return url && /^https?:\/\//.test(url) ? url.replace(/\/$/, '') : undefined;
}

export const PACKAGE_INFO = { version: pkg.version, homepage: homepage() };
