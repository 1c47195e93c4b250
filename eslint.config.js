// typescript-eslint strict on everything we ship; type-aware rules stay off to keep lint fast on 2 cores.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { boundariesConfig } from './eslint.boundaries.js';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.data',
      'web/dist',
      'db/migrations',
      'coverage',
      'test/fixtures/boundaries',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  boundariesConfig,
);
