// Bundles the extension (node, `vscode` external) and the CLI (node, with a shebang).
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
const webviews = ['stakeholder-map', 'forecast', 'compare'].filter((n) => fs.existsSync(`src/webview/${n}/main.ts`));

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // `.css` as text: `account-plans render` inlines media/plan-card.css into its page.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, loader: { '.css': 'text' } },
  ...webviews.map(webview),
];

async function main() {
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
    console.log('[esbuild] watching');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
