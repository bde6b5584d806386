import { GRANT_READS_AT_ONCE } from '../../src/features/offering-access/read-limits.ts';
import { LARGE81 } from '../../sim/src/seed/demo-8-1.ts';
import { answerTimeMs, BROWSER_CONNECTIONS, floorSentence } from '../answer-time.ts';
import { fmtMs, measured } from '../figure.ts';
import { routeIndex, screenshotOnFailure, waitWatched } from '../page.ts';
import { describeProfile, startProfile, stopProfile, type ProfileSummary } from '../profile.ts';
import { summarize } from '../stats.ts';
import type { Bench, Figure } from '../types.ts';

const LATENCY_MS = 50;
const LIMIT_MS = 2_500;
/** The Access tab's status line once every resource's grants (with their sync states) are read. */
const DONE = {
  selector: '[role="status"]',
  text: `${LARGE81.grants.toLocaleString('en')} grants on ${LARGE81.resources.toLocaleString('en')} resources`,
};

async function control(bench: Bench, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${bench.server.url}/__sim/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`/__sim/${path}: HTTP ${response.status} ${await response.text()}`);
}

type Run = { ms: number; requests: number; maxInFlight: number; apiRequests: Record<string, number> };

/** Where a request goes, without its ids: `/api/marketplace-resources/{uuid}/team_members/`. */
function endpointOf(url: string): string {
  return new URL(url).pathname.replace(/[0-9a-f]{32}|[0-9a-f-]{36}/g, '{uuid}');
}

/**
 * One cold load (new context) of the Access tab, from navigation start to the frame after "2,000
 * grants on 200 resources"; with `ab`, index.html goes through the benchmark, with or without the
 * boot script (the A/B of its early requests).
 */
async function loadOnce(
  bench: Bench,
  token: string,
  { profile = false, ab }: { profile?: boolean; ab?: { withoutEarly: boolean } } = {},
): Promise<Run & { profile: ProfileSummary | null }> {
  const { page, close } = await bench.newPage({ watch: { done: DONE } });
  try {
    if (ab) await routeIndex(page, ab.withoutEarly);
    // The bench signs in as staff on the 8.0 seed; this run uses the 8.1 seed's staff token.
    await page.addInitScript((value) => window.sessionStorage.setItem('waldur-kc.token', value), token);
    let inFlight = 0;
    let maxInFlight = 0;
    const apiRequests: Record<string, number> = {};
    page.on('request', (request) => {
      if (!request.url().includes('/api/')) return;
      const endpoint = `${request.method()} ${endpointOf(request.url())}`;
      apiRequests[endpoint] = (apiRequests[endpoint] ?? 0) + 1;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
    });
    const settle = (request: { url: () => string }) => {
      if (request.url().includes('/api/')) inFlight -= 1;
    };
    page.on('requestfinished', settle);
    page.on('requestfailed', settle);
    const cdp = profile ? await startProfile(page) : null;
    await page.goto(`${bench.server.url}/offerings/${LARGE81.offering.uuid}/access`, { waitUntil: 'domcontentloaded' });
    const hit = await waitWatched(page, 'done', 120_000).catch(async (error: unknown) => {
      throw new Error(
        `access-tab: "${DONE.text}" not shown (${String(error)}); screenshot ${await screenshotOnFailure(bench, page, 'access-tab')}`,
      );
    });
    const summary = cdp ? await stopProfile(cdp, bench.maps) : null;
    const requests = Object.values(apiRequests).reduce((sum, n) => sum + n, 0);
    return { ms: hit.paint, requests, maxInFlight, apiRequests, profile: summary };
  } finally {
    await close();
  }
}

/**
 * Waldur 8.1 seed, Access tab of an offering with 200 resources and 2,000 grants, every API
 * answer 50 ms late: a cold load from navigation start to the frame after the status line says
 * every grant of every resource is read, sync states included. Target: <= 2.5 s. Requests counted.
 */
export async function accessTabFigures(bench: Bench): Promise<Figure[]> {
  const base = {
    id: 'access-tab',
    title: `Access tab (Waldur 8.1) of ${LARGE81.resources} resources and ${LARGE81.grants.toLocaleString('en')} grants with sync states, cold, sim latency ${LATENCY_MS} ms`,
    target: `<= ${fmtMs(LIMIT_MS)}`,
  };
  try {
    await control(bench, 'reset', { waldur: '8.1', seed: 'large' });
    const signIn = await fetch(`${bench.server.url}/api-auth/password/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'staff', password: 'staff' }),
    });
    const { token } = (await signIn.json()) as { token: string };
    await control(bench, 'faults', { latencyMs: LATENCY_MS });
    await loadOnce(bench, token); // warm-up, not counted
    const runs: Run[] = [];
    for (let i = 0; i < bench.runs; i++) {
      const { profile: _, ...run } = await loadOnce(bench, token);
      runs.push(run);
    }
    const ms = summarize(runs.map((r) => r.ms));
    const profiled = ms.median > LIMIT_MS ? (await loadOnce(bench, token, { profile: true })).profile : null;
    // The boot script's early requests on this tab, A/B: the same build alternately with and
    // without its tag, both through the benchmark's routing of index.html.
    const withEarly: number[] = [];
    const withoutEarly: number[] = [];
    for (let i = 0; i < bench.runs; i++) {
      withEarly.push((await loadOnce(bench, token, { ab: { withoutEarly: false } })).ms);
      withoutEarly.push((await loadOnce(bench, token, { ab: { withoutEarly: true } })).ms);
    }
    // The same reads from Node: what the simulator's answers cost beyond the latency.
    const resources = (await (
      await fetch(`${bench.server.url}/api/marketplace-provider-resources/?offering_uuid=${LARGE81.offering.uuid}&page_size=300`, {
        headers: { Authorization: `Token ${token}` },
      })
    ).json()) as { uuid: string }[];
    const answerMs = await answerTimeMs(
      bench.server.url,
      token,
      resources.map((resource) => `/api/marketplace-resources/${resource.uuid}/team_members/?page=1&page_size=300`),
    );
    const abWith = summarize(withEarly);
    const abWithout = summarize(withoutEarly);
    const first = runs[0];
    const floor = ((first?.requests ?? 0) * LATENCY_MS) / BROWSER_CONNECTIONS;
    return [
      measured({
        ...base,
        values: runs.map((r) => r.ms),
        limit: LIMIT_MS,
        unit: 'ms',
        format: fmtMs,
        note:
          `${first?.requests ?? '?'} API requests a load (${Object.entries(first?.apiRequests ?? {})
            .sort((a, b) => b[1] - a[1])
            .map(([endpoint, n]) => `${n} x ${endpoint}`)
            .join(
              '; ',
            )}), at most ${Math.max(...runs.map((r) => r.maxInFlight))} in flight (the app caps grant reads at ${GRANT_READS_AT_ONCE}; ` +
          `Chromium opens ${BROWSER_CONNECTIONS} connections to one host over HTTP/1.1, so ${first?.requests ?? '?'} x ${LATENCY_MS} ms / ${BROWSER_CONNECTIONS} = ${fmtMs(floor)} is the network floor). ` +
          `${floorSentence(first?.requests ?? 0, LATENCY_MS, answerMs)} ` +
          'Staff reads each resource’s team_members: one list per resource holds its grants and those of its resource projects with their sync states.',
        missedBecause: profiled ? `profile of an extra load: ${describeProfile(profiled)}` : 'see the note.',
        details: { runs, profile: profiled, answerMs },
      }),
      measured({
        id: 'access-early-ab',
        title: "The boot script's early API requests on the Access tab (Waldur 8.1), A/B: all grants read with them, ratio to without",
        target: '< 1.00x (kept only if they pay)',
        values: withEarly.map((value, i) => value / (withoutEarly[i] ?? NaN)),
        limit: 0.999,
        unit: 'x',
        format: (n) => `${n.toFixed(2)}x`,
        note: `The same build and seed as above, alternately: index.html as built (the boot script sends the offering, the user and the resources, then, for staff, the first ${GRANT_READS_AT_ONCE} grant reads) and without its tag (the app sends them all itself). With: ${fmtMs(abWith.median)} (min ${fmtMs(abWith.min)}, max ${fmtMs(abWith.max)}); without: ${fmtMs(abWithout.median)} (min ${fmtMs(abWithout.min)}, max ${fmtMs(abWithout.max)}).`,
        missedBecause: 'the early requests do not pay on this tab: take the Access tab out of src/boot/landing-requests.ts.',
        details: { withEarly, withoutEarly },
      }),
    ];
  } finally {
    await bench.resetSim();
  }
}
