#!/usr/bin/env node
// Grammar tests: vscode-tmgrammar-test on test/grammar/*.account.md, with the injection grammar
// as package.json contributes it and VS Code 1.100's own Markdown and YAML grammars (from the
// npm package code-server), so the scopes asserted are the ones the editor produces.
//
// A test is one source line with its assertions (`# ^^^ scope - excluded.scope`; exclusions are
// exact scope names). Prints "grammar: N passed, N failed" last; exit 0 only when all passed.
// The Markdown grammar names ~30 embedded languages (fenced code) that these tests never load;
// the tool's "grammar not found" warning for each is summed up in one line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXTENSIONS = path.join(ROOT, 'node_modules/code-server/lib/vscode/extensions');
const TOOL = path.join(ROOT, 'node_modules/vscode-tmgrammar-test/dist/unit.js');
const yamlDir = path.join(EXTENSIONS, 'yaml/syntaxes');
const grammars = [
  path.join(EXTENSIONS, 'markdown-basics/syntaxes/markdown.tmLanguage.json'),
  ...fs.readdirSync(yamlDir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(yamlDir, f)),
];
const report = fs.mkdtempSync(path.join(os.tmpdir(), 'account-plans-grammar-'));

const args = [TOOL, ...grammars.flatMap((g) => ['-g', g]), '--xunit-report', report, '--xunit-format', 'gitlab',
  ...(process.argv.length > 2 ? process.argv.slice(2) : ['test/grammar/*.account.md'])];
const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
let missing = 0;
let pending = '';
child.stdout.pipe(process.stdout);
child.stderr.on('data', (d) => {
  const lines = (pending + d).split('\n');
  pending = lines.pop();
  for (const line of lines) {
    if (/^grammar not found for "/.test(line)) missing++;
    else process.stderr.write(`${line}\n`);
  }
});
const code = await new Promise((resolve) => child.on('close', (c, signal) => resolve(c ?? (signal ? 128 : 1))));
if (pending) process.stderr.write(`${pending}\n`);
if (missing) console.log(`(${missing} embedded-language grammars not loaded; no test here needs them)`);

let passed = 0;
let failed = 0;
for (const file of fs.readdirSync(report).filter((f) => f.endsWith('.xml'))) {
  const xml = fs.readFileSync(path.join(report, file), 'utf8');
  for (const [, body] of xml.matchAll(/<testcase\b[^>]*>([\s\S]*?)<\/testcase>/g)) {
    if (/<(failure|error)\b/.test(body)) failed++;
    else passed++;
  }
}
fs.rmSync(report, { recursive: true, force: true });
// A file the tool could not read or run counts as a failure even when it wrote no case for it.
if (code !== 0 && failed === 0) failed = 1;
console.log(`grammar: ${passed} passed, ${failed} failed`);
process.exit(code === 0 && failed === 0 && passed > 0 ? 0 : 1);
