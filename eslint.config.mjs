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
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: banned.map((name) => ({ name, message: 'src/core is pure: pass text in, get data out (house style).' })),
      }],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: banned.map((name) => ({ name, message: 'webview code runs in the browser.' })) }],
    },
  },
);
