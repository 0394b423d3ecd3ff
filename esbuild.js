// Bundles the extension (node, `vscode` external), the same extension for the web worker extension
// host (browser, for github.dev and vscode.dev) and the CLI (node, with a shebang).
// `node esbuild.js --watch` rebuilds on change; `--production` minifies.
const esbuild = require('esbuild');

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

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
const webviews = ['stakeholder-map', 'forecast'].filter((n) => fs.existsSync(`src/webview/${n}/main.ts`));

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...web, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js' },
  // `.css` as text: `account-plans render` inlines media/plan-card.css into its page.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, loader: { '.css': 'text' } },
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
  fs.chmodSync('dist/cli.js', 0o755);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
