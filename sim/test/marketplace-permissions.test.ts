// Section 5 (pickers) and the permission model for the three demo accounts.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../src/seed/demo.ts';
import { A, B, DELTA, GAMMA, T, demoSim, makeClient } from './harness.ts';

const sim = demoSim();
const api = makeClient(sim);
beforeEach(() => sim.reset());

const PO = '/api/marketplace-provider-offerings/';

describe('provider offerings', () => {
  it('all offerings, newest first, with plugin_options; filters name (substring) and customer_uuid', async () => {
    const rows = (await api.get(PO)).list();
    expect(rows.map((o) => o.name)).toEqual([
      'Epsilon Analytics',
      'Delta Object Storage',
      'Gamma Legacy Cloud',
      'Beta Kubernetes Service',
      'Alpha HPC Platform',
      'Zeta Visualisation',
    ]);
    expect(rows.find((o) => o.uuid === A)).toMatchObject({
      customer_name: 'Aurora Research Computing',
      type: 'Marketplace.Slurm',
      state: 'Active',
      plugin_options: { keycloak_enabled: true },
    });
    expect(rows.find((o) => o.uuid === DELTA)?.plugin_options).not.toHaveProperty('keycloak_enabled');
    expect((await api.get(`${PO}?name=kubern`)).list().map((o) => o.uuid)).toEqual([B]);
    expect((await api.get(`${PO}?customer_uuid=${DEMO.customers.boreal.uuid}`)).list().map((o) => o.uuid)).toEqual([B]);
    expect((await api.get(`${PO}?o=name&page_size=2`)).list().map((o) => o.name)).toEqual([
      'Alpha HPC Platform',
      'Beta Kubernetes Service',
    ]);
    expect((await api.get(`${PO}${A}/`)).obj().name).toBe('Alpha HPC Platform');
    expect((await api.get(`${PO}0123456789abcdef0123456789abcdef/`)).status).toBe(404);
    expect((await api.get(`${PO}?field=uuid&field=name&page_size=1`)).list()[0]).toEqual({
      uuid: DEMO.offerings.misconfigured.uuid,
      name: 'Epsilon Analytics',
    });
  });

  it('secret_options only for users allowed to manage the offering', async () => {
    const staff = (await api.get(`${PO}${A}/`)).obj();
    expect(staff.secret_options).toMatchObject({ keycloak_realm: 'alpha', keycloak_user_realm: 'master' });
    expect((await api.get(`${PO}${A}/`, { token: T.owner })).obj()).toHaveProperty('secret_options');
    expect((await api.get(`${PO}${B}/`, { token: T.owner })).obj()).not.toHaveProperty('secret_options');
    expect((await api.get(`${PO}${A}/`, { token: T.viewer })).obj()).not.toHaveProperty('secret_options');
  });

  it('offering user roles by offering_uuid (comma list) with scope_type', async () => {
    const roles = (await api.get(`/api/marketplace-offering-user-roles/?offering_uuid=${A}`)).list();
    expect(roles.map((r) => r.name)).toEqual(['Namespace Editor', 'Project Member', 'Cluster Admin', 'Operator', 'Viewer']);
    expect(roles[1]).toMatchObject({ scope_type: 'project', scope_type_label: 'Rancher Project', offering_uuid: A });
    const two = await api.get(`/api/marketplace-offering-user-roles/?offering_uuid=${A},${B}`);
    expect(two.headers.get('x-result-count')).toBe('8');
    expect((await api.get(`/api/marketplace-offering-user-roles/?offering_uuid=nope`)).status).toBe(400);
  });

  it('provider resources with keycloak_available_scopes', async () => {
    const rows = (await api.get(`/api/marketplace-provider-resources/?offering_uuid=${A}`)).list();
    expect(rows.map((r) => r.name)).toEqual(['alpha-archive', 'alpha-dev-cluster', 'alpha-prod-cluster']);
    const prod = rows.find((r) => r.uuid === DEMO.resources.aProd.uuid);
    expect(prod?.options).toEqual({ keycloak_available_scopes: DEMO.resources.aProd.scopes });
    expect(prod?.url).toBe(`http://sim.test/api/marketplace-resources/${DEMO.resources.aProd.uuid}/`);
  });
});

describe('permission model', () => {
  it('staff sees everything', async () => {
    expect((await api.get('/api/offering-keycloak-groups/')).headers.get('x-result-count')).toBe('20');
    expect((await api.get('/api/marketplace-provider-resources/')).list()).toHaveLength(7);
  });

  it("owner sees its organization's offerings (A, Gamma, Delta, Epsilon) and manages them; not B", async () => {
    const groups = (await api.get('/api/offering-keycloak-groups/?page_size=100', { token: T.owner })).list();
    expect(new Set(groups.map((g) => g.offering_uuid))).toEqual(new Set([A, GAMMA, DEMO.offerings.misconfigured.uuid]));
    expect((await api.get(`/api/offering-keycloak-groups/?offering_uuid=${B}`, { token: T.owner })).body).toEqual([]);
    expect((await api.get(`/api/offering-keycloak-groups/${DEMO.groups.b.ops.uuid}/`, { token: T.owner })).status).toBe(404);
    expect((await api.get(`/api/offering-keycloak-groups/sync_status/?offering_uuid=${A}`, { token: T.owner })).status).toBe(200);
    expect((await api.get(`/api/offering-keycloak-groups/sync_status/?offering_uuid=${B}`, { token: T.owner })).status).toBe(403);
    expect((await api.get('/api/marketplace-provider-resources/', { token: T.owner })).list()).toHaveLength(5);
  });

  it('viewer reaches the offerings but sees no groups or members, and gets 403 on actions', async () => {
    expect((await api.get(PO, { token: T.viewer })).list()).toHaveLength(6);
    expect((await api.get(`${PO}${A}/`, { token: T.viewer })).status).toBe(200);
    expect((await api.get('/api/offering-keycloak-groups/', { token: T.viewer })).body).toEqual([]);
    expect((await api.get('/api/offering-keycloak-memberships/', { token: T.viewer })).body).toEqual([]);
    expect((await api.get('/api/marketplace-provider-resources/', { token: T.viewer })).body).toEqual([]);
    expect((await api.get(`/api/marketplace-offering-user-roles/?offering_uuid=${A}`, { token: T.viewer })).list()).toHaveLength(5);
    for (const path of ['remote_groups', 'sync_status']) {
      const r = await api.get(`/api/offering-keycloak-groups/${path}/?offering_uuid=${A}`, { token: T.viewer });
      expect(r.status).toBe(403);
    }
    expect((await api.get(`/api/offering-keycloak-groups/${DEMO.groups.a.viewer.uuid}/`, { token: T.viewer })).status).toBe(404);
    const me = (await api.get('/api/users/me/', { token: T.viewer })).obj();
    expect(me).toMatchObject({ is_staff: false, permissions: [] });
  });
});
