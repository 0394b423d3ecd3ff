// Lint: typescript-eslint's recommended rules, plus the architecture rule of the house style:
// src/core is pure (no vscode, no file system, no path), so the editor, the CLI and the tests
// all run the same engine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const banned = ['vscode', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'media/dist/**', 'node_modules/**', 'test/fixtures/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // `import { z } from 'zod'` keeps zod's whole namespace, all 64 locales with it (+430 KB in the
    // bundle); `import * as z` lets esbuild drop what is not used.
    files: ['src/**/*.ts'],
    ignores: ['src/core/**/*.ts', 'src/webview/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']", message: "Use `import * as z from 'zod'` (tree-shakable)." }] },
  },
  {
    files: ['src/core/**/*.ts', 'src/markdown/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: banned.map((name) => ({ name, message: 'src/core is pure: pass text in, get data out (house style).' })),
      }],
      'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']", message: "Use `import * as z from 'zod'` (tree-shakable)." }],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: banned.map((name) => ({ name, message: 'webview code runs in the browser.' })) }],
    },
  },
);
