import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import pluginLingui from 'eslint-plugin-lingui';
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

/**
 * Folders whose strings are not yet in Lingui's catalogs: taken off this list as they are
 * translated, until it is empty.
 */
const I18N_NOT_YET = [
  'src/api/**',
  'src/lib/**',
  'src/components/**',
  'src/features/connection/**',
  'src/features/import-wizard/**',
  'src/features/members-check/**',
  'src/features/offering-access/**',
  'src/features/offering-groups/**',
  'src/features/offering-settings/**',
  'src/features/offerings/**',
  'src/features/remote-users/**',
  'src/features/sync-status/**',
  'src/app/**',
];

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
    // Query keys come from the factories in queries.ts files (and api/shared-queries.ts), so that
    // a key and its invalidation can never drift apart.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/queries.ts', 'src/api/shared-queries.ts', 'src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Property[key.name="queryKey"] > ArrayExpression',
          message: 'Use a key from a queries.ts factory (or its prefix helper), not a literal.',
        },
      ],
    },
  },
  {
    // Every user-facing string goes through Lingui (t, <Trans>, msg, plural): English source text,
    // translated in src/locales. What stays literal: identifiers, CSS values, test ids, URLs,
    // query parameters, storage keys, CSV column names (scripts read them), log lines.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**', 'src/api/schema*.d.ts', 'src/boot/**', ...I18N_NOT_YET],
    plugins: { lingui: pluginLingui },
    rules: {
      ...pluginLingui.configs['flat/recommended'].rules,
      'lingui/no-unlocalized-strings': [
        'error',
        {
          ignore: [
            // One "word" not starting with a capital (keys, CSS, URLs, Mantine props, ids).
            '^(?![A-Z])\\S+$',
            // CONSTANTS, and strings without a letter (punctuation, separators, numbers).
            '^[A-Z0-9_-]+$',
            '^[^\\p{L}]*$',
          ],
          ignoreNames: [
            { regex: { pattern: 'className|classNames|^style', flags: 'i' } },
            { regex: { pattern: '^[A-Z0-9_]+$' } },
            { regex: { pattern: 'Key$|Keys$|Url$|URL$|Path$|Param$|Params$|TestId$|testid', flags: 'i' } },
            'type',
            'id',
            'href',
            'to',
            'src',
            'name',
            'method',
            'mode',
            'variant',
            'color',
            'c',
            'size',
            'fw',
            'ff',
            'ta',
            'justify',
            'align',
            'wrap',
            'autoComplete',
            'inputMode',
            'dir',
            'lang',
            'role',
            'rel',
            'target',
            'accept',
            'encoding',
          ],
          ignoreFunctions: [
            'Error',
            'console.*',
            '*.headers.set',
            'headers.set',
            '*.searchParams.*',
            'URLSearchParams',
            'new URL',
            'URL',
            '*.setAttribute',
            '*.getAttribute',
            '*.querySelector',
            '*.querySelectorAll',
            '*.closest',
            '*.addEventListener',
            '*.removeEventListener',
            '*.startsWith',
            '*.endsWith',
            '*.includes',
            '*.split',
            '*.join',
            '*.replace',
            '*.replaceAll',
            'matchMedia',
            'window.matchMedia',
            'useMediaQuery',
            'localStorage.*',
            'sessionStorage.*',
            'z.*',
            'Symbol',
            'Intl.*',
          ],
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
