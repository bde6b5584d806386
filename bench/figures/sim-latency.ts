import { LARGE } from '../../sim/src/seed/large.ts';
import { fmtMs, measured } from '../figure.ts';
import { percentile } from '../stats.ts';
import type { Bench, Figure } from '../types.ts';

const PER_KIND = 20;

/**
 * Simulator latency on filtered lists of the large offering, over HTTP from Node to the same
 * app server the browser uses (keep-alive; the client's time to read the body included). Each
 * run sends PER_KIND requests of every kind, interleaved; the run's figure is their p95.
 */
export async function simLatencyFigures(bench: Bench): Promise<Figure[]> {
  const off = bench.offeringUuid;
  const role = LARGE.roles[2]?.uuid ?? '';
  const token = await bench.token();
  const firstMember = await fetch(`${bench.server.url}/api/offering-keycloak-memberships/?offering_uuid=${off}&page_size=1&state=active`, {
    headers: { Authorization: `Token ${token}` },
  }).then((r) => r.json() as Promise<{ username: string }[]>);
  const username = firstMember[0]?.username ?? 'nobody';
  const resource = await fetch(`${bench.server.url}/api/marketplace-provider-resources/?offering_uuid=${off}&page_size=1`, {
    headers: { Authorization: `Token ${token}` },
  }).then((r) => r.json() as Promise<{ uuid: string }[]>);
  const kinds: Record<string, string> = {
    'groups by role': `/api/offering-keycloak-groups/?offering_uuid=${off}&role_uuid=${role}&page=1&page_size=10`,
    'groups by resource, page 2 of 20': `/api/offering-keycloak-groups/?offering_uuid=${off}&resource_uuid=${resource[0]?.uuid ?? ''}&page=2&page_size=20`,
    'memberships pending': `/api/offering-keycloak-memberships/?offering_uuid=${off}&state=pending&page=1&page_size=10`,
    'memberships by username': `/api/offering-keycloak-memberships/?offering_uuid=${off}&username=${encodeURIComponent(username)}`,
    'memberships by role, last page of 300': `/api/offering-keycloak-memberships/?offering_uuid=${off}&role_uuid=${role}&page=last&page_size=300`,
  };
  const timings = new Map<string, number[]>(Object.keys(kinds).map((k) => [k, []]));
  const runP95: number[] = [];
  // One warm-up round, not counted.
  for (let run = -1; run < bench.runs; run++) {
    const times: number[] = [];
    for (let i = 0; i < PER_KIND; i++) {
      for (const [kind, path] of Object.entries(kinds)) {
        const started = performance.now();
        const response = await fetch(bench.server.url + path, { headers: { Authorization: `Token ${token}` } });
        await response.arrayBuffer();
        const ms = performance.now() - started;
        if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
        if (run >= 0) {
          times.push(ms);
          timings.get(kind)?.push(ms);
        }
      }
    }
    if (run >= 0) runP95.push(percentile(times, 95));
  }
  const perKind = [...timings.entries()].map(([kind, values]) => ({ kind, p50: percentile(values, 50), p95: percentile(values, 95) }));
  const worst = perKind.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  return [
    measured({
      id: 'sim-filtered-list-p95',
      title: 'Simulator, filtered list at the large seed, p95',
      target: '<= 50 ms',
      values: runP95.map((v) => Math.round(v * 10) / 10),
      limit: 50,
      unit: 'ms',
      format: fmtMs,
      note: `${PER_KIND * Object.keys(kinds).length} requests a run over HTTP: ${perKind.map((k) => `${k.kind} p95 ${fmtMs(k.p95)}`).join(', ')}.`,
      missedBecause: `the slowest kind is "${worst.kind}" (p95 ${fmtMs(worst.p95)}).`,
      details: { perKind, kinds },
    }),
  ];
}
