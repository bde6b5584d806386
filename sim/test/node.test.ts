// The connect-style middleware on a real (ephemeral) HTTP server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNodeMiddleware } from '../src/node.ts';
import { createSimulator } from '../src/simulator.ts';
import { DEMO } from '../src/seed/demo.ts';

const sim = createSimulator();
const middleware = toNodeMiddleware(sim);
const server = createServer((req, res) =>
  middleware(req, res, () => {
    res.statusCode = 200;
    res.end('static fallthrough');
  }),
);
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('toNodeMiddleware', () => {
  it('answers API requests with absolute URLs from the request origin, and streams big bodies', async () => {
    const r = await fetch(`${base}/api/offering-keycloak-groups/?page_size=300`, {
      headers: { Authorization: `Token ${DEMO.tokens.staff}` },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-result-count')).toBe('20');
    const rows = (await r.json()) as Array<{ url: string }>;
    expect(rows[0]?.url.startsWith(`${base}/api/offering-keycloak-groups/`)).toBe(true);
  });

  it('POST bodies, HEAD and the control API', async () => {
    const login = await fetch(`${base}/api-auth/password/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'owner', password: 'owner' }),
    });
    expect(await login.json()).toEqual({ token: DEMO.tokens.owner });
    const head = await fetch(`${base}/api/offering-keycloak-memberships/`, {
      method: 'HEAD',
      headers: { Authorization: `Token ${DEMO.tokens.staff}` },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('x-result-count')).not.toBeNull();
    expect(await head.text()).toBe('');
    const tick = await fetch(`${base}/__sim/tick`, { method: 'POST' });
    expect(tick.status).toBe(200);
  });

  it('calls next() for everything else', async () => {
    const r = await fetch(`${base}/offerings/123`);
    expect(await r.text()).toBe('static fallthrough');
  });
});
