// The `showcase` seed (what `npm start` shows): realistic, valid against the schema, with each
// state the UI explains present in a realistic form, and none of the tests' hostile strings.
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../src/simulator.ts';
import { DEMO } from '../src/seed/demo.ts';
import { SHOWCASE } from '../src/seed/showcase.ts';
import { makeClient, type Row } from './harness.ts';

const sim = createSimulator({ seed: 'showcase', logErrors: true });
const api = makeClient(sim, SHOWCASE.tokens.staff);
const HPC = SHOWCASE.offerings.lumenHpc.uuid;
const K8S = SHOWCASE.offerings.compbioK8s.uuid;

const HOSTILE_MARKERS = [/</, /DROP TABLE/, /\u202E/, /[\u0600-\u06FF]/];

/** Every string in a response body, URLs aside. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.includes('://') ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function names(rows: Row[], field = 'name'): string[] {
  return rows.map((r) => String(r[field]));
}

describe('showcase seed', () => {
  it('lists its offerings in the order of its table, each with a realistic name', async () => {
    const offerings = (await api.get('/api/marketplace-provider-offerings/')).list();
    expect(names(offerings)).toEqual(['Lumen HPC Cluster', 'CompBio Lab Kubernetes', 'Lumen Object Storage']);
  });

  it('shows no hostile or edge-case string on the pages a newcomer opens first', async () => {
    const pages = [
      `/api/offering-keycloak-groups/?offering_uuid=${HPC}&page_size=300`,
      `/api/offering-keycloak-memberships/?offering_uuid=${HPC}&page_size=300`,
      `/api/offering-keycloak-groups/?offering_uuid=${K8S}&page_size=300`,
      `/api/offering-keycloak-memberships/?offering_uuid=${K8S}&page_size=300`,
      `/api/offering-keycloak-groups/remote_groups/?offering_uuid=${HPC}`,
      '/api/keycloak-user-group-memberships/?page_size=300',
    ];
    for (const page of pages) {
      for (const text of strings((await api.get(page)).body)) {
        for (const marker of HOSTILE_MARKERS) expect(text, `${page} matches ${String(marker)}`).not.toMatch(marker);
        expect(text.length, `${page}: ${text}`).toBeLessThanOrEqual(100);
      }
    }
    // The hostile strings stay in the seed the tests use.
    const demo = makeClient(createSimulator({ seed: 'demo', logErrors: true }), DEMO.tokens.staff);
    const demoGroups = (
      await demo.get(`/api/offering-keycloak-groups/?offering_uuid=${DEMO.offerings.healthyA.uuid}&page_size=300`)
    ).list();
    expect(names(demoGroups)).toEqual(expect.arrayContaining([DEMO.hostile.xss, DEMO.hostile.sql, DEMO.hostile.rtl]));
  });

  it('has linked groups, a group not linked yet, one whose Keycloak group was deleted, and Keycloak-only groups', async () => {
    const sync = (await api.get(`/api/offering-keycloak-groups/sync_status/?offering_uuid=${HPC}`)).obj();
    expect(sync.local_only).toEqual(['cancer-genomics-atlas-Member', 'air-quality-ml-Member']);
    expect(sync.remote_only).toEqual(['air-quality-ml-Member', 'lumen-support', 'summer-school-2025']);
    expect(names(sync.synced as Row[], 'local_name')).toContain('protein-dynamics-2025-Member');
  });

  it('has members waiting for their first login and one removed in the Keycloak console', async () => {
    const members = (await api.get(`/api/offering-keycloak-memberships/?offering_uuid=${HPC}&page_size=300`)).list();
    const pending = members.filter((m) => m.state === 'pending');
    expect(names(pending, 'username').sort()).toEqual(['lea.dubois', 'tomas.horak']);
    const flagged = members.filter((m) => m.error_message !== '');
    expect(names(flagged, 'username')).toEqual(['pavel.novak']);
    const amara = members.find((m) => m.username === 'amara.okafor');
    expect(amara).toMatchObject({ first_name: 'Amara', last_name: 'Okafor', email: 'amara.okafor@riverside.example.edu', state: 'active' });
    // Nobody pending has a Keycloak account yet, so a sync leaves them waiting.
    const report = await sim.tick();
    expect(report).toMatchObject({ activated: 0, flagged: 0 });
  });

  it('groups of scoped roles carry their scope, and the owner manages only their own organization', async () => {
    const groups = (await api.get(`/api/offering-keycloak-groups/?offering_uuid=${K8S}`)).list();
    expect(groups.map((g) => [g.name, g.scope_id])).toContainEqual(['compbio-prod-p-rnaseq-Developer', 'p-rnaseq']);
    const owner = makeClient(sim, SHOWCASE.tokens.owner);
    expect((await owner.get(`/api/offering-keycloak-groups/?offering_uuid=${HPC}`)).list()).toHaveLength(7);
    expect((await owner.get(`/api/offering-keycloak-groups/?offering_uuid=${K8S}`)).list()).toHaveLength(0);
  });

  it('comes back the same after a reset', async () => {
    const fresh = makeClient(createSimulator({ seed: 'showcase', logErrors: true }), SHOWCASE.tokens.staff);
    const path = `/api/offering-keycloak-memberships/?offering_uuid=${HPC}&page_size=300`;
    expect((await api.del(`/api/offering-keycloak-memberships/${String((await api.get(path)).list()[0]?.uuid)}/`)).status).toBe(204);
    await sim.reset();
    expect((await api.get(path)).body).toEqual((await fresh.get(path)).body);
  });
});
