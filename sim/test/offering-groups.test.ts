// Section 2: /api/offering-keycloak-groups/ and its actions.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../src/seed/demo.ts';
import { A, B, DELTA, EPSILON, GAMMA, T, dashedUuid, demoSim, makeClient, url } from './harness.ts';
import type { Row } from './harness.ts';

const sim = demoSim();
const api = makeClient(sim);
beforeEach(() => sim.reset());

const G = '/api/offering-keycloak-groups/';
const GA = DEMO.groups.a;
const UNKNOWN = '0123456789abcdef0123456789abcdef';
const alpha = () => {
  const realm = sim.store.realms.get('alpha');
  if (!realm) throw new Error('no alpha realm');
  return realm;
};

describe('list and retrieve', () => {
  it('lists groups with every field, filters by offering, role and resource', async () => {
    const all = await api.get(`${G}?offering_uuid=${A}&page_size=100`);
    expect(all.headers.get('x-result-count')).toBe('13');
    const viewer = all.list().find((g) => g.uuid === GA.viewer.uuid);
    expect(viewer).toMatchObject({
      name: GA.viewer.name,
      backend_id: GA.viewer.backendId,
      offering_uuid: A,
      offering_name: 'Alpha HPC Platform',
      role_name: 'Viewer',
      role_scope_type: '',
      resource: null,
      resource_name: null,
      scope_id: '',
    });
    expect(viewer && 'resource_uuid' in viewer).toBe(false);
    const genomics = all.list().find((g) => g.uuid === GA.genomics.uuid);
    expect(genomics).toMatchObject({
      resource_uuid: DEMO.resources.aProd.uuid,
      resource_name: 'alpha-prod-cluster',
      scope_id: 'p-7x2kq',
      role_scope_type: 'project',
    });
    const byRole = await api.get(`${G}?role_uuid=${DEMO.roles.a.clusterAdmin.uuid}`);
    expect(
      byRole
        .list()
        .map((g) => g.uuid)
        .sort(),
    ).toEqual([GA.prodAdmin.uuid, GA.devAdmin.uuid, GA.rtl.uuid].sort());
    const byResource = await api.get(`${G}?offering_uuid=${A}&resource_uuid=${DEMO.resources.aArchive.uuid}`);
    expect(
      byResource
        .list()
        .map((g) => g.name)
        .sort(),
    ).toEqual([DEMO.hostile.sql, DEMO.hostile.rtl].sort());
  });

  it('retrieves by uuid; unknown is 404', async () => {
    const r = await api.get(`${G}${GA.orphaned.uuid}/`);
    expect(r.obj()).toMatchObject({ name: 'Legacy HPC users', backend_id: GA.orphaned.backendId });
    expect((await api.get(`${G}${UNKNOWN}/`)).body).toEqual({ detail: 'Not found.' });
  });
});

describe('delete', () => {
  it('204; deletes the linked remote group and the memberships', async () => {
    const r = await api.del(`${G}${GA.viewer.uuid}/`);
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect(alpha().getGroup(GA.viewer.backendId)).toBeUndefined();
    expect((await api.get(`${G}${GA.viewer.uuid}/`)).status).toBe(404);
    const members = await api.get(`/api/offering-keycloak-memberships/?group_uuid=${GA.viewer.uuid}`);
    expect(members.body).toEqual([]);
    expect((await api.get(`/api/offering-keycloak-memberships/${DEMO.memberships.aliceViewer.uuid}/`)).status).toBe(404);
  });

  it('unlinked and orphaned groups are deleted locally only; Keycloak being down does not block', async () => {
    const before = alpha().groups.size;
    expect((await api.del(`${G}${GA.unlinked.uuid}/`)).status).toBe(204);
    expect((await api.del(`${G}${GA.orphaned.uuid}/`)).status).toBe(204);
    expect(alpha().groups.size).toBe(before);
    sim.setFaults({ keycloakDown: true });
    expect((await api.del(`${G}${GA.genomics.uuid}/`)).status).toBe(204);
    expect(alpha().getGroup(GA.genomics.backendId)).toBeDefined();
  });

  it('403 for viewer is impossible to reach (404 first); 404 for unknown', async () => {
    expect((await api.del(`${G}${GA.viewer.uuid}/`, { token: T.viewer })).status).toBe(404);
    expect((await api.del(`${G}${UNKNOWN}/`)).status).toBe(404);
  });
});

/** The checks every offering-scoped action runs first, in order. */
const actions: Array<{ name: string; call: (offering: string | undefined, token?: string) => ReturnType<typeof api.get> }> = [
  {
    name: 'test_connection',
    call: (o, token) => api.post(`${G}test_connection/`, o === undefined ? {} : { offering_uuid: o }, { token: token ?? T.staff }),
  },
  {
    name: 'remote_groups',
    call: (o, token) => api.get(`${G}remote_groups/${o === undefined ? '' : `?offering_uuid=${o}`}`, { token: token ?? T.staff }),
  },
  {
    name: 'remote_group_members',
    call: (o, token) =>
      api.get(`${G}remote_group_members/?group_id=${GA.viewer.backendId}${o === undefined ? '' : `&offering_uuid=${o}`}`, {
        token: token ?? T.staff,
      }),
  },
  {
    name: 'search_remote_users',
    call: (o, token) =>
      api.get(`${G}search_remote_users/?q=alice${o === undefined ? '' : `&offering_uuid=${o}`}`, { token: token ?? T.staff }),
  },
  {
    name: 'sync_status',
    call: (o, token) => api.get(`${G}sync_status/${o === undefined ? '' : `?offering_uuid=${o}`}`, { token: token ?? T.staff }),
  },
  {
    name: 'import_remote',
    call: (o, token) =>
      api.post(
        `${G}import_remote/`,
        {
          ...(o === undefined ? {} : { offering_uuid: o }),
          role_uuid: DEMO.roles.a.namespaceEditor.uuid,
          remote_group_id: DEMO.remoteGroups.a.visitors.id,
        },
        { token: token ?? T.staff },
      ),
  },
];

describe('shared offering checks', () => {
  for (const action of actions) {
    it(`${action.name}: required, not found, not enabled, 403 - in that order`, async () => {
      const missing = await action.call(action.name === 'import_remote' ? undefined : '');
      expect(missing.status).toBe(400);
      expect(missing.body).toEqual(
        action.name === 'import_remote' ? { offering_uuid: ['This field is required.'] } : { offering_uuid: 'This field is required.' },
      );
      const unknown = await action.call(UNKNOWN);
      expect(unknown.status).toBe(400);
      expect(unknown.body).toEqual({ offering_uuid: 'Offering not found.' });
      if (action.name !== 'import_remote') {
        expect((await action.call('garbage')).body).toEqual({ offering_uuid: 'Offering not found.' });
      }
      const plain = await action.call(DELTA, T.viewer);
      expect(plain.status).toBe(400);
      expect(plain.body).toEqual(['Keycloak integration is not enabled for this offering.']);
      const denied = await action.call(A, T.viewer);
      expect(denied.status).toBe(403);
      expect(denied.body).toEqual({ detail: 'You do not have permission to perform this action.' });
      expect((await action.call(B, T.owner)).status).toBe(403);
      expect((await action.call(dashedUuid(A), T.owner)).status).not.toBe(403);
    });
  }
});

describe('test_connection', () => {
  it('ok with top-level group names; any failure is the same generic error', async () => {
    const r = await api.post(`${G}test_connection/`, { offering_uuid: A });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', groups_count: 4, groups: ['admins', 'alpha-hpc', 'external-partners', 'waldur'] });
    for (const offering of [GAMMA, EPSILON]) {
      const failed = await api.post(`${G}test_connection/`, { offering_uuid: offering });
      expect(failed.status).toBe(400);
      expect(failed.body).toEqual({ status: 'error', error: 'Unable to connect to Keycloak.' });
    }
    sim.setFaults({ keycloakDown: [A] });
    expect((await api.post(`${G}test_connection/`, { offering_uuid: A })).body).toEqual({
      status: 'error',
      error: 'Unable to connect to Keycloak.',
    });
    expect((await api.post(`${G}test_connection/`, { offering_uuid: B })).status).toBe(200);
  });
});

describe('remote_groups', () => {
  it('A: the children of the offering group, sorted, with path and sub_group_count 0 (grandchildren not fetched)', async () => {
    const rows = (await api.get(`${G}remote_groups/?offering_uuid=${A}`)).list();
    expect(rows).toHaveLength(17);
    const names = rows.map((g) => String(g.name));
    expect([...names].sort()).toEqual(names);
    expect(rows.find((g) => g.id === DEMO.remoteGroups.a.nested.id)).toEqual({
      id: DEMO.remoteGroups.a.nested.id,
      name: 'gpu-users',
      path: '/alpha-hpc/gpu-users',
      sub_group_count: 0,
    });
    expect(rows.every((g) => String(g.path).startsWith('/alpha-hpc/'))).toBe(true);
  });

  it('with a base group the list is empty: python-keycloak fetched no children of the offering group', async () => {
    const Z = DEMO.offerings.baseGroupLimit.uuid;
    expect((await api.get(`${G}remote_groups/?offering_uuid=${Z}`)).list()).toEqual([]);
    expect((await api.post(`${G}test_connection/`, { offering_uuid: Z })).body).toEqual({
      status: 'ok',
      groups_count: 1,
      groups: ['waldur'],
    });
    expect((await api.get(`${G}sync_status/?offering_uuid=${Z}`)).body).toEqual({ local_only: [], remote_only: [], synced: [] });
  });

  it('B (no hierarchy, no uuid prefix): every fetched group flattened (two levels), with duplicate names', async () => {
    const rows = (await api.get(`${G}remote_groups/?offering_uuid=${B}`)).list();
    expect(rows.filter((g) => g.name === 'Researchers').map((g) => g.path)).toEqual([...DEMO.remoteGroups.b.duplicatePaths]);
    // A grandchild was never fetched, so Waldur cannot list it.
    expect(rows.find((g) => g.path === DEMO.remoteGroups.b.nested.path)).toBeUndefined();
  });

  it('falls back to top-level groups named with the offering uuid hex', async () => {
    const realm = sim.store.realms.get('beta');
    realm?.createGroup(`${B}_legacy_Developer`, null);
    const rows = (await api.get(`${G}remote_groups/?offering_uuid=${B}`)).list();
    expect(rows.map((g) => g.name)).toEqual([`${B}_legacy_Developer`]);
  });

  it('failure: 400 Unable to list remote Keycloak groups.', async () => {
    const r = await api.get(`${G}remote_groups/?offering_uuid=${GAMMA}`);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: 'Unable to list remote Keycloak groups.' });
  });
});

describe('remote_group_members', () => {
  it('lists members with "" for missing values', async () => {
    const rows = (await api.get(`${G}remote_group_members/?offering_uuid=${A}&group_id=${GA.viewer.backendId}`)).list();
    const bob = rows.find((u) => u.username === 'bob');
    expect(bob).toMatchObject({ email: '', first_name: 'Bob', last_name: 'Builder' });
    expect(Object.keys(bob ?? {}).sort()).toEqual(['email', 'first_name', 'id', 'last_name', 'username']);
    expect(rows.map((u) => u.username)).toContain('mallory');
  });

  it('group_id is required; an unknown group or a failure is 400 error', async () => {
    const missing = await api.get(`${G}remote_group_members/?offering_uuid=${A}`);
    expect(missing.body).toEqual({ group_id: 'This field is required.' });
    const unknown = await api.get(`${G}remote_group_members/?offering_uuid=${A}&group_id=nope`);
    expect(unknown.body).toEqual({ error: 'Unable to list remote group members.' });
    const down = await api.get(`${G}remote_group_members/?offering_uuid=${GAMMA}&group_id=${DEMO.groups.unreachable.members.backendId}`);
    expect(down.status).toBe(400);
    expect(down.body).toEqual({ error: 'Unable to list remote group members.' });
  });
});

describe('search_remote_users', () => {
  it('matches username, email, first or last name; q is trimmed', async () => {
    const byUser = (await api.get(`${G}search_remote_users/?offering_uuid=${A}&q=%20lonely.user%20`)).list();
    expect(byUser.map((u) => u.username)).toEqual(['lonely.user']);
    const byEmail = (await api.get(`${G}search_remote_users/?offering_uuid=${A}&q=fatima%40uni`)).list();
    expect(byEmail.map((u) => u.username)).toEqual(['fatima.alzahra']);
    const byName = (await api.get(`${G}search_remote_users/?offering_uuid=${A}&q=${encodeURIComponent('Ångström')}`)).list();
    expect(byName.map((u) => u.username)).toContain('zoe.angstrom');
    const byLast = (await api.get(`${G}search_remote_users/?offering_uuid=${A}&q=builder`)).list();
    expect(byLast).toEqual([{ id: expect.any(String), username: 'bob', email: '', first_name: 'Bob', last_name: 'Builder' }]);
    expect((await api.get(`${G}search_remote_users/?offering_uuid=${A}&q=zzzzzz`)).body).toEqual([]);
  });

  it('empty q is 400; failure is 400 error', async () => {
    for (const q of ['', '%20%20', undefined]) {
      const r = await api.get(`${G}search_remote_users/?offering_uuid=${A}${q === undefined ? '' : `&q=${q}`}`);
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ q: 'This field is required.' });
    }
    const down = await api.get(`${G}search_remote_users/?offering_uuid=${EPSILON}&q=a`);
    expect(down.body).toEqual({ error: 'Unable to search remote users.' });
  });
});

describe('sync_status', () => {
  it('matches by remote id; names only, repeats allowed', async () => {
    const s = (await api.get(`${G}sync_status/?offering_uuid=${A}`)).obj();
    const synced = s.synced as Row[];
    expect(synced.map((x) => x.backend_id).sort()).toEqual(
      [GA.viewer, GA.prodAdmin, GA.devAdmin, GA.genomics, GA.climate, GA.researchers, GA.xss, GA.longName, GA.rtl]
        .map((g) => g.backendId)
        .sort(),
    );
    expect(synced.find((x) => x.backend_id === GA.researchers.backendId)).toEqual({
      local_name: 'Researchers',
      remote_name: 'Researchers',
      backend_id: GA.researchers.backendId,
    });
    expect([...(s.local_only as string[])].sort()).toEqual(['Legacy HPC users', 'Researchers', GA.unlinked.name, DEMO.hostile.sql].sort());
    expect([...(s.remote_only as string[])].sort()).toEqual([...DEMO.remoteGroups.a.remoteOnlyNames].sort());
  });

  it('renaming a remote group keeps it synced (id match, not name)', async () => {
    const g = alpha().getGroup(GA.genomics.backendId);
    if (g) g.name = 'Renamed remotely';
    const s = (await api.get(`${G}sync_status/?offering_uuid=${A}`)).obj();
    expect((s.synced as Row[]).find((x) => x.backend_id === GA.genomics.backendId)).toMatchObject({
      local_name: GA.genomics.name,
      remote_name: 'Renamed remotely',
    });
  });

  it('B lists repeated remote names', async () => {
    const s = (await api.get(`${G}sync_status/?offering_uuid=${B}`)).obj();
    expect((s.remote_only as string[]).filter((n) => n === 'Researchers')).toHaveLength(1);
    expect((s.synced as Row[]).map((x) => x.remote_name)).toContain('Researchers');
  });

  it('failure: 400', async () => {
    expect((await api.get(`${G}sync_status/?offering_uuid=${GAMMA}`)).body).toEqual({
      error: 'Unable to retrieve sync status from Keycloak.',
    });
  });
});

describe('import_remote', () => {
  const body = (extra: Record<string, unknown> = {}) => ({
    offering_uuid: A,
    role_uuid: DEMO.roles.a.namespaceEditor.uuid,
    remote_group_id: DEMO.remoteGroups.a.visitors.id,
    ...extra,
  });

  it('201 with the new group named after the remote one; members are not pulled', async () => {
    const r = await api.post(`${G}import_remote/`, body({ resource_uuid: DEMO.resources.aProd.uuid, scope_id: 'ns-shared' }));
    expect(r.status).toBe(201);
    expect(r.obj()).toMatchObject({
      name: 'Visitors',
      backend_id: DEMO.remoteGroups.a.visitors.id,
      role_name: 'Namespace Editor',
      resource_uuid: DEMO.resources.aProd.uuid,
      scope_id: 'ns-shared',
    });
    const members = await api.get(`/api/offering-keycloak-memberships/?group_uuid=${String(r.obj().uuid)}`);
    expect(members.body).toEqual([]);
    const again = await api.post(`${G}import_remote/`, body({ role_uuid: DEMO.roles.a.operator.uuid }));
    expect(again.status).toBe(400);
    expect(again.body).toEqual(['A local group already exists for this remote Keycloak group.']);
  });

  it('field validation comes first, all fields at once', async () => {
    const r = await api.post(`${G}import_remote/`, { offering_uuid: 'x', resource_uuid: 'y', scope_id: 5 });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      offering_uuid: ['Must be a valid UUID.'],
      role_uuid: ['This field is required.'],
      remote_group_id: ['This field is required.'],
      resource_uuid: ['Must be a valid UUID.'],
    });
    const bad = await api.post(`${G}import_remote/`, body({ role_uuid: 'nope', remote_group_id: '' }));
    expect(bad.body).toEqual({ role_uuid: ['Must be a valid UUID.'], remote_group_id: ['This field may not be blank.'] });
  });

  it('role, resource, remote group errors in order', async () => {
    expect((await api.post(`${G}import_remote/`, body({ role_uuid: DEMO.roles.b.admin.uuid }))).body).toEqual({
      role_uuid: 'Role not found for this offering.',
    });
    expect((await api.post(`${G}import_remote/`, body({ resource_uuid: DEMO.resources.bEdu.uuid }))).body).toEqual({
      resource_uuid: 'Resource not found for this offering.',
    });
    expect((await api.post(`${G}import_remote/`, body({ remote_group_id: 'does-not-exist' }))).body).toEqual({
      remote_group_id: 'Unable to fetch remote group from Keycloak.',
    });
    sim.setFaults({ keycloakDown: true });
    expect((await api.post(`${G}import_remote/`, body())).body).toEqual({
      remote_group_id: 'Unable to fetch remote group from Keycloak.',
    });
  });

  it('any remote group of the realm can be imported; names over 150 characters cannot', async () => {
    const nested = await api.post(`${G}import_remote/`, body({ remote_group_id: DEMO.remoteGroups.a.nestedChild.id }));
    expect(nested.status).toBe(201);
    expect(nested.obj().name).toBe('h100');
    const long = await api.post(
      `${G}import_remote/`,
      body({
        role_uuid: DEMO.roles.a.operator.uuid,
        resource_uuid: DEMO.resources.aArchive.uuid,
        remote_group_id: DEMO.remoteGroups.a.long255.id,
      }),
    );
    expect(long.status).toBe(400);
    expect(long.body).toEqual({ name: ['Ensure this field has no more than 150 characters.'] });
    const taken = await api.post(
      `${G}import_remote/`,
      body({ role_uuid: DEMO.roles.a.viewer.uuid, remote_group_id: DEMO.remoteGroups.a.stewards.id }),
    );
    expect(taken.body).toEqual({ non_field_errors: ['The fields offering, role, resource, scope_id must make a unique set.'] });
  });
});

describe('set_backend_id', () => {
  const path = (uuid: string) => `${G}${uuid}/set_backend_id/`;

  it('links to an existing remote group; empty or null unlinks without a remote check', async () => {
    const r = await api.post(path(GA.unlinked.uuid), { backend_id: DEMO.remoteGroups.a.operator.id, scope_id: '' });
    expect(r.status).toBe(200);
    expect(r.obj().backend_id).toBe(DEMO.remoteGroups.a.operator.id);
    sim.setFaults({ keycloakDown: true });
    for (const backend_id of ['', null]) {
      const u = await api.post(path(GA.viewer.uuid), { backend_id });
      expect(u.status).toBe(200);
      expect(u.obj().backend_id).toBe('');
    }
    const down = await api.post(path(GA.viewer.uuid), { backend_id: GA.viewer.backendId });
    expect(down.body).toEqual({ backend_id: 'Unable to verify remote group in Keycloak.' });
  });

  it('unknown remote id is 400', async () => {
    const r = await api.post(path(GA.orphaned.uuid), { backend_id: 'nope' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ backend_id: 'Unable to verify remote group in Keycloak.' });
  });

  it('resource_uuid: value must belong to the offering, null clears, absent keeps; scope_id resets to ""', async () => {
    const keep = await api.post(path(GA.genomics.uuid), { backend_id: GA.genomics.backendId });
    expect(keep.obj()).toMatchObject({ resource_uuid: DEMO.resources.aProd.uuid, scope_id: '' });
    const cleared = await api.post(path(GA.genomics.uuid), { backend_id: GA.genomics.backendId, resource_uuid: null, scope_id: 'p-7x2kq' });
    expect(cleared.obj()).toMatchObject({ resource: null, resource_name: null, scope_id: 'p-7x2kq' });
    expect('resource_uuid' in cleared.obj()).toBe(false);
    const set = await api.post(path(GA.genomics.uuid), { resource_uuid: DEMO.resources.aDev.uuid, scope_id: 'p-dev02' });
    expect(set.obj()).toMatchObject({ resource_uuid: DEMO.resources.aDev.uuid, backend_id: '' });
    const foreign = await api.post(path(GA.genomics.uuid), { resource_uuid: DEMO.resources.bShared.uuid });
    expect(foreign.body).toEqual({ resource_uuid: 'Resource not found for this offering.' });
    const invalid = await api.post(path(GA.genomics.uuid), { resource_uuid: 'abc', backend_id: true });
    expect(invalid.body).toEqual({ backend_id: ['Not a valid string.'], resource_uuid: ['Must be a valid UUID.'] });
  });

  it('permissions: 404 for invisible groups, 403 for viewers of visible ones', async () => {
    expect((await api.post(path(GA.viewer.uuid), {}, { token: T.viewer })).status).toBe(404);
    expect((await api.post(path(DEMO.groups.b.ops.uuid), {}, { token: T.owner })).status).toBe(404);
    expect((await api.post(path(GA.viewer.uuid), { backend_id: GA.viewer.backendId }, { token: T.owner })).status).toBe(200);
  });
});

describe('pull_members', () => {
  const path = (uuid: string) => `${G}${uuid}/pull_members/`;

  it('creates missing (active), updates changed fields, activates pending, never deletes', async () => {
    const before = (await api.get(`/api/offering-keycloak-memberships/?group_uuid=${GA.researchers.uuid}&page_size=100`)).list();
    const r = await api.post(path(GA.researchers.uuid));
    expect(r.status).toBe(200);
    expect(r.body).toEqual(DEMO.pullExpectations.researchers);
    const after = (await api.get(`/api/offering-keycloak-memberships/?group_uuid=${GA.researchers.uuid}&page_size=100`)).list();
    expect(after).toHaveLength(before.length + 3);
    expect(after.every((m) => m.state === 'active')).toBe(true);
    expect(after.find((m) => m.username === 'mallory')).toMatchObject({ first_name: DEMO.hostile.xss, email: 'mallory@example.org' });
    const again = await api.post(path(GA.researchers.uuid));
    expect(again.body).toEqual({ created: 0, updated: 0, total_remote: 8 });
  });

  it('updates a stale last name; keeps members missing remotely', async () => {
    const r = await api.post(path(GA.viewer.uuid));
    expect(r.obj()).toMatchObject({ created: 2, updated: 1 });
    const alice = await api.get(`/api/offering-keycloak-memberships/${DEMO.memberships.aliceViewer.uuid}/`);
    expect(alice.obj().last_name).toBe('Andersson-Berg');
    const pendingStill = await api.get(`/api/offering-keycloak-memberships/?group_uuid=${GA.viewer.uuid}&username=new.postdoc`);
    expect(pendingStill.list()).toHaveLength(1);
  });

  it('members without email get "" and stay valid', async () => {
    const realm = alpha();
    const group = realm.getGroup(DEMO.remoteGroups.a.visitors.id);
    const li = realm.findUser('li.chen');
    if (!group || !li) throw new Error('seed');
    realm.addMember(group.id, li.id);
    const imported = await api.post(`${G}import_remote/`, {
      offering_uuid: A,
      role_uuid: DEMO.roles.a.namespaceEditor.uuid,
      remote_group_id: group.id,
    });
    const pulled = await api.post(path(String(imported.obj().uuid)));
    expect(pulled.body).toEqual({ created: 1, updated: 0, total_remote: 1 });
    const rows = (await api.get(`/api/offering-keycloak-memberships/?group_uuid=${String(imported.obj().uuid)}`)).list();
    expect(rows[0]).toMatchObject({ username: 'li.chen', email: '', state: 'active' });
  });

  it('not linked: 400; remote failure or missing remote group: 400', async () => {
    const r = await api.post(path(GA.unlinked.uuid));
    expect(r.status).toBe(400);
    expect(r.body).toEqual(['Group is not linked to a remote Keycloak group. Remap it first to set a backend ID.']);
    expect((await api.post(path(GA.orphaned.uuid))).body).toEqual(['Unable to fetch members from Keycloak.']);
    expect((await api.post(path(DEMO.groups.unreachable.members.uuid))).body).toEqual(['Unable to fetch members from Keycloak.']);
  });

  it('permissions', async () => {
    expect((await api.post(path(GA.viewer.uuid), undefined, { token: T.viewer })).status).toBe(404);
    expect((await api.post(path(GA.viewer.uuid), undefined, { token: T.owner })).status).toBe(200);
  });
});

// import_remote, set_backend_id and membership creation find groups by remote id and by their
// (role, resource, scope_id) through indexes: every change of those fields must move the group.
describe('look-ups by remote id and by role, resource and scope follow every change', () => {
  const importBody = (remote_group_id: string, extra: Record<string, unknown> = {}) => ({
    offering_uuid: A,
    role_uuid: DEMO.roles.a.namespaceEditor.uuid,
    remote_group_id,
    ...extra,
  });
  const alreadyLinked = ['A local group already exists for this remote Keycloak group.'];
  const notUnique = { non_field_errors: ['The fields offering, role, resource, scope_id must make a unique set.'] };
  const visitors = DEMO.remoteGroups.a.visitors.id;

  it('set_backend_id: linking takes the remote id, unlinking frees it', async () => {
    expect((await api.post(`${G}${GA.unlinked.uuid}/set_backend_id/`, { backend_id: visitors })).status).toBe(200);
    expect((await api.post(`${G}import_remote/`, importBody(visitors))).body).toEqual(alreadyLinked);
    expect((await api.post(`${G}${GA.unlinked.uuid}/set_backend_id/`, { backend_id: '' })).status).toBe(200);
    expect((await api.post(`${G}import_remote/`, importBody(visitors))).status).toBe(201);
  });

  it('set_backend_id: a group moved to another resource and scope frees its old set and takes the new one', async () => {
    const old = { role_uuid: DEMO.roles.a.projectMember.uuid, resource_uuid: DEMO.resources.aProd.uuid, scope_id: 'p-7x2kq' };
    expect((await api.post(`${G}import_remote/`, importBody(visitors, old))).body).toEqual(notUnique);
    const moved = await api.post(`${G}${GA.genomics.uuid}/set_backend_id/`, {
      backend_id: GA.genomics.backendId,
      resource_uuid: DEMO.resources.aDev.uuid,
      scope_id: 'p-dev02',
    });
    expect(moved.status).toBe(200);
    const taken = await api.post(`${G}${GA.climate.uuid}/set_backend_id/`, {
      backend_id: GA.climate.backendId,
      resource_uuid: DEMO.resources.aDev.uuid,
      scope_id: 'p-dev02',
    });
    expect(taken.body).toEqual(notUnique);
    expect((await api.post(`${G}import_remote/`, importBody(visitors, old))).status).toBe(201);
  });

  it('a membership links the unlinked group of its set, whose remote id is then taken', async () => {
    const r = await api.post('/api/offering-keycloak-memberships/', {
      username: 'bob',
      email: 'bob@example.org',
      offering: url.offering(A),
      role: url.role(DEMO.roles.a.operator.uuid),
      resource: null,
    });
    expect(r.status).toBe(201);
    expect(r.obj().group_name).toBe(GA.unlinked.name);
    const operator = DEMO.remoteGroups.a.operator.id;
    expect((await api.get(`${G}${GA.unlinked.uuid}/`)).obj().backend_id).toBe(operator);
    expect((await api.post(`${G}import_remote/`, importBody(operator))).body).toEqual(alreadyLinked);
  });

  it('the periodic unlink of a group whose remote group is gone frees the remote id', async () => {
    const realm = alpha();
    const remote = realm.getGroup(GA.viewer.backendId);
    if (!remote) throw new Error('no remote viewer group');
    realm.deleteGroup(remote.id);
    await sim.tick();
    expect((await api.get(`${G}${GA.viewer.uuid}/`)).obj().backend_id).toBe('');
    realm.createGroup(remote.name, remote.parentId, remote.id);
    expect((await api.post(`${G}import_remote/`, importBody(remote.id))).status).toBe(201);
  });

  it('a deleted group frees its set', async () => {
    const set = { role_uuid: DEMO.roles.a.operator.uuid };
    expect((await api.post(`${G}import_remote/`, importBody(visitors, set))).body).toEqual(notUnique);
    expect((await api.del(`${G}${GA.unlinked.uuid}/`)).status).toBe(204);
    expect((await api.post(`${G}import_remote/`, importBody(visitors, set))).status).toBe(201);
  });
});
