import { mkdir, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { build as bundle, type CodeSplittingGroup } from 'rolldown';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
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

/** index.html, the app's entry. */
const APP_HTML = resolve(import.meta.dirname, 'index.html');

type OutputChunkLike = { fileName: string; facadeModuleId: string | null; moduleIds: string[]; imports: string[] };

/**
 * The chunks `file` loads, itself included, dependencies before their importers; none of `known`
 * nor past them. Each one returned is added to `known`.
 */
function chunksLoadedBy(chunks: readonly OutputChunkLike[], file: string, known: Set<string>): string[] {
  const found: string[] = [];
  const visit = (name: string) => {
    if (known.has(name)) return;
    known.add(name);
    for (const dependency of chunks.find((chunk) => chunk.fileName === name)?.imports ?? []) visit(dependency);
    found.push(name);
  };
  visit(file);
  return found;
}

/**
 * The route modules of the first screen most visits land on (the shell, the offering frame and
 * its default groups tab) as `<link rel="modulepreload">` in index.html: the browser fetches them
 * beside the entry chunk instead of after the entry has run and the router has matched.
 */
const PRELOADED_ROUTES = ['src/app/routes/shell.tsx', 'src/app/routes/offering.tsx', 'src/app/routes/offering-groups.tsx'];
const SYNC_ROUTE = 'src/app/routes/offering-sync.tsx';

function preloadLandingRoutes(): Plugin {
  return {
    name: 'preload-landing-routes',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
        const entry = chunks.find((chunk) => chunk.facadeModuleId === APP_HTML);
        const loaded = new Set([entry?.fileName ?? '', ...(entry?.imports ?? [])]);
        const wanted: string[] = [];
        for (const route of PRELOADED_ROUTES) {
          // A route module is its chunk's facade, or one of the modules of the landing chunk.
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(route) || c.moduleIds.some((id) => id.endsWith(route)));
          if (chunk) wanted.push(...chunksLoadedBy(chunks, chunk.fileName, loaded));
        }
        // Their stylesheets too, which the boot script's first rows need (src/boot/groups-frame.ts).
        const stylesOf = (files: Iterable<string>) =>
          [...files].flatMap((file) => [...(chunks.find((c) => c.fileName === file)?.viteMetadata?.importedCss ?? [])]);
        const styles = stylesOf(wanted);
        // The Sync status tab's own, named for the boot script to load when it draws that tab
        // (src/boot/sync-frame.ts): its chunk's and those of the chunks it imports beyond these.
        const syncChunk = chunks.find((c) => c.facadeModuleId?.endsWith(SYNC_ROUTE));
        if (!syncChunk) throw new Error(`no chunk for ${SYNC_ROUTE}`);
        const syncFiles = chunksLoadedBy(chunks, syncChunk.fileName, new Set(loaded));
        const syncStyles = stylesOf(syncFiles).filter((file) => !styles.includes(file));
        return [
          ...styles.map((file) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: '', href: `/${file}` },
            injectTo: 'head' as const,
          })),
          // Named only: the boot script preloads them (src/boot/boot.ts, `preloadApp`).
          ...wanted.map((file) => ({
            tag: 'meta',
            attrs: { name: 'app-preload', content: `/${file}` },
            injectTo: 'head-prepend' as const,
          })),
          ...syncStyles.map((file) => ({
            tag: 'meta',
            attrs: { name: 'sync-styles', content: `/${file}` },
            injectTo: 'head-prepend' as const,
          })),
        ];
      },
    },
  };
}

/**
 * src/boot/boot.ts as index.html's first script: built on its own (a few kilobytes, no module
 * of the app's chunks), so it runs and sends the page's first API requests before the app's code
 * has loaded, /config.json preloaded ahead of it. In the build it also starts the app: the entry
 * script becomes `<meta name="app-entry">`, which the boot script loads and runs once it has
 * drawn the groups tab's first rows (or at once on other pages). In development the module
 * itself, before main.tsx.
 *
 * The copies of the pages it draws (BOOT_FRAMES, written by `npm run boot-frame`) are templates:
 * the groups tab's in index.html, where most visits land; the Sync status tab's, 36 KB that
 * every other page would parse for nothing, in a file of its own the boot script fetches beside
 * the sync status (`<meta name="sync-frame">`). In development the boot script does not draw
 * that tab (its stylesheet comes with the app's modules).
 */
const BOOT_ENTRY = 'src/boot/boot.ts';
/**
 * The Sync status tab's part of it (the code that orders and draws the first lines), loaded by it
 * on that tab only. A module of the app's build, not of the boot script's: it shares one chunk
 * with the tab (SYNC_CORE, which imports none of the app's other chunks) instead of carrying a
 * second copy of that code.
 */
const BOOT_SYNC_ENTRY = 'src/boot/sync-frame.ts';
const SYNC_CORE = [
  BOOT_SYNC_ENTRY,
  'src/boot/frame.ts',
  'src/features/sync-status/join.ts',
  'src/features/sync-status/name-order.ts',
  'src/features/sync-status/line-layout.ts',
  'src/lib/virtual-range.ts',
].map((file) => resolve(import.meta.dirname, file));
const BOOT_FRAMES = [
  { id: 'boot-groups', file: 'src/boot/groups-frame.html', inIndex: true },
  { id: 'boot-sync', file: 'src/boot/sync-frame.html', inIndex: false },
  { id: 'boot-sync-none', file: 'src/boot/sync-sections-none.html', inIndex: false },
];

const templateHtml = async (frames: typeof BOOT_FRAMES) =>
  (
    await Promise.all(
      frames.map(
        async ({ id, file }) => `<template id="${id}">${(await readFile(resolve(import.meta.dirname, file), 'utf8')).trim()}</template>`,
      ),
    )
  ).join('');

/**
 * The file of the build's BOOT_SYNC_ENTRY chunk, checked to load none of the app's chunks but
 * its own (SYNC_CORE): the boot script runs it before the app, which it must not start.
 */
function syncModule(bundle: Record<string, { type: string; fileName: string }>): string {
  const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output as unknown as OutputChunkLike] : []));
  const entry = chunks.find((chunk) => chunk.facadeModuleId === resolve(import.meta.dirname, BOOT_SYNC_ENTRY));
  if (!entry) throw new Error(`no chunk for ${BOOT_SYNC_ENTRY}`);
  for (const file of chunksLoadedBy(chunks, entry.fileName, new Set())) {
    const outside =
      chunks.find((c) => c.fileName === file)?.moduleIds.filter((id) => !SYNC_CORE.includes(id) && !id.startsWith('\0')) ?? [];
    if (outside.length > 0) throw new Error(`${BOOT_SYNC_ENTRY} loads ${file}, which holds ${outside.slice(0, 3).join(', ')}`);
  }
  return entry.fileName;
}
function bootScript(): Plugin {
  let file = '';
  let syncFrame = '';
  let building = false;
  return {
    name: 'boot-script',
    configResolved(config) {
      building = config.command === 'build';
    },
    async buildStart() {
      for (const frame of BOOT_FRAMES) this.addWatchFile(resolve(import.meta.dirname, frame.file));
      if (!building) return;
      const { output } = await bundle({
        input: resolve(import.meta.dirname, BOOT_ENTRY),
        write: false,
        output: { format: 'iife', minify: true },
      });
      const code = output[0].code;
      const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 8);
      file = `assets/boot-${hash(code)}.js`;
      this.emitFile({ type: 'asset', fileName: file, source: code });
      const frames = await templateHtml(BOOT_FRAMES.filter((frame) => !frame.inIndex));
      syncFrame = `assets/boot-sync-${hash(frames)}.html`;
      this.emitFile({ type: 'asset', fileName: syncFrame, source: frames });
    },
    transformIndexHtml: {
      order: 'post',
      handler: async (html, ctx) => {
        const entry = file ? /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html) : null;
        if (file && !entry) throw new Error('index.html: no entry script to hand to the boot script');
        const frames = await templateHtml(BOOT_FRAMES.filter((frame) => frame.inIndex));
        const syncScript = ctx.bundle ? syncModule(ctx.bundle) : '';
        return {
          html: (entry ? html.replace(entry[0], '') : html).replace('</body>', `${frames}\n  </body>`),
          tags: [
            // Before the boot script, which reads them as it runs.
            ...(syncFrame
              ? [
                  { tag: 'meta', attrs: { name: 'sync-frame', content: `/${syncFrame}` }, injectTo: 'head-prepend' as const },
                  { tag: 'meta', attrs: { name: 'sync-script', content: `/${syncScript}` }, injectTo: 'head-prepend' as const },
                ]
              : []),
            ...(entry ? [{ tag: 'meta', attrs: { name: 'app-entry', content: entry[1] ?? '' }, injectTo: 'head-prepend' as const }] : []),
            // The boot script's first request, asked for as the HTML arrives.
            {
              tag: 'link',
              attrs: { rel: 'preload', href: '/config.json', as: 'fetch', crossorigin: '' },
              injectTo: 'head-prepend' as const,
            },
            file
              ? { tag: 'script', attrs: { src: `/${file}` }, injectTo: 'head-prepend' as const }
              : { tag: 'script', attrs: { type: 'module', src: `/${BOOT_ENTRY}` }, injectTo: 'head-prepend' as const },
          ],
        };
      },
    },
  };
}

/**
 * Two chunks for the first screen instead of about fifty: the entry with everything it imports
 * statically, and the landing routes (PRELOADED_ROUTES) with everything they import. Left to
 * automatic chunking, their shared pieces were split into dozens of small files, and on
 * HTTP/1.1 (six connections a host) the first API requests queued behind them. Fewer files also
 * compress better (all JS: 400 KB gzip in 92 files, now 377 KB in 45). The other routes stay
 * lazy and take what they share from these two.
 */
function firstScreenChunks(): CodeSplittingGroup[] {
  const landingRoutes = new Set(PRELOADED_ROUTES.map((file) => resolve(import.meta.dirname, file)));
  return [
    // First: its modules are not to be taken into the entry chunk as the boot script's entry's.
    { name: 'sync-core', test: (id: string) => SYNC_CORE.includes(id), priority: 2 },
    { name: 'index', tags: ['$initial'], priority: 1 },
    { name: 'landing', test: (id: string) => landingRoutes.has(id) },
  ];
}

/**
 * CSS module class names as `<file name>_<class>`: stable and readable, which the boot script's
 * copy of the groups tab needs. Two stylesheets with the same file name would share names, so
 * that is an error here rather than a silent clash.
 */
function stableClassName(): (local: string, filename: string) => string {
  const fileOf = new Map<string, string>();
  return (local, filename) => {
    const path = filename.replace(/\?.*$/, '');
    const stem = basename(path).replace(/\.module\.css$/, '');
    const other = fileOf.get(stem) ?? path;
    if (other !== path) throw new Error(`CSS modules ${other} and ${path} share the file name ${stem}: class names would clash`);
    fileOf.set(stem, path);
    return `${stem}_${local}`;
  };
}

// One config for the app build, the dev server (with the simulator or a proxy to a real
// Waldur mounted on the same origin) and the unit/component tests.
export default defineConfig(({ command, mode }) => ({
  plugins: [react(), simDevPlugin(), bootScript(), sourcemapsOutsideDist(), preloadLandingRoutes()],
  resolve: {
    // react-router's package exports only its development build (extra checks and console
    // warnings, 47 KB gzip); the production build sits beside it.
    alias:
      command === 'build' && mode === 'production'
        ? [{ find: /^react-router$/, replacement: resolve(import.meta.dirname, 'node_modules/react-router/dist/production/index.mjs') }]
        : [],
  },
  css: {
    modules: {
      // Readable, stable class names (`group-row_name`), the same in every build and in dev:
      // index.html's first-paint copy of the groups page (src/boot/groups-frame.ts) uses them.
      generateScopedName: stableClassName(),
    },
  },
  build: {
    // Every browser the build targets supports <link rel="modulepreload">.
    modulePreload: { polyfill: false },
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // The boot script imports the Sync status tab's drawing code by the module's exports.
      input: { index: APP_HTML, 'sync-frame': resolve(import.meta.dirname, BOOT_SYNC_ENTRY) },
      preserveEntrySignatures: 'exports-only',
      output: { codeSplitting: { groups: firstScreenChunks() } },
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
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
    ],
  },
}));
