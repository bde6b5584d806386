// Bad input of every kind gets the kind of answer Waldur gives (400 / 404 / 405 / 415), never a
// 500. Successful answers are still validated against openapi.yaml by the harness.
import { beforeEach, describe, expect, it } from 'vitest';
import { ROUTES } from '../src/routes.ts';
import { DEMO } from '../src/seed/demo.ts';
import { createPrng } from '../src/util/prng.ts';
import { A, T, demoSim, makeClient, url } from './harness.ts';

const sim = demoSim();
const api = makeClient(sim);
beforeEach(() => sim.reset());

const LONG = 'x'.repeat(10_000);
const ALLOWED = new Set([200, 201, 204, 301, 400, 401, 403, 404, 405, 415]);

const IDS = [
  DEMO.groups.a.viewer.uuid,
  DEMO.memberships.aliceViewer.uuid,
  '0123456789abcdef0123456789abcdef',
  '01234567-89ab-cdef-0123-456789abcdef',
  'not-a-uuid',
  LONG.slice(0, 3000),
  '%00',
  '%E2%80%AE%F0%9F%9A%80',
  '%FF',
];

const BODIES: Array<{ raw: string; contentType?: string }> = [
  { raw: '' },
  { raw: '{' },
  { raw: '[]' },
  { raw: 'null' },
  { raw: '"text"' },
  { raw: '12' },
  { raw: '{"offering_uuid": {"$gt": ""}, "username": ["a"], "email": 5, "role": {}, "scope_uuid": true}' },
  {
    raw: JSON.stringify({
      offering_uuid: LONG,
      remote_group_id: LONG,
      role_uuid: LONG,
      backend_id: LONG,
      scope_id: LONG,
      username: LONG,
      email: `${LONG}@x.org`,
    }),
  },
  { raw: JSON.stringify({ offering_uuid: A, role_uuid: null, remote_group_id: null, resource_uuid: 7, backend_id: [], scope_id: null }) },
  { raw: 'offering_uuid=1&role=2', contentType: 'application/x-www-form-urlencoded' },
  { raw: '<xml/>', contentType: 'application/xml' },
];

const QUERIES = [
  '',
  `?offering_uuid=${LONG}`,
  `?offering_uuid=${A}&group_id=${LONG}&q=${LONG}`,
  '?page=99999999999999999999999&page_size=1e309',
  '?page=-0&page_size=%00',
  '?state=pending&state=&state=nonsense',
  `?offering_uuid=${A}&q=%F0%9F%9A%80&role_uuid=%ZZ&resource_uuid=&group_uuid=1&username=%00`,
  '?o=-nonsense,name&field=nonsense&uuid_list=a,b',
  '?role=%2Fapi%2Francher-role-templates%2Fx%2F&scope_uuid=abc&cluster_uuid=abc&settings_uuid=x',
];

describe('bad input never causes a 500', () => {
  it('every route x method x id x body', async () => {
    let count = 0;
    for (const route of ROUTES) {
      const paths = route.path.includes('{uuid}') ? IDS.map((id) => route.path.replace('{uuid}', id)) : [route.path];
      for (const path of paths) {
        for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']) {
          const bodies = method === 'GET' || method === 'HEAD' ? [{ raw: '' }] : BODIES;
          for (const body of bodies) {
            for (const token of [T.staff, T.viewer]) {
              const r = await api.request(method, path, {
                raw: body.raw === '' ? undefined : body.raw,
                contentType: body.contentType ?? 'application/json',
                token,
              });
              expect(ALLOWED.has(r.status), `${method} ${path.slice(0, 80)} ${body.raw.slice(0, 40)} -> ${r.status}`).toBe(true);
              count++;
            }
          }
        }
      }
      sim.reset();
    }
    expect(count).toBeGreaterThan(1000);
    // Thousands of requests: on a busy two-core machine this takes longer than the default 5 s.
  }, 60_000);

  it('every GET route x hostile query strings', async () => {
    for (const route of ROUTES) {
      if (!route.handlers.GET) continue;
      const path = route.path.replace('{uuid}', DEMO.groups.a.viewer.uuid);
      for (const q of QUERIES) {
        const r = await api.get(`${path}${q}`);
        expect(ALLOWED.has(r.status), `${path}${q.slice(0, 60)} -> ${r.status}`).toBe(true);
      }
    }
  });

  it('random create payloads for both membership endpoints', async () => {
    const prng = createPrng(7);
    const values: unknown[] = [
      null,
      true,
      0,
      -1,
      1.5,
      '',
      ' ',
      LONG,
      '\u0000',
      '🚀',
      [],
      {},
      ['x'],
      { a: 1 },
      A,
      `${A}`,
      url.offering(A),
      url.role(DEMO.roles.a.viewer.uuid),
      url.resource(DEMO.resources.aProd.uuid),
      url.roleTemplate(DEMO.rancher.roleTemplates.clusterOwner.uuid),
      DEMO.rancher.clusters.auroraProd.uuid,
      'alice',
      'a@b.co',
      'http://',
      '/api/',
      '/api/marketplace-resources//',
      'https://x/api/users/../users/x/',
    ];
    const fields = ['username', 'email', 'offering', 'role', 'resource', 'scope_id', 'user', 'scope_uuid'];
    for (let i = 0; i < 400; i++) {
      const body: Record<string, unknown> = {};
      for (const f of fields) if (prng.chance(0.7)) body[f] = prng.pick(values);
      const path = prng.chance(0.5) ? '/api/offering-keycloak-memberships/' : '/api/keycloak-user-group-memberships/';
      const r = await api.post(path, body);
      expect(ALLOWED.has(r.status), `${path} ${JSON.stringify(body).slice(0, 200)} -> ${r.status}`).toBe(true);
    }
  });
});
