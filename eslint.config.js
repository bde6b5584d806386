import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { basename } from 'node:path';

/** File names are kebab-case everywhere (src/, sim/, e2e/, …), like `member-form.tsx`. */
const kebabFileNames = {
  meta: { type: 'suggestion', messages: { name: 'File name “{{name}}” is not kebab-case (for example member-form.tsx).' } },
  create(context) {
    return {
      Program(node) {
        const name = basename(context.filename);
        if (!/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)*$/.test(name)) context.report({ node, messageId: 'name', data: { name } });
      },
    };
  },
};

const NO_SIM = { group: ['**/sim/**', 'node:*'], message: 'The app never imports the simulator or Node built-ins.' };
const NO_APP = { regex: '(^|/)app/', message: 'Only the app shell (src/app) composes features; nothing imports it.' };
const NO_FEATURES = { regex: '(^|/)features/', message: 'api, lib and components are shared: they import no feature.' };
const NO_OTHER_FEATURE = {
  regex: '^\\.\\./(?!\\.\\./)|^\\.\\./\\.\\./features/',
  message: 'A feature never imports another feature: move what both need to api/, lib/ or components/.',
};

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'src/api/schema.d.ts', 'src/api/schema-8.1.d.ts', 'bench/.tmp'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Says only that the React Compiler would skip a component (react-hook-form's watch); this
      // build does not use the compiler.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: [NO_SIM] }],
    },
  },
  { files: ['src/features/**'], rules: { 'no-restricted-imports': ['error', { patterns: [NO_SIM, NO_APP, NO_OTHER_FEATURE] }] } },
  {
    files: ['src/api/**', 'src/lib/**', 'src/components/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SIM, NO_APP, NO_FEATURES] }] },
  },
  {
    // Query keys come from the factories in queries.ts and *-queries.ts files (prefixes in *-keys.ts), so that
    // a key and its invalidation can never drift apart.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/queries.ts', 'src/**/*-queries.ts', 'src/**/*-keys.ts', 'src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Property[key.name="queryKey"] > ArrayExpression',
          message: 'Use a key from a queries.ts factory (or its prefix helper), not a literal.',
        },
        {
          // Mutation keys too: a busy state (useMutationState, useIsMutating) finds its writes by key.
          selector:
            'Property[key.name="mutationKey"] > ArrayExpression, Property[key.name="mutationKey"] > TSAsExpression > ArrayExpression',
          message: 'Use a mutation key from a key factory (e.g. groupMutationKeys.action(offering)), not a literal.',
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { local: { rules: { 'kebab-file-names': kebabFileNames } } },
    rules: { 'local/kebab-file-names': 'error' },
  },
  {
    files: ['sim/**', 'e2e/**', 'bench/**', 'scripts/**', '.ci/**', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Playwright fixtures without dependencies are declared with an empty pattern.
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
