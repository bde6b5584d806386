// (a) The REST-level contract: the in-memory Keycloak and a real one give the same answers to
// the calls Waldur makes (and the seed and control API make), for the same realm.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KeycloakServer, RealmAdmin } from '../src/keycloak/admin-api.ts';
import { KeycloakHttpError } from '../src/keycloak/admin-api.ts';
import { InMemoryKeycloakServer } from '../src/keycloak/in-memory.ts';
import { RealKeycloak } from '../src/keycloak/real.ts';
import { Store } from '../src/model/store.ts';
import { realKeycloak } from './real-keycloak.ts';

const URL_ = 'https://keycloak.contract.example.org';
const SECRET = {
  keycloak_url: URL_,
  keycloak_realm: 'contract',
  keycloak_user_realm: 'master',
  keycloak_username: 'integration',
  keycloak_password: 'contract-pw',
};

/** One realm: a hierarchy with same-name groups on different levels, 30 users, members. */
function buildStore(): Store {
  const store = new Store();
  const realm = store.addRealm('contract', 'contract');
  const top = realm.createGroup('proj', null, '11111111-0000-0000-0000-000000000001');
  for (let i = 0; i < 12; i++)
    realm.createGroup(`child-${String(i).padStart(2, '0')}`, top.id, `11111111-0000-0000-0001-${String(i).padStart(12, '0')}`);
  const nested = realm.getGroup('11111111-0000-0000-0001-000000000000');
  if (!nested) throw new Error('seed');
  realm.createGroup('grandchild', nested.id, '11111111-0000-0000-0002-000000000001');
  realm.createGroup('Researchers', null, '11111111-0000-0000-0000-000000000002');
  realm.createGroup('Researchers', top.id, '11111111-0000-0000-0000-000000000003');
  realm.createGroup('other', null, '11111111-0000-0000-0000-000000000004');
  const people = ['ann', 'annabel', 'joann', 'Bob.Smith', 'carol'];
  for (let i = 0; i < 30; i++) people.push(`user${String(i).padStart(2, '0')}`);
  people.forEach((username, i) =>
    realm.createUser(
      { username, email: `${username.toLowerCase()}@contract.example.org`, firstName: i % 2 ? 'Alex' : 'Sam', lastName: `Lastname${i}` },
      `22222222-0000-0000-0000-${String(i).padStart(12, '0')}`,
    ),
  );
  for (const u of realm.users.values()) realm.addMember(top.id, u.id);
  store.hostRealm('contract', SECRET);
  return store;
}

const GROUP_KEYS = ['id', 'name', 'path', 'parentId', 'subGroupCount', 'subGroups'];
const USER_KEYS = ['id', 'username', 'email', 'firstName', 'lastName', 'enabled'];

/** Only the fields of Keycloak's representations that Waldur reads (a real server sends more). */
function waldurView(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(waldurView);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = 'username' in record ? USER_KEYS : 'subGroupCount' in record || 'path' in record ? GROUP_KEYS : Object.keys(record);
  return Object.fromEntries(keys.filter((k) => k in record).map((k) => [k, waldurView(record[k])]));
}

async function answer<T>(call: () => Promise<T>): Promise<{ ok: unknown } | { status: number; body: unknown }> {
  try {
    return { ok: waldurView(await call()) };
  } catch (err) {
    if (err instanceof KeycloakHttpError) return { status: err.status, body: err.body };
    throw err;
  }
}

/** Each case runs the same calls on both servers; ids of things created here are left out. */
const cases: Array<[string, (kc: RealmAdmin) => Promise<unknown>]> = [
  ['top-level groups with subGroupCount and no nested groups', (kc) => kc.getGroups()],
  ['paging of top-level groups', (kc) => kc.getGroups({ first: 1, max: 2 })],
  ['search lists the top-level groups above the matches', async (kc) => (await kc.getGroups({ search: 'grandchild' })).map((g) => g.name)],
  ['children: 10 by default', (kc) => kc.getChildren('11111111-0000-0000-0000-000000000001')],
  ['children: paged', (kc) => kc.getChildren('11111111-0000-0000-0000-000000000001', { first: 10, max: 100 })],
  ['a group by id, with its path and count', (kc) => kc.getGroup('11111111-0000-0000-0001-000000000000')],
  ['an unknown group id', (kc) => kc.getGroup('99999999-0000-0000-0000-000000000000')],
  ['a malformed group id', (kc) => kc.getGroup('not-a-group')],
  ['members, 100 by default', async (kc) => (await kc.getMembers('11111111-0000-0000-0000-000000000001')).length],
  ['members, paged', (kc) => kc.getMembers('11111111-0000-0000-0000-000000000001', { first: 30, max: 10 })],
  ['search is capped by max', async (kc) => (await kc.getUsers({ search: 'user', max: 25 })).length],
  ['search: each word a prefix of a field', async (kc) => (await kc.getUsers({ search: 'alex lastname1' })).map((u) => u.username)],
  ['search: not an infix', async (kc) => (await kc.getUsers({ search: 'nabel' })).map((u) => u.username)],
  ['username: a substring, in order', async (kc) => (await kc.getUsers({ username: 'ann' })).map((u) => u.username)],
  ['username exact', async (kc) => (await kc.getUsers({ username: 'ann', exact: true })).map((u) => u.username)],
  ['usernames are lower-cased', async (kc) => (await kc.getUsers({ username: 'bob.smith', exact: true })).map((u) => u.username)],
  ['a same-name top-level group', (kc) => kc.createGroup('other', null)],
  ['a same-name sibling', (kc) => kc.createGroup('child-01', '11111111-0000-0000-0000-000000000001')],
  ['an existing username', (kc) => kc.createUser({ username: 'Carol' })],
  [
    'adding a user to an unknown group',
    (kc) => kc.addUserToGroup('22222222-0000-0000-0000-000000000000', '99999999-0000-0000-0000-000000000000'),
  ],
  [
    'a created group has its path',
    async (kc) => {
      const id = await kc.createGroup('fresh', '11111111-0000-0000-0000-000000000004');
      const { id: _id, ...rest } = await kc.getGroup(id);
      return rest;
    },
  ],
  [
    'a created user is found lower-cased',
    async (kc) => {
      await kc.createUser({ username: 'New.Person', email: 'np@contract.example.org' });
      return (await kc.getUsers({ username: 'new.person', exact: true })).map(({ id: _id, ...rest }) => rest);
    },
  ],
  [
    'membership changes show in members',
    async (kc) => {
      await kc.removeUserFromGroup('22222222-0000-0000-0000-000000000000', '11111111-0000-0000-0000-000000000001');
      await kc.addUserToGroup('22222222-0000-0000-0000-000000000000', '11111111-0000-0000-0000-000000000004');
      return (await kc.getMembers('11111111-0000-0000-0000-000000000004')).map((u) => u.username);
    },
  ],
  [
    'a deleted group is gone',
    async (kc) => {
      await kc.deleteGroup('11111111-0000-0000-0000-000000000002');
      return answer(() => kc.getGroup('11111111-0000-0000-0000-000000000002'));
    },
  ],
];

describe('Keycloak admin REST API: in memory and real answer alike', () => {
  let memory: RealmAdmin;
  let real: RealmAdmin;
  let realServer: KeycloakServer;
  const memoryStore = buildStore();
  const memoryServer = memoryStore.keycloakServers.get(URL_) as InMemoryKeycloakServer;

  beforeAll(async () => {
    const bridge = new RealKeycloak(realKeycloak());
    const store = buildStore();
    await bridge.seed(store);
    realServer = bridge.directory(() => store).server(URL_) as KeycloakServer;
    real = await realServer.connect('contract', 'master', 'integration', 'contract-pw');
    memory = await memoryServer.connect('contract', 'master', 'integration', 'contract-pw');
  }, 120_000);

  for (const [name, run] of cases) {
    it(name, async () => {
      const [a, b] = [await answer(() => run(memory)), await answer(() => run(real))];
      expect(b).toEqual(a);
    });
  }

  it('an unknown realm: 404 "Realm not found." on every call', async () => {
    const [a, b] = await Promise.all(
      [memoryServer, realServer].map(async (server) =>
        answer(async () => (await server.connect('no-such-realm', 'master', 'integration', 'contract-pw')).getGroups()),
      ),
    );
    expect(b).toEqual(a);
    expect(a).toEqual({ status: 404, body: { error: 'Realm not found.' } });
  });

  it('a wrong password: refused by the token endpoint with invalid_grant', async () => {
    const bridge = new RealKeycloak(realKeycloak());
    const a = await answer(() => memoryServer.connect('contract', 'master', 'integration', 'wrong'));
    const b = await answer(() => bridge.http.connect('master', 'master', realKeycloak().admin, 'wrong'));
    expect(b).toEqual(a);
  });
});
