import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fmtMs, measured, notMeasured } from '../figure.ts';
import { GROUP_ROW, TABS, trackRequests, waitWatched, type BenchWindow, type Tab } from '../page.ts';
import { summarize } from '../stats.ts';
import { describeProfile, startProfile, stopProfile, type ProfileSummary } from '../profile.ts';
import type { Bench, Figure } from '../types.ts';

/** True when the route file still renders the "being built" placeholder. */
export async function routeIsPlaceholder(bench: Bench, tab: Tab): Promise<boolean> {
  const source = await readFile(join(bench.root, 'src', 'app', 'routes', tab.route), 'utf8');
  return source.includes('This page is being built.');
}

/**
 * Warm navigation between the offering tabs: one page, every tab visited once first (code
 * loaded, data cached), then each run clicks through the tabs in a cycle and times each click
 * to the tab's content (first row, or the search box of Remote users).
 */
export async function warmTabsFigures(bench: Bench): Promise<Figure[]> {
  const base = { id: 'warm-tab-navigation', title: 'Warm navigation between offering tabs (data cached), to content', target: '<= 100 ms' };
  const tabs: Tab[] = [];
  const skipped: string[] = [];
  for (const tab of TABS) {
    if (await routeIsPlaceholder(bench, tab)) skipped.push(tab.name);
    else tabs.push(tab);
  }
  if (tabs.length < 2) return [notMeasured({ ...base, reason: 'the tab pages are not built yet' })];

  const { page, close } = await bench.newPage({ watch: { row: GROUP_ROW } });
  const requests = trackRequests(page);
  try {
    await page.goto(`${bench.server.url}/offerings/${bench.offeringUuid}/groups`, { waitUntil: 'domcontentloaded' });
    await waitWatched(page, 'row');
    // Warm-up: visit every tab once (loads its code and data; the sync tab fetches every group).
    const order = [...tabs.slice(1), tabs[0] as Tab];
    for (const tab of order) {
      await page.evaluate(([name, selector]) => (window as unknown as BenchWindow).__bench.clickTab(name, selector, 120_000), [
        tab.name,
        tab.content,
      ] as const);
      await requests.idle();
    }
    const perTab = new Map<string, number[]>();
    const all: number[] = [];
    for (let run = 0; run < bench.runs; run++) {
      for (const tab of order) {
        const t = await page.evaluate(([name, selector]) => (window as unknown as BenchWindow).__bench.clickTab(name, selector, 30_000), [
          tab.name,
          tab.content,
        ] as const);
        perTab.set(tab.name, [...(perTab.get(tab.name) ?? []), t.paint]);
        all.push(t.paint);
        // Let background refetches (stale data shown from the cache is fetched again) finish
        // before the next click, so a click is timed on its own.
        await requests.idle();
      }
    }
    const medians = [...perTab.entries()].map(([name, values]) => ({ name, ...summarize(values) }));
    const worst = medians.reduce((a, b) => (b.median > a.median ? b : a));
    let profile: ProfileSummary | null = null;
    if (worst.median > 100) {
      // One more click on the slowest tab, under the profiler (not counted).
      const other = order.find((tab) => tab.name !== worst.name) as Tab;
      const target = order.find((tab) => tab.name === worst.name) as Tab;
      await page.evaluate(([name, selector]) => (window as unknown as BenchWindow).__bench.clickTab(name, selector, 30_000), [
        other.name,
        other.content,
      ] as const);
      await requests.idle();
      const cdp = await startProfile(page);
      await page.evaluate(([name, selector]) => (window as unknown as BenchWindow).__bench.clickTab(name, selector, 30_000), [
        target.name,
        target.content,
      ] as const);
      profile = await stopProfile(cdp, bench.maps);
    }
    const perRunWorst = Array.from({ length: bench.runs }, (_, run) => Math.max(...order.map((tab) => perTab.get(tab.name)?.[run] ?? 0)));
    return [
      measured({
        ...base,
        values: perRunWorst,
        limit: 100,
        unit: 'ms',
        format: fmtMs,
        note:
          `Each run clicks through ${order.map((t) => t.name).join(' → ')}, waiting for the network to be idle between clicks; the figure is the slowest tab of each run, click to the frame after its content shows. ` +
          `Per tab (median): ${medians.map((m) => `${m.name} ${fmtMs(m.median)}`).join(', ')}.` +
          (skipped.length ? ` Not measured (page not built yet): ${skipped.join(', ')}.` : ''),
        missedBecause: `the slowest tab is ${worst.name} (${fmtMs(worst.median)}). ${profile ? describeProfile(profile) : ''}`,
        details: { perTab: Object.fromEntries(perTab), all, skipped, profile },
      }),
    ];
  } finally {
    await close();
  }
}
