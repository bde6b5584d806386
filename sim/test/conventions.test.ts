// Section 1 of the behaviour spec: auth, pagination, UUIDs, 401/403/404/405, CORS, routing.
import { beforeEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../src/simulator.ts';
import { DEMO } from '../src/seed/demo.ts';
import { A, ORIGIN, T, dashedUuid, demoSim, makeClient } from './harness.ts';

const sim = demoSim();
const api = makeClient(sim);
beforeEach(() => sim.reset());

const GROUPS = `/api/offering-keycloak-groups/`;

describe('token auth', () => {
  it('POST /api-auth/password/ returns the token of the demo accounts', async () => {
    for (const name of ['staff', 'owner', 'viewer'] as const) {
      const r = await api.post('/api-auth/password/', { username: name, password: name }, { token: null });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ token: DEMO.tokens[name] });
    }
  });

  it('bad credentials give 401, missing fields 400', async () => {
    const r = await api.post('/api-auth/password/', { username: 'staff', password: 'nope' }, { token: null });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ detail: 'Invalid username/password' });
    const missing = await api.post('/api-auth/password/', {}, { token: null });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ username: ['This field is required.'], password: ['This field is required.'] });
    const blank = await api.post('/api-auth/password/', { username: ' ', password: '' }, { token: null });
    expect(blank.body).toEqual({ username: ['This field may not be blank.'], password: ['This field may not be blank.'] });
  });

  it('a missing or wrong token gives 401 Invalid token.', async () => {
    const variants: Array<Record<string, string>> = [
      {},
      { Authorization: 'Token' },
      { Authorization: 'Bearer abc' },
      { Authorization: 'Token nope' },
    ];
    for (const headers of variants) {
      const r = await api.get('/api/users/me/', { token: null, headers });
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ detail: 'Invalid token.' });
      expect(r.headers.get('www-authenticate')).toBe('Token');
    }
  });

  it('tokens expire after their lifetime and slide with each request', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const clocked = createSimulator({ clock: () => now, tokenLifetimeSeconds: 60 });
    const c = makeClient(clocked);
    now += 50_000;
    expect((await c.get('/api/users/me/')).status).toBe(200);
    now += 50_000; // 100 s after issue, 50 s after last use
    expect((await c.get('/api/users/me/')).status).toBe(200);
    now += 61_000;
    const r = await c.get('/api/users/me/');
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ detail: 'Token has expired.' });
    const login = await c.post('/api-auth/password/', { username: 'staff', password: 'staff' }, { token: null });
    const fresh = String(login.obj().token);
    expect(fresh).not.toBe(DEMO.tokens.staff);
    expect((await c.get('/api/users/me/', { token: fresh })).status).toBe(200);
  });

  it('GET /api/users/me/ describes the current user', async () => {
    const staff = (await api.get('/api/users/me/')).obj();
    expect(staff).toMatchObject({ uuid: DEMO.accounts.staff.uuid, username: 'staff', is_staff: true, is_support: false });
    const owner = (await api.get('/api/users/me/', { token: T.owner })).obj();
    expect(owner).toMatchObject({ username: 'owner', is_staff: false, full_name: 'Oscar Owner' });
    expect(owner.permissions).toEqual([
      expect.objectContaining({ role_name: 'CUSTOMER.OWNER', scope_type: 'customer', scope_uuid: DEMO.customers.aurora.uuid }),
    ]);
    const picked = await api.get('/api/users/me/?field=uuid&field=username');
    expect(picked.body).toEqual({ uuid: DEMO.accounts.staff.uuid, username: 'staff' });
  });
});

describe('version', () => {
  it('answers 8.0.5 to staff, 403 to others', async () => {
    expect((await api.get('/api/version/')).body).toEqual({ version: '8.0.5' });
    const r = await api.get('/api/version/', { token: T.owner });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ detail: 'You do not have permission to perform this action.' });
    expect((await api.get('/api/version/', { token: null })).status).toBe(401);
  });

  it('--without-offering-keycloak behaves like 8.0.8: the offering Keycloak endpoints answer 404', async () => {
    const other = makeClient(createSimulator({ withoutOfferingKeycloak: true }));
    expect((await other.get('/api/version/')).body).toEqual({ version: '8.0.8' });
    for (const path of [GROUPS, '/api/offering-keycloak-memberships/', `${GROUPS}remote_groups/?offering_uuid=${A}`]) {
      const r = await other.get(path);
      expect(r.status).toBe(404);
      expect(r.text).toContain('<h1>Not Found</h1>');
    }
    expect((await other.get('/api/keycloak-user-group-memberships/')).status).toBe(200);
    sim.reset({ withoutOfferingKeycloak: true });
    expect((await api.get(GROUPS)).status).toBe(404);
    sim.reset();
    expect((await api.get(GROUPS)).status).toBe(200);
  });
});

describe('pagination', () => {
  const path = `/api/offering-keycloak-memberships/?offering_uuid=${A}`;

  it('defaults to 10 per page, plain array, X-Result-Count, Link first/next/last', async () => {
    const r = await api.get(path);
    expect(r.list()).toHaveLength(10);
    const total = Number(r.headers.get('x-result-count'));
    expect(total).toBe(47);
    expect(r.headers.get('link')).toBe(
      `<${ORIGIN}${path}>; rel="first", <${ORIGIN}${path}&page=2>; rel="next", <${ORIGIN}${path}&page=5>; rel="last"`,
    );
  });

  it('middle and last pages carry prev; page 2 links prev without a page param', async () => {
    const r2 = await api.get(`${path}&page=2`);
    expect(r2.headers.get('link')).toBe(
      [
        `<${ORIGIN}${path}>; rel="first"`,
        `<${ORIGIN}${path}>; rel="prev"`,
        `<${ORIGIN}${path}&page=3>; rel="next"`,
        `<${ORIGIN}${path}&page=5>; rel="last"`,
      ].join(', '),
    );
    const last = await api.get(`${path}&page=last`);
    expect(last.list()).toHaveLength(7);
    expect(last.headers.get('link')).toBe(
      `<${ORIGIN}${path}>; rel="first", <${ORIGIN}${path}&page=4>; rel="prev", <${ORIGIN}${path}&page=5>; rel="last"`,
    );
  });

  it('rebuilds query strings like Django (sorted keys, quote_plus)', async () => {
    const r = await api.get(`/api/marketplace-provider-offerings/?page_size=1&name=a%20b&o=name`);
    expect(r.headers.get('link')).toContain(`<${ORIGIN}/api/marketplace-provider-offerings/?name=a+b&o=name&page_size=1>; rel="first"`);
    const single = await api.get(`/api/marketplace-provider-offerings/?page_size=300`);
    expect(single.headers.get('link')).toBe(
      `<${ORIGIN}/api/marketplace-provider-offerings/?page_size=300>; rel="first", <${ORIGIN}/api/marketplace-provider-offerings/?page_size=300>; rel="last"`,
    );
  });

  it('pages are disjoint, newest first, and cover everything', async () => {
    const seen: string[] = [];
    let created = '9999';
    for (let page = 1; page <= 5; page++) {
      for (const row of (await api.get(`${path}&page=${page}`)).list()) {
        seen.push(String(row.uuid));
        expect(String(row.created) <= created).toBe(true);
        created = String(row.created);
      }
    }
    expect(new Set(seen).size).toBe(47);
  });

  it('page_size above 300 clamps; zero, negative and junk fall back to 10', async () => {
    const big = await api.get(`/api/offering-keycloak-memberships/?page_size=1000`);
    expect(big.list().length).toBe(Number(big.headers.get('x-result-count')));
    expect(big.list().length).toBeLessThanOrEqual(300);
    for (const size of ['0', '-5', 'abc', '1.5']) {
      expect((await api.get(`${path}&page_size=${size}`)).list()).toHaveLength(10);
    }
    const r = await api.get(`/api/offering-keycloak-groups/remote_groups/?offering_uuid=${A}&page_size=1`);
    expect(r.list().length).toBeGreaterThan(1);
  });

  it('an invalid or out-of-range page is 404 Invalid page.', async () => {
    for (const page of ['0', '6', 'abc', '-1', '1.0']) {
      const r = await api.get(`${path}&page=${page}`);
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ detail: 'Invalid page.' });
    }
    const empty = await api.get(`/api/offering-keycloak-memberships/?username=nobody`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual([]);
    expect(empty.headers.get('x-result-count')).toBe('0');
  });

  it('HEAD on a list returns the count header only', async () => {
    const r = await api.head(path);
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    expect(r.headers.get('x-result-count')).toBe('47');
    expect(r.headers.get('link')).toBeNull();
  });

  it('remote actions are not paginated: whole array, no count header', async () => {
    const r = await api.get(`/api/offering-keycloak-groups/search_remote_users/?offering_uuid=${A}&q=a&page=2&page_size=1`);
    expect(r.status).toBe(200);
    expect(r.list().length).toBeGreaterThan(1);
    expect(r.headers.get('x-result-count')).toBeNull();
    expect(r.headers.get('link')).toBeNull();
  });
});

describe('UUIDs', () => {
  it('are 32 hex characters in bodies; dashed and undashed forms work in URLs and filters', async () => {
    const g = DEMO.groups.a.viewer.uuid;
    const plain = await api.get(`${GROUPS}${g}/`);
    expect(plain.obj().uuid).toBe(g);
    expect(String(plain.obj().uuid)).toMatch(/^[0-9a-f]{32}$/);
    const dashed = await api.get(`${GROUPS}${dashedUuid(g)}/`);
    expect(dashed.status).toBe(200);
    expect(dashed.obj().uuid).toBe(g);
    const upper = await api.get(`${GROUPS}${g.toUpperCase()}/`);
    expect(upper.status).toBe(200);
    const byPlain = await api.get(`${GROUPS}?offering_uuid=${A}`);
    const byDashed = await api.get(`${GROUPS}?offering_uuid=${dashedUuid(A)}`);
    expect(byDashed.headers.get('x-result-count')).toBe(byPlain.headers.get('x-result-count'));
    const action = await api.get(`${GROUPS}remote_groups/?offering_uuid=${dashedUuid(A)}`);
    expect(action.status).toBe(200);
  });

  it('unknown or malformed uuids in URLs are 404; malformed filters are 400', async () => {
    for (const id of ['0123456789abcdef0123456789abcdef', 'not-a-uuid', '1234']) {
      const r = await api.get(`${GROUPS}${id}/`);
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ detail: 'Not found.' });
    }
    const bad = await api.get(`${GROUPS}?offering_uuid=xyz&role_uuid=1`);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ offering_uuid: ['Enter a valid UUID.'], role_uuid: ['Enter a valid UUID.'] });
    const unknown = await api.get(`${GROUPS}?offering_uuid=0123456789abcdef0123456789abcdef`);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual([]);
  });
});

describe('routing, methods and CORS', () => {
  it('handle() returns null outside /api/, /api-auth/, /__sim/', async () => {
    for (const p of ['/', '/index.html', '/offerings/x', '/api', '/apiary/', '/assets/a.js']) {
      expect(await sim.handle(new Request(`${ORIGIN}${p}`))).toBeNull();
    }
  });

  it("unknown API URLs answer Django's HTML 404; a missing trailing slash redirects", async () => {
    const r = await api.get('/api/no-such-endpoint/');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toContain('text/html');
    const noSlash = await api.get(`/api/offering-keycloak-groups?offering_uuid=${A}`);
    expect(noSlash.status).toBe(301);
    expect(noSlash.headers.get('location')).toBe(`/api/offering-keycloak-groups/?offering_uuid=${A}`);
    expect((await api.get(`${GROUPS}${DEMO.groups.a.viewer.uuid}/no_action/`)).status).toBe(404);
  });

  it('405 with the method name, after authentication', async () => {
    const cases: Array<[string, string]> = [
      ['POST', GROUPS],
      ['POST', `${GROUPS}${DEMO.groups.a.viewer.uuid}/`],
      ['POST', `/api/offering-keycloak-memberships/${DEMO.memberships.aliceViewer.uuid}/`],
      ['PUT', `${GROUPS}${DEMO.groups.a.viewer.uuid}/`],
      ['PATCH', `${GROUPS}${DEMO.groups.a.viewer.uuid}/`],
      ['DELETE', GROUPS],
      ['PUT', `/api/offering-keycloak-memberships/${DEMO.memberships.aliceViewer.uuid}/`],
      ['PATCH', `/api/offering-keycloak-memberships/${DEMO.memberships.aliceViewer.uuid}/`],
      ['GET', `${GROUPS}test_connection/`],
      ['POST', `${GROUPS}remote_groups/`],
      ['GET', `${GROUPS}${DEMO.groups.a.viewer.uuid}/pull_members/`],
      ['GET', '/api-auth/password/'],
      ['DELETE', '/api/keycloak-groups/'],
    ];
    for (const [method, path] of cases) {
      const r = await api.request(method, path, { body: {} });
      expect(r.status, `${method} ${path}`).toBe(405);
      expect(r.body).toEqual({ detail: `Method "${method}" not allowed.` });
    }
    const allow = await api.request('PUT', `${GROUPS}${DEMO.groups.a.viewer.uuid}/`, { body: {} });
    expect(allow.headers.get('allow')).toBe('GET, DELETE, HEAD, OPTIONS');
    const anon = await api.request('PUT', `${GROUPS}${DEMO.groups.a.viewer.uuid}/`, { token: null, body: {} });
    expect(anon.status).toBe(401);
  });

  it('answers like a deployment with CORS: allow-origin *, exposed headers, empty 200 preflight', async () => {
    const r = await api.get(GROUPS);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-expose-headers')).toBe('Link, X-Result-Count');
    const err = await api.get(GROUPS, { token: 'bad' });
    expect(err.headers.get('access-control-allow-origin')).toBe('*');
    const pre = await sim.handle(
      new Request(`${ORIGIN}${GROUPS}`, { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'DELETE' } }),
    );
    expect(pre?.status).toBe(200);
    expect(await pre?.text()).toBe('');
    expect(pre?.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(pre?.headers.get('access-control-allow-methods')).toContain('DELETE');
  });

  it('bodies: malformed JSON is 400 detail, other media types 415, non-objects 400', async () => {
    const bad = await api.post(`${GROUPS}import_remote/`, undefined, { raw: '{"offering_uuid": ' });
    expect(bad.status).toBe(400);
    expect(String(bad.obj().detail)).toMatch(/^JSON parse error - /);
    const text = await api.post(`${GROUPS}test_connection/`, undefined, { raw: 'offering_uuid=x', contentType: 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body).toEqual({ detail: 'Unsupported media type "text/plain" in request.' });
    const list = await api.post(`${GROUPS}import_remote/`, [1, 2]);
    expect(list.body).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
    const form = await api.post(`${GROUPS}test_connection/`, undefined, {
      raw: `offering_uuid=${A}`,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(200);
  });
});
