import { DEFAULT_CONCURRENCY, QUEUED_AHEAD } from '../../src/features/member-drift/walk-limits.ts';
import { answerTimeMs, BROWSER_CONNECTIONS, floorSentence } from '../answer-time.ts';
import { fmtMs, measured, notMeasured } from '../figure.ts';
import { screenshotOnFailure, TABS, type BenchWindow } from '../page.ts';
import { describeProfile, startProfile, stopProfile, type ProfileSummary } from '../profile.ts';
import { summarize } from '../stats.ts';
import type { Bench, Figure, LargeSizes } from '../types.ts';
import { routeIsPlaceholder } from './warm-tabs.ts';

const LATENCY_MS = 50;
const LINKED = 200;
const MB = 2 ** 20;
/** The check's status line (a live region) in the "Members check" section. */
const STATUS = 'section[aria-label="Members check"] [aria-live="polite"]';

/**
 * The large offering with exactly LINKED linked groups: the seed makes every 50th group orphaned
 * and the next one unlinked, so 210 groups hold 200 linked ones (the 5 orphaned are deleted
 * before measuring, so that the check reads the 200 and nothing else).
 */
const SIZES: LargeSizes = { localGroups: 210, remoteGroups: 2 + LINKED + 40, memberships: 5 * 210, remoteUsers: 2_000, resources: 50 };

async function call<T>(bench: Bench, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${bench.server.url}${path}`, {
    method,
    headers: {
      ...(path.startsWith('/api/') ? { Authorization: `Token ${await bench.token()}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Resets the simulator to the small offering and removes its orphaned groups; returns the linked groups' Keycloak ids. */
async function seedLinkedGroups(bench: Bench): Promise<string[]> {
  await call(bench, 'POST', '/__sim/reset', { seed: 'large', large: SIZES });
  const offering = bench.offeringUuid;
  const groups = await call<{ uuid: string; backend_id: string }[]>(
    bench,
    'GET',
    `/api/offering-keycloak-groups/?offering_uuid=${offering}&page_size=300`,
  );
  const remote = new Set(
    (await call<{ id: string }[]>(bench, 'GET', `/api/offering-keycloak-groups/remote_groups/?offering_uuid=${offering}`)).map((g) => g.id),
  );
  for (const group of groups) {
    if (group.backend_id && !remote.has(group.backend_id)) await call(bench, 'DELETE', `/api/offering-keycloak-groups/${group.uuid}/`);
  }
  return groups.flatMap((group) => (group.backend_id && remote.has(group.backend_id) ? [group.backend_id] : []));
}

type Run = { ms: number; heapBaselineMb: number; heapPeakMb: number; requests: number; maxInFlight: number };

/** One check of every linked group, from the click to the frame after "Checked: N of N". */
async function checkOnce(bench: Bench, linked: number, profile = false): Promise<Run & { profile: ProfileSummary | null }> {
  const { page, context, close } = await bench.newPage();
  try {
    await bench.setFaults({});
    await page.goto(`${bench.server.url}/offerings/${bench.offeringUuid}/sync`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('button', { name: 'Check all members', exact: true }).waitFor({ state: 'visible', timeout: 60_000 });
    await bench.setFaults({ latencyMs: LATENCY_MS });

    let inFlight = 0;
    let maxInFlight = 0;
    let requests = 0;
    page.on('request', (request) => {
      if (!request.url().includes('/api/')) return;
      requests += 1;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
    });
    const settle = (request: { url: () => string }) => {
      if (request.url().includes('/api/')) inFlight -= 1;
    };
    page.on('requestfinished', settle);
    page.on('requestfailed', settle);

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = async () => (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const baseline = await heap();
    let peak = baseline;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await heap().catch(() => 0));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const profiler = profile ? await startProfile(page) : null;
    const text = `Checked: ${linked} of ${linked} linked groups read`;
    const hit = await page
      .evaluate(
        ([selector, wanted]) => (window as unknown as BenchWindow).__bench.clickButton('Check all members', selector, wanted, 120_000),
        [STATUS, text] as const,
      )
      .catch(async (error: unknown) => {
        throw new Error(
          `members-check: "${text}" not shown (${String(error)}); screenshot ${await screenshotOnFailure(bench, page, 'members-check')}`,
        );
      });
    const summary = profiler ? await stopProfile(profiler, bench.maps) : null;
    sampling = false;
    await sampler;
    await cdp.detach();
    return { ms: hit.paint, heapBaselineMb: baseline / MB, heapPeakMb: peak / MB, requests, maxInFlight, profile: summary };
  } finally {
    await bench.setFaults({});
    await close();
  }
}

/**
 * Sync status tab, "Check all members" of 200 linked groups with every API answer 50 ms late:
 * wall time from the click to the frame after the status line says all were read, and the JS
 * heap (CDP Runtime.getHeapUsage, baseline after a forced GC, sampled every 100 ms). Target:
 * within 1.3x of the ideal, 200 x 50 ms / the check's concurrency. Each run starts in a new
 * browser context, so no earlier result is in localStorage.
 */
export async function membersCheckFigures(bench: Bench): Promise<Figure[]> {
  const ideal = (LINKED * LATENCY_MS) / DEFAULT_CONCURRENCY;
  const limit = 1.3 * ideal;
  const base = {
    id: 'members-check',
    title: `Members check of ${LINKED} linked groups (sim latency ${LATENCY_MS} ms, concurrency ${DEFAULT_CONCURRENCY})`,
    target: `<= ${fmtMs(limit)} (1.3 x ${LINKED} x ${LATENCY_MS} ms / ${DEFAULT_CONCURRENCY})`,
  };
  const tab = TABS.find((t) => t.path === 'sync');
  if (!tab || (await routeIsPlaceholder(bench, tab))) return [notMeasured({ ...base, reason: 'page not built yet' })];

  try {
    const linkedIds = await seedLinkedGroups(bench);
    const linked = linkedIds.length;
    await checkOnce(bench, linked); // warm-up, not counted
    const runs: Run[] = [];
    for (let i = 0; i < bench.runs; i++) {
      const { profile: _, ...run } = await checkOnce(bench, linked);
      runs.push(run);
    }
    const ms = summarize(runs.map((r) => r.ms));
    const heapPeak = summarize(runs.map((r) => r.heapPeakMb));
    const profiled = ms.median > limit ? (await checkOnce(bench, linked, true)).profile : null;
    // The Keycloak side's reads from Node: what the simulator's answers cost beyond the latency.
    await bench.setFaults({ latencyMs: LATENCY_MS });
    const answerMs = await answerTimeMs(
      bench.server.url,
      await bench.token(),
      linkedIds.map(
        (id) =>
          `/api/offering-keycloak-groups/remote_group_members/?offering_uuid=${bench.offeringUuid}&group_id=${encodeURIComponent(id)}`,
      ),
    ).finally(() => bench.setFaults({}));
    const first = runs[0];
    return [
      measured({
        ...base,
        values: runs.map((r) => r.ms),
        limit,
        unit: 'ms',
        format: fmtMs,
        note:
          `${linked} linked groups, each read on both sides: Keycloak's remote_group_members a group, Waldur's memberships a group or, when that takes fewer requests, ` +
          `for the whole offering at once (src/features/member-drift/offering-memberships.ts), plus the group list and the remote groups; ` +
          `${DEFAULT_CONCURRENCY + QUEUED_AHEAD} groups in flight (${QUEUED_AHEAD} queued ahead of the connections). ` +
          `JS heap peak ${heapPeak.median.toFixed(1)} MB (min ${heapPeak.min.toFixed(1)}, max ${heapPeak.max.toFixed(1)}; baseline ${first?.heapBaselineMb.toFixed(1) ?? '?'} MB). ` +
          `${first?.requests ?? '?'} API requests a check, at most ${Math.max(...runs.map((r) => r.maxInFlight))} in flight at once (requested; ` +
          `Chromium opens at most ${BROWSER_CONNECTIONS} connections to one host over HTTP/1.1, which the simulator's server speaks, so ` +
          `${first?.requests ?? '?'} x ${LATENCY_MS} ms / ${BROWSER_CONNECTIONS} = ${fmtMs(((first?.requests ?? 0) * LATENCY_MS) / BROWSER_CONNECTIONS)} is the network floor here: ` +
          `the target counts one read a group). ${floorSentence(first?.requests ?? 0, LATENCY_MS, answerMs)}`,
        missedBecause: profiled ? `profile of an extra check: ${describeProfile(profiled)}` : 'see the note.',
        details: { runs, ideal, limit, profile: profiled, answerMs },
      }),
    ];
  } finally {
    await bench.resetSim();
  }
}
