import { mkdir, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { build as bundle } from 'rolldown';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import babel from '@rolldown/plugin-babel';
import { lingui } from '@lingui/vite-plugin';
import { precompileMessages } from './scripts/precompile-messages.ts';
import { simDevPlugin } from './sim/vite-plugin.ts';

/**
 * Where `vite build` puts the source maps: next to the output directory, never inside it, so
 * they are not served (`dist/` → `dist-sourcemaps/`). The benchmark's profiler reads them there.
 */
export const sourcemapDir = (outDir: string): string => `${outDir.replace(/\/+$/, '')}-sourcemaps`;

/** Moves the (hidden: no `sourceMappingURL` comment) maps out of the output directory. */
function sourcemapsOutsideDist(): Plugin {
  return {
    name: 'sourcemaps-outside-dist',
    apply: 'build',
    async writeBundle(options, bundle) {
      if (!options.dir) return;
      const target = sourcemapDir(options.dir);
      for (const file of Object.keys(bundle)) {
        if (!file.endsWith('.map')) continue;
        await mkdir(dirname(join(target, file)), { recursive: true });
        await rename(join(options.dir, file), join(target, file));
      }
    },
  };
}

/**
 * The early requests of index.html, so that nothing waits for the entry chunk to run first:
 * - `<link rel="modulepreload">` of the route chunks of the first screen most visits land on
 *   (the shell, the offering frame and its groups tab; see `landing` below) and their
 *   stylesheets, fetched beside the entry chunk instead of after the router has matched;
 * - src/boot/boot.ts as the first script, built on its own (a few kilobytes): it reads
 *   /config.json (preloaded) and sends the landing page's first API requests while the app's
 *   code loads. In development the module itself.
 */
const LANDING_ROUTES = ['src/app/routes/shell.tsx', 'src/app/routes/offering.tsx', 'src/app/routes/offering-groups.tsx'].map((file) =>
  resolve(import.meta.dirname, file),
);
const BOOT_ENTRY = 'src/boot/boot.ts';

function earlyRequests(): Plugin {
  let bootFile = '';
  let building = false;
  return {
    name: 'early-requests',
    configResolved(config) {
      building = config.command === 'build';
    },
    async buildStart() {
      if (!building) return;
      const { output } = await bundle({
        input: resolve(import.meta.dirname, BOOT_ENTRY),
        write: false,
        output: { format: 'iife', minify: true },
      });
      const code = output[0].code;
      bootFile = `assets/boot-${createHash('sha256').update(code).digest('base64url').slice(0, 8)}.js`;
      this.emitFile({ type: 'asset', fileName: bootFile, source: code });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((output) => (output.type === 'chunk' ? [output] : []));
        const landing = chunks.filter((chunk) => chunk.moduleIds.some((id) => LANDING_ROUTES.includes(id)));
        return [
          // Before the boot script, which reads it as it runs: Chromium fetched /config.json twice
          // when the parser had not reached the preload yet.
          { tag: 'link', attrs: { rel: 'preload', href: '/config.json', as: 'fetch', crossorigin: '' }, injectTo: 'head-prepend' as const },
          {
            tag: 'script',
            attrs: bootFile ? { src: `/${bootFile}` } : { type: 'module', src: `/${BOOT_ENTRY}` },
            injectTo: 'head-prepend' as const,
          },
          ...landing.flatMap((chunk) => [
            { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `/${chunk.fileName}` }, injectTo: 'head' as const },
            ...[...(chunk.viteMetadata?.importedCss ?? [])].map((file) => ({
              tag: 'link',
              attrs: { rel: 'stylesheet', crossorigin: '', href: `/${file}` },
              injectTo: 'head' as const,
            })),
          ]),
        ];
      },
    },
  };
}

// One config for the app build, the dev server (with the simulator or a proxy to a real
// Waldur mounted on the same origin) and the unit/component tests.
export default defineConfig(({ command, mode }) => ({
  plugins: [
    react(),
    // Lingui's macros (t, <Trans>, plural) become message descriptors that keep their English
    // text (see scripts/precompile-messages.ts); the catalogs of src/locales compile on import,
    // and a production build fails on a missing translation or a broken message.
    babel({
      presets: [
        {
          preset: { plugins: [['@lingui/babel-plugin-lingui-macro', { stripMessageField: false }]] },
          rolldown: { filter: { code: /@lingui\/(?:core|react)\/macro/ } },
        },
      ],
    }),
    lingui({ failOnMissing: mode === 'production', failOnCompileError: true }),
    precompileMessages(),
    simDevPlugin(),
    earlyRequests(),
    sourcemapsOutsideDist(),
  ],
  resolve: {
    // react-router's package exports only its development build (extra checks and console
    // warnings, 47 KB gzip); the production build sits beside it.
    alias: [
      ...(command === 'build' && mode === 'production'
        ? [{ find: /^react-router$/, replacement: resolve(import.meta.dirname, 'node_modules/react-router/dist/production/index.mjs') }]
        : []),
      // Mantine's notifications entry exports the store and the <Notifications> host together, so
      // the store's import in the first screen's code put the host with its transitions in the
      // entry chunk (13 KB gzip). The app imports the store alone; the host, loaded after start
      // (components/overlay-hosts-loaded.tsx), comes by a name of its own.
      {
        find: /^@mantine\/notifications$/,
        replacement: resolve(import.meta.dirname, 'node_modules/@mantine/notifications/esm/notifications.store.mjs'),
      },
      {
        find: /^@mantine\/notifications-host$/,
        replacement: resolve(import.meta.dirname, 'node_modules/@mantine/notifications/esm/Notifications.mjs'),
      },
    ],
  },
  build: {
    // Every browser the build targets supports <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // Two chunks for the first screen instead of dozens: the entry with what it imports
      // statically, and the landing routes with theirs. Left to automatic chunking their shared
      // pieces were split into many small files, and on HTTP/1.1 (six connections a host) the
      // first API requests queued behind them. The other routes stay lazy, each in its own chunk
      // with what it alone uses; what two or more of them share comes in three chunks, the
      // libraries (`ui`: Mantine's overlays and floating-ui) and the app's
      // shared modules (`shared`), instead of some forty small ones: every chunk compresses on
      // its own and names what it imports from the others, which cost 17 KB gzip in all, and
      // the first lazy route fetched a dozen of them. The form libraries (`forms`) stay apart
      // from `ui`, which the landing page fetches after start for its deferred widgets and
      // dialog host: no form there.
      output: {
        codeSplitting: {
          groups: [
            { name: 'index', tags: ['$initial'], priority: 1 },
            { name: 'landing', test: (id: string) => LANDING_ROUTES.includes(id) },
            { name: 'forms', test: /node_modules\/(react-hook-form|@hookform|zod)\//, minShareCount: 2 },
            { name: 'ui', test: /node_modules/, minShareCount: 2 },
            { name: 'shared', test: /\/src\/(components|lib|api)\//, minShareCount: 2 },
          ],
        },
      },
    },
  },
  test: {
    // Over a real Keycloak (`npm run test:keycloak` sets one of these) a call takes far longer than in
    // memory. Set here, not as CLI flags: those do not reach the projects below.
    ...(process.env.KEYCLOAK_URL || process.env.SIM_TEST_KEYCLOAK_URL ? { testTimeout: 120_000, hookTimeout: 300_000 } : {}),
    reporters: process.env.UNIT_JSON_REPORT ? ['default', ['json', { outputFile: process.env.UNIT_JSON_REPORT }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['sim/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: ['sim/test-keycloak/**', 'node_modules/**'],
          setupFiles: ['src/test/i18n-setup.ts'],
        },
      },
      // `npm run test:keycloak`: against the real Keycloak it started (KEYCLOAK_URL).
      ...(process.env.KEYCLOAK_URL
        ? [
            {
              extends: true as const,
              test: { name: 'keycloak', environment: 'node' as const, include: ['sim/test-keycloak/**/*.test.ts'], fileParallelism: false },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          // Components against the in-process simulator: a whole page's flow per test, which on a
          // busy two-core machine takes longer than vitest's default 5 s.
          testTimeout: 30_000,
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/test/i18n-setup.ts', 'src/test/setup.ts'],
        },
      },
    ],
  },
}));
