// Section 3: /api/offering-keycloak-memberships/.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../src/seed/demo.ts';
import { A, B, DELTA, EPSILON, GAMMA, T, dashedUuid, demoSim, makeClient, url } from './harness.ts';

const sim = demoSim();
const api = makeClient(sim);
beforeEach(() => sim.reset());

const M = '/api/offering-keycloak-memberships/';
const GA = DEMO.groups.a;
const R = DEMO.roles.a;
const alpha = () => {
  const realm = sim.store.realms.get('alpha');
  if (!realm) throw new Error('no alpha realm');
  return realm;
};

const create = (extra: Record<string, unknown> = {}, token: string = T.staff) =>
  api.post(
    M,
    {
      username: 'lonely.user',
      email: 'lonely@example.org',
      offering: url.offering(A),
      role: url.role(R.clusterAdmin.uuid),
      resource: url.resource(DEMO.resources.aProd.uuid),
      ...extra,
    },
    { token },
  );

describe('list and retrieve', () => {
  it('every field; filters; state is repeatable', async () => {
    const rows = (await api.get(`${M}?offering_uuid=${A}&page_size=100`)).list();
    expect(rows).toHaveLength(47);
    const alice = rows.find((m) => m.uuid === DEMO.memberships.aliceViewer.uuid);
    expect(alice).toMatchObject({
      username: 'alice',
      group_name: GA.viewer.name,
      group_role_name: 'Viewer',
      group_offering_uuid: A,
      group_offering_name: 'Alpha HPC Platform',
      group_resource_uuid: null,
      group_resource_name: null,
      group_scope_id: '',
      group_role_scope_type: '',
      group_role_scope_type_label: '',
      user: null,
      state: 'active',
      error_message: '',
      error_traceback: '',
    });
    const scoped = rows.find((m) => m.uuid === DEMO.memberships.removedRemotely.uuid);
    expect(scoped).toMatchObject({
      group_scope_id: 'p-7x2kq',
      group_role_scope_type: 'project',
      group_role_scope_type_label: 'Rancher Project',
    });
    const pending = await api.get(`${M}?offering_uuid=${A}&state=pending&page_size=100`);
    expect(pending.list().every((m) => m.state === 'pending')).toBe(true);
    const both = await api.get(`${M}?offering_uuid=${A}&state=pending&state=active`);
    expect(both.headers.get('x-result-count')).toBe('47');
    const bad = await api.get(`${M}?state=gone`);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ state: ['Select a valid choice. gone is not one of the available choices.'] });
    expect((await api.get(`${M}?username=alice&offering_uuid=${A}`)).list()).toHaveLength(3);
    expect((await api.get(`${M}?email=lonely@example.org`)).list()).toHaveLength(0);
    expect((await api.get(`${M}?first_name=Bob&offering_uuid=${A}`)).list().map((m) => m.username)).toEqual(['bob', 'bob']);
    expect((await api.get(`${M}?last_name=Builder&group_uuid=${GA.climate.uuid}`)).list()).toHaveLength(1);
    expect((await api.get(`${M}?role_uuid=${R.projectMember.uuid}`)).headers.get('x-result-count')).toBe('11');
    expect((await api.get(`${M}?resource_uuid=${DEMO.resources.aArchive.uuid}`)).headers.get('x-result-count')).toBe('4');
    expect((await api.get(`${M}?group_uuid=${dashedUuid(GA.xss.uuid)}`)).list()).toHaveLength(2);
  });

  it('states: pending, active, active with error_message; error_traceback only for staff', async () => {
    const err = (await api.get(`${M}${DEMO.memberships.error.uuid}/`)).obj();
    expect(err).toMatchObject({ state: 'active', error_message: DEMO.memberships.error.message });
    const pendingErr = (await api.get(`${M}${DEMO.memberships.pendingError.uuid}/`)).obj();
    expect(pendingErr).toMatchObject({ state: 'pending', error_message: DEMO.memberships.pendingError.message });
    expect(String(pendingErr.error_traceback)).toContain('Traceback');
    const asOwner = (await api.get(`${M}${DEMO.memberships.pendingError.uuid}/`, { token: T.owner })).obj();
    expect(asOwner.error_message).toBe(DEMO.memberships.pendingError.message);
    expect('error_traceback' in asOwner).toBe(false);
  });
});

describe('create', () => {
  it('201 active when the user exists in Keycloak; added to the remote group', async () => {
    const r = await create();
    expect(r.status).toBe(201);
    expect(r.headers.get('location')).toBe(r.obj().url);
    expect(r.obj()).toMatchObject({
      username: 'lonely.user',
      email: 'lonely@example.org',
      first_name: 'Lonely',
      last_name: 'User',
      state: 'active',
      group_name: GA.prodAdmin.name,
      group_resource_uuid: DEMO.resources.aProd.uuid,
    });
    const user = alpha().findUser('lonely.user');
    expect(user && alpha().isMember(GA.prodAdmin.backendId, user.id)).toBe(true);
    const listed = await api.get(`${M}?group_uuid=${GA.prodAdmin.uuid}`);
    expect(listed.list()[0]?.uuid).toBe(r.obj().uuid);
  });

  it('pending when the user does not exist; the periodic check activates it later', async () => {
    const r = await create({ username: 'future.user', email: 'future@example.org' });
    expect(r.obj()).toMatchObject({ state: 'pending', first_name: '', last_name: '' });
    await sim.tick();
    expect((await api.get(`${M}${String(r.obj().uuid)}/`)).obj().state).toBe('pending');
    await api.post('/__sim/remote/users', {
      offering_uuid: A,
      username: 'future.user',
      email: 'future@example.org',
      first_name: 'Fu',
      last_name: 'Ture',
    });
    const report = await sim.tick();
    expect(report.activated).toBeGreaterThanOrEqual(1);
    expect((await api.get(`${M}${String(r.obj().uuid)}/`)).obj()).toMatchObject({ state: 'active', first_name: 'Fu', last_name: 'Ture' });
    const user = alpha().findUser('future.user');
    expect(user && alpha().isMember(GA.prodAdmin.backendId, user.id)).toBe(true);
  });

  it('a new (offering, role, resource, scope) creates the group locally and remotely', async () => {
    const r = await create({
      role: url.role(R.namespaceEditor.uuid),
      scope_id: 'ns-shared',
      username: 'carol',
      email: 'carol@research.example.net',
    });
    expect(r.status).toBe(201);
    const name = `${A}_ns-shared_Namespace Editor`;
    expect(r.obj()).toMatchObject({
      group_name: name,
      group_scope_id: 'ns-shared',
      state: 'active',
      group_role_scope_type_label: 'Cluster Namespace',
    });
    const groups = (await api.get(`/api/offering-keycloak-groups/?role_uuid=${R.namespaceEditor.uuid}`)).list();
    expect(groups).toHaveLength(1);
    const remote = alpha().getGroup(String(groups[0]?.backend_id));
    expect(remote?.path).toBe(`/alpha-hpc/${name}`);
    const sameGroup = await create({
      role: url.role(R.namespaceEditor.uuid),
      scope_id: 'ns-shared',
      username: 'dave',
      email: 'dave@lab.example.com',
    });
    expect(sameGroup.obj().group).toBe(r.obj().group);
  });

  it('an unlinked group gets a remote group on the next membership', async () => {
    const r = await create({ role: url.role(R.operator.uuid), resource: null, username: 'bob', email: 'bob@example.org' });
    expect(r.status).toBe(201);
    const group = (await api.get(`/api/offering-keycloak-groups/${GA.unlinked.uuid}/`)).obj();
    expect(group.backend_id).toBe(DEMO.remoteGroups.a.operator.id);
  });

  it('B names new groups with its template and builds the hierarchy', async () => {
    const r = await api.post(M, {
      username: 'alice',
      email: 'alice@uni-example.org',
      offering: url.offering(B),
      role: url.role(DEMO.roles.b.auditor.uuid),
      resource: url.resource(DEMO.resources.bShared.uuid),
    });
    expect(r.obj()).toMatchObject({ group_name: 'beta-k8s-beta-shared-Auditor', state: 'active' });
    const realm = sim.store.realms.get('beta');
    expect(realm?.flatten().some((g) => g.path === '/beta-k8s/beta-k8s-beta-shared-Auditor')).toBe(true);
  });

  it('validation errors (non_field_errors) in order, then 403', async () => {
    const notEnabled = await create({ offering: url.offering(DELTA), role: url.role(DEMO.roles.noKeycloak.user.uuid), resource: null });
    expect(notEnabled.status).toBe(400);
    expect(notEnabled.body).toEqual({ non_field_errors: ['Keycloak integration is not enabled for this offering.'] });
    const resource = await create({ resource: url.resource(DEMO.resources.bShared.uuid) });
    expect(resource.body).toEqual({ non_field_errors: ['The resource does not belong to the specified offering.'] });
    const role = await create({ role: url.role(DEMO.roles.b.admin.uuid) });
    expect(role.body).toEqual({ non_field_errors: ['The role is not available for this offering.'] });
    const dup = await create({ username: 'carol' });
    expect(dup.body).toEqual({ non_field_errors: ['This keycloak membership already exists.'] });
    const denied = await create({}, T.viewer);
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ detail: 'You do not have permission to perform this action.' });
    expect((await create({ username: 'carol' }, T.viewer)).status).toBe(400);
    expect((await create({}, T.owner)).status).toBe(201);
  });

  it('field validation: required, blank, email, hyperlinks, lengths', async () => {
    const empty = await api.post(M, {});
    expect(empty.body).toEqual({
      username: ['This field is required.'],
      email: ['This field is required.'],
      offering: ['This field is required.'],
      role: ['This field is required.'],
    });
    const bad = await api.post(M, {
      username: 'x'.repeat(10_000),
      email: 'not-an-email',
      offering: 42,
      role: 'https://elsewhere.example/api/marketplace-provider-offerings/abc/',
      resource: '/api/marketplace-resources/0123456789abcdef0123456789abcdef/',
      user: 'nonsense',
    });
    expect(bad.body).toEqual({
      username: ['Ensure this field has no more than 255 characters.'],
      email: ['Enter a valid email address.'],
      offering: ['Incorrect type. Expected URL string, received int.'],
      role: ['Invalid hyperlink - Incorrect URL match.'],
      resource: ['Invalid hyperlink - Object does not exist.'],
      user: ['Invalid hyperlink - No URL match.'],
    });
    const blank = await create({ username: '   ', email: '' });
    expect(blank.body).toEqual({ username: ['This field may not be blank.'], email: ['This field may not be blank.'] });
    const withUser = await create({ user: url.user(DEMO.accounts.owner.uuid) });
    expect(withUser.obj().user).toBe(url.user(DEMO.accounts.owner.uuid));
  });

  it('a Keycloak failure rolls back: 400 and nothing created', async () => {
    const groupsBefore = sim.store.groups.size;
    const membersBefore = sim.store.memberships.size;
    sim.setFaults({ keycloakDown: [A] });
    const r = await create({ role: url.role(R.namespaceEditor.uuid) });
    expect(r.status).toBe(400);
    expect(r.body).toEqual(['Unable to add a user to the Keycloak group.']);
    expect(sim.store.groups.size).toBe(groupsBefore);
    expect(sim.store.memberships.size).toBe(membersBefore);
    for (const offering of [GAMMA, EPSILON]) {
      const role = offering === GAMMA ? DEMO.roles.unreachable.member.uuid : DEMO.roles.misconfigured.analyst.uuid;
      const failed = await create({ offering: url.offering(offering), role: url.role(role), resource: null });
      expect(failed.body).toEqual(['Unable to add a user to the Keycloak group.']);
    }
  });
});

describe('delete', () => {
  it('204; removes the user from the remote group', async () => {
    const carol = alpha().findUser('carol');
    if (!carol) throw new Error('seed');
    const carolViewer = [...sim.store.memberships.by('group', GA.viewer.uuid)].find((m) => m.username === 'carol');
    expect(alpha().isMember(GA.viewer.backendId, carol.id)).toBe(true);
    const r = await api.del(`${M}${String(carolViewer?.uuid)}/`);
    expect(r.status).toBe(204);
    expect(alpha().isMember(GA.viewer.backendId, carol.id)).toBe(false);
    expect((await api.get(`/api/offering-keycloak-groups/${GA.viewer.uuid}/`)).status).toBe(200);
  });

  it('deleting the last membership deletes the group, locally and remotely', async () => {
    const ids = [...sim.store.memberships.by('group', GA.xss.uuid)].map((m) => m.uuid);
    for (const id of ids) expect((await api.del(`${M}${id}/`)).status).toBe(204);
    expect((await api.get(`/api/offering-keycloak-groups/${GA.xss.uuid}/`)).status).toBe(404);
    expect(alpha().getGroup(GA.xss.backendId)).toBeUndefined();
    // Waldur deletes the group only after removing the user remotely went through: an orphaned
    // group (its remote group gone, get_group raises) keeps existing without members.
    const last = await api.del(`${M}${DEMO.memberships.lastOfGroup.uuid}/`);
    expect(last.status).toBe(204);
    expect((await api.get(`/api/offering-keycloak-groups/${GA.orphanedResearchers.uuid}/`)).status).toBe(200);
  });

  it('still 204 when Keycloak is down (errors are only logged)', async () => {
    sim.setFaults({ keycloakDown: true });
    expect((await api.del(`${M}${DEMO.memberships.aliceViewer.uuid}/`)).status).toBe(204);
    const alice = alpha().findUser('alice');
    expect(alice && alpha().isMember(GA.viewer.backendId, alice.id)).toBe(true);
  });

  it('permissions: 404 invisible, 403 without rights', async () => {
    expect((await api.del(`${M}${DEMO.memberships.aliceViewer.uuid}/`, { token: T.viewer })).status).toBe(404);
    const bMember = [...sim.store.memberships.by('offering', B)][0];
    expect((await api.del(`${M}${String(bMember?.uuid)}/`, { token: T.owner })).status).toBe(404);
    expect((await api.del(`${M}${DEMO.memberships.aliceViewer.uuid}/`, { token: T.owner })).status).toBe(204);
  });
});
