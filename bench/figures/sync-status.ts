import { checked, fmtMs, measured, notMeasured } from '../figure.ts';
import { pageResources, pathOf, screenshotOnFailure, waitWatched, type BenchWindow } from '../page.ts';
import { describeProfile, startProfile, stopProfile, type ProfileSummary } from '../profile.ts';
import type { Bench, Figure } from '../types.ts';
import { summarize } from '../stats.ts';

const median = (values: number[]): number => summarize(values).median;
import { routeIsPlaceholder } from './warm-tabs.ts';
import { TABS } from '../page.ts';

const LISTS = { synced: 'Synced groups', local: 'Only in Waldur groups', remote: 'Only in Keycloak groups' } as const;
const item = (label: string) => `[role="list"][aria-label="${label}"] [role="listitem"]`;
/** Pixels scrolled a frame: more than a screenful of rows, so every frame renders new rows. */
const SCROLL_STEP = 6000;

type SyncStatus = { local_only: string[]; remote_only: string[]; synced: unknown[] };

async function apiGet<T>(bench: Bench, path: string): Promise<T> {
  const response = await fetch(bench.server.url + path, { headers: { Authorization: `Token ${await bench.token()}` } });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Makes sync_status hold the same number of lines in each section: the seed has `linked`
 * local groups pointing at remote groups, ~800 (per 20,000) local-only ones and `remoteGroups`
 * sized for 10,000 (x scale) remote-only ones; deleting the remote groups of some linked local
 * groups (behind Waldur's back, through the simulator's control API) moves them to local_only.
 */
export async function makeDrift(bench: Bench, perSection: number): Promise<{ local: number; remote: number; synced: number }> {
  const uuid = bench.offeringUuid;
  const before = await apiGet<SyncStatus>(bench, `/api/offering-keycloak-groups/sync_status/?offering_uuid=${uuid}`);
  const excess = before.synced.length - perSection;
  if (excess > 0) {
    const remote = await apiGet<{ id: string; name: string }[]>(
      bench,
      `/api/offering-keycloak-groups/remote_groups/?offering_uuid=${uuid}`,
    );
    const linked = remote.filter((g) => /^omega_\d+_/.test(g.name)).slice(0, excess);
    const remove = async (group: { id: string }) => {
      const url = `${bench.server.url}/__sim/remote/groups/${encodeURIComponent(group.id)}?offering_uuid=${uuid}`;
      const response = await fetch(url, { method: 'DELETE' });
      if (response.status !== 204) throw new Error(`Deleting remote group ${group.id}: HTTP ${response.status}`);
    };
    // Sixteen at a time over HTTP (the server runs in a process of its own).
    for (let at = 0; at < linked.length; at += 16) await Promise.all(linked.slice(at, at + 16).map(remove));
  }
  const after = await apiGet<SyncStatus>(bench, `/api/offering-keycloak-groups/sync_status/?offering_uuid=${uuid}`);
  return { local: after.local_only.length, remote: after.remote_only.length, synced: after.synced.length };
}

type Run = {
  statusToFirstLines: number;
  dataReceived: number;
  rendered: number;
  renderMs: number;
  codeAfterData: boolean;
  rowsAfterRender: number;
  maxRowsScrolling: number;
  domElements: number;
  /** Long tasks while scrolling: how many, and the five longest (ms). */
  longTasks: number;
  longestTasks: number[];
  longestTaskMs: number;
  reachedEnd: boolean;
  scroll: { label: string; frames: number; maxRows: number; setSize: number; lastShown: number; ms: number; longestFrame: number }[];
  apiRequests: number;
};

/**
 * The sync status tab with ~10,000 lines in each section. Each run opens a new page in one
 * browser context (code from the HTTP cache, data fetched again), times the moment the last
 * API answer the tab needs arrived (Resource Timing responseEnd of sync_status, every groups
 * page and remote_groups) to the frame after all three sections show rows, counts DOM rows,
 * then scrolls each section to its end while long tasks are recorded.
 */
export async function syncStatusFigures(bench: Bench): Promise<Figure[]> {
  const perSection = Math.round(10_000 * (bench.smoke ? 0.1 : 1));
  const titles = {
    render: `Sync status, ${perSection.toLocaleString('en')} lines a section: data received to rendered`,
    rows: `Sync status, ${perSection.toLocaleString('en')} lines a section: DOM rows`,
    scroll: `Sync status, ${perSection.toLocaleString('en')} lines a section: scroll to the end, longest task`,
  };
  const tab = TABS.find((t) => t.path === 'sync');
  if (!tab || (await routeIsPlaceholder(bench, tab))) {
    return [
      notMeasured({ id: 'sync-render', title: titles.render, target: '<= 200 ms', reason: 'page not built yet' }),
      notMeasured({ id: 'sync-dom-rows', title: titles.rows, target: '<= 300 rows', reason: 'page not built yet' }),
      notMeasured({ id: 'sync-scroll', title: titles.scroll, target: 'no long task > 50 ms', reason: 'page not built yet' }),
    ];
  }

  await bench.resetSim();
  const counts = await makeDrift(bench, perSection);
  bench.log(`  sync_status lines: synced ${counts.synced}, only in Waldur ${counts.local}, only in Keycloak ${counts.remote}`);

  const context = await bench.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const url = `${bench.server.url}/offerings/${bench.offeringUuid}/sync`;
  // First lines (sync_status alone), then the lines joined with the local and remote group lists
  // (their details show): "Waldur: <role> · resource …", "<facts> · not linked", "<path> · id …".
  const watch = {
    synced: item(LISTS.synced),
    local: item(LISTS.local),
    remote: item(LISTS.remote),
    syncedJoined: { selector: item(LISTS.synced), text: 'Waldur:' },
    localJoined: { selector: item(LISTS.local), text: ' · ' },
    remoteJoined: { selector: item(LISTS.remote), text: '· id' },
  };
  const runs: Run[] = [];
  let loadProfile: ProfileSummary | null = null;
  let scrollProfile: ProfileSummary | null = null;
  try {
    for (let i = 0; i <= bench.runs; i++) {
      const { page, close } = await bench.newPage({ watch, context });
      try {
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        const names = ['synced', 'local', 'remote', 'syncedJoined', 'localJoined', 'remoteJoined'];
        const hits = await Promise.all(names.map((name) => waitWatched(page, name, 240_000))).catch(async (error: unknown) => {
          throw new Error(`sync status did not render (${String(error)}); screenshot ${await screenshotOnFailure(bench, page, 'sync')}`);
        });
        if (i === 0) continue; // warm-up: loads the code into the HTTP cache
        const firstLines = Math.max(...hits.slice(0, 3).map((h) => h.paint));
        const rendered = Math.max(...hits.slice(3).map((h) => h.paint));
        const resources = await pageResources(page);
        const api = resources.filter((r) => pathOf(r.name).startsWith('/api/offering-keycloak-groups/') && r.responseEnd <= rendered);
        const dataReceived = Math.max(...api.map((r) => r.responseEnd));
        const statusReceived = Math.max(...api.filter((r) => pathOf(r.name).endsWith('/sync_status/')).map((r) => r.responseEnd));
        const lastScript = Math.max(
          0,
          ...resources.filter((r) => pathOf(r.name).endsWith('.js') && r.responseEnd <= rendered).map((r) => r.responseEnd),
        );
        const rowsAfterRender = await page.evaluate(() => document.querySelectorAll('[role="list"] [role="listitem"]').length);
        const domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
        const scroll: (Awaited<ReturnType<BenchWindow['__bench']['scrollList']>> & { ms: number })[] = [];
        for (const label of Object.values(LISTS)) {
          const s = await page.evaluate(([l, step]) => (window as unknown as BenchWindow).__bench.scrollList(l, step), [
            label,
            SCROLL_STEP,
          ] as const);
          scroll.push({ ...s, ms: s.end - s.start });
        }
        const allTasks = await page.evaluate(() => (window as unknown as BenchWindow).__bench.longTasks);
        const longTasks = allTasks.filter((t) => scroll.some((s) => t.start >= s.start && t.start <= s.end));
        runs.push({
          statusToFirstLines: firstLines - statusReceived,
          dataReceived,
          rendered,
          renderMs: rendered - dataReceived,
          codeAfterData: lastScript > dataReceived,
          rowsAfterRender,
          maxRowsScrolling: Math.max(...scroll.map((s) => s.maxRows)) * 1,
          domElements,
          longTasks: longTasks.length,
          longestTasks: longTasks
            .map((t) => Math.round(t.duration))
            .sort((a, b) => b - a)
            .slice(0, 5),
          longestTaskMs: Math.max(0, ...longTasks.map((t) => t.duration)),
          reachedEnd: scroll.every((s) => s.lastShown === s.setSize && s.setSize > 0),
          scroll: scroll.map(({ label, frames, maxRows, setSize, lastShown, ms, longestFrame }) => ({
            label,
            frames,
            maxRows,
            setSize,
            lastShown,
            ms: Math.round(ms),
            longestFrame: Math.round(longestFrame),
          })),
          apiRequests: api.length,
        });
      } finally {
        await close();
      }
    }
    // One more load, under the profiler, for each target missed (not counted).
    const renderMissed = median(runs.map((r) => r.renderMs)) > 200;
    const scrollMissed = runs.some((r) => r.longTasks > 0);
    if (renderMissed || scrollMissed) {
      const { page, close } = await bench.newPage({ watch, context });
      try {
        await page.goto(url, { waitUntil: 'commit' });
        const cdp = renderMissed ? await startProfile(page) : null;
        await Promise.all(['syncedJoined', 'localJoined', 'remoteJoined'].map((name) => waitWatched(page, name, 240_000)));
        if (cdp) loadProfile = await stopProfile(cdp, bench.maps);
        if (scrollMissed) {
          const scrollCdp = await startProfile(page);
          await page.evaluate(([l, step]) => (window as unknown as BenchWindow).__bench.scrollList(l, step), [
            LISTS.synced,
            SCROLL_STEP,
          ] as const);
          scrollProfile = await stopProfile(scrollCdp, bench.maps);
        }
      } finally {
        await close();
      }
    }
  } finally {
    await context.close();
  }

  const first = runs[0];
  const maxRows = Math.max(...runs.map((r) => Math.max(r.rowsAfterRender, r.maxRowsScrolling)));
  const counted = `sync_status answered ${counts.synced.toLocaleString('en')} synced, ${counts.local.toLocaleString('en')} only-in-Waldur and ${counts.remote.toLocaleString('en')} only-in-Keycloak lines`;
  return [
    measured({
      id: 'sync-render',
      title: titles.render,
      target: '<= 200 ms',
      values: runs.map((r) => r.renderMs),
      limit: 200,
      unit: 'ms',
      format: fmtMs,
      note:
        `${counted}; the tab joins them with every local group (${first?.apiRequests ?? 0} API answers) and the remote groups. ` +
        `From the last of those answers to the frame after all three sections show joined lines (their Waldur/Keycloak details). ` +
        `The lines show first from sync_status alone: ${fmtMs(median(runs.map((r) => r.statusToFirstLines)))} from its answer (median).` +
        (runs.some((r) => r.codeAfterData) ? ' In some runs a script arrived after the data, so code loading is included.' : ''),
      missedBecause: `the work after the last answer (joining the lists, rendering the sections) takes that long on this machine. ${loadProfile ? describeProfile(loadProfile).replace('an extra run', 'an extra load (from navigation to the joined lines, fetching included)') : ''}`,
      details: { counts, runs, loadProfile },
    }),
    measured({
      id: 'sync-dom-rows',
      title: titles.rows,
      target: '<= 300 rows',
      values: runs.map((r) => Math.max(r.rowsAfterRender, r.maxRowsScrolling)),
      limit: 300,
      unit: 'rows',
      format: (n) => `${Math.round(n)} rows`,
      note: `Line rows in the DOM of the three sections together, after the first render and at most while scrolling (largest: ${maxRows}); whole document ${first?.domElements.toLocaleString('en') ?? '?'} elements.`,
      missedBecause: 'a section renders more rows than fit its scroll box.',
    }),
    checked({
      id: 'sync-scroll',
      title: titles.scroll,
      target: 'no long task > 50 ms',
      passes: runs.map((r) => r.longTasks === 0 && r.reachedEnd),
      result: `${Math.round(Math.max(...runs.map((r) => r.longestTaskMs)))} ms longest, ${runs.reduce((n, r) => n + r.longTasks, 0)} long tasks in ${runs.length} run${runs.length === 1 ? '' : 's'}`,
      note: `Each section scrolled to its end ${SCROLL_STEP} px a frame (every frame shows new rows) in ${first?.scroll.map((s) => `${s.frames} frames`).join(', ') ?? '?'}; long tasks from a PerformanceObserver. Last line reached in every section: ${runs.every((r) => r.reachedEnd) ? 'yes' : 'no'}.`,
      missedBecause: runs.every((r) => r.reachedEnd)
        ? `rendering a screenful of new rows took longer than 50 ms in some frames (longest frame ${Math.round(Math.max(...runs.flatMap((r) => r.scroll.map((x) => x.longestFrame))))} ms). ${scrollProfile ? describeProfile(scrollProfile).replace('an extra run', 'scrolling the Synced section once more') : ''}`
        : 'the last line of a section was not reached.',
      details: { scrollProfile },
    }),
  ];
}
