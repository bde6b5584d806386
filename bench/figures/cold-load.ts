import { fmtKb, fmtMs, measured } from '../figure.ts';
import {
  clickUntilUsable,
  emulateSlowLink,
  GROUP_ROW,
  pageResources,
  routeIndex,
  pathOf,
  screenshotOnFailure,
  waitWatched,
  pointOf,
  type Point,
  type Resource,
  type Usable,
} from '../page.ts';
import { describeProfile, startProfile, stopProfile, type ProfileSummary } from '../profile.ts';
import { summarize } from '../stats.ts';
import type { Bench, Figure } from '../types.ts';

type Run = {
  point: Point;
  profile: ProfileSummary | null;
  /** The frame after the first row was in the DOM (ms from navigation start). */
  shown: number;
  /** When it was in the DOM: a click may reach it before the frame that shows it. */
  inDom: number;
  /** The first click on its name that opened the group. */
  usable: Usable;
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

/** The first groups row's name: a button in the app and in the floor page. */
export const FIRST_NAME = `${GROUP_ROW} button`;

export type LoadOptions = {
  /** Where the first group's name is (from a warm-up load); the warm-up itself waits for it. */
  point?: Point;
  /** On Chromium's emulated slow link (SLOW_LINK in page.ts). */
  slow?: boolean;
  /** Under the CPU profiler (an extra, uncounted load for a missed figure). */
  profile?: boolean;
  /**
   * For the A/B of the early requests: index.html is served through the benchmark (both arms,
   * so that both pay the same), and with `withoutEarly` without the boot script's tag.
   */
  ab?: { withoutEarly: boolean };
};

/**
 * One cold load (new context: empty cache) of `path` until its first groups row is usable: the
 * name of the first group clicked again and again from the moment it is shown until a click
 * opens the group.
 */
export async function coldLoad(bench: Bench, path: string, name: string, options: LoadOptions = {}): Promise<Run> {
  const { page, close } = await bench.newPage({ watch: { row: GROUP_ROW } });
  try {
    if (options.slow) await emulateSlowLink(page);
    const cdp = options.profile ? await startProfile(page) : null;
    if (options.ab) await routeIndex(page, options.ab.withoutEarly);
    await page.goto(bench.server.url + path, { waitUntil: 'commit' });
    const point = options.point ?? (await pointOf(page, FIRST_NAME));
    const usable = await clickUntilUsable(page, point, 'opened').catch(async (error: unknown) => {
      throw new Error(`${name}: no usable groups row (${String(error)}); screenshot ${await screenshotOnFailure(bench, page, name)}`);
    });
    const row = await waitWatched(page, 'row');
    const profile = cdp ? await stopProfile(cdp, bench.maps) : null;
    const resources = await pageResources(page);
    const js = before(resources, usable.at, '.js');
    const css = before(resources, usable.at, '.css');
    const apiResources = resources.filter(
      (r) => r.responseEnd <= usable.at && (pathOf(r.name).startsWith('/api') || pathOf(r.name) === '/config.json'),
    );
    const apiStarts = apiResources.map((r) => Math.round(r.start));
    const apiCalls = resources
      .filter((r) => r.responseEnd <= usable.at && (pathOf(r.name).startsWith('/api') || pathOf(r.name) === '/config.json'))
      .sort((a, b) => a.start - b.start)
      .map(
        (r) =>
          `${pathOf(r.name).replace(bench.offeringUuid, '<uuid>')}${shortQuery(r.name, bench.offeringUuid)} ${Math.round(r.start)}→${Math.round(r.responseEnd)}`,
      );
    const scripts = resources
      .filter((r) => pathOf(r.name).endsWith('.js') && r.responseEnd <= usable.at)
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
      const hits = resources.filter((r) => pred(r) && r.responseEnd <= usable.at).map((r) => r.responseEnd);
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
      'last script before the row was usable': last((r) => pathOf(r.name).endsWith('.js')),
      'row in the DOM': Math.round(row.dom),
      'row shown': Math.round(row.paint),
      'first click that opened the group': Math.round(usable.at),
    };
    return {
      point,
      profile,
      shown: row.paint,
      inDom: row.dom,
      usable,
      apiStarts,
      timeline,
      ms: usable.at,
      jsBytes: js.bytes,
      jsFiles: js.files,
      cssBytes: css.bytes,
      apiCalls,
      scripts,
    };
  } finally {
    await close();
  }
}

type Load = (point?: Point) => Promise<Run>;

/**
 * Runs `app` and `floor` alternately, after an uncounted warm-up of each, which finds where
 * the row to click is: the counted loads click there from their start.
 */
async function alternate(bench: Bench, label: string, app: Load, floor: Load, count = bench.runs) {
  bench.log(`  ${label}`);
  const appPoint = (await app()).point;
  const floorPoint = (await floor()).point;
  const runs = { app: [] as Run[], floor: [] as Run[] };
  for (let i = 0; i < count; i++) {
    runs.app.push(await app(appPoint));
    runs.floor.push(await floor(floorPoint));
  }
  return { ...runs, appPoint };
}

const ratioOf = (app: Run[], floor: Run[]) => app.map((run, i) => run.ms / (floor[i]?.ms ?? NaN));
const spread = (values: number[]) => {
  const s = summarize(values);
  return `${fmtMs(s.median)} (min ${fmtMs(s.min)}, max ${fmtMs(s.max)})`;
};

/**
 * Cold loads of /offerings/<large offering>/groups until its first row is usable (a click on the
 * first group's name opens the group), against the floor page (one fetch of the same first page,
 * a hand-written table whose names are buttons) on the same server, on the machine's loopback
 * and on an emulated slow link; and the A/B of the boot script's early requests.
 */
export async function coldLoadFigures(bench: Bench): Promise<Figure[]> {
  const appPath = `/offerings/${bench.offeringUuid}/groups`;
  const floorPath = `/bench/floor.html?offering=${bench.offeringUuid}`;
  const fast = await alternate(
    bench,
    'loopback',
    (point) => coldLoad(bench, appPath, 'cold-app', { point }),
    (point) => coldLoad(bench, floorPath, 'cold-floor', { point }),
  );
  const slow = await alternate(
    bench,
    'slow link',
    (point) => coldLoad(bench, appPath, 'cold-app-slow', { slow: true, point }),
    (point) => coldLoad(bench, floorPath, 'cold-floor-slow', { slow: true, point }),
  );
  // The A/B: "app" with the early requests, "floor" the same build with them taken out.
  const ab = await alternate(
    bench,
    'early requests A/B',
    (point) => coldLoad(bench, appPath, 'cold-app-early', { ab: { withoutEarly: false }, point }),
    (point) => coldLoad(bench, appPath, 'cold-app-no-early', { ab: { withoutEarly: true }, point }),
    // Twice the pairs: the difference is smaller than a figure's spread on a busy machine.
    2 * bench.runs,
  );
  const ratio = summarize(ratioOf(fast.app, fast.floor)).median;
  const slowRatio = summarize(ratioOf(slow.app, slow.floor)).median;
  const profiled =
    ratio > 2.5 ? (await coldLoad(bench, appPath, 'cold-app-profile', { profile: true, point: fast.appPoint })).profile : null;
  const slowProfiled =
    slowRatio > 2.5
      ? (await coldLoad(bench, appPath, 'cold-app-slow-profile', { slow: true, profile: true, point: fast.appPoint })).profile
      : null;
  const first = fast.app[0];
  const gaps = (runs: Run[]) => runs.map((run) => run.usable.at - run.inDom);
  const dead = (runs: Run[]) => runs.reduce((n, run) => n + run.usable.dead, 0);
  const ratioNote = (app: Run[], floor: Run[]) =>
    `App ${spread(app.map((r) => r.ms))}, floor ${spread(floor.map((r) => r.ms))}, from navigation start to the first click on the first group's name that opened it (clicked again and again at its place from the start of the load; the floor's names are buttons in plain DOM); the row was shown at ${spread(app.map((r) => r.shown))} in the app, ${spread(floor.map((r) => r.shown))} in the floor.`;
  return [
    measured({
      id: 'js-before-first-row',
      title: 'JS transferred (gzip) before the first groups row is usable, cold cache',
      target: '<= 160 KB',
      values: fast.app.map((r) => r.jsBytes),
      limit: 160 * 1024,
      unit: 'bytes',
      format: fmtKb,
      note: `Encoded bodies of the ${first?.jsFiles ?? 0} script files that finished loading before the first click that opened the group (Resource Timing): ${describeScripts(bench, first?.scripts ?? [])}; CSS before it: ${fmtKb(first?.cssBytes ?? 0)}. Peers: Waldur's current UI 318 KB initial, Keycloak's admin console 855 KB; React + Mantine + React Query + router alone 137 KB.`,
      missedBecause: `the scripts loaded before the row was usable: ${describeScripts(bench, first?.scripts ?? [])}.`,
      details: { runs: fast.app },
    }),
    measured({
      id: 'cold-load-ratio',
      title: 'Cold load to the first usable groups row, ratio to the floor page',
      target: '<= 2.5x',
      values: ratioOf(fast.app, fast.floor),
      limit: 2.5,
      unit: 'x',
      format: (n) => `${n.toFixed(2)}x`,
      note: `${ratioNote(fast.app, fast.floor)} Timeline of the first app load (ms from navigation start): ${Object.entries(
        first?.timeline ?? {},
      )
        .filter(([, v]) => !Number.isNaN(v))
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}. Requests before it (sent→answered): ${first?.apiCalls.join(', ') || 'none'}.`,
      missedBecause: `${ratioReason(first, fast.floor[0])}${profiled ? ` Profile of an extra cold load: ${describeProfile(profiled)}` : ''}`,
      details: { app: fast.app, floor: fast.floor },
    }),
    measured({
      id: 'cold-load-ratio-slow',
      title: 'The same on a slow link (150 ms RTT, 1.6 Mbit/s down), ratio to the floor page on the same link',
      target: '<= 2.5x',
      values: ratioOf(slow.app, slow.floor),
      limit: 2.5,
      unit: 'x',
      format: (n) => `${n.toFixed(2)}x`,
      note: `${ratioNote(slow.app, slow.floor)} Chromium's network emulation (CDP Network.emulateNetworkConditions: latency 150 ms, 200,000 bytes/s down, 93,750 up) for every request of the page. JS before the usable row: ${spread(slow.app.map((r) => r.jsBytes / 1024)).replaceAll(' ms', ' KB')}.`,
      missedBecause: `each script costs its transfer at 200 KB/s and each request a 150 ms round trip: ${describeScripts(bench, slow.app[0]?.scripts ?? [])}; last script before the usable row at ${slow.app[0]?.timeline['last script before the row was usable'] ?? NaN} ms, groups list answered at ${slow.app[0]?.timeline['groups list answered'] ?? NaN} ms.${slowProfiled ? ` Profile of an extra cold load: ${describeProfile(slowProfiled)}` : ''}`,
      details: { app: slow.app, floor: slow.floor },
    }),
    measured({
      id: 'groups-shown-to-usable',
      title: 'Groups tab, from the first row shown to that row usable',
      target: '<= 50 ms',
      values: gaps(fast.app),
      limit: 50,
      unit: 'ms',
      format: fmtMs,
      note: `From the first row in the DOM (a click can reach it before the frame that shows it) to the dispatch of the first click on its name that opened the group; clicks are issued one after another at the name's place from the start of the load (each waits for the page to take it: a few ms apart), so the figure includes up to one click's interval. Slow link: ${spread(gaps(slow.app))}; the floor page: ${spread(gaps(fast.floor))}. Clicks that did nothing before the one that worked: ${dead(fast.app)} in ${fast.app.length} loads (slow link ${dead(slow.app)}).`,
      details: { fast: gaps(fast.app), slow: gaps(slow.app), floor: gaps(fast.floor) },
    }),
    measured({
      id: 'early-requests-ab',
      title: "The boot script's early API requests, A/B: first usable groups row with them, ratio to without",
      target: '< 1.00x (kept only if they pay)',
      values: ratioOf(ab.app, ab.floor),
      limit: 0.999,
      unit: 'x',
      format: (n) => `${n.toFixed(2)}x`,
      note: `The same build, alternately: index.html as built (A) and without its boot script's tag (B: the app reads /config.json and sends every request itself; index.html's preload of /config.json stays). Both served through the benchmark's request routing, which adds to every request of both. With: ${spread(ab.app.map((r) => r.ms))}; without: ${spread(ab.floor.map((r) => r.ms))}; groups list requested at ${spread(ab.app.map((r) => r.timeline['groups list requested'] ?? NaN))} with and ${spread(ab.floor.map((r) => r.timeline['groups list requested'] ?? NaN))} without.`,
      missedBecause: 'the early requests do not pay: take them out of index.html (vite.config.ts, earlyRequests).',
      details: { with: ab.app, without: ab.floor },
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
  const usable = t['first click that opened the group'] ?? NaN;
  const ready = Math.max(t['entry script'] ?? NaN, t['groups list answered'] ?? NaN);
  const waitsFor = (t['groups list answered'] ?? NaN) > (t['entry script'] ?? NaN) ? 'the groups answer' : 'the entry script';
  return (
    `the floor's row is usable at ${Math.round(floor?.ms ?? NaN)} ms. The app's first load, phase by phase: ` +
    `HTML ${t['HTML']} ms → entry script loaded ${span('HTML', 'entry script')} ms; /config.json requested ${t['/config.json requested']} ms and answered ${t['/config.json answered']} ms; ` +
    `groups list requested ${t['groups list requested']} ms, answered ${t['groups list answered']} ms; ` +
    `the later of the entry script and the groups answer (${waitsFor}, ${Math.round(ready)} ms) → row shown ${Math.round((t['row shown'] ?? NaN) - ready)} ms ` +
    `(the app's code running: the entry chunk's evaluation, the router and its loaders, the landing chunk, and the first render; the last script arrives at ${t['last script before the row was usable']} ms) → usable ${Math.round(usable - (t['row shown'] ?? NaN))} ms; ` +
    `${sentAfter(app, t['groups list answered'] ?? NaN)} requests go out after the groups answer, ${app.apiCalls.length} to /config.json and the API before the usable row.`
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
