// The simulated site agent of Waldur 8.1 mode (rancher-kc-crd, waldur-access-8.1.md 5.5 and 6):
// Keycloak groups and members per tick, and the states it reports through team_members.
import { beforeEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../src/simulator.ts';
import { AGENT_REALM, DEMO81, LARGE81, personUuid } from '../src/seed/demo-8-1.ts';
import { demoSim, makeClient } from './harness.ts';
import type { Row } from './harness.ts';

// With SIM_TEST_KEYCLOAK_URL (npm run test:keycloak) the realm is a real Keycloak's.
const sim = demoSim({ waldur: '8.1' });
const api = makeClient(sim);
// Over a real Keycloak a reset re-imports the realm the agent wrote to (seconds).
beforeEach(() => sim.reset(), 120_000);

const O = DEMO81.offerings;
const R = DEMO81.resources;
const RP = DEMO81.resourceProjects;
const K = DEMO81.roles.k8s;

interface RemoteGroup {
  id: string;
  name: string;
  path: string;
  parent_id: string | null;
  members: string[];
}

async function realmGroups(): Promise<RemoteGroup[]> {
  return (await api.get(`/__sim/remote/groups?offering_uuid=${O.k8s.uuid}`)).body as RemoteGroup[];
}

async function membersOf(path: string): Promise<string[] | undefined> {
  return (await realmGroups()).find((g) => g.path === path)?.members.sort();
}

/** The sync fields of `username`'s grant of `roleName` on the resource (or on the resource project `rp`). */
async function syncOf(resource: string, username: string, roleName: string, rp?: string): Promise<Row | undefined> {
  const rows = (await api.get(`/api/marketplace-resources/${resource}/team_members/?search_string=${username}`)).list();
  const row = rows.find((r) => r.username === username);
  if (!row) return undefined;
  const entries = (rp ? row.resource_projects : row.roles) as Row[];
  return entries.find((e) => e.role_name === roleName && (!rp || e.uuid === rp));
}

const tick = async (): Promise<Row> => (await api.post('/__sim/tick')).obj();

describe('groups in the realm', () => {
  it('the seed has applied every grant but the pending ones, with the spec names', async () => {
    const cluster = R.prod.backendId;
    const parent = `/c_${cluster}`;
    expect(await membersOf(`${parent}/c_${cluster}_cluster_cluster_admin`)).toEqual(['alice.nguyen']);
    expect(await membersOf(`${parent}/c_${cluster}_${RP.genomicsPipeline.uuid}_project_member`)).toEqual([
      'emeka.obi',
      'farah.haddad',
      'hana.sato',
    ]);
    // Not granted in Keycloak: the unmapped role has no group; yusuf.demir is not in the realm.
    const names = (await realmGroups()).map((g) => g.name);
    expect(names.some((n) => n.includes('gpu_quota_manager'))).toBe(false);
    // The pending grant is not applied yet.
    expect(await membersOf(`/c_${R.dev.backendId}/c_${R.dev.backendId}_cluster_cluster_viewer`)).toBeUndefined();
  });

  it('a new grant: null until the next tick, pending after it, synced after the next, in Keycloak', async () => {
    const wanda = personUuid('wanda');
    expect(
      (
        await api.post(`/api/marketplace-provider-resource-projects/${RP.sandbox.uuid}/add_user/`, {
          user: wanda,
          role: K.ingressManage.uuid,
        })
      ).status,
    ).toBe(201);
    const group = `/c_${R.dev.backendId}/c_${R.dev.backendId}_${RP.sandbox.uuid}_ingress_manage`;
    expect(await syncOf(R.dev.uuid, 'wanda.okafor', 'ingress_manage', RP.sandbox.uuid)).toMatchObject({ sync_state: null });

    const first = await tick();
    expect(first.agent).toMatchObject({ reports: expect.any(Number) as number });
    expect(await syncOf(R.dev.uuid, 'wanda.okafor', 'ingress_manage', RP.sandbox.uuid)).toMatchObject({
      sync_state: 'pending',
      sync_message: '',
    });
    expect(await membersOf(group)).toBeUndefined();

    await tick();
    const synced = await syncOf(R.dev.uuid, 'wanda.okafor', 'ingress_manage', RP.sandbox.uuid);
    expect(synced).toMatchObject({ sync_state: 'synced', sync_message: '' });
    expect(typeof synced?.sync_reported_at).toBe('string');
    expect(await membersOf(group)).toEqual(['wanda.okafor']);
  });

  it('the seeded pending grants are synced after one tick', async () => {
    expect(await syncOf(R.dev.uuid, 'oskar.berg', 'cluster_viewer')).toMatchObject({ sync_state: 'pending' });
    await tick();
    expect(await syncOf(R.dev.uuid, 'oskar.berg', 'cluster_viewer')).toMatchObject({ sync_state: 'synced' });
    expect(await syncOf(R.ml.uuid, 'bruno.costa', 'project_member', RP.notebooks.uuid)).toMatchObject({ sync_state: 'synced' });
    expect(await membersOf(`/c_${R.dev.backendId}/c_${R.dev.backendId}_cluster_cluster_viewer`)).toEqual(['oskar.berg']);
  });

  it('a revoked grant leaves the group at the second tick and is no longer reported', async () => {
    const group = `/c_${R.prod.backendId}/c_${R.prod.backendId}_${RP.genomicsPipeline.uuid}_project_member`;
    await api.post(`/api/marketplace-provider-resource-projects/${RP.genomicsPipeline.uuid}/delete_user/`, {
      user: personUuid('farah'),
      role: K.projectMember.uuid,
    });
    await tick();
    expect(await membersOf(group)).toContain('farah.haddad');
    await tick();
    expect(await membersOf(group)).toEqual(['emeka.obi', 'hana.sato']);
    expect(
      sim.access?.syncRows.get(R.prod.uuid)?.has(`${personUuid('farah')}|resource_project|${RP.genomicsPipeline.uuid}|project_member`),
    ).toBe(false);
  });

  it('missing_in_idp until the realm has the username; then synced at the next tick', async () => {
    expect(await syncOf(R.prod.uuid, 'yusuf.demir', 'project_member', RP.genomicsPipeline.uuid)).toMatchObject({
      sync_state: 'missing_in_idp',
      sync_message: 'User not confirmed in the identity provider; access activates after their first login',
    });
    await tick();
    expect(await syncOf(R.prod.uuid, 'yusuf.demir', 'project_member', RP.genomicsPipeline.uuid)).toMatchObject({
      sync_state: 'missing_in_idp',
    });
    const created = await api.post('/__sim/remote/users', {
      offering_uuid: O.k8s.uuid,
      username: 'yusuf.demir',
      email: 'yusuf.demir@northwind.example.edu',
    });
    expect(created.status).toBe(201);
    await tick();
    expect(await syncOf(R.prod.uuid, 'yusuf.demir', 'project_member', RP.genomicsPipeline.uuid)).toMatchObject({ sync_state: 'synced' });
    expect(await membersOf(`/c_${R.prod.backendId}/c_${R.prod.backendId}_${RP.genomicsPipeline.uuid}_project_member`)).toContain(
      'yusuf.demir',
    );
  });

  it('agentError: every grant of the resource is error at the next tick; clearing it recovers', async () => {
    expect((await api.post('/__sim/faults', { agentError: [R.ml.uuid] })).status).toBe(200);
    const report = await tick();
    expect(report.agent).toMatchObject({ errors: expect.arrayContaining([R.ml.uuid]) as string[] });
    expect(await syncOf(R.ml.uuid, 'tomas.novak', 'cluster_admin')).toMatchObject({
      sync_state: 'error',
      sync_message: 'Reconciliation failed on the provider side',
    });
    expect(await syncOf(R.prod.uuid, 'alice.nguyen', 'cluster_admin')).toMatchObject({ sync_state: 'synced' });
    const rp = (await api.get(`/api/marketplace-provider-resource-projects/${RP.alphafold.uuid}/`)).obj();
    expect(rp).toMatchObject({ state: 'Erred', error_message: 'Reconciliation failed on the provider side' });
    await api.post('/__sim/faults', {});
    await tick();
    expect(await syncOf(R.ml.uuid, 'tomas.novak', 'cluster_admin')).toMatchObject({ sync_state: 'synced' });
    expect((await api.post('/__sim/faults', { agentError: 'yes' })).status).toBe(400);
  });

  it('unmapped roles stay null; sync status off: groups written, no sync keys; restricted resources untouched', async () => {
    const archiveBefore = (await api.get(`/api/marketplace-provider-resources/${R.archive.uuid}/`)).obj().last_sync;
    await tick();
    await tick();
    expect(await syncOf(R.prod.uuid, 'dana.kowalski', 'gpu_quota_manager')).toMatchObject({ sync_state: null });
    const hpc = (await api.get(`/api/marketplace-resources/${R.hpc.uuid}/team_members/`)).list();
    expect(Object.keys((hpc[0]?.roles as Row[])[0] ?? {})).not.toContain('sync_state');
    expect(await membersOf(`/c_${R.hpc.backendId}/c_${R.hpc.backendId}_cluster_hpc_user`)).toEqual([
      'emeka.obi',
      'farah.haddad',
      'gustav.lind',
    ]);
    expect((await api.get(`/api/marketplace-provider-resources/${R.archive.uuid}/`)).obj().last_sync).toBe(archiveBefore);
  });

  it('expired grants are revoked by the tick', async () => {
    const grant = [...(sim.access?.grants.all() ?? [])].find((g) => g.userUuid === personUuid('rosa') && g.isActive);
    if (!grant) throw new Error('no grant');
    grant.expirationTime = sim.store.now() - 1;
    await tick();
    expect(grant.isActive).toBe(false);
  });
});

describe('large 8.1 seed', () => {
  it('200 resources, 2,000 grants over resources and resource projects, with sync states', async () => {
    const big = createSimulator({ waldur: '8.1', seed: 'large', logErrors: true });
    const client = makeClient(big);
    const res = await client.head(`/api/marketplace-provider-resources/?offering_uuid=${LARGE81.offering.uuid}`);
    expect(res.headers.get('x-result-count')).toBe('200');
    const grants = [...(big.access?.grants.all() ?? [])].filter((g) => {
      const resource = big.store.resources.get(g.resourceUuid);
      return g.isActive && resource?.offeringUuid === LARGE81.offering.uuid;
    });
    expect(grants).toHaveLength(2000);
    expect(new Set(grants.map((g) => g.scopeType))).toEqual(new Set(['resource', 'resource_project']));
    const states = new Set<string>();
    for (const rows of big.access?.syncRows.values() ?? []) for (const r of rows.values()) states.add(r.state);
    expect(states).toEqual(new Set(['synced', 'pending', 'missing_in_idp', 'error']));
    expect(AGENT_REALM.key).toBe('aurora-sso');
  });
});
