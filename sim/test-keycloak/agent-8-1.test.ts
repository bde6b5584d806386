// Waldur 8.1 mode over a real Keycloak (`npm run test:keycloak` sets KEYCLOAK_URL): the simulated
// site agent's groups and members exist in Keycloak itself with the names of the spec's section 6,
// and every `synced` that team_members reports is a membership Keycloak holds (and the reverse).
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../src/simulator.ts';
import { fetchAll } from '../src/keycloak/admin-api.ts';
import type { RealmAdmin } from '../src/keycloak/admin-api.ts';
import { HttpKeycloakServer } from '../src/keycloak/http.ts';
import { AGENT_REALM, DEMO81, personUuid } from '../src/seed/demo-8-1.ts';
import { realKeycloak } from './real-keycloak.ts';

type Row = Record<string, unknown>;
const TOKEN = `Token ${DEMO81.tokens.staff}`;
const R = DEMO81.resources;

async function call(sim: Simulator, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await sim.handle(
    new Request(`http://sim.test${path}`, {
      method,
      headers: { Authorization: TOKEN, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  if (!res) throw new Error(`no answer for ${path}`);
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** Keycloak's own view: group path -> member usernames, read with the admin REST API. */
async function keycloakGroups(admin: RealmAdmin): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const walk = async (parentId: string | null, prefix: string): Promise<void> => {
    const groups = parentId === null ? await fetchAll((q) => admin.getGroups(q)) : await fetchAll((q) => admin.getChildren(parentId, q));
    for (const g of groups) {
      const path = `${prefix}/${g.name}`;
      const members = await fetchAll((q) => admin.getMembers(g.id, q));
      out.set(path, new Set(members.map((u) => u.username)));
      await walk(g.id, path);
    }
  };
  await walk(null, '');
  return out;
}

describe('the agent over a real Keycloak', () => {
  let sim: Simulator;
  let admin: RealmAdmin;

  beforeAll(async () => {
    const options = realKeycloak();
    sim = createSimulator({ waldur: '8.1', keycloak: options, logErrors: true });
    await sim.ready;
    admin = await new HttpKeycloakServer(options.url).connect(AGENT_REALM.name, 'master', options.admin, options.password);
    // A grant made now, then two agent cycles: applied and reported.
    const added = await call(sim, 'POST', `/api/marketplace-provider-resource-projects/${DEMO81.resourceProjects.sandbox.uuid}/add_user/`, {
      user: personUuid('wanda'),
      role: DEMO81.roles.k8s.ingressManage.uuid,
    });
    expect(added.status).toBe(201);
    await sim.tick();
    await sim.tick();
  }, 300_000);

  it('groups are named c_${cluster}, c_${cluster}_${rp}_${role}, c_${cluster}_cluster_${role}', { timeout: 120_000 }, async () => {
    const groups = await keycloakGroups(admin);
    const prod = R.prod.backendId;
    expect(groups.get(`/c_${prod}/c_${prod}_cluster_cluster_admin`)).toEqual(new Set(['alice.nguyen']));
    expect(groups.get(`/c_${prod}/c_${prod}_${DEMO81.resourceProjects.genomicsPipeline.uuid}_ingress_manage`)).toEqual(
      new Set(['gustav.lind']),
    );
    const dev = R.dev.backendId;
    expect(groups.get(`/c_${dev}/c_${dev}_${DEMO81.resourceProjects.sandbox.uuid}_ingress_manage`)).toEqual(new Set(['wanda.okafor']));
    expect([...groups.keys()].some((path) => path.includes('gpu_quota_manager'))).toBe(false);
  });

  it('every synced grant is a Keycloak membership, and every agent membership is a synced grant', { timeout: 120_000 }, async () => {
    const groups = await keycloakGroups(admin);
    const expected = new Set<string>();
    let synced = 0;
    for (const resource of [R.prod, R.dev, R.ml]) {
      const cluster = resource.backendId;
      const team = await call(sim, 'GET', `/api/marketplace-resources/${resource.uuid}/team_members/?page_size=100`);
      for (const member of team.body as Row[]) {
        const username = String(member.username);
        const entries: Array<[Row, string]> = [
          ...(member.roles as Row[]).map((e): [Row, string] => [e, `/c_${cluster}/c_${cluster}_cluster_${String(e.role_name)}`]),
          ...(member.resource_projects as Row[]).map((e): [Row, string] => [
            e,
            `/c_${cluster}/c_${cluster}_${String(e.uuid)}_${String(e.role_name)}`,
          ]),
        ];
        for (const [entry, path] of entries) {
          if (entry.sync_state === 'synced') {
            synced += 1;
            expected.add(`${path} ${username}`);
            expect(groups.get(path)?.has(username), `${username} in ${path}`).toBe(true);
          } else if (entry.sync_state === 'missing_in_idp') {
            expect(await admin.getUsers({ username, exact: true }), username).toEqual([]);
          } else if (entry.sync_state === 'error') {
            expect(groups.get(path)?.has(username) ?? false, `${username} in ${path}`).toBe(false);
          }
        }
      }
    }
    expect(synced).toBeGreaterThan(20);
    const held = new Set<string>();
    for (const resource of [R.prod, R.dev, R.ml]) {
      for (const [path, members] of groups) {
        if (path.startsWith(`/c_${resource.backendId}/`)) for (const m of members) held.add(`${path} ${m}`);
      }
    }
    expect([...held].sort()).toEqual([...expected].sort());
  });
});
