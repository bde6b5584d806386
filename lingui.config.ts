import { defineConfig } from '@lingui/cli';
import { formatter } from '@lingui/format-po';

/**
 * The app's messages: English source text in the code (`t`, `<Trans>`, `msg`, plurals in ICU),
 * extracted by `npm run i18n:extract` into one PO catalog per locale under src/locales/. The
 * build compiles the catalogs (@lingui/vite-plugin) and fails on a missing or broken translation.
 */
export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'de', 'et', 'ar'],
  catalogs: [
    {
      path: '<rootDir>/src/locales/{locale}/messages',
      include: ['<rootDir>/src'],
      exclude: ['**/*.test.ts', '**/*.test.tsx', '<rootDir>/src/test/**', '<rootDir>/src/api/schema*.d.ts'],
    },
  ],
  format: formatter({ lineNumbers: false }),
  orderBy: 'message',
});
