#!/usr/bin/env node
// Builds what users install, offline (esbuild, @vscode/vsce and npm pack need no network):
//   node scripts/package.mjs vsix   (npm run package)   → build/account-plans-VERSION.vsix
//       production bundles in dist/ and media/dist/ (minified, no source maps), then
//       `vsce package --no-dependencies`: everything is bundled, and .vscodeignore leaves out
//       sources, tests, fixtures, examples and the CLI. `npm run build` brings back the
//       development bundles (with source maps) afterwards.
//   node scripts/package.mjs cli    (npm run pack:cli)  → build/account-plans-VERSION.tgz
//       stages build/cli-package: the CLI bundles (cli.js answers --version, cli-main.js is the
//       engine), the schema, README, LICENSE and CHANGELOG, and a package.json of its own with
//       the `account-plans` bin and no dependencies (the root package.json is the extension's
//       manifest), then runs `npm pack` there. Leaves dist/ alone.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = path.join(ROOT, 'build');
const require = createRequire(path.join(ROOT, 'package.json'));
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const node = (args, cwd = ROOT) => execFileSync(process.execPath, args, { cwd, stdio: 'inherit' });
const kib = (file) => `${(fs.statSync(file).size / 1024).toFixed(0)} KiB`;

function vsix() {
  for (const dir of ['dist', 'media/dist']) fs.rmSync(path.join(ROOT, dir), { recursive: true, force: true });
  node(['esbuild.js', '--production']);
  fs.mkdirSync(BUILD, { recursive: true });
  const out = path.join(BUILD, `${manifest.name}-${manifest.version}.vsix`);
  const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  node([vsce, 'package', '--no-dependencies', '--out', out]);
  console.log(`[package] ${path.relative(ROOT, out)} (${kib(out)})`);
}

/** The npm package's manifest: the CLI's bin and the project's facts, nothing of the extension's. */
function cliManifest() {
  const keep = ['name', 'version', 'description', 'license', 'repository', 'bugs', 'homepage', 'keywords'];
  return {
    ...Object.fromEntries(keep.filter((k) => k in manifest).map((k) => [k, manifest[k]])),
    bin: { 'account-plans': 'cli.js' },
    engines: { node: manifest.engines.node },
  };
}

function cli() {
  const stage = path.join(BUILD, 'cli-package');
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(path.join(stage, 'schemas'), { recursive: true });
  node(['esbuild.js', '--production', '--cli', stage]);
  for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md', 'schemas/account-plan.schema.json']) {
    fs.copyFileSync(path.join(ROOT, file), path.join(stage, file));
  }
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(cliManifest(), null, 2)}\n`);
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', BUILD], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  const out = path.join(BUILD, packed.filename);
  console.log(`[package] ${path.relative(ROOT, out)} (${kib(out)}): ${packed.files.map((f) => f.path).sort().join(', ')}`);
}

const what = process.argv[2];
if (what === 'vsix') vsix();
else if (what === 'cli') cli();
else {
  console.error('usage: node scripts/package.mjs vsix | cli');
  process.exit(2);
}
