import { fmtKb, measured } from '../figure.ts';
import type { Bench, Figure } from '../types.ts';

/** Sizes of the build output, gzip level 9 as the app server sends it. Deterministic: one build. */
export async function bundleFigures(bench: Bench): Promise<Figure[]> {
  // A language's catalog (src/locales/<xx>/messages.po) loads only when that language is chosen:
  // "all JS" is what a visit in one language can load, the largest catalog counted once.
  const catalogs = new Set(bench.build.chunks.filter((c) => c.modules.some((m) => /src\/locales\//.test(m.id))).map((c) => c.file));
  const catalogSizes = bench.build.files.filter((f) => catalogs.has(f.file)).map((f) => f.gzip);
  const largestCatalog = Math.max(0, ...catalogSizes);
  const js = bench.build.files.filter((f) => f.file.endsWith('.js') && !catalogs.has(f.file));
  const css = bench.build.files.filter((f) => f.file.endsWith('.css'));
  const jsGzip = js.reduce((n, f) => n + f.gzip, 0) + largestCatalog;
  const cssGzip = css.reduce((n, f) => n + f.gzip, 0);
  const entry = bench.build.chunks.find((c) => c.isEntry);
  return [
    measured({
      id: 'js-total',
      title: 'All JS of the app, gzip',
      target: '<= 350 KB',
      values: [jsGzip],
      limit: 350 * 1024,
      unit: 'bytes',
      format: fmtKb,
      note: `${js.length} JS files and the largest of ${catalogSizes.length} language catalogs (${fmtKb(largestCatalog)}; English needs none), ${fmtKb(js.reduce((n, f) => n + f.bytes, 0))} before gzip; the entry chunk is ${fmtKb(entry?.gzip ?? 0)}. A size, not a timing: one build. Peers: Waldur's UI 5.6 MB, Keycloak's admin console 0.95 MB.`,
      missedBecause: `shares by package over all chunks (from each module's gzip size alone): ${packageTotals(bench)}; see the bundle section.`,
    }),
    measured({
      id: 'css-total',
      title: 'CSS, gzip',
      target: '<= 40 KB',
      values: [cssGzip],
      limit: 40 * 1024,
      unit: 'bytes',
      format: fmtKb,
      note: `${css.length} CSS file(s), ${fmtKb(css.reduce((n, f) => n + f.bytes, 0))} before gzip.`,
      missedBecause: "Mantine's full stylesheets (@mantine/core/styles.css) are imported whole.",
    }),
  ];
}

/** The packages with the largest share of gzip bytes over every chunk: "@mantine/core 35%, …". */
function packageTotals(bench: Bench): string {
  const totals = new Map<string, number>();
  for (const chunk of bench.build.chunks) {
    for (const m of chunk.modules) {
      const pkg = m.id.startsWith('src/')
        ? 'app (src/)'
        : m.id.startsWith('@')
          ? m.id.split('/').slice(0, 2).join('/')
          : (m.id.split('/')[0] ?? m.id);
      totals.set(pkg, (totals.get(pkg) ?? 0) + m.gzip);
    }
  }
  const sum = [...totals.values()].reduce((a, b) => a + b, 0);
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([pkg, bytes]) => `${pkg} ${Math.round((bytes / sum) * 100)}%`)
    .join(', ');
}
