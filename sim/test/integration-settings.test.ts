// Section 7: update_integration, set_keycloak_scopes, the provider resource detail, and how new
// groups are named. Every answer is validated against openapi.yaml by the harness.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../src/seed/demo.ts';
import { A, B, DELTA, T, demoSim, makeClient, url } from './harness.ts';

const sim = demoSim();
const api = makeClient(sim);
beforeEach(() => sim.reset());

const PO = '/api/marketplace-provider-offerings/';
const PR = '/api/marketplace-provider-resources/';
const M = '/api/offering-keycloak-memberships/';
const integration = (uuid: string) => `${PO}${uuid}/update_integration/`;
const scopes = (uuid: string) => `${PR}${uuid}/set_keycloak_scopes/`;
const PROD = DEMO.resources.aProd.uuid;
const R = DEMO.roles.a;

async function offering(uuid: string) {
  return (await api.get(`${PO}${uuid}/`)).obj() as { plugin_options: Record<string, unknown>; secret_options: Record<string, unknown> };
}

describe('update_integration', () => {
  it('answers 200 with no body and merges key by key: keys not sent stay', async () => {
    const r = await api.post(integration(A), { secret_options: { keycloak_realm: 'other' } });
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    const o = await offering(A);
    expect(o.secret_options).toMatchObject({ keycloak_realm: 'other', keycloak_username: expect.any(String) as string });
    expect(o.plugin_options).toMatchObject({
      keycloak_enabled: true,
      keycloak_sync_frequency: expect.any(Number) as number,
      keycloak_username_label: 'LDAP username',
    });
  });

  it('typed serializer: unknown keys dropped, defaults filled in (keycloak_username_label reset to "")', async () => {
    await api.post(integration(A), { plugin_options: { keycloak_sync_frequency: 30, no_such_option: 'x' } });
    const o = await offering(A);
    expect(o.plugin_options).not.toHaveProperty('no_such_option');
    expect(o.plugin_options).toMatchObject({
      keycloak_sync_frequency: 30,
      keycloak_username_label: '',
      resource_expiration_threshold: 30,
      backend_id_display_label: 'Backend ID',
    });
    // Sending the whole current plugin_options keeps every key.
    await api.post(integration(A), {
      plugin_options: { ...o.plugin_options, keycloak_username_label: 'CUID', resource_expiration_threshold: 60 },
    });
    expect((await offering(A)).plugin_options).toMatchObject({ keycloak_username_label: 'CUID', resource_expiration_threshold: 60 });
  });

  it('blank strings, sync frequency below 1 and wrong types are refused per key, nested, and nothing is saved', async () => {
    const before = await offering(A);
    const r = await api.post(integration(A), {
      plugin_options: { keycloak_base_group: ' ', keycloak_sync_frequency: 0, keycloak_enabled: 'maybe' },
      secret_options: { keycloak_url: '', keycloak_ssl_verify: 3, keycloak_password: ['x'] },
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      plugin_options: {
        keycloak_enabled: ['Must be a valid boolean.'],
        keycloak_base_group: ['This field may not be blank.'],
        keycloak_sync_frequency: ['Ensure this value is greater than or equal to 1.'],
      },
      secret_options: {
        keycloak_url: ['This field may not be blank.'],
        keycloak_password: ['Not a valid string.'],
        keycloak_ssl_verify: ['Must be a valid boolean.'],
      },
    });
    expect(await offering(A)).toEqual(before);
    const ok = await api.post(integration(A), { plugin_options: { ...before.plugin_options, keycloak_username_label: '' } });
    expect(ok.status).toBe(200);
  });

  it("template variables are checked with Waldur's regex: $offering_uuid_$role_name is refused", async () => {
    const trap = await api.post(integration(A), { plugin_options: { keycloak_group_name_template: '$offering_uuid_$role_name' } });
    expect(trap.body).toEqual({ plugin_options: { keycloak_group_name_template: ['Unknown template variables: offering_uuid_'] } });
    const two = await api.post(integration(A), { plugin_options: { keycloak_group_name_template: '${zeta}-$alpha-$role_name' } });
    expect(two.body).toEqual({ plugin_options: { keycloak_group_name_template: ['Unknown template variables: alpha, zeta'] } });
    const fixed = await api.post(integration(A), { plugin_options: { keycloak_group_name_template: '${offering_uuid}_${role_name}' } });
    expect(fixed.status).toBe(200);
  });

  it('permissions: staff and owners; viewer 403 (before validation); unknown offering 404', async () => {
    expect((await api.post(integration(A), { plugin_options: { keycloak_enabled: true } }, { token: T.owner })).status).toBe(200);
    expect((await api.post(integration(B), {}, { token: T.owner })).status).toBe(403);
    expect((await api.post(integration(A), { plugin_options: { keycloak_base_group: '' } }, { token: T.viewer })).body).toEqual({
      detail: 'You do not have permission to perform this action.',
    });
    expect((await api.post(integration('0123456789abcdef0123456789abcdef'), {})).status).toBe(404);
  });

  it('switching Keycloak on and off takes effect at once', async () => {
    await api.post(integration(A), { plugin_options: { keycloak_enabled: false } });
    const off = await api.post('/api/offering-keycloak-groups/test_connection/', { offering_uuid: A });
    expect(off.body).toEqual(['Keycloak integration is not enabled for this offering.']);
  });
});

describe('provider resource detail and set_keycloak_scopes', () => {
  it('GET detail for visible resources only', async () => {
    const prod = (await api.get(`${PR}${PROD}/`)).obj();
    expect(prod).toMatchObject({
      uuid: PROD,
      name: 'alpha-prod-cluster',
      project_slug: 'genomics',
      provider_slug: expect.any(String) as string,
    });
    expect((await api.get(`${PR}${PROD}/`, { token: T.viewer })).status).toBe(404);
    expect((await api.get(`${PR}${DEMO.resources.bShared.uuid}/`, { token: T.owner })).status).toBe(404);
  });

  it('replaces the whole list; the new option is accepted for a membership at once', async () => {
    const list = [{ scope_type: 'project', scope_id: 'p-new01', label: 'New project' }];
    const r = await api.post(scopes(PROD), { keycloak_available_scopes: list });
    expect(r.status).toBe(200);
    expect(r.obj()).toHaveProperty('status');
    expect((await api.get(`${PR}${PROD}/`)).obj().options).toEqual({ keycloak_available_scopes: list });
    const create = (scopeId: string) =>
      api.post(M, {
        username: 'carol',
        email: 'carol@example.org',
        offering: url.offering(A),
        role: url.role(R.projectMember.uuid),
        resource: url.resource(PROD),
        scope_id: scopeId,
      });
    expect((await create('p-new01')).status).toBe(201);
    // Removed from the list: refused for new memberships; the existing group keeps its scope_id.
    expect((await create('p-7x2kq')).body).toEqual({
      non_field_errors: ["The scope ID 'p-7x2kq' is not configured for scope type 'project' on this resource."],
    });
    expect((await api.get(`/api/offering-keycloak-groups/${DEMO.groups.a.genomics.uuid}/`)).obj().scope_id).toBe('p-7x2kq');
  });

  it('per-item errors, one object per item', async () => {
    const r = await api.post(scopes(PROD), {
      keycloak_available_scopes: [
        { scope_type: 'project', scope_id: 'p1', label: 'One' },
        { scope_type: 'project', scope_id: ' ' },
      ],
    });
    expect(r.body).toEqual({
      keycloak_available_scopes: [{}, { scope_id: ['This field may not be blank.'], label: ['This field is required.'] }],
    });
    expect((await api.post(scopes(PROD), {})).body).toEqual({ keycloak_available_scopes: ['This field is required.'] });
  });

  it('needs Keycloak on the offering, and the offering organization (403)', async () => {
    const delta = await api.post(scopes(DEMO.resources.dBucket.uuid), { keycloak_available_scopes: [] });
    expect(delta.body).toEqual(['Keycloak integration is not enabled for this offering.']);
    expect(DEMO.offerings.noKeycloak.uuid).toBe(DELTA);
    expect((await api.post(scopes(PROD), { keycloak_available_scopes: [] }, { token: T.owner })).status).toBe(200);
    expect((await api.post(scopes(DEMO.resources.bShared.uuid), { keycloak_available_scopes: [] }, { token: T.owner })).status).toBe(404);
    expect((await api.post(scopes(PROD), { keycloak_available_scopes: [] }, { token: T.viewer })).status).toBe(404);
  });
});

describe('names of new groups', () => {
  const create = (role: string, resource: string | null, scopeId = '') =>
    api.post(M, {
      username: 'carol',
      email: 'carol@example.org',
      offering: url.offering(A),
      role: url.role(role),
      resource: resource ? url.resource(resource) : null,
      scope_id: scopeId,
    });
  const groupName = async (membershipUrl: unknown) => {
    const m = (await api.get(new URL(String(membershipUrl)).pathname)).obj();
    return m.group_name;
  };

  it('default {offering}_{scope_id or resource}_{role}', async () => {
    const m = (await create(R.namespaceEditor.uuid, PROD, 'ns-shared')).obj();
    expect(await groupName(m.url)).toBe(`${A}_ns-shared_Namespace Editor`);
    const n = (await create(R.namespaceEditor.uuid, DEMO.resources.aArchive.uuid)).obj();
    expect(await groupName(n.url)).toBe(`${A}_${DEMO.resources.aArchive.uuid}_Namespace Editor`);
  });

  it('template via safe_substitute: braced and plain names, $$ is a dollar', async () => {
    await api.post(integration(A), {
      plugin_options: { keycloak_group_name_template: '${offering_slug}_${resource_slug}_${project_slug}_$role_name-$$' },
    });
    const m = (await create(R.namespaceEditor.uuid, PROD)).obj();
    expect(await groupName(m.url)).toBe('alpha-hpc_alpha-prod-cluster_genomics_Namespace Editor-$');
  });
});

describe('settings take effect at once', () => {
  it('a wrong realm fails the connection test; the right one mends it', async () => {
    const test = () => api.post('/api/offering-keycloak-groups/test_connection/', { offering_uuid: A });
    await api.post(integration(A), { secret_options: { keycloak_realm: 'nope' } });
    expect((await test()).body).toEqual({ status: 'error', error: 'Unable to connect to Keycloak.' });
    await api.post(integration(A), { secret_options: { keycloak_realm: 'alpha' } });
    expect((await test()).obj().status).toBe('ok');
  });
});
