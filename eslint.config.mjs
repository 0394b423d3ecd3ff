// Lint: typescript-eslint's recommended rules, plus the architecture rule of the house style:
// src/core (and src/markdown) is pure (no vscode, no Node built-in at all), so the editor, the
// CLI, the webviews and the tests all run the same engine.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Every Node built-in without its prefix (`os`, `fs/promises`); the `node:*` pattern below bans the prefixed forms. */
const banned = ['vscode', ...builtinModules.filter((m) => !m.startsWith('node:'))];

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
        patterns: [{ group: ['node:*'], message: 'src/core is pure: no Node built-in (house style).' }],
      }],
      'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']", message: "Use `import * as z from 'zod'` (tree-shakable)." }],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: banned.map((name) => ({ name, message: 'webview code runs in the browser.' })),
        patterns: [{ group: ['node:*'], message: 'webview code runs in the browser.' }],
      }],
    },
  },
);
