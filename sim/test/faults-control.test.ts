// Faults, the /__sim/ control API and the periodic tasks.
import { beforeEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../src/simulator.ts';
import { DEMO } from '../src/seed/demo.ts';
import { REMOVED_EXTERNALLY } from '../src/tasks.ts';
import { A, B, GAMMA, T, demoSim, makeClient } from './harness.ts';

const sim = demoSim();
const api = makeClient(sim);
beforeEach(() => sim.reset());

const GA = DEMO.groups.a;
const M = '/api/offering-keycloak-memberships/';
const faults = (body: unknown) => api.post('/__sim/faults', body, { token: null });

describe('faults', () => {
  it('latencyMs delays API answers (and the login), never /__sim/', async () => {
    expect((await faults({ latencyMs: 60 })).status).toBe(200);
    let t = performance.now();
    await api.get('/api/users/me/');
    expect(performance.now() - t).toBeGreaterThanOrEqual(55);
    t = performance.now();
    await api.post('/api-auth/password/', { username: 'staff', password: 'staff' }, { token: null });
    expect(performance.now() - t).toBeGreaterThanOrEqual(55);
    t = performance.now();
    await api.get('/__sim/state', { token: null });
    expect(performance.now() - t).toBeLessThan(50);
  });

  it('slow rules add latency to matching paths and exact query values only', async () => {
    // A delay far above what a search takes, even over a real Keycloak on a busy machine, so that
    // "not delayed" is told apart from "delayed" by the rule and not by the machine's speed.
    await faults({ slow: [{ path: 'search_remote_users', query: { q: 'al' }, ms: 3000 }] });
    let t = performance.now();
    await api.get(`/api/offering-keycloak-groups/search_remote_users/?offering_uuid=${A}&q=al`);
    expect(performance.now() - t).toBeGreaterThanOrEqual(2995);
    t = performance.now();
    await api.get(`/api/offering-keycloak-groups/search_remote_users/?offering_uuid=${A}&q=ali`);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('fail rules: skip, then times, with the given status; 500 is an HTML proxy page', async () => {
    await faults({ fail: [{ method: 'DELETE', path: '/offering-keycloak-memberships/', skip: 1, times: 1, status: 500 }] });
    const ids = [...sim.store.memberships.by('group', GA.viewer.uuid)].map((m) => m.uuid);
    expect((await api.del(`${M}${ids[0]}/`)).status).toBe(204);
    const failed = await api.del(`${M}${ids[1]}/`, { allow500: true });
    expect(failed.status).toBe(500);
    expect(failed.headers.get('content-type')).toContain('text/html');
    expect(failed.text).toContain('500 Internal Server Error');
    expect(sim.store.memberships.get(String(ids[1]))).toBeDefined();
    expect((await api.del(`${M}${ids[1]}/`)).status).toBe(204);
    expect((await api.get(M)).status).toBe(200);

    await faults({ fail: [{ path: '/api/users/me/', status: 503, times: 2 }] });
    const r = await api.get('/api/users/me/');
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ detail: 'Simulated failure.' });
    expect((await api.get('/api/users/me/')).status).toBe(503);
    expect((await api.get('/api/users/me/')).status).toBe(200);
  });

  it('errorRate answers that share of API requests with a 500 page, deterministically', async () => {
    const run = async (): Promise<number[]> => {
      sim.reset();
      await faults({ errorRate: 0.5 });
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await api.get('/api/users/me/', { allow500: true })).status);
      return out;
    };
    const first = await run();
    const second = await run();
    expect(first).toEqual(second);
    const failures = first.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
    await faults({ errorRate: 1 });
    expect((await api.post('/api-auth/password/', { username: 'owner', password: 'owner' }, { token: null })).status).toBe(200);
    expect((await api.get('/api/users/me/', { allow500: true })).status).toBe(500);
  });

  it('keycloakDown: true or a list of offering uuids', async () => {
    await faults({ keycloakDown: [A] });
    expect((await api.get(`/api/offering-keycloak-groups/remote_groups/?offering_uuid=${A}`)).status).toBe(400);
    expect((await api.get(`/api/offering-keycloak-groups/remote_groups/?offering_uuid=${B}`)).status).toBe(200);
    await faults({ keycloakDown: true });
    expect((await api.get(`/api/offering-keycloak-groups/remote_groups/?offering_uuid=${B}`)).status).toBe(400);
    await faults({});
    expect((await api.get(`/api/offering-keycloak-groups/remote_groups/?offering_uuid=${A}`)).status).toBe(200);
  });

  it('keycloakRejects: a delete answers 204 and Waldur forgets, but Keycloak keeps that user or group', async () => {
    await faults({ keycloakRejects: [{ username: 'ALICE' }, { group_id: GA.prodAdmin.backendId }] });
    const members = async (groupId: string) =>
      (await api.get(`/api/offering-keycloak-groups/remote_group_members/?offering_uuid=${A}&group_id=${groupId}`)).list();
    expect((await api.del(`${M}${DEMO.memberships.aliceViewer.uuid}/`)).status).toBe(204);
    expect((await api.get(`${M}${DEMO.memberships.aliceViewer.uuid}/`)).status).toBe(404);
    expect((await members(GA.viewer.backendId)).map((user) => user.username)).toContain('alice');
    // Another user of the same group leaves Keycloak as usual.
    const other = (await api.get(`${M}?group_uuid=${GA.viewer.uuid}&page_size=300`)).list().find((m) => m.username !== 'alice');
    expect((await api.del(`${M}${String(other?.uuid)}/`)).status).toBe(204);
    expect((await members(GA.viewer.backendId)).map((user) => user.username)).not.toContain(other?.username);
    // The rejected group survives its deletion in Waldur.
    expect((await api.del(`/api/offering-keycloak-groups/${GA.prodAdmin.uuid}/`)).status).toBe(204);
    expect(
      (await api.get(`/api/offering-keycloak-groups/remote_group_members/?offering_uuid=${A}&group_id=${GA.prodAdmin.backendId}`)).status,
    ).toBe(200);
    expect((await faults({ keycloakRejects: [{ user: 'x' }] })).status).toBe(400);
  });

  it('expireTokens: every token issued so far answers Token has expired.; signing in gives a fresh one', async () => {
    await faults({ expireTokens: true });
    for (const token of [T.staff, T.owner, T.viewer]) {
      const r = await api.get('/api/users/me/', { token });
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ detail: 'Token has expired.' });
    }
    const login = await api.post('/api-auth/password/', { username: 'owner', password: 'owner' }, { token: null });
    const fresh = String(login.obj().token);
    expect(fresh).not.toBe(T.owner);
    expect((await api.get('/api/users/me/', { token: fresh })).status).toBe(200);
    expect((await api.post('/api-auth/password/', { username: 'owner', password: 'owner' }, { token: null })).obj().token).toBe(fresh);
    await faults({});
    expect((await api.get('/api/users/me/', { token: T.staff })).status).toBe(200);
  });

  it('invalid fault bodies are rejected; reset clears faults', async () => {
    const bad = await faults({ errorRate: 2, latencyMs: -1, nonsense: true, fail: [{ status: 200 }] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.obj()).sort()).toEqual(['errorRate', 'fail[0]', 'latencyMs', 'nonsense']);
    await faults({ keycloakDown: true });
    expect((await api.get('/__sim/faults', { token: null })).obj().keycloakDown).toBe(true);
    await api.post('/__sim/reset', undefined, { token: null });
    expect((await api.get('/__sim/faults', { token: null })).obj().keycloakDown).toBe(false);
    expect(() => sim.setFaults({ errorRate: 5 })).toThrow();
  });
});

describe('control API', () => {
  it('reset restores the seed and accepts another seed', async () => {
    await api.del(`/api/offering-keycloak-groups/${GA.viewer.uuid}/`);
    expect((await api.post('/__sim/reset', {}, { token: null })).status).toBe(200);
    expect((await api.get(`/api/offering-keycloak-groups/${GA.viewer.uuid}/`)).status).toBe(200);
    const large = await api.post(
      '/__sim/reset',
      { seed: 'large', large: { localGroups: 50, remoteGroups: 80, memberships: 120, remoteUsers: 60 } },
      { token: null },
    );
    expect(large.status).toBe(200);
    expect(sim.store.groups.size).toBe(20 + 50);
    expect((await api.post('/__sim/reset', { seed: 'huge' }, { token: null })).status).toBe(400);
    sim.reset();
    expect(sim.store.groups.size).toBe(20);
  });

  it("remote groups, users and members change behind Waldur's back", async () => {
    const created = await api.post(
      '/__sim/remote/groups',
      { offering_uuid: A, name: 'Behind the back', parent_id: DEMO.remoteGroups.a.offeringGroupId },
      { token: null },
    );
    expect(created.status).toBe(201);
    const id = String(created.obj().id);
    const dupe = await api.post(
      '/__sim/remote/groups',
      { offering_uuid: A, name: 'Behind the back', parent_id: DEMO.remoteGroups.a.offeringGroupId },
      { token: null },
    );
    expect(dupe.status).toBe(409);
    const user = await api.post(
      '/__sim/remote/users',
      { offering_uuid: A, username: 'Newbie', email: 'newbie@example.org', first_name: 'New', last_name: 'Bie' },
      { token: null },
    );
    expect(user.status).toBe(201);
    expect((await api.post('/__sim/remote/users', { offering_uuid: A, username: 'newbie' }, { token: null })).status).toBe(409);
    expect((await api.post(`/__sim/remote/groups/${id}/members`, { offering_uuid: A, username: 'newbie' }, { token: null })).status).toBe(
      204,
    );
    const members = await api.get(`/api/offering-keycloak-groups/remote_group_members/?offering_uuid=${A}&group_id=${id}`);
    expect(members.list().map((m) => m.username)).toEqual(['newbie']);
    expect((await api.del(`/__sim/remote/groups/${id}/members/newbie?offering_uuid=${A}`, { token: null })).status).toBe(204);
    expect((await api.get(`/api/offering-keycloak-groups/remote_group_members/?offering_uuid=${A}&group_id=${id}`)).body).toEqual([]);
    const remote = (await api.get(`/api/offering-keycloak-groups/remote_groups/?offering_uuid=${A}`)).list();
    expect(remote.map((g) => g.name)).toContain('Behind the back');
    expect((await api.del(`/__sim/remote/groups/${id}?offering_uuid=${A}`, { token: null })).status).toBe(204);
    expect((await api.del(`/__sim/remote/groups/${id}?offering_uuid=${A}`, { token: null })).status).toBe(404);
    expect(
      (await api.post('/__sim/remote/groups', { offering_uuid: DEMO.offerings.noKeycloak.uuid, name: 'x' }, { token: null })).status,
    ).toBe(404);
    expect((await api.post('/__sim/remote/groups', { offering_uuid: 'zzz', name: 'x' }, { token: null })).status).toBe(400);
    // The unreachable offering's realm still changes behind its back.
    expect((await api.post('/__sim/remote/users', { offering_uuid: GAMMA, username: 'g.new' }, { token: null })).status).toBe(201);
    expect((await api.get('/__sim/state', { token: null })).obj()).toHaveProperty('counts');
    expect((await api.get('/__sim/nothing', { token: null })).status).toBe(404);
  });
});

describe('periodic tasks (POST /__sim/tick)', () => {
  it('activates pending members whose user exists; flags members removed remotely; clears orphaned backend_id', async () => {
    const report = (await api.post('/__sim/tick', {}, { token: null })).obj();
    expect(report).toMatchObject({ activated: 2, flagged: 1, unlinkedGroups: 3 });
    const activated = (await api.get(`${M}${DEMO.memberships.pendingActivatable.uuid}/`)).obj();
    expect(activated).toMatchObject({ state: 'active', first_name: 'Pending', last_name: 'Activatable', error_message: '' });
    const flagged = (await api.get(`${M}${DEMO.memberships.removedRemotely.uuid}/`)).obj();
    expect(flagged).toMatchObject({ state: 'active', error_message: REMOVED_EXTERNALLY });
    expect((await api.get(`/api/offering-keycloak-groups/${GA.orphaned.uuid}/`)).obj().backend_id).toBe('');
    expect((await api.get(`/api/offering-keycloak-groups/${GA.viewer.uuid}/`)).obj().backend_id).toBe(GA.viewer.backendId);
    // Pending members of an unreachable Keycloak get an error message, the state stays.
    const gammaPending = [...sim.store.memberships.by('offering', GAMMA)].find((m) => m.state === 'pending');
    expect((await api.get(`${M}${String(gammaPending?.uuid)}/`)).obj()).toMatchObject({
      state: 'pending',
      error_message: expect.stringContaining('Failed to sync'),
    });
  });

  it('a member removed remotely is flagged; re-added, the flag clears', async () => {
    const alice = [...sim.store.memberships.by('group', GA.genomics.uuid)].find((m) => m.username === 'alice');
    await api.del(`/__sim/remote/groups/${GA.genomics.backendId}/members/alice?offering_uuid=${A}`, { token: null });
    await sim.tick();
    expect((await api.get(`${M}${String(alice?.uuid)}/`)).obj().error_message).toBe(REMOVED_EXTERNALLY);
    await api.post(`/__sim/remote/groups/${GA.genomics.backendId}/members`, { offering_uuid: A, username: 'alice' }, { token: null });
    expect((await sim.tick()).unflagged).toBeGreaterThanOrEqual(1);
    expect((await api.get(`${M}${String(alice?.uuid)}/`)).obj().error_message).toBe('');
  });

  it("a remote group deleted behind Waldur's back: backend_id cleared on tick, sync_status says local_only", async () => {
    await api.del(`/__sim/remote/groups/${GA.climate.backendId}?offering_uuid=${A}`, { token: null });
    const before = (await api.get(`/api/offering-keycloak-groups/sync_status/?offering_uuid=${A}`)).obj();
    expect(before.local_only).toContain(GA.climate.name);
    await sim.tick();
    expect((await api.get(`/api/offering-keycloak-groups/${GA.climate.uuid}/`)).obj().backend_id).toBe('');
  });

  it('a fresh simulator can run with the offering Keycloak feature off and still tick', async () => {
    const other = createSimulator({ withoutOfferingKeycloak: true });
    expect((await other.tick()).activated).toBeGreaterThanOrEqual(0);
  });
});
