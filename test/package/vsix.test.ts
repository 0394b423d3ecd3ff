import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readZip, type ZipEntry } from './zip';

/**
 * The .vsix that `npm run package` built (the `vsix` suite of scripts/run-tests.mjs builds it
 * first): what a user installs, held to issue #14's terms.
 */
const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; repository: { url: string } };
const VSIX = path.join(ROOT, 'build', `${manifest.name}-${manifest.version}.vsix`);
const REPOSITORY = manifest.repository.url.replace(/\.git$/, '');
/** The extension for each host (Node; the browser's web worker) and the panels' pages. */
const BUNDLES = ['dist/extension.js', 'dist/web/extension.js', 'media/dist/stakeholder-map.js', 'media/dist/forecast.js', 'media/dist/compare.js'];

describe(`the extension package (build/${path.basename(VSIX)})`, () => {
  let entries: ZipEntry[];
  const names = () => entries.map((e) => e.name);
  const text = (name: string) => {
    const entry = entries.find((e) => e.name === name);
    assert.ok(entry, `${name} is in the package`);
    return entry.read().toString('utf8');
  };

  before(() => {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run npm run package`);
    entries = readZip(fs.readFileSync(VSIX));
  });

  it('is at most 2 MB', () => {
    assert.ok(fs.statSync(VSIX).size <= 2 * 1024 * 1024, `${fs.statSync(VSIX).size} bytes`);
  });

  it('holds the bundles, the manifest and its translations, the rule reference, media, grammar, schema and notices', () => {
    for (const name of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'readme.md', 'changelog.md', 'LICENSE.txt',
      ...BUNDLES, 'media/plan-card.css', 'media/icon.png',
      'docs/rules.md', 'syntaxes/account-plan.injection.tmLanguage.json', 'schemas/account-plan.schema.json']) {
      assert.ok(names().includes(`extension/${name}`), `extension/${name} in ${names().join(', ')}`);
    }
  });

  it('holds the media of every step of the Get Started walkthrough', () => {
    const pkg = JSON.parse(text('extension/package.json')) as { contributes: { walkthroughs: { steps: { media: { markdown?: string } }[] }[] } };
    const media = pkg.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown ?? ''));
    assert.ok(media.length >= 6, `${media.length} steps`);
    assert.deepEqual(media.filter((m) => !names().includes(`extension/${m}`)), []);
  });

  it('leaves out sources, tests, fixtures, examples, source maps, dependencies and the CLI', () => {
    const unwanted = /^extension\/(src|test|out|examples|bench|scripts|node_modules|build|\.ci|\.github|\.vscode|docs\/ci|docs\/images)\/|\.map$|\.ts$|tsconfig|esbuild\.js$|action\.yml$|package-lock\.json$|^extension\/dist\/cli/;
    assert.deepEqual(names().filter((n) => unwanted.test(n)), []);
  });

  it('holds nothing the allow-list in .vscodeignore does not name (a stray local folder cannot ship)', () => {
    const allowed = /^(\[Content_Types\]\.xml|extension\.vsixmanifest|extension\/(package\.json|package\.nls(\.[a-z-]+)?\.json|readme\.md|changelog\.md|LICENSE\.txt|dist\/extension\.js|dist\/web\/extension\.js|media\/dist\/[a-z-]+\.(js|css)|media\/(plan-card\.css|icon\.png|account-plans\.svg)|media\/walkthrough\/[a-z-]+\.md|docs\/(rules|format|diff|architecture)\.md|syntaxes\/[a-z.-]+\.tmLanguage\.json|schemas\/[a-z.-]+\.schema\.json))$/;
    assert.deepEqual(names().filter((n) => !allowed.test(n)), []);
  });

  it('ships minified bundles without source map comments', () => {
    for (const name of BUNDLES) {
      const code = text(`extension/${name}`);
      assert.doesNotMatch(code, /sourceMappingURL/, name);
      const lines = code.split('\n').length;
      assert.ok(code.length / lines > 500, `${name}: ${lines} lines for ${code.length} characters is not minified`);
    }
  });

  it('names its repository, issues, homepage, icon and gallery banner', () => {
    const pkg = JSON.parse(text('extension/package.json')) as Record<string, unknown> & { icon: string; galleryBanner: { color: string; theme: string } };
    assert.match(String((pkg.repository as { url: string }).url), /^https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
    assert.equal((pkg.bugs as { url: string }).url, `${REPOSITORY}/issues`);
    assert.equal(pkg.homepage, REPOSITORY);
    assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
    const icon = entries.find((e) => e.name === `extension/${pkg.icon}`);
    assert.ok(icon, `the icon ${pkg.icon} is in the package`);
    const png = icon.read();
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(width === height && (width === 128 || width === 256), `icon is ${width}×${height}`);
  });

  it('has a README whose links and pictures all point into the published repository, at files that exist', () => {
    const readme = text('extension/readme.md');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
    assert.ok(targets.length > 20, `${targets.length} links`);
    const relative = targets.filter((t) => !/^(https?:|mailto:|#)/.test(t));
    assert.deepEqual(relative, [], 'no link is left relative (it would be broken in VS Code and on the Marketplace)');
    const inRepo = targets.map((t) => new RegExp(`^${REPOSITORY.replace(/[.]/g, '\\.')}/(?:blob|raw)/HEAD/([^#?]+)`).exec(t)?.[1]).filter((p) => p !== undefined);
    assert.ok(inRepo.length > 10, `${inRepo.length} links into ${REPOSITORY}`);
    const missing = inRepo.filter((p) => !fs.existsSync(path.join(ROOT, decodeURIComponent(p))));
    assert.deepEqual(missing, [], 'every file a link names is in the repository');
    assert.ok(targets.some((t) => /\/raw\/HEAD\/docs\/images\/.+\.png$/.test(t)), 'pictures load from the repository');
  });
});
