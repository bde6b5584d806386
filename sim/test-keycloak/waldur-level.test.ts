// (b) Section 8's Waldur-level questions, asked of the simulator with its in-memory Keycloak and
// with a real one: both must give these answers (what the real server gave is the reference).
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../src/simulator.ts';
import { DEMO } from '../src/seed/demo.ts';
import { realKeycloak } from './real-keycloak.ts';

const A = DEMO.offerings.healthyA.uuid;
const Z = DEMO.offerings.baseGroupLimit.uuid;
const UNKNOWN = '99999999-0000-0000-0000-000000000000';

function client(sim: Simulator) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await sim.handle(
      new Request(`http://sim.test${path}`, {
        method,
        headers: { Authorization: `Token ${DEMO.tokens.staff}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? null : JSON.stringify(body),
      }),
    );
    if (!res) throw new Error(`no answer for ${path}`);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  return call;
}

type RemoteGroup = { id: string; name: string; path: string; sub_group_count: number };

const modes: Array<[string, () => Simulator]> = [
  ['in memory', () => createSimulator({ seed: 'demo', logErrors: false })],
  ['real Keycloak', () => createSimulator({ seed: 'demo', logErrors: false, keycloak: realKeycloak() })],
];

describe.each(modes)('Waldur over Keycloak (%s)', (_mode, make) => {
  let sim: Simulator;
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    sim = make();
    await sim.ready;
    api = client(sim);
  }, 300_000);

  it('without a base group, remote_groups lists the role groups, each counting 0 sub-groups', async () => {
    const { status, body } = await api<RemoteGroup[]>('GET', `/api/offering-keycloak-groups/remote_groups/?offering_uuid=${A}`);
    expect(status).toBe(200);
    expect(body.every((g) => g.path.startsWith('/alpha-hpc/'))).toBe(true);
    const gpu = body.find((g) => g.name === 'gpu-users');
    // gpu-users has 3 sub-groups in Keycloak; python-keycloak fetched one level, so Waldur counts none.
    expect(gpu).toMatchObject({ path: '/alpha-hpc/gpu-users', sub_group_count: 0 });
  });

  it('with a base group, remote_groups is empty while test_connection lists the base group', async () => {
    const groups = await api<RemoteGroup[]>('GET', `/api/offering-keycloak-groups/remote_groups/?offering_uuid=${Z}`);
    expect(groups).toEqual({ status: 200, body: [] });
    const test = await api<{ status: string; groups: string[] }>('POST', '/api/offering-keycloak-groups/test_connection/', {
      offering_uuid: Z,
    });
    expect(test.body).toMatchObject({ status: 'ok', groups: ['waldur'] });
  });

  it('remote user search returns at most 25', async () => {
    for (let i = 0; i < 30; i++) {
      await sim.handle(
        new Request('http://sim.test/__sim/remote/users', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ offering_uuid: A, username: `captest${String(i).padStart(2, '0')}` }),
        }),
      );
    }
    const { body } = await api<Array<{ username: string }>>(
      'GET',
      `/api/offering-keycloak-groups/search_remote_users/?offering_uuid=${A}&q=captest`,
    );
    expect(body.map((u) => u.username)).toEqual(Array.from({ length: 25 }, (_, i) => `captest${String(i).padStart(2, '0')}`));
    await sim.reset();
  }, 120_000);

  it('an unknown remote group id: Waldur cannot tell it from an unreachable Keycloak', async () => {
    const members = await api('GET', `/api/offering-keycloak-groups/remote_group_members/?offering_uuid=${A}&group_id=${UNKNOWN}`);
    expect(members).toEqual({ status: 400, body: { error: 'Unable to list remote group members.' } });
    const imported = await api('POST', '/api/offering-keycloak-groups/import_remote/', {
      offering_uuid: A,
      remote_group_id: UNKNOWN,
      role_uuid: DEMO.roles.a.viewer.uuid,
    });
    expect(imported).toEqual({ status: 400, body: { remote_group_id: 'Unable to fetch remote group from Keycloak.' } });
    const linked = await api('POST', `/api/offering-keycloak-groups/${DEMO.groups.a.unlinked.uuid}/set_backend_id/`, {
      backend_id: UNKNOWN,
    });
    expect(linked).toEqual({ status: 400, body: { backend_id: 'Unable to verify remote group in Keycloak.' } });
  });

  it('a username with no exact match: Waldur adds the first user Keycloak finds by substring', async () => {
    const search = await api<Array<{ username: string }>>(
      'GET',
      `/api/offering-keycloak-groups/search_remote_users/?offering_uuid=${A}&q=ali`,
    );
    expect(search.body.map((u) => u.username)).not.toContain('ali');
    const created = await api<{ state: string; group: string }>('POST', '/api/offering-keycloak-memberships/', {
      username: 'ali',
      email: 'ali@example.org',
      offering: `http://sim.test/api/marketplace-provider-offerings/${A}/`,
      role: `/api/marketplace-offering-user-roles/${DEMO.roles.a.operator.uuid}/`,
      resource: `/api/marketplace-resources/${DEMO.resources.aArchive.uuid}/`,
    });
    expect(created.status).toBe(201);
    expect(created.body.state).toBe('active');
    const groupUuid = created.body.group.split('/').filter(Boolean).pop() ?? '';
    const group = await api<{ backend_id: string }>('GET', `/api/offering-keycloak-groups/${groupUuid}/`);
    const members = await api<Array<{ username: string }>>(
      'GET',
      `/api/offering-keycloak-groups/remote_group_members/?offering_uuid=${A}&group_id=${group.body.backend_id}`,
    );
    // `?username=ali` (no exact) in Keycloak's order: alice is first.
    expect(members.body.map((u) => u.username)).toEqual(['alice']);
    await sim.reset();
  }, 120_000);
});
