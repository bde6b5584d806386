import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { checked, notMeasured } from '../figure.ts';
import { TABS, screenshotOnFailure } from '../page.ts';
import { summarize } from '../stats.ts';
import type { Bench, Figure } from '../types.ts';
import { routeIsPlaceholder } from './warm-tabs.ts';

const LATENCY_MS = 20;
const HEAP_LIMIT_MB = 150;
const MB = 1024 * 1024;

type Run = {
  seconds: number;
  rows: number;
  expectedRows: number;
  progressShown: boolean;
  progressValues: number;
  heapBaselineMb: number;
  heapPeakMb: number;
  samples: number;
  pass: boolean;
  why: string;
};

async function countLines(path: string): Promise<number> {
  let lines = 0;
  const reader = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of reader) if (line.length > 0) lines += 1;
  return lines;
}

/**
 * Members tab, "Export CSV" of every membership of the large offering (100,000 in the full run)
 * with every API answer 20 ms late. The JS heap (CDP Runtime.getHeapUsage, after a forced GC
 * for the baseline) is sampled every 100 ms from the click to the download; the progress bar
 * ("Export progress") must show and move; the file must hold every row.
 */
export async function membersExportFigures(bench: Bench): Promise<Figure[]> {
  const expectedRows = bench.sizes.memberships;
  const base = {
    id: 'members-export',
    title: `Members CSV export of ${expectedRows.toLocaleString('en')} rows (sim latency ${LATENCY_MS} ms)`,
    target: `progress bar; finishes; JS heap < ${HEAP_LIMIT_MB} MB`,
  };
  const tab = TABS.find((t) => t.path === 'members');
  if (!tab || (await routeIsPlaceholder(bench, tab))) return [notMeasured({ ...base, reason: 'page not built yet' })];

  const runs: Run[] = [];
  const file = join(bench.root, 'bench', '.tmp', 'export.csv');
  const context = await bench.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  try {
    for (let i = 0; i < bench.runs; i++) {
      const { page, close } = await bench.newPage({ context });
      try {
        await bench.setFaults({});
        await page.goto(`${bench.server.url}/offerings/${bench.offeringUuid}/${tab.path}`, { waitUntil: 'domcontentloaded' });
        await page.locator(tab.content).first().waitFor({ state: 'visible', timeout: 60_000 });
        await bench.setFaults({ latencyMs: LATENCY_MS });

        const cdp = await context.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        const heap = async () => (await cdp.send('Runtime.getHeapUsage')).usedSize;
        const baseline = await heap();
        let peak = baseline;
        let samples = 0;
        let sampling = true;
        const sampler = (async () => {
          while (sampling) {
            peak = Math.max(peak, await heap().catch(() => 0));
            samples += 1;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        })();

        const progress = page.getByRole('progressbar', { name: 'Export progress' });
        const seen = new Set<string>();
        let watching = true;
        const watcher = (async () => {
          while (watching) {
            const value = await progress.getAttribute('aria-valuenow', { timeout: 200 }).catch(() => null);
            if (value !== null) seen.add(value);
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        })();

        const started = performance.now();
        const download = page.waitForEvent('download', { timeout: 240_000 });
        await page.getByRole('button', { name: 'Export CSV' }).click();
        const done = await download.catch(async (error: unknown) => {
          throw new Error(`no download (${String(error)}); screenshot ${await screenshotOnFailure(bench, page, 'export')}`);
        });
        await done.saveAs(file);
        const seconds = (performance.now() - started) / 1000;
        sampling = false;
        watching = false;
        await Promise.all([sampler, watcher]);
        await bench.setFaults({});
        await cdp.detach();

        const rows = (await countLines(file)) - 1;
        const heapPeakMb = peak / MB;
        const progressShown = seen.size > 0;
        let why = '';
        if (!progressShown) why = 'no progress bar was seen';
        else if (rows !== expectedRows) why = `the file has ${rows} rows`;
        else if (heapPeakMb >= HEAP_LIMIT_MB) why = `the heap reached ${heapPeakMb.toFixed(0)} MB`;
        runs.push({
          seconds,
          rows,
          expectedRows,
          progressShown,
          progressValues: seen.size,
          heapBaselineMb: baseline / MB,
          heapPeakMb,
          samples,
          pass: why === '',
          why,
        });
      } finally {
        await close();
        await rm(file, { force: true });
      }
    }
  } finally {
    await bench.setFaults({});
    await context.close();
  }
  const heapPeak = summarize(runs.map((r) => r.heapPeakMb));
  const time = summarize(runs.map((r) => r.seconds));
  const first = runs[0];
  return [
    {
      ...checked({
        ...base,
        passes: runs.map((r) => r.pass),
        result: `heap peak ${heapPeak.median.toFixed(0)} MB (min ${heapPeak.min.toFixed(0)}, max ${heapPeak.max.toFixed(0)}), ${time.median.toFixed(1)} s`,
        note:
          `Finished in ${time.median.toFixed(1)} s (min ${time.min.toFixed(1)}, max ${time.max.toFixed(1)}) with ${first?.rows.toLocaleString('en')} rows in the file; ` +
          `the progress bar showed ${first?.progressValues ?? 0} distinct values; heap before the click ${first?.heapBaselineMb.toFixed(0)} MB (after a GC), ${first?.samples ?? 0} samples.`,
        missedBecause: runs
          .filter((r) => !r.pass)
          .map((r) => r.why)
          .join('; '),
        details: { runs },
      }),
      value: heapPeak,
      unit: 'MB',
    },
  ];
}
