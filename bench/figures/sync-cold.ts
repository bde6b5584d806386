import { fmtMs, measured, notMeasured } from '../figure.ts';
import { pageResources, pathOf, screenshotOnFailure, TABS, waitWatched } from '../page.ts';
import { describeProfile, startProfile, stopProfile, type ProfileSummary } from '../profile.ts';
import { summarize } from '../stats.ts';
import type { Bench, Figure } from '../types.ts';
import { coldLoad } from './cold-load.ts';
import { makeDrift } from './sync-status.ts';
import { routeIsPlaceholder } from './warm-tabs.ts';

const FIRST_LINE = '[role="list"] [role="listitem"]';

type Run = { ms: number; statusAnswered: number; lastScript: number };

/** One cold load (new context: empty cache) of the Sync status tab, to its first line. */
async function coldSync(bench: Bench, profile = false): Promise<Run & { profile: ProfileSummary | null }> {
  const { page, close } = await bench.newPage({ watch: { line: FIRST_LINE } });
  try {
    const cdp = profile ? await startProfile(page) : null;
    await page.goto(`${bench.server.url}/offerings/${bench.offeringUuid}/sync`, { waitUntil: 'domcontentloaded' });
    const hit = await waitWatched(page, 'line', 240_000).catch(async (error: unknown) => {
      throw new Error(`sync-cold: no line (${String(error)}); screenshot ${await screenshotOnFailure(bench, page, 'sync-cold')}`);
    });
    const summary = cdp ? await stopProfile(cdp, bench.maps) : null;
    const resources = await pageResources(page);
    const status = resources.filter((r) => pathOf(r.name).endsWith('/sync_status/')).map((r) => r.responseEnd);
    const scripts = resources.filter((r) => pathOf(r.name).endsWith('.js') && r.responseEnd <= hit.dom).map((r) => r.responseEnd);
    return {
      ms: hit.paint,
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
    target: '<= 3x',
  };
  const tab = TABS.find((t) => t.path === 'sync');
  if (!tab || (await routeIsPlaceholder(bench, tab))) return [notMeasured({ ...base, reason: 'page not built yet' })];

  await bench.resetSim();
  const counts = await makeDrift(bench, perSection);
  const floorPath = `/bench/floor.html?offering=${bench.offeringUuid}`;
  await coldSync(bench);
  await coldLoad(bench, floorPath, 'sync-cold-floor-warmup');
  const app: Run[] = [];
  const floor: number[] = [];
  for (let i = 0; i < bench.runs; i++) {
    app.push(await coldSync(bench));
    floor.push((await coldLoad(bench, floorPath, 'sync-cold-floor')).ms);
  }
  const ratios = app.map((run, i) => run.ms / (floor[i] ?? NaN));
  const appMs = summarize(app.map((r) => r.ms));
  const floorMs = summarize(floor);
  const statusMs = summarize(app.map((r) => r.statusAnswered));
  const ratio = summarize(ratios).median;
  const profiled = ratio > 3 ? (await coldSync(bench, true)).profile : null;
  return [
    measured({
      ...base,
      values: ratios,
      limit: 3,
      unit: 'x',
      format: (n) => `${n.toFixed(2)}x`,
      note: `sync_status lines: synced ${counts.synced}, only in Waldur ${counts.local}, only in Keycloak ${counts.remote}. App ${fmtMs(appMs.median)} (min ${fmtMs(appMs.min)}, max ${fmtMs(appMs.max)}), floor ${fmtMs(floorMs.median)} (min ${fmtMs(floorMs.min)}, max ${fmtMs(floorMs.max)}), from navigation start to the frame after the first line (the floor: its first groups row); sync_status answered at ${fmtMs(statusMs.median)} (median), the last script before the line at ${fmtMs(summarize(app.map((r) => r.lastScript)).median)}.`,
      missedBecause: profiled ? `profile of an extra cold load: ${describeProfile(profiled)}` : 'see the timeline above.',
      details: { app, floor, appMs, floorMs, profile: profiled },
    }),
  ];
}
