import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import {configs as litConfigs} from 'eslint-plugin-lit';
import {configs as wcConfigs} from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'custom-elements.json',
      'demo/vendor/',
      'examples/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    extends: [litConfigs['flat/recommended'], wcConfigs['flat/recommended']],
    plugins: {'lit-a11y': litA11y},
    rules: {
      ...litA11y.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_'},
      ],
      'wc/guard-super-call': 'off',
    },
  },
  {
    // Type-aware: a promise is awaited, returned or explicitly voided, and never
    // handed to a place that expects a plain function or condition.
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: {parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname}},
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'emulator/**', 'scripts/**', 'bench/**/*.mjs'],
    languageOptions: {globals: {...globals.node}},
  },
  {
    // Functions passed to page.evaluate run in the browser.
    files: ['bench/**/*.mjs', 'scripts/examples.mjs'],
    languageOptions: {globals: {...globals.node, ...globals.browser}},
  },
  {
    // The token handler's core also runs on edge runtimes: Web APIs only.
    files: ['src/server/handler.ts', 'src/server/jwt.ts', 'src/server/index.ts'],
    rules: {
      'no-restricted-imports': ['error', {patterns: ['node:*']}],
      'no-restricted-globals': ['error', 'Buffer', 'process', 'require', '__dirname'],
    },
  },
  {
    files: ['demo/**/*.js', 'test/visual/*.js'],
    languageOptions: {globals: {...globals.browser}},
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  }
);
