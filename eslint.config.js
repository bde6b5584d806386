import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import pluginLingui from 'eslint-plugin-lingui';
import { basename, relative } from 'node:path';

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

/**
 * Imports a folder may not make, as `{ regex, message }` tested against the import's source: a
 * rule of its own beside `no-restricted-imports`, so that these bounds add to the layer rules
 * below instead of replacing them (flat config keeps only the last options of a rule).
 */
const noImportOf = {
  meta: { type: 'problem', schema: { type: 'array' } },
  create(context) {
    const bounds = context.options.map(({ regex, message }) => ({ pattern: new RegExp(regex), message }));
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      for (const { pattern, message } of bounds) if (pattern.test(source)) context.report({ node, message: `'${source}': ${message}` });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

/** The folders of src/ that have import bounds below; a file anywhere else has none, and says so. */
const SRC_FOLDERS = ['api', 'app', 'boot', 'components', 'features', 'i18n', 'lib', 'test'];
const knownSrcFolder = {
  meta: {
    type: 'problem',
    messages: { folder: 'src/{{folder}}/ has no import boundaries: add it to SRC_FOLDERS and give it its bounds in eslint.config.js.' },
  },
  create(context) {
    return {
      Program(node) {
        const parts = relative(context.cwd, context.filename).split(/[\\/]/);
        if (parts[0] !== 'src' || parts.length < 3 || SRC_FOLDERS.includes(parts[1])) return;
        context.report({ node, messageId: 'folder', data: { folder: parts[1] } });
      },
    };
  },
};

const NO_SIM = { group: ['**/sim/**', 'node:*'], message: 'The app never imports the simulator or Node built-ins.' };
const NO_APP = { regex: '(^|/)app/', message: 'Only the app shell (src/app) composes features; nothing imports it.' };
const NO_FEATURES = { regex: '(^|/)features/', message: 'api, lib and components are shared: they import no feature.' };
/**
 * Domain folders: a domain that several pages show (member drift: the check across an offering,
 * the per-group view, the fixes and their verified results) has one folder under features/ that
 * any feature may import. A domain folder itself imports no other feature.
 */
const DOMAINS = ['member-drift'];
const NOT_A_DOMAIN = `(?!(?:${DOMAINS.join('|')})/)`;
const NO_OTHER_FEATURE = {
  regex: `^\\.\\./(?!\\.\\./)${NOT_A_DOMAIN}|^\\.\\./\\.\\./features/${NOT_A_DOMAIN}`,
  message:
    'A feature never imports another feature (only a domain folder such as member-drift/): move what both need there, or to api/, lib/ or components/.',
};
const NO_FEATURE_FROM_DOMAIN = {
  regex: '^\\.\\./(?!\\.\\./)|^\\.\\./\\.\\./features/',
  message: 'A domain folder imports no feature: the features that show it import it.',
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
    files: DOMAINS.map((domain) => `src/features/${domain}/**`),
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SIM, NO_APP, NO_FEATURE_FROM_DOMAIN] }] },
  },
  {
    files: ['src/api/**', 'src/lib/**', 'src/components/**', 'src/i18n/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SIM, NO_APP, NO_FEATURES] }] },
  },
  {
    // The early script (built on its own, before the app's code) stays small: no app shell and no
    // React components. Its tests compare it with the app's loaders.
    files: ['src/boot/**'],
    ignores: ['src/boot/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_SIM,
            { regex: '(^|/)app/', message: 'The boot script runs before the app: it never imports the app shell.' },
            { regex: '(^|/)components/', message: 'The boot script runs before the app: no React components in it.' },
          ],
        },
      ],
    },
  },
  {
    // Bounds beside the layer rules above: test helpers only in tests; src/boot read only by the
    // app shell (its colour scheme key) and by api/early.ts (the record the boot script leaves);
    // and no file in a folder that has no bounds.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { bounds: { rules: { 'no-import-of': noImportOf, 'known-src-folder': knownSrcFolder } } },
    rules: {
      'bounds/known-src-folder': 'error',
      'bounds/no-import-of': [
        'error',
        { regex: '(^|/)test/|^vitest|^@testing-library/', message: 'test helpers (src/test, vitest, Testing Library) are for tests only.' },
      ],
    },
  },
  {
    files: ['src/features/**', 'src/api/**', 'src/lib/**', 'src/components/**', 'src/i18n/**'],
    rules: {
      'bounds/no-import-of': [
        'error',
        { regex: '(^|/)test/|^vitest|^@testing-library/', message: 'test helpers (src/test, vitest, Testing Library) are for tests only.' },
        {
          regex: '(^|/)boot/(?!boot-record$)',
          message: 'src/boot is the early script: only the app shell reads it (and api/early.ts its record, boot-record.ts).',
        },
      ],
    },
  },
  { files: ['src/**/*.test.{ts,tsx}', 'src/test/**'], rules: { 'bounds/no-import-of': 'off' } },
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
    // Every user-facing string goes through Lingui (t, <Trans>, msg, plural): English source text,
    // translated in src/locales. What stays literal: identifiers, CSS values, test ids, URLs,
    // query parameters, storage keys, CSV column names (scripts read them), log lines.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**', 'src/api/schema*.d.ts', 'src/boot/**'],
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
            // A list column's CSV columns: their names stay English, since scripts read them.
            'csv',
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
