// The `large` seed: parameterised, deterministic, fast to build and to query.
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../src/simulator.ts';
import { LARGE } from '../src/seed/large.ts';
import { makeClient } from './harness.ts';

const OMEGA = LARGE.offering.uuid;

describe('large seed', () => {
  it('builds the requested sizes, deterministically', async () => {
    const opts = { seed: 'large' as const, large: { localGroups: 2_000, remoteGroups: 3_000, memberships: 10_000, remoteUsers: 5_000 } };
    const a = createSimulator(opts);
    const b = createSimulator(opts);
    const api = makeClient(a);
    const groups = await api.get(`/api/offering-keycloak-groups/?offering_uuid=${OMEGA}`);
    expect(groups.headers.get('x-result-count')).toBe('2000');
    const members = await api.get(`/api/offering-keycloak-memberships/?offering_uuid=${OMEGA}&page=7&page_size=300`);
    expect(members.headers.get('x-result-count')).toBe('10000');
    const other = await makeClient(b).get(`/api/offering-keycloak-memberships/?offering_uuid=${OMEGA}&page=7&page_size=300`);
    expect(other.body).toEqual(members.body);
    expect(a.store.realms.get('omega')?.groups.size).toBe(3_000);
    expect(a.store.realms.get('omega')?.users.size).toBe(5_000);
    const remote = await api.get(`/api/offering-keycloak-groups/remote_groups/?offering_uuid=${OMEGA}`);
    expect(remote.list().length).toBeGreaterThan(2_000);
    const sync = (await api.get(`/api/offering-keycloak-groups/sync_status/?offering_uuid=${OMEGA}`)).obj();
    expect((sync.synced as unknown[]).length).toBeGreaterThan(1_800);
    // Thousands of groups through the REST-level paging: slow on a busy two-core machine.
  }, 30_000);

  it('default size (20k groups, 30k remote groups, 100k memberships, 50k users) builds and lists (its speed is measured by the benchmark)', async () => {
    const sim = createSimulator({ seed: 'large' });
    expect(sim.store.groups.size).toBeGreaterThanOrEqual(20_000);
    expect(sim.store.memberships.size).toBeGreaterThanOrEqual(100_000);
    expect(sim.store.realms.get('omega')?.groups.size).toBe(30_000);
    expect(sim.store.realms.get('omega')?.users.size).toBe(50_000);
    const api = makeClient(sim);
    const r = await api.get(`/api/offering-keycloak-memberships/?offering_uuid=${OMEGA}&state=active&page=20&page_size=50`);
    expect(r.status).toBe(200);
    const g = await api.get(`/api/offering-keycloak-groups/?offering_uuid=${OMEGA}&role_uuid=${LARGE.roles[1]?.uuid ?? ''}&page=3`);
    expect(g.headers.get('x-result-count')).toBe(String(Math.ceil((20_000 - 1) / 6)));
  }, 60_000);
});
