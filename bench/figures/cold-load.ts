import { fmtKb, fmtMs, measured } from '../figure.ts';
import { GROUP_ROW, pageResources, pathOf, screenshotOnFailure, waitWatched, type Resource } from '../page.ts';
import { summarize } from '../stats.ts';
import type { Bench, Figure } from '../types.ts';

type Run = {
  /** Start times (ms) of the requests counted in apiCalls. */
  apiStarts: number[];
  /** Milestones of this load (ms from navigation start), for the notes. */
  timeline: Record<string, number>;
  ms: number;
  jsBytes: number;
  jsFiles: number;
  cssBytes: number;
  apiCalls: string[];
  scripts: { file: string; kb: number; at: number }[];
};

function before(resources: Resource[], at: number, ext: string) {
  const hits = resources.filter((r) => pathOf(r.name).endsWith(ext) && r.responseEnd <= at);
  return { bytes: hits.reduce((n, r) => n + r.encoded, 0), files: hits.length };
}

/** One cold load (new context: empty cache) of `path`, timed to the first groups row. */
export async function coldLoad(bench: Bench, path: string, name: string): Promise<Run> {
  const { page, close } = await bench.newPage({ watch: { row: GROUP_ROW } });
  try {
    await page.goto(bench.server.url + path, { waitUntil: 'domcontentloaded' });
    const row = await waitWatched(page, 'row').catch(async (error: unknown) => {
      throw new Error(`${name}: no groups row (${String(error)}); screenshot ${await screenshotOnFailure(bench, page, name)}`);
    });
    const resources = await pageResources(page);
    const js = before(resources, row.dom, '.js');
    const css = before(resources, row.dom, '.css');
    const apiResources = resources.filter(
      (r) => r.responseEnd <= row.dom && (pathOf(r.name).startsWith('/api') || pathOf(r.name) === '/config.json'),
    );
    const apiStarts = apiResources.map((r) => Math.round(r.start));
    const apiCalls = resources
      .filter((r) => r.responseEnd <= row.dom && (pathOf(r.name).startsWith('/api') || pathOf(r.name) === '/config.json'))
      .sort((a, b) => a.start - b.start)
      .map(
        (r) =>
          `${pathOf(r.name).replace(bench.offeringUuid, '<uuid>')}${shortQuery(r.name, bench.offeringUuid)} ${Math.round(r.start)}→${Math.round(r.responseEnd)}`,
      );
    const scripts = resources
      .filter((r) => pathOf(r.name).endsWith('.js') && r.responseEnd <= row.dom)
      .map((r) => ({
        file: pathOf(r.name).replace(/^\/assets\//, ''),
        kb: Math.round(r.encoded / 102.4) / 10,
        at: Math.round(r.responseEnd),
      }))
      .sort((a, b) => b.kb - a.kb);
    const nav = (await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return entry ? { html: entry.responseEnd, domContentLoaded: entry.domContentLoadedEventEnd } : null;
    })) ?? { html: NaN, domContentLoaded: NaN };
    const first = (pred: (r: Resource) => boolean, key: 'start' | 'responseEnd') => {
      const hits = resources.filter(pred).map((r) => r[key]);
      return hits.length ? Math.round(Math.min(...hits)) : NaN;
    };
    const last = (pred: (r: Resource) => boolean) => {
      const hits = resources.filter((r) => pred(r) && r.responseEnd <= row.dom).map((r) => r.responseEnd);
      return hits.length ? Math.round(Math.max(...hits)) : NaN;
    };
    const isApi = (r: Resource) => pathOf(r.name).startsWith('/api');
    const isList = (r: Resource) => pathOf(r.name) === '/api/offering-keycloak-groups/' && new URL(r.name).searchParams.get('page') === '1';
    const timeline: Record<string, number> = {
      HTML: Math.round(nav.html),
      'boot script': first((r) => /\/assets\/boot-[^/]*\.js$/.test(pathOf(r.name)), 'responseEnd'),
      'entry script': first((r) => /\/assets\/index-[^/]*\.js$/.test(pathOf(r.name)), 'responseEnd'),
      '/config.json requested': first((r) => pathOf(r.name) === '/config.json', 'start'),
      '/config.json answered': first((r) => pathOf(r.name) === '/config.json', 'responseEnd'),
      'first API request sent': first(isApi, 'start'),
      'groups list requested': first(isList, 'start'),
      'groups list answered': first(isList, 'responseEnd'),
      'last script before the row': last((r) => pathOf(r.name).endsWith('.js')),
      'row in the DOM': Math.round(row.dom),
    };
    return { apiStarts, timeline, ms: row.paint, jsBytes: js.bytes, jsFiles: js.files, cssBytes: css.bytes, apiCalls, scripts };
  } finally {
    await close();
  }
}

/**
 * Cold load of /offerings/<large offering>/groups to its first table row, against the floor page
 * (one fetch of the same first page, a hand-written table) on the same server. App and floor
 * alternate run by run, after one warm-up of each that is not counted.
 */
export async function coldLoadFigures(bench: Bench): Promise<Figure[]> {
  const appPath = `/offerings/${bench.offeringUuid}/groups`;
  const floorPath = `/bench/floor.html?offering=${bench.offeringUuid}`;
  await coldLoad(bench, appPath, 'cold-app-warmup');
  await coldLoad(bench, floorPath, 'cold-floor-warmup');
  const app: Run[] = [];
  const floor: Run[] = [];
  for (let i = 0; i < bench.runs; i++) {
    app.push(await coldLoad(bench, appPath, 'cold-app'));
    floor.push(await coldLoad(bench, floorPath, 'cold-floor'));
  }
  const ratios = app.map((run, i) => run.ms / (floor[i]?.ms ?? NaN));
  const appMs = summarize(app.map((r) => r.ms));
  const floorMs = summarize(floor.map((r) => r.ms));
  const first = app[0];
  return [
    measured({
      id: 'js-before-first-row',
      title: 'JS transferred (gzip) before the first groups row, cold cache',
      target: '<= 160 KB',
      values: app.map((r) => r.jsBytes),
      limit: 160 * 1024,
      unit: 'bytes',
      format: fmtKb,
      note: `Encoded bodies of the ${first?.jsFiles ?? 0} script files that finished loading before the row appeared (Resource Timing); CSS before the row: ${fmtKb(first?.cssBytes ?? 0)}. Peers: Waldur's current UI 318 KB initial, Keycloak's admin console 855 KB; React + Mantine + React Query + router alone 137 KB.`,
      missedBecause: `the scripts loaded before the row: ${describeScripts(bench, first?.scripts ?? [])}.`,
      details: { runs: app },
    }),
    measured({
      id: 'cold-load-ratio',
      title: 'Cold load to first groups row, ratio to the floor page',
      target: '<= 1.5x',
      values: ratios,
      limit: 1.5,
      unit: 'x',
      format: (n) => `${n.toFixed(2)}x`,
      note: `Timeline of the first app load (ms from navigation start): ${Object.entries(first?.timeline ?? {})
        .filter(([, v]) => !Number.isNaN(v))
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ', ',
        )}; the floor's row came at ${Math.round(floor[0]?.ms ?? NaN)} ms. App ${fmtMs(appMs.median)} (min ${fmtMs(appMs.min)}, max ${fmtMs(appMs.max)}), floor ${fmtMs(floorMs.median)} (min ${fmtMs(floorMs.min)}, max ${fmtMs(floorMs.max)}), from navigation start to the frame after the first row is in the DOM. Requests before its row (ms from navigation start, sent→answered): ${first?.apiCalls.join(', ') || 'none'}.`,
      missedBecause: ratioReason(first, floor[0]),
      details: { app, floor, appMs, floorMs },
    }),
  ];
}

/** "index-….js 115 KB (react-dom 48%, react-router 23%), schemas-….js 25 KB (zod 100%), …" */
function describeScripts(bench: Bench, scripts: Run['scripts'], count = 6): string {
  return scripts
    .slice(0, count)
    .map((script) => {
      const chunk = bench.build.chunks.find((c) => c.file === `assets/${script.file}`);
      const byPackage = new Map<string, number>();
      for (const m of chunk?.modules ?? []) {
        const pkg = m.id.startsWith('src/')
          ? 'app'
          : m.id.startsWith('@')
            ? m.id.split('/').slice(0, 2).join('/')
            : (m.id.split('/')[0] ?? m.id);
        byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + m.gzip);
      }
      const sum = [...byPackage.values()].reduce((a, b) => a + b, 0);
      const top = [...byPackage.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 2)
        .map(([pkg, n]) => `${pkg} ${Math.round((n / sum) * 100)}%`)
        .join(', ');
      return `${script.file} ${script.kb} KB${top ? ` (${top})` : ''}`;
    })
    .join(', ');
}

/** Why the app is slower than the floor, read from the first load's timeline, phase by phase. */
function ratioReason(app: Run | undefined, floor: Run | undefined): string {
  if (!app) return '';
  const t = app.timeline;
  const span = (from: string, to: string) => Math.round((t[to] ?? NaN) - (t[from] ?? NaN));
  const row = t['row in the DOM'] ?? NaN;
  // The boot script (src/boot/boot.ts) asks for /config.json and the first API requests before
  // the app's code has loaded, and on the groups tab draws the rows from their answers itself.
  const entry = t['entry script'] ?? NaN;
  if (!(entry <= row)) {
    return (
      `the floor shows its row at ${Math.round(floor?.ms ?? NaN)} ms. The app's first load, phase by phase (its row drawn by the boot script, before the app's code loads): ` +
      `HTML ${t['HTML']} ms → boot script loaded ${span('HTML', 'boot script')} ms; /config.json (preloaded) requested ${t['/config.json requested']} ms and answered ${t['/config.json answered']} ms; ` +
      `boot script loaded → groups list requested ${span('boot script', 'groups list requested')} ms (the script run, /config.json read); groups list answered at ${t['groups list answered']} ms; ` +
      `groups answer → row in the DOM ${Math.round(row - (t['groups list answered'] ?? NaN))} ms (the offering's answer too, the page's first date formatter, the rows written into index.html's copy of the page); ` +
      `then the frame's style, layout and paint; the app's entry chunk ${Number.isNaN(entry) ? 'had not been asked for yet' : `arrives at ${entry} ms`}. ` +
      `${app.apiCalls.length} requests to /config.json and the API before the row.`
    );
  }
  const ready = Math.max(t['entry script'] ?? NaN, t['groups list answered'] ?? NaN);
  const waitsFor = (t['groups list answered'] ?? NaN) > (t['entry script'] ?? NaN) ? 'the groups answer' : 'the entry script';
  return (
    `the floor shows its row at ${Math.round(floor?.ms ?? NaN)} ms. The app's first load, phase by phase: ` +
    `HTML → entry script loaded ${span('HTML', 'entry script')} ms; /config.json requested ${t['/config.json requested']} ms and answered ${t['/config.json answered']} ms (the boot script); ` +
    `/config.json answered → groups list requested ${span('/config.json answered', 'groups list requested')} ms; groups list answered at ${t['groups list answered']} ms; ` +
    `the later of the entry script and the groups answer (${waitsFor}, ${Math.round(ready)} ms) → row in the DOM ${Math.round(row - ready)} ms ` +
    `(the app's code running: the entry chunk's evaluation, the router and its loaders, the landing chunk, and the first render; ${sentAfter(app, t['groups list answered'] ?? NaN)} more requests go out after the groups answer; the last script arrives at ${t['last script before the row']} ms); ` +
    `${app.apiCalls.length} requests to /config.json and the API before the row.`
  );
}

/** The query of an API call without the offering uuid, shortened: "?offering_uuid=…&page=1". */
function shortQuery(url: string, uuid: string): string {
  const params = new URL(url).searchParams;
  const parts = [...params.entries()].map(([k, v]) => `${k}=${v === uuid ? '<uuid>' : v.length > 12 ? '…' : v}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function sentAfter(run: Run, at: number): number {
  return run.apiStarts.filter((start) => start > at).length;
}
