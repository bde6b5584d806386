// Waldur 8.1.3 mode (waldur-access-8.1.md sections 1-5): version and probes, offering roles,
// provider resources and resource projects, list_users, add/update/delete_user, team_members and
// the sync status endpoints. Every /api/ answer is validated against src/api/openapi-8.1.yaml.
import { beforeEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../src/simulator.ts';
import { DEMO81, personUuid } from '../src/seed/demo-8-1.ts';
import type { AccessState } from '../src/model/access-8-1.ts';
import { tokenKey } from '../src/util/ids.ts';
import { dashedUuid, makeClient } from './harness.ts';
import type { Row } from './harness.ts';

let wall = Date.parse('2026-12-07T12:00:00Z');
const sim = createSimulator({ waldur: '8.1', clock: () => wall, logErrors: true });
const api = makeClient(sim);
beforeEach(async () => {
  wall = Date.parse('2026-12-07T12:00:00Z');
  await sim.reset();
});

const T = DEMO81.tokens;
const O = DEMO81.offerings;
const R = DEMO81.resources;
const RP = DEMO81.resourceProjects;
const K = DEMO81.roles.k8s;

function access(): AccessState {
  if (!sim.access) throw new Error('not in 8.1 mode');
  return sim.access;
}

/** A token for a seeded person (they have no known password). */
function tokenFor(person: keyof typeof DEMO81.people): string {
  const key = tokenKey(`test:${person}`);
  sim.store.tokens.set(key, { key, accountUuid: personUuid(person), seq: sim.store.nextTokenSeq(), lastUsed: wall });
  return key;
}

const PR = (uuid: string, action = ''): string => `/api/marketplace-provider-resources/${uuid}/${action}`;
const PRP = (uuid: string, action = ''): string => `/api/marketplace-provider-resource-projects/${uuid}/${action}`;
const CR = (uuid: string, action = ''): string => `/api/marketplace-resources/${uuid}/${action}`;
const CRP = (uuid: string, action = ''): string => `/api/marketplace-resource-projects/${uuid}/${action}`;

const usernames = (rows: Row[]): unknown[] => rows.map((r) => r.user_username);

describe('version and probes (section 1)', () => {
  it('version 8.1.3 for every signed-in user; latest_version for staff only; anonymous 401', async () => {
    expect((await api.get('/api/version/', { token: T.viewer })).obj()).toEqual({ version: '8.1.3' });
    expect((await api.get('/api/version/', { token: T.staff })).obj()).toEqual({ version: '8.1.3', latest_version: '8.1.3' });
    expect((await api.get('/api/version/', { token: null })).status).toBe(401);
  });

  it('offering roles answer, offering Keycloak routes are gone, Rancher stays', async () => {
    expect((await api.get('/api/marketplace-offering-roles/?page_size=1')).status).toBe(200);
    for (const path of [
      '/api/offering-keycloak-groups/?page_size=1',
      '/api/offering-keycloak-memberships/',
      '/api/marketplace-offering-user-roles/',
    ]) {
      const res = await api.get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
    expect((await api.post(PR(R.prod.uuid, 'set_keycloak_scopes/'), { keycloak_available_scopes: [] })).status).toBe(404);
    expect((await api.get('/api/rancher-clusters/')).status).toBe(200);
    const options = await sim.handle(new Request(`http://sim.test${PR(R.prod.uuid, 'sync_user_roles/')}`, { method: 'OPTIONS' }));
    expect(options?.status).toBe(200);
  });

  it('8.0.5 by default; POST /__sim/reset switches per request', async () => {
    const other = makeClient(createSimulator({ logErrors: true }));
    expect((await other.get('/api/marketplace-offering-roles/?page_size=1')).status).toBe(404);
    expect((await other.get('/api/version/', { token: DEMO81.tokens.viewer })).status).toBe(403);
    const probe = (s: typeof other.sim) =>
      s.handle(new Request(`http://sim.test${PR(R.prod.uuid, 'sync_user_roles/')}`, { method: 'OPTIONS' }));
    expect((await probe(other.sim))?.status).toBe(404);
    const to81 = await other.post('/__sim/reset', { waldur: '8.1' });
    expect(to81.obj().version).toBe('8.1.3');
    expect((await other.get('/api/marketplace-offering-roles/?page_size=1')).status).toBe(200);
    expect((await other.post('/__sim/reset', {})).obj().version).toBe('8.0.5');
    expect((await other.get('/api/marketplace-offering-roles/?page_size=1')).status).toBe(404);
    expect((await other.post('/__sim/reset', { waldur: '8.1', seed: 'large' })).obj().version).toBe('8.1.3');
    expect((await other.post('/__sim/reset', { waldur: '8.0' })).obj().version).toBe('8.0.5');
    expect((await other.post('/__sim/reset', { waldur: '8.2' })).status).toBe(400);
  });
});

describe('offering roles (section 2)', () => {
  it('not filtered by user; filters by offering and content type', async () => {
    const all = await api.get(`/api/marketplace-offering-roles/?offering_uuid=${O.k8s.uuid}&page_size=50`, { token: T.viewer });
    expect(all.list().map((r) => r.name)).toEqual([
      'cluster_admin',
      'cluster_viewer',
      'gpu_quota_manager',
      'project_owner',
      'project_member',
      'ingress_manage',
    ]);
    expect(all.list()[0]).toEqual({
      uuid: K.clusterAdmin.uuid,
      name: 'cluster_admin',
      description: 'Cluster administrator',
      content_type: 'resource',
      offering_uuid: O.k8s.uuid,
      offering_name: 'Aurora Kubernetes',
      is_active: true,
      permissions: [],
    });
    const rp = await api.get(`/api/marketplace-offering-roles/?offering_uuid=${O.k8s.uuid}&content_type=resource_project`);
    expect(rp.list().map((r) => r.name)).toEqual(['project_owner', 'project_member', 'ingress_manage']);
  });

  it('create needs OFFERING.UPDATE on the customer; duplicate names refused; profile-managed offerings refuse', async () => {
    const body = {
      name: 'storage_admin',
      description: 'Storage administrator',
      content_type_input: 'resource_project',
      offering: O.k8s.uuid,
    };
    expect((await api.post('/api/marketplace-offering-roles/', body, { token: T.viewer })).status).toBe(403);
    expect((await api.post('/api/marketplace-offering-roles/', body, { token: T.consumer })).status).toBe(403);
    const created = await api.post('/api/marketplace-offering-roles/', body, { token: T.owner });
    expect(created.status).toBe(201);
    expect(created.obj()).toMatchObject({ name: 'storage_admin', content_type: 'resource_project', offering_uuid: O.k8s.uuid });
    expect((await api.post('/api/marketplace-offering-roles/', body, { token: T.owner })).status).toBe(400);
    expect((await api.post('/api/marketplace-offering-roles/', { description: 'x' })).obj()).toEqual({ name: ['This field is required.'] });

    const managed = await api.post('/api/marketplace-offering-roles/', { ...body, offering: O.managed.uuid }, { token: T.staff });
    expect(managed.status).toBe(400);
    expect(managed.body).toEqual([
      "Cannot create role for offering Aurora Managed Rancher: its role catalog is managed by service profile 'Standard Kubernetes'.",
    ]);
  });

  it('update and delete: owner of the offering customer; profile-managed 400; delete removes every grant of the role', async () => {
    const path = `/api/marketplace-offering-roles/${K.projectMember.uuid}/`;
    expect((await api.patch(path, { description: 'Member' }, { token: T.viewer })).status).toBe(403);
    expect((await api.patch(path, { description: 'Project member (read/write)' }, { token: T.owner })).obj().description).toBe(
      'Project member (read/write)',
    );
    const profilePath = `/api/marketplace-offering-roles/${DEMO81.roles.managed.namespaceAdmin.uuid}/`;
    expect((await api.patch(profilePath, { description: 'x' })).body).toEqual([
      "Cannot update role for offering Aurora Managed Rancher: its role catalog is managed by service profile 'Standard Kubernetes'.",
    ]);
    expect((await api.del(profilePath)).status).toBe(400);

    const grants = () => [...access().grants.by('role', K.projectMember.uuid)].length;
    expect(grants()).toBeGreaterThan(5);
    expect((await api.del(path, { token: T.viewer })).status).toBe(403);
    expect((await api.del(path, { token: T.owner })).status).toBe(204);
    expect(grants()).toBe(0);
    expect((await api.get(path)).status).toBe(404);
    const rows = (await api.get(PRP(RP.genomicsPipeline.uuid, 'list_users/'))).list();
    expect(rows.map((r) => r.role_name)).not.toContain('project_member');
  });
});

describe('provider resources and resource projects (section 3)', () => {
  it('the provider sees its offerings resources with last_sync and restrict_member_access; others see none', async () => {
    const res = await api.get(`/api/marketplace-provider-resources/?offering_uuid=${O.k8s.uuid}&o=name`, { token: T.owner });
    expect(res.list().map((r) => r.name)).toEqual(['helix-archive', 'helix-ml', 'northwind-dev', 'northwind-prod']);
    const prod = res.list().find((r) => r.name === 'northwind-prod');
    expect(prod).toMatchObject({ backend_id: 'c-m-7x2kq9d4', restrict_member_access: false, customer_name: 'Northwind University' });
    expect(prod?.offering_plugin_options).toMatchObject({ enable_membership_sync_status: true, enable_resource_projects: true });
    expect(typeof prod?.last_sync).toBe('string');
    expect(res.list().find((r) => r.name === 'helix-archive')?.restrict_member_access).toBe(true);
    expect((await api.get(`/api/marketplace-provider-resources/?offering_uuid=${O.k8s.uuid}`, { token: T.viewer })).list()).toEqual([]);
    expect((await api.get(`/api/marketplace-provider-resources/?offering_uuid=${O.k8s.uuid}`, { token: T.consumer })).list()).toEqual([]);
  });

  it('resource projects by resource; no offering filter', async () => {
    const rps = await api.get(`/api/marketplace-provider-resource-projects/?resource_uuid=${R.prod.uuid}`, { token: T.owner });
    expect(rps.list().map((r) => r.name)).toEqual(['genomics-pipeline', 'variant-calling', 'shared-tools']);
    expect(rps.list()[1]).toMatchObject({ state: 'Erred', resource_uuid: R.prod.uuid, resource_name: 'northwind-prod' });
    const ignored = await api.get(`/api/marketplace-provider-resource-projects/?offering_uuid=${O.hpc.uuid}&page_size=100`);
    expect(ignored.list().length).toBe(Object.keys(RP).length);
  });

  it('plugin_options of the offerings carry the sync switch', async () => {
    const hpc = (await api.get(`/api/marketplace-provider-offerings/${O.hpc.uuid}/`)).obj();
    expect(hpc.plugin_options).toMatchObject({ enable_membership_sync_status: false });
    const managed = (await api.get(`/api/marketplace-provider-offerings/${O.managed.uuid}/`)).obj();
    expect(managed).toMatchObject({ profile_name: 'Standard Kubernetes', profile_uuid: DEMO81.profile.uuid });
  });
});

describe('list_users (section 3)', () => {
  it('provider resource: the resource scope only; paginated with X-Result-Count and Link; HEAD counts', async () => {
    const res = await api.get(`${PR(R.prod.uuid, 'list_users/')}?page_size=2&o=username`, { token: T.owner });
    expect(res.headers.get('x-result-count')).toBe('4');
    expect(usernames(res.list())).toEqual(['alice.nguyen', 'bruno.costa']);
    expect(res.headers.get('link')).toContain('rel="next"');
    expect(res.list()[0]).toMatchObject({ role_name: 'cluster_admin', user_full_name: 'Alice Nguyen', source: '', expiration_time: null });
    const head = await api.head(`${PR(R.prod.uuid, 'list_users/')}`);
    expect(head.headers.get('x-result-count')).toBe('4');
    expect(head.text).toBe('');
  });

  it('consumer resource also returns the grants on its resource projects', async () => {
    const res = await api.get(`${CR(R.prod.uuid, 'list_users/')}?page_size=100`, { token: T.consumer });
    expect(res.headers.get('x-result-count')).toBe('17');
  });

  it('filters: role by name or uuid, search_string, user', async () => {
    const byName = await api.get(`${PRP(RP.genomicsPipeline.uuid, 'list_users/')}?role=project_member&o=username`);
    expect(usernames(byName.list())).toEqual(['emeka.obi', 'farah.haddad', 'hana.sato', 'yusuf.demir']);
    const byUuid = await api.get(`${PRP(RP.genomicsPipeline.uuid, 'list_users/')}?role=${K.ingressManage.uuid}`);
    expect(usernames(byUuid.list())).toEqual(['gustav.lind']);
    const search = await api.get(`${PRP(RP.genomicsPipeline.uuid, 'list_users/')}?search_string=HADDAD`);
    expect(usernames(search.list())).toEqual(['farah.haddad']);
    const user = await api.get(`${PRP(RP.genomicsPipeline.uuid, 'list_users/')}?user=${dashedUuid(personUuid('alice'))}`);
    expect(usernames(user.list())).toEqual(['alice.nguyen']);
  });

  it('who may list: provider 200 on provider URLs, outsiders 404, consumer customer 404 there; 403 text', async () => {
    expect((await api.get(PR(R.prod.uuid, 'list_users/'), { token: T.owner })).status).toBe(200);
    expect((await api.get(PRP(RP.sandbox.uuid, 'list_users/'), { token: T.owner })).status).toBe(200);
    expect((await api.get(PR(R.prod.uuid, 'list_users/'), { token: T.viewer })).status).toBe(404);
    expect((await api.get(PR(R.prod.uuid, 'list_users/'), { token: T.consumer })).status).toBe(404);
    expect((await api.get(CR(R.prod.uuid, 'list_users/'), { token: T.pi })).status).toBe(200);
    // Lena holds a grant on shared-tools only: she sees the resource, not its team.
    const lena = tokenFor('lena');
    const refused = await api.get(CR(R.prod.uuid, 'list_users/'), { token: lena });
    expect(refused.status).toBe(403);
    expect(refused.obj()).toEqual({ detail: 'You do not have permission to list team members of this scope.' });
    expect((await api.get(CRP(RP.sharedTools.uuid, 'list_users/'), { token: lena })).status).toBe(200);
  });
});

describe('add_user / update_user / delete_user (section 4)', () => {
  const wanda = personUuid('wanda');

  it('staff grants on a provider resource: 201 with expiration_time; the grant is listed', async () => {
    const res = await api.post(PR(R.prod.uuid, 'add_user/'), { user: wanda, role: K.clusterViewer.uuid });
    expect(res.status).toBe(201);
    expect(res.obj()).toEqual({ expiration_time: null });
    const rows = (await api.get(`${PR(R.prod.uuid, 'list_users/')}?user=${wanda}`)).list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role_name: 'cluster_viewer', created_by_uuid: DEMO81.accounts.staff.uuid });
    const dated = await api.post(PRP(RP.sandbox.uuid, 'add_user/'), { user: wanda, role: 'project_member', expiration_time: '2027-03-01' });
    expect(dated.status).toBe(201);
    expect(dated.obj()).toEqual({ expiration_time: '2027-03-01T00:00:00Z' });
  });

  it('field errors first, then the customer, then permission (provider owner 403), then add_user checks', async () => {
    const fields = await api.post(PR(R.prod.uuid, 'add_user/'), { role: 'no-such-role' }, { token: T.owner });
    expect(fields.status).toBe(400);
    expect(fields.obj()).toEqual({ role: ['Role is not found.'], user: ['This field is required.'] });
    const past = await api.post(PR(R.prod.uuid, 'add_user/'), {
      user: wanda,
      role: K.clusterViewer.uuid,
      expiration_time: '2020-01-01T00:00:00Z',
    });
    expect(past.obj()).toEqual({ expiration_time: ['Expiration time should be greater than current time.'] });
    expect((await api.post(PR(R.prod.uuid, 'add_user/'), { user: '0'.repeat(32), role: K.clusterViewer.uuid })).obj()).toEqual({
      user: ['User is not found.'],
    });

    const owner = await api.post(PR(R.prod.uuid, 'add_user/'), { user: wanda, role: K.clusterViewer.uuid }, { token: T.owner });
    expect(owner.status).toBe(403);
    expect(owner.obj()).toEqual({ detail: 'You do not have permission to perform this action.' });
    expect(
      (await api.post(PRP(RP.sandbox.uuid, 'add_user/'), { user: wanda, role: K.projectMember.uuid }, { token: T.owner })).status,
    ).toBe(403);
    expect((await api.post(PR(R.prod.uuid, 'add_user/'), { user: wanda, role: K.clusterViewer.uuid }, { token: T.viewer })).status).toBe(
      404,
    );
    expect((await api.post(CR(R.prod.uuid, 'add_user/'), { user: wanda, role: K.clusterViewer.uuid }, { token: T.pi })).status).toBe(403);
    expect((await api.post(CR(R.prod.uuid, 'add_user/'), { user: wanda, role: K.clusterViewer.uuid }, { token: T.consumer })).status).toBe(
      201,
    );

    const nfe = async (path: string, body: Row): Promise<unknown> => (await api.post(path, body)).body;
    const alice = personUuid('alice');
    expect(await nfe(PR(R.prod.uuid, 'add_user/'), { user: alice, role: K.clusterAdmin.uuid })).toEqual({
      non_field_errors: ['User has already the same role in this scope.'],
    });
    expect(await nfe(PR(R.prod.uuid, 'add_user/'), { user: wanda, role: K.projectMember.uuid })).toEqual({
      non_field_errors: ['Role is not valid for this scope.'],
    });
    expect(await nfe(PR(R.prod.uuid, 'add_user/'), { user: wanda, role: DEMO81.roles.hpc.pi.uuid })).toEqual({
      non_field_errors: ['Role is not available for this scope.'],
    });
  });

  it('duplicates: a permanent grant blocks all; a time-limited one blocks up to its time only', async () => {
    const add = (expiration_time?: string) =>
      api.post(PRP(RP.sandbox.uuid, 'add_user/'), {
        user: wanda,
        role: K.projectMember.uuid,
        ...(expiration_time ? { expiration_time } : {}),
      });
    expect((await add('2027-06-01T00:00:00Z')).status).toBe(201);
    expect((await add('2027-05-01T00:00:00Z')).status).toBe(400);
    // A later time or a permanent request makes a second active grant (no unique constraint).
    expect((await add()).status).toBe(201);
    expect((await add('2028-01-01T00:00:00Z')).status).toBe(400);
    const upd = await api.post(PRP(RP.sandbox.uuid, 'update_user/'), { user: wanda, role: K.projectMember.uuid }, { allow500: true });
    expect(upd.status).toBe(500);
  });

  it('update_user without expiration_time makes the grant permanent; a missing grant is a 500', async () => {
    const rosa = personUuid('rosa');
    const set = await api.post(PRP(RP.sandbox.uuid, 'update_user/'), {
      user: rosa,
      role: K.projectMember.uuid,
      expiration_time: '2027-01-31T10:00:00Z',
    });
    expect(set.status).toBe(200);
    expect(set.obj()).toEqual({ expiration_time: '2027-01-31T10:00:00Z' });
    const cleared = await api.post(PRP(RP.sandbox.uuid, 'update_user/'), { user: rosa, role: K.projectMember.uuid });
    expect(cleared.obj()).toEqual({ expiration_time: null });
    const rows = (await api.get(`${PRP(RP.sandbox.uuid, 'list_users/')}?user=${rosa}`)).list();
    expect(rows[0]?.expiration_time).toBeNull();
    const missing = await api.post(PRP(RP.sandbox.uuid, 'update_user/'), { user: wanda, role: K.projectMember.uuid }, { allow500: true });
    expect(missing.status).toBe(500);
  });

  it('delete_user revokes softly; a grant that does not exist answers 200 too', async () => {
    const emeka = personUuid('emeka');
    const res = await api.post(PRP(RP.genomicsPipeline.uuid, 'delete_user/'), { user: emeka, role: K.projectMember.uuid });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const grant = [...access().grants.all()].find((g) => g.userUuid === emeka && g.scopeUuid === RP.genomicsPipeline.uuid);
    expect(grant).toMatchObject({ isActive: false });
    expect(usernames((await api.get(PRP(RP.genomicsPipeline.uuid, 'list_users/'))).list())).not.toContain('emeka.obi');
    expect((await api.post(PRP(RP.genomicsPipeline.uuid, 'delete_user/'), { user: emeka, role: K.projectMember.uuid })).status).toBe(200);
  });

  it('permission from a role on the scope itself: may grant others, not change an own role', async () => {
    const owner = access().roles.get(K.projectOwner.uuid);
    if (!owner) throw new Error('no role');
    owner.permissions = ['RESOURCE_PROJECT.CREATE_PERMISSION'];
    const alice = tokenFor('alice');
    const path = CRP(RP.genomicsPipeline.uuid, 'add_user/');
    const own = await api.post(path, { user: personUuid('alice'), role: K.ingressManage.uuid }, { token: alice });
    expect(own.obj()).toEqual({ non_field_errors: ['User can not manage own role.'] });
    expect((await api.post(path, { user: wanda, role: K.projectMember.uuid }, { token: alice })).status).toBe(201);
    // On another resource project she holds nothing: 403.
    expect(
      (await api.post(CRP(RP.sharedTools.uuid, 'add_user/'), { user: wanda, role: K.projectMember.uuid }, { token: alice })).status,
    ).toBe(403);
  });

  it('deactivated users: only staff may grant them a role; their grants are not listed', async () => {
    access().deactivated.add(wanda);
    const body = { user: wanda, role: K.clusterViewer.uuid };
    expect((await api.post(CR(R.prod.uuid, 'add_user/'), body, { token: T.consumer })).obj()).toEqual({
      non_field_errors: ['Only staff users can assign roles to deactivated users.'],
    });
    expect((await api.post(CR(R.prod.uuid, 'add_user/'), body)).status).toBe(201);
    expect(usernames((await api.get(PR(R.prod.uuid, 'list_users/'))).list())).not.toContain('wanda.okafor');
  });

  it('a resource of an unavailable offering: 400 before anything else', async () => {
    const offering = sim.store.offerings.get(O.k8s.uuid);
    if (offering) offering.state = 'Unavailable';
    const res = await api.post(PR(R.prod.uuid, 'add_user/'), {});
    expect(res.status).toBe(400);
    expect(res.body).toEqual(['Offering is unavailable.']);
  });
});

describe('team_members (section 3)', () => {
  const find = (rows: Row[], username: string): Row => {
    const row = rows.find((r) => r.username === username);
    if (!row) throw new Error(`${username} not in team`);
    return row;
  };

  it('one row per user by username; every sync state; unmapped roles null', async () => {
    const res = await api.get(`${CR(R.prod.uuid, 'team_members/')}?page_size=50`);
    const rows = res.list();
    const names = rows.map((r) => r.username);
    expect(names).toEqual([...names].sort());
    const alice = find(rows, 'alice.nguyen');
    expect(alice).toMatchObject({ role_name: 'cluster_admin', full_name: 'Alice Nguyen' });
    expect(alice.roles).toEqual([expect.objectContaining({ role_name: 'cluster_admin', sync_state: 'synced', sync_message: '' })]);
    expect(alice.resource_projects).toHaveLength(2);
    const yusuf = find(rows, 'yusuf.demir').resource_projects as Row[];
    expect(yusuf[0]).toMatchObject({
      sync_state: 'missing_in_idp',
      sync_message: 'User not confirmed in the identity provider; access activates after their first login',
    });
    expect((find(rows, 'ivan.petrov').resource_projects as Row[])[0]).toMatchObject({
      sync_state: 'error',
      sync_message: 'Reconciliation failed on the provider side',
    });
    expect((find(rows, 'dana.kowalski').roles as Row[])[0]).toMatchObject({ sync_state: null, sync_message: null, sync_reported_at: null });
    const ml = (await api.get(`${CR(R.ml.uuid, 'team_members/')}?search_string=costa`)).list();
    expect((ml[0]?.resource_projects as Row[])[0]).toMatchObject({ name: 'notebooks', sync_state: 'pending' });
  });

  it('sync_* keys are absent when the offering has sync status off', async () => {
    const rows = (await api.get(CR(R.hpc.uuid, 'team_members/'))).list();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      for (const entry of [...(r.roles as Row[]), ...(r.resource_projects as Row[])])
        expect(Object.keys(entry)).not.toContain('sync_state');
    }
  });

  it('a provider without consumer rights gets 404; consumer owner and project admin 200', async () => {
    expect((await api.get(CR(R.prod.uuid, 'team_members/'), { token: T.owner })).status).toBe(404);
    expect((await api.get(CR(R.prod.uuid, 'team_members/'), { token: T.viewer })).status).toBe(404);
    expect((await api.get(CR(R.prod.uuid, 'team_members/'), { token: T.consumer })).status).toBe(200);
    expect((await api.get(CR(R.prod.uuid, 'team_members/'), { token: T.pi })).status).toBe(200);
    const refused = await api.get(CR(R.prod.uuid, 'team_members/'), { token: tokenFor('lena') });
    expect(refused.obj()).toEqual({ detail: 'You do not have permission to list team members of this resource.' });
  });
});

describe('set_membership_sync_statuses (5.2)', () => {
  const path = PR(R.dev.uuid, 'set_membership_sync_statuses/');

  it('409 when the offering has sync status off, before the body is read', async () => {
    const res = await api.post(PR(R.hpc.uuid, 'set_membership_sync_statuses/'), { statuses: 'nonsense' });
    expect(res.status).toBe(409);
    expect(res.obj()).toEqual({ detail: 'Membership sync status is not enabled for this offering.' });
  });

  it('a complete report: the stored set equals it; unknown users and RPs skipped; unchanged rows keep their time', async () => {
    const nadia = personUuid('nadia');
    const report = {
      statuses: [
        // As the seed's last report had it (the cluster's CR is pending): unchanged.
        { scope_type: 'resource', role_name: 'cluster_admin', state: 'pending', user_uuid: nadia },
        {
          scope_type: 'resource_project',
          role_name: 'project_owner',
          state: 'error',
          username: 'nadia.rahman',
          resource_project_uuid: RP.sandbox.uuid,
          message: 'boom',
        },
        { scope_type: 'resource', role_name: 'cluster_viewer', state: 'pending', username: 'nobody.here' },
        {
          scope_type: 'resource_project',
          role_name: 'project_member',
          state: 'synced',
          username: 'rosa.diaz',
          resource_project_uuid: RP.notebooks.uuid,
        },
      ],
    };
    const before = access().syncRows.get(R.dev.uuid)?.get(`${nadia}|resource||cluster_admin`)?.modified;
    wall += 60_000;
    const res = await api.post(path, report);
    expect(res.status).toBe(200);
    expect(res.obj()).toEqual({ stored: 2, skipped: ['nobody.here', RP.notebooks.uuid] });
    const rows = access().syncRows.get(R.dev.uuid);
    expect(rows?.size).toBe(2);
    expect(rows?.get(`${nadia}|resource||cluster_admin`)?.modified).toBe(before);
    const team = (await api.get(`${CR(R.dev.uuid, 'team_members/')}?search_string=nadia`)).list()[0];
    expect((team?.resource_projects as Row[])[0]).toMatchObject({ sync_state: 'error', sync_message: 'boom' });
    // sync_reported_at is the report time for every row, also the unchanged one.
    expect((team?.roles as Row[])[0]?.sync_reported_at).toBe('2026-12-07T12:01:00Z');
    expect((await api.post(path, { statuses: [] })).obj()).toEqual({ stored: 0, skipped: [] });
  });

  it('a role name over 150 characters: 400 and nothing stored', async () => {
    const before = access().syncRows.get(R.dev.uuid);
    const res = await api.post(path, {
      statuses: [{ scope_type: 'resource', role_name: 'x'.repeat(151), state: 'synced', username: 'nadia.rahman' }],
    });
    expect(res.status).toBe(400);
    expect(res.obj()).toEqual({ statuses: [{ role_name: ['Ensure this field has no more than 150 characters.'] }] });
    expect(access().syncRows.get(R.dev.uuid)).toBe(before);
  });

  it('non-providers get 404', async () => {
    expect((await api.post(path, { statuses: [] }, { token: T.consumer })).status).toBe(404);
  });
});

describe('sync_user_roles (5.3) and refresh_last_sync (5.4)', () => {
  it('32-hex uuid only; 404 unknown; 403 without OFFERING.UPDATE (also invisible); 409 sync off', async () => {
    expect((await api.post(PR(dashedUuid(R.prod.uuid), 'sync_user_roles/'))).status).toBe(404);
    expect((await api.post(PR('0'.repeat(32), 'sync_user_roles/'))).obj()).toEqual({ detail: 'Not found.' });
    expect((await api.post(PR(R.prod.uuid, 'sync_user_roles/'), undefined, { token: T.viewer })).status).toBe(403);
    expect((await api.post(PR(R.prod.uuid, 'sync_user_roles/'), undefined, { token: T.consumer })).status).toBe(403);
    expect((await api.post(PR(R.hpc.uuid, 'sync_user_roles/'))).status).toBe(409);
  });

  it('200, then 429 for 30 s for everyone, then 200 again', async () => {
    const first = await api.post(PR(R.prod.uuid, 'sync_user_roles/'), undefined, { token: T.owner });
    expect(first.status).toBe(200);
    expect(first.text).toBe('');
    wall += 29_000;
    const again = await api.post(PR(R.prod.uuid, 'sync_user_roles/'), undefined, { token: T.staff });
    expect(again.status).toBe(429);
    expect(again.obj()).toEqual({ detail: 'Sync was already requested recently.' });
    expect((await api.post(PR(R.dev.uuid, 'sync_user_roles/'))).status).toBe(200);
    wall += 1_000;
    expect((await api.post(PR(R.prod.uuid, 'sync_user_roles/'))).status).toBe(200);
  });

  it('refresh_last_sync sets last_sync; others than the provider cannot', async () => {
    wall += 3_600_000;
    expect((await api.post(PR(R.archive.uuid, 'refresh_last_sync/'), undefined, { token: T.viewer })).status).toBe(404);
    expect((await api.post(PR(R.archive.uuid, 'refresh_last_sync/'), undefined, { token: T.owner })).status).toBe(200);
    expect((await api.get(PR(R.archive.uuid))).obj().last_sync).toBe('2026-12-07T13:00:00Z');
  });
});

describe('users (picking someone to grant)', () => {
  it('staff see everyone; others only the people of their organizations', async () => {
    const staff = await api.get('/api/users/?query=okafor');
    expect(staff.list().map((u) => u.username)).toEqual(['wanda.okafor']);
    const owner = await api.get('/api/users/?page_size=100', { token: T.owner });
    expect(owner.list().map((u) => u.username)).toEqual(['owner']);
  });
});
