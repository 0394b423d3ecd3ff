// Bundles the extension (node, `vscode` external), the same extension for the web worker extension
// host (browser, for github.dev and vscode.dev), the CLI (node, with a shebang) and the webviews.
// `node esbuild.js --watch` rebuilds on change; `--production` minifies and writes no source maps;
// `--cli DIR` builds only the CLI, into DIR (scripts/package.mjs stages the npm package with it).
const esbuild = require('esbuild');

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const cliOnly = process.argv.includes('--cli') ? process.argv[process.argv.indexOf('--cli') + 1] : undefined;
if (process.argv.includes('--cli') && !cliOnly) throw new Error('--cli needs a folder');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

/** Webviews run in the browser: one bundle (and its CSS) per panel, into media/dist. */
const webview = (name) => ({
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  entryPoints: [`src/webview/${name}/main.ts`],
  outfile: `media/dist/${name}.js`,
});
const fs = require('fs');
const path = require('path');

/**
 * The browser build has no Node built-ins: where a module `x.ts` has a sibling `x.web.ts`, the
 * browser bundle takes the `.web.ts` one (src/extension/index/plan-files.web.ts reads plans
 * through vscode.workspace.fs instead of Node's fs).
 */
const webVariants = {
  name: 'web-variants',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const web = path.resolve(args.resolveDir, args.path) + '.web.ts';
      return fs.existsSync(web) ? { path: web } : undefined;
    });
  },
};

/** The web worker extension host: a browser bundle, `vscode` external, no Node built-ins. */
const web = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  plugins: [webVariants],
};
const webviews = ['stakeholder-map', 'forecast', 'compare'].filter((n) => fs.existsSync(`src/webview/${n}/main.ts`));

/** The CLI: OUT/cli.js (the binary) answers `--version` itself and loads OUT/cli-main.js, the engine, for the rest. */
const cli = (out) => [
  { ...common, entryPoints: ['src/cli/launcher.ts'], outfile: `${out}/cli.js`, banner: { js: '#!/usr/bin/env node' }, external: ['./cli-main.js'] },
  // `.css` as text: `account-plans render` inlines media/plan-card.css into its page.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: `${out}/cli-main.js`, loader: { '.css': 'text' } },
];

const builds = cliOnly ? cli(cliOnly) : [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...web, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js' },
  ...cli('dist'),
  ...webviews.map(webview),
];

module.exports = { web };

async function main() {
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
    console.log('[esbuild] watching');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  fs.chmodSync(`${cliOnly ?? 'dist'}/cli.js`, 0o755);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
