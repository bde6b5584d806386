import { fmtMs, measured, notMeasured } from '../figure.ts';
import { clickUntilUsable, pageResources, pathOf, pointOf, screenshotOnFailure, TABS, waitWatched, type Point } from '../page.ts';
import { describeProfile, startProfile, stopProfile, type ProfileSummary } from '../profile.ts';
import { summarize } from '../stats.ts';
import type { Bench, Figure } from '../types.ts';
import { coldLoad } from './cold-load.ts';
import { makeDrift } from './sync-status.ts';
import { routeIsPlaceholder } from './warm-tabs.ts';

const FIRST_LINE = '[role="list"][aria-label="Synced groups"] [role="listitem"]';
/** The first line's action: on a synced line, "Pull members". */
const FIRST_ACTION = `${FIRST_LINE} button[aria-label^="Pull members"]`;

type Run = {
  point: Point;
  ms: number;
  shown: number;
  inDom: number;
  dead: number;
  statusAnswered: number;
  lastScript: number;
  groupsAnswered: number;
  /** When the pull was sent: after the click, once the line knew its Waldur group. */
  pulled: number;
};

/**
 * One cold load (new context: empty cache) of the Sync status tab until its first line is
 * usable: its action button clicked again and again from the moment the line is shown until a
 * click sends the pull.
 */
async function coldSync(bench: Bench, at?: Point, profile = false): Promise<Run & { profile: ProfileSummary | null }> {
  const { page, close } = await bench.newPage({ watch: { line: FIRST_LINE } });
  try {
    const cdp = profile ? await startProfile(page) : null;
    await page.goto(`${bench.server.url}/offerings/${bench.offeringUuid}/sync`, { waitUntil: 'domcontentloaded' });
    const point = at ?? (await pointOf(page, FIRST_ACTION));
    const usable = await clickUntilUsable(page, point, 'pulled', 240_000).catch(async (error: unknown) => {
      throw new Error(`sync-cold: no usable line (${String(error)}); screenshot ${await screenshotOnFailure(bench, page, 'sync-cold')}`);
    });
    const hit = await waitWatched(page, 'line', 240_000);
    const summary = cdp ? await stopProfile(cdp, bench.maps) : null;
    const resources = await pageResources(page);
    const status = resources.filter((r) => pathOf(r.name).endsWith('/sync_status/')).map((r) => r.responseEnd);
    const groups = resources
      .filter((r) => pathOf(r.name) === '/api/offering-keycloak-groups/' && r.responseEnd <= usable.responded)
      .map((r) => r.responseEnd);
    const scripts = resources.filter((r) => pathOf(r.name).endsWith('.js') && r.responseEnd <= usable.at).map((r) => r.responseEnd);
    return {
      point,
      ms: usable.at,
      shown: hit.paint,
      inDom: hit.dom,
      dead: usable.dead,
      groupsAnswered: Math.round(Math.max(0, ...groups)),
      pulled: Math.round(usable.responded),
      statusAnswered: Math.round(Math.min(...status)),
      lastScript: Math.round(Math.max(0, ...scripts)),
      profile: summary,
    };
  } finally {
    await close();
  }
}

/**
 * Cold load of the Sync status tab with 10,000 lines in each of its three sections (30,000 in
 * the full run), from navigation start to the frame after its first line, against the floor
 * page on the same server; app and floor alternate run by run after an uncounted warm-up each.
 */
export async function syncColdFigures(bench: Bench): Promise<Figure[]> {
  const perSection = Math.round(10_000 * (bench.smoke ? 0.1 : 1));
  const base = {
    id: 'sync-cold-ratio',
    title: `Cold load of Sync status (${(3 * perSection).toLocaleString('en')} lines) to its first line, ratio to the floor page`,
    target: '<= 5x',
  };
  const gapBase = {
    id: 'sync-shown-to-usable',
    title: 'Sync status tab, from the first line shown to that line usable',
    target: '<= 50 ms',
  };
  const tab = TABS.find((t) => t.path === 'sync');
  if (!tab || (await routeIsPlaceholder(bench, tab)))
    return [notMeasured({ ...base, reason: 'page not built yet' }), notMeasured({ ...gapBase, reason: 'page not built yet' })];

  await bench.resetSim();
  const counts = await makeDrift(bench, perSection);
  const floorPath = `/bench/floor.html?offering=${bench.offeringUuid}`;
  const appPoint = (await coldSync(bench)).point;
  const floorPoint = (await coldLoad(bench, floorPath, 'sync-cold-floor-warmup')).point;
  const app: Run[] = [];
  const floor: number[] = [];
  for (let i = 0; i < bench.runs; i++) {
    app.push(await coldSync(bench, appPoint));
    floor.push((await coldLoad(bench, floorPath, 'sync-cold-floor', { point: floorPoint })).ms);
  }
  const ratios = app.map((run, i) => run.ms / (floor[i] ?? NaN));
  const appMs = summarize(app.map((r) => r.ms));
  const floorMs = summarize(floor);
  const statusMs = summarize(app.map((r) => r.statusAnswered));
  const ratio = summarize(ratios).median;
  const profiled = ratio > 5 ? (await coldSync(bench, appPoint, true)).profile : null;
  const gaps = app.map((run) => run.ms - run.inDom);
  return [
    measured({
      ...base,
      values: ratios,
      limit: 5,
      unit: 'x',
      format: (n) => `${n.toFixed(2)}x`,
      note: `sync_status lines: synced ${counts.synced}, only in Waldur ${counts.local}, only in Keycloak ${counts.remote}. App ${fmtMs(appMs.median)} (min ${fmtMs(appMs.min)}, max ${fmtMs(appMs.max)}), floor ${fmtMs(floorMs.median)} (min ${fmtMs(floorMs.min)}, max ${fmtMs(floorMs.max)}), from navigation start to the first click on the first synced line's "Pull members" that sent the pull (the floor: the first click on its first group's name that opened it); the line was shown at ${fmtMs(summarize(app.map((r) => r.shown)).median)}; a click before the line knows its Waldur group waits for it, and the pull went out at ${fmtMs(summarize(app.map((r) => r.pulled)).median)}; sync_status answered at ${fmtMs(statusMs.median)} (median), the last page of local groups before the pull at ${fmtMs(summarize(app.map((r) => r.groupsAnswered)).median)}, the last script at ${fmtMs(summarize(app.map((r) => r.lastScript)).median)}.`,
      missedBecause: profiled ? `profile of an extra cold load: ${describeProfile(profiled)}` : 'see the timeline above.',
      details: { app, floor, appMs, floorMs, profile: profiled },
    }),
    measured({
      ...gapBase,
      values: gaps,
      limit: 50,
      unit: 'ms',
      format: fmtMs,
      note: `From the first synced line in the DOM to the dispatch of the first click on its "Pull members" that sent the pull. A line shows from the sync status alone; its Waldur group is known once every local group has been read (no filter finds it sooner), and a click made before that is taken at once (the button shows it is busy) and carried out then: the pull went out at ${fmtMs(summarize(app.map((r) => r.pulled)).median)} (median), ${fmtMs(summarize(app.map((r) => r.pulled - r.ms)).median)} after the click. Clicks dispatched before it that did nothing: ${app.reduce((n, r) => n + r.dead, 0)} in ${app.length} loads.`,
      missedBecause: `the line was shown at ${fmtMs(summarize(app.map((r) => r.shown)).median)} (median) and its button took a click only later: the main thread was busy (see the cold-load figure's profile).`,
      details: { gaps },
    }),
  ];
}
