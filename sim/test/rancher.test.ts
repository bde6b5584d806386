// Section 4: Rancher clusters, projects, role templates, Keycloak groups and memberships.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../src/seed/demo.ts';
import { T, dashedUuid, demoSim, makeClient, url } from './harness.ts';

const sim = demoSim();
const api = makeClient(sim);
beforeEach(() => sim.reset());

const RD = DEMO.rancher;
const RT = RD.roleTemplates;
const KM = '/api/keycloak-user-group-memberships/';
const aurora = () => {
  const realm = sim.store.realms.get('rancher-aurora');
  if (!realm) throw new Error('no realm');
  return realm;
};

describe('pickers', () => {
  it('clusters with service_settings_uuid; projects by cluster; role templates by settings and scope type', async () => {
    const clusters = (await api.get('/api/rancher-clusters/')).list();
    expect(clusters.map((c) => c.name).sort()).toEqual(['aurora-dev', 'aurora-prod', 'boreal-k8s']);
    expect(clusters.find((c) => c.uuid === RD.clusters.auroraProd.uuid)?.service_settings_uuid).toBe(RD.settings.aurora.uuid);
    const projects = (await api.get(`/api/rancher-projects/?cluster_uuid=${RD.clusters.auroraProd.uuid}`)).list();
    expect(projects.map((p) => p.name).sort()).toEqual(['ml-platform', 'web-frontend']);
    const templates = (await api.get(`/api/rancher-role-templates/?settings_uuid=${RD.settings.aurora.uuid}&scope_type=project`)).list();
    expect(templates.map((t) => t.name)).toEqual(['project-member', 'project-owner', 'read-only']);
    expect(templates[0]).toMatchObject({ display_name: 'Project Member', scope_type: 'project' });
    const byName = await api.get(`/api/rancher-role-templates/?o=-name&settings_uuid=${RD.settings.aurora.uuid}`);
    expect(byName.list()[0]?.name).toBe('read-only');
  });

  it('answers only the fields Waldur 8.0.5 has: no backend_id, cluster_name or cluster_uuid on projects, no url on offering roles', async () => {
    const [project] = (await api.get(`/api/rancher-projects/?cluster_uuid=${RD.clusters.auroraProd.uuid}`)).list();
    expect(Object.keys(project ?? {}).sort()).toEqual(
      ['cluster', 'created', 'description', 'modified', 'name', 'namespaces', 'runtime_state', 'url', 'uuid'].sort(),
    );
    const [role] = (await api.get(`/api/marketplace-offering-user-roles/?offering_uuid=${DEMO.offerings.healthyA.uuid}`)).list();
    expect(role).not.toHaveProperty('url');
    expect(role).toHaveProperty('offering_uuid');
  });

  it('owner sees own organization only; viewer sees nothing', async () => {
    const owner = (await api.get('/api/rancher-clusters/', { token: T.owner })).list();
    expect(owner.map((c) => c.name).sort()).toEqual(['aurora-dev', 'aurora-prod']);
    expect((await api.get('/api/rancher-clusters/', { token: T.viewer })).body).toEqual([]);
    expect((await api.get('/api/rancher-role-templates/', { token: T.viewer })).body).toEqual([]);
    expect((await api.get(KM, { token: T.viewer })).body).toEqual([]);
    expect((await api.get('/api/keycloak-groups/', { token: T.owner })).headers.get('x-result-count')).toBe('4');
  });
});

describe('keycloak-groups (read-only)', () => {
  it('lists with scope names; filters by role, scope_type, scope_uuid', async () => {
    const all = (await api.get('/api/keycloak-groups/')).list();
    expect(all).toHaveLength(5);
    const ml = all.find((g) => g.uuid === RD.groups.mlMembers.uuid);
    expect(ml).toMatchObject({
      scope_type: 'project',
      scope_uuid: RD.projects.mlPlatform.uuid,
      scope_name: 'ml-platform',
      role: url.roleTemplate(RT.projectMember.uuid),
    });
    expect((await api.get(`/api/keycloak-groups/?scope_type=cluster`)).list()).toHaveLength(3);
    expect((await api.get(`/api/keycloak-groups/?role=${RT.clusterOwner.uuid}`)).list()).toHaveLength(1);
    expect((await api.get(`/api/keycloak-groups/?role=${encodeURIComponent(url.roleTemplate(RT.clusterOwner.uuid))}`)).list()).toHaveLength(
      1,
    );
    expect((await api.get(`/api/keycloak-groups/?scope_uuid=${dashedUuid(RD.clusters.auroraDev.uuid)}`)).list()).toHaveLength(1);
    expect((await api.get(`/api/keycloak-groups/${RD.groups.prodOwners.uuid}/`)).obj().name).toBe(RD.groups.prodOwners.name);
    expect((await api.request('POST', '/api/keycloak-groups/', { body: {} })).status).toBe(405);
  });
});

describe('keycloak-user-group-memberships', () => {
  const body = (extra: Record<string, unknown> = {}) => ({
    username: 'r.spare',
    email: 'spare@example.org',
    scope_uuid: RD.clusters.auroraDev.uuid,
    role: url.roleTemplate(RT.clusterOwner.uuid),
    ...extra,
  });

  it('lists with filters; states pending / active / active with error', async () => {
    const all = (await api.get(`${KM}?page_size=50`)).list();
    expect(all).toHaveLength(10);
    expect(all.find((m) => m.username === 'new.engineer')).toMatchObject({
      state: 'pending',
      group_scope_name: 'ml-platform',
      group_role: 'project-member',
      group_scope_type: 'project',
    });
    expect(all.find((m) => m.username === 'r.departed')?.error_message).not.toBe('');
    expect(
      (await api.get(`${KM}?state=pending`))
        .list()
        .map((m) => m.username)
        .sort(),
    ).toEqual(['dave', 'new.engineer']);
    expect((await api.get(`${KM}?scope_type=cluster`)).list()).toHaveLength(5);
    expect((await api.get(`${KM}?scope_uuid=${RD.projects.mlPlatform.uuid}`)).list()).toHaveLength(3);
    expect(
      (await api.get(`${KM}?role_uuid=${RT.clusterOwner.uuid}`))
        .list()
        .map((m) => m.username)
        .sort(),
    ).toEqual(['alice', 'carol']);
    expect((await api.get(`${KM}?group_uuid=${RD.groups.devMembers.uuid}`)).list()).toHaveLength(2);
    expect((await api.get(`${KM}?username=alice&email=alice@uni-example.org`)).list()).toHaveLength(1);
  });

  it('create: active when the user exists, groups c_{cluster} and c_{scope}_{role} created', async () => {
    const r = await api.post(KM, body());
    expect(r.status).toBe(201);
    expect(r.obj()).toMatchObject({
      state: 'active',
      first_name: 'Spare',
      group_name: `c_${RD.clusters.auroraDev.uuid}_cluster-owner`,
      group_scope_name: 'aurora-dev',
    });
    const group = aurora()
      .flatten()
      .find((g) => g.name === `c_${RD.clusters.auroraDev.uuid}_cluster-owner`);
    expect(group?.path).toBe(`/c_${RD.clusters.auroraDev.uuid}/c_${RD.clusters.auroraDev.uuid}_cluster-owner`);
    const spare = aurora().findUser('r.spare');
    expect(group && spare && aurora().isMember(group.id, spare.id)).toBe(true);
    const groups = await api.get(`/api/keycloak-groups/?scope_uuid=${RD.clusters.auroraDev.uuid}`);
    expect(groups.list()).toHaveLength(2);
  });

  it('create: pending when the user does not exist; the periodic task activates it', async () => {
    const r = await api.post(
      KM,
      body({ username: 'someone.new', role: url.roleTemplate(RT.readOnly.uuid), scope_uuid: RD.projects.sandbox.uuid }),
    );
    expect(r.obj()).toMatchObject({ state: 'pending', group_name: `p_${RD.projects.sandbox.uuid}_read-only` });
    await api.post('/__sim/remote/users', {
      offering_uuid: RD.settings.aurora.uuid,
      username: 'someone.new',
      first_name: 'Some',
      last_name: 'One',
    });
    expect((await sim.tick()).rancherActivated).toBe(1);
    expect((await api.get(`${KM}${String(r.obj().uuid)}/`)).obj()).toMatchObject({ state: 'active', first_name: 'Some' });
  });

  it('create errors: unknown scope, duplicate, field validation, Keycloak failure', async () => {
    const unknown = '0123456789abcdef0123456789abcdef';
    expect((await api.post(KM, body({ scope_uuid: unknown }))).body).toEqual({
      non_field_errors: ['Cluster with UUID 01234567-89ab-cdef-0123-456789abcdef does not exist.'],
    });
    expect(
      (await api.post(KM, body({ scope_uuid: RD.clusters.auroraProd.uuid, role: url.roleTemplate(RT.projectMember.uuid) }))).body,
    ).toEqual({
      non_field_errors: [`Project with UUID ${dashedUuid(RD.clusters.auroraProd.uuid)} does not exist.`],
    });
    expect((await api.post(KM, body({ username: 'alice' }))).body).toEqual({
      non_field_errors: ['This keycloak user group membership already exists.'],
    });
    expect((await api.post(KM, { email: 'x', scope_uuid: 'nope', role: url.offering(DEMO.offerings.healthyA.uuid) })).body).toEqual({
      username: ['This field is required.'],
      email: ['Enter a valid email address.'],
      scope_uuid: ['Must be a valid UUID.'],
      role: ['Invalid hyperlink - Incorrect URL match.'],
    });
    sim.setFaults({ keycloakDown: true });
    const down = await api.post(KM, body());
    expect(down.status).toBe(400);
    expect(down.body).toEqual(["Unable to add a user to the Keycloak group: Can't connect to server"]);
  });

  it('permissions: owner manages own clusters; viewer gets 403 after validation', async () => {
    expect((await api.post(KM, body(), { token: T.owner })).status).toBe(201);
    expect(
      (
        await api.post(
          KM,
          body({ username: 'boris2', scope_uuid: RD.clusters.boreal.uuid, role: url.roleTemplate(RT.borealClusterOwner.uuid) }),
          { token: T.owner },
        )
      ).status,
    ).toBe(403);
    expect((await api.post(KM, body({ username: 'x2' }), { token: T.viewer })).status).toBe(403);
    expect((await api.post(KM, body({ scope_uuid: 'bad' }), { token: T.viewer })).status).toBe(400);
  });

  it('updates run the create validation (waldur_rancher serializers.py validate): PUT with all four fields; DELETE removes the user from the remote group', async () => {
    const target = [...sim.store.rancherMemberships.all()].find((m) => m.username === 'carol');
    if (!target) throw new Error('seed');
    const role = url.roleTemplate(RT.clusterOwner.uuid);
    const scope = RD.clusters.auroraProd.uuid;
    // PATCH without role: validate() builds KeycloakGroup(role=None) and reads its role's scope
    // type, an unhandled error: Django's 500 page, nothing changed.
    const patched = await api.patch(`${KM}${target.uuid}/`, { email: 'carol.new@example.org' }, { allow500: true });
    expect(patched.status).toBe(500);
    expect(String(patched.body)).toContain('Server Error (500)');
    expect(sim.store.rancherMemberships.get(target.uuid)?.email).not.toBe('carol.new@example.org');
    // The duplicate check (username + role) does not leave the edited membership out: keeping
    // username and role is refused, so the email alone cannot be changed.
    const sameUser = await api.put(`${KM}${target.uuid}/`, { username: 'carol', email: 'c@example.org', scope_uuid: scope, role });
    expect(sameUser.status).toBe(400);
    expect(sameUser.body).toEqual({ non_field_errors: ['This keycloak user group membership already exists.'] });
    expect((await api.patch(`${KM}${target.uuid}/`, { username: 'carol', email: 'c@example.org', scope_uuid: scope, role })).status).toBe(
      400,
    );
    // PATCH with role but without scope_uuid: the scope lookup finds no cluster "None".
    expect((await api.patch(`${KM}${target.uuid}/`, { username: 'carol2', role })).body).toEqual({
      non_field_errors: ['Cluster with UUID None does not exist.'],
    });
    // PATCH with role and scope but no username: validate() reads attrs["username"]: 500.
    expect((await api.patch(`${KM}${target.uuid}/`, { email: 'c@example.org', scope_uuid: scope, role }, { allow500: true })).status).toBe(
      500,
    );
    // A new username with the same role and scope saves; only username and email change.
    const put = await api.put(`${KM}${target.uuid}/`, { username: 'carol.b', email: 'c@example.org', scope_uuid: scope, role });
    expect(put.status).toBe(200);
    expect(put.obj()).toMatchObject({ username: 'carol.b', email: 'c@example.org' });
    expect(sim.store.rancherMemberships.get(target.uuid)?.groupUuid).toBe(target.groupUuid);
    const putMissing = await api.put(`${KM}${target.uuid}/`, { email: 'c@example.org' });
    expect(putMissing.body).toEqual({
      username: ['This field is required.'],
      scope_uuid: ['This field is required.'],
      role: ['This field is required.'],
    });
    expect((await api.put(`${KM}${target.uuid}/`, { username: 'alice', email: 'a@example.org', scope_uuid: scope, role })).body).toEqual({
      non_field_errors: ['This keycloak user group membership already exists.'],
    });
    // An edit does not touch Keycloak, and a delete removes the user the membership names now:
    // back to carol, so that the delete below removes carol.
    expect((await api.put(`${KM}${target.uuid}/`, { username: 'carol', email: 'c@example.org', scope_uuid: scope, role })).status).toBe(
      200,
    );
    const carol = aurora().findUser('carol');
    const group = sim.store.rancherGroups.get(target.groupUuid);
    expect(carol && group && aurora().isMember(group.backendId, carol.id)).toBe(true);
    expect((await api.del(`${KM}${target.uuid}/`)).status).toBe(204);
    expect(carol && group && aurora().isMember(group.backendId, carol.id)).toBe(false);
    expect((await api.get(`${KM}${target.uuid}/`)).status).toBe(404);
    expect((await api.del(`${KM}${target.uuid}/`, { token: T.viewer })).status).toBe(404);
  });
});
