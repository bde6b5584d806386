// (c) For the demo seed, every GET action of every offering answers the same with the in-memory
// Keycloak and with a real one (`npm run test:keycloak` starts it and sets KEYCLOAK_URL).
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../src/simulator.ts';
import { DEMO } from '../src/seed/demo.ts';
import { realKeycloak } from './real-keycloak.ts';

const TOKEN = `Token ${DEMO.tokens.staff}`;

async function get(sim: Simulator, path: string): Promise<{ status: number; body: unknown }> {
  const res = await sim.handle(new Request(`http://sim.test${path}`, { headers: { Authorization: TOKEN } }));
  if (!res) throw new Error(`no answer for ${path}`);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body };
}

/** Every GET a UI makes of an offering's Keycloak side (and of the lists that join it). */
async function paths(sim: Simulator, offering: string): Promise<string[]> {
  const out = [
    `/api/offering-keycloak-groups/test_connection/?offering_uuid=${offering}`,
    `/api/offering-keycloak-groups/remote_groups/?offering_uuid=${offering}`,
    `/api/offering-keycloak-groups/sync_status/?offering_uuid=${offering}`,
    `/api/offering-keycloak-groups/?offering_uuid=${offering}&page_size=300`,
    `/api/offering-keycloak-memberships/?offering_uuid=${offering}&page_size=300`,
    ...['a', 'al', 'ann', 'smith', 'example.org', 'zz-nobody'].map(
      (q) => `/api/offering-keycloak-groups/search_remote_users/?offering_uuid=${offering}&q=${encodeURIComponent(q)}`,
    ),
  ];
  const remote = await get(sim, `/api/offering-keycloak-groups/remote_groups/?offering_uuid=${offering}`);
  if (remote.status === 200 && Array.isArray(remote.body)) {
    for (const g of remote.body as Array<{ id: string }>) {
      out.push(`/api/offering-keycloak-groups/remote_group_members/?offering_uuid=${offering}&group_id=${g.id}`);
    }
  }
  out.push(`/api/offering-keycloak-groups/remote_group_members/?offering_uuid=${offering}&group_id=00000000-0000-0000-0000-000000000000`);
  const groups = await get(sim, `/api/offering-keycloak-groups/?offering_uuid=${offering}&page_size=300`);
  for (const g of (groups.body as Array<{ uuid: string }> | undefined) ?? []) {
    out.push(`/api/offering-keycloak-groups/${g.uuid}/`);
  }
  return out;
}

describe('the demo seed answers alike in memory and against a real Keycloak', () => {
  const memory = createSimulator({ seed: 'demo', logErrors: false });
  let real: Simulator;
  beforeAll(async () => {
    real = createSimulator({ seed: 'demo', keycloak: realKeycloak() });
    await real.ready;
  }, 300_000);

  for (const [key, offering] of Object.entries(DEMO.offerings)) {
    it(`${key}: every GET action`, async () => {
      const list = await paths(memory, offering.uuid);
      for (const path of list) {
        const [a, b] = [await get(memory, path), await get(real, path)];
        expect({ path, ...b }).toEqual({ path, ...a });
      }
    }, 120_000);
  }
});
