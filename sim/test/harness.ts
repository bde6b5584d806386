// Test client for the simulator: in-process (no port), every /api/ response validated against
// src/api/openapi.yaml (in 8.1 mode: src/api/openapi-8.1.yaml where it has the path), and any 500 that is not an injected fault fails the test.
import { createSimulator } from '../src/simulator.ts';
import { realKeycloakOptions } from '../src/keycloak/real.ts';
import type { Simulator, SimulatorOptions } from '../src/simulator.ts';
import { DEMO } from '../src/seed/demo.ts';
import { openApiValidator, openApiValidator81 } from './openapi.ts';

export const ORIGIN = 'http://sim.test';

export type Row = Record<string, unknown>;

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
  /** The body as an object (fails if it is not one). */
  obj(): Row;
  /** The body as an array of objects. */
  list(): Row[];
}

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  /** Raw body text (sent as is). */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Allow a 500 (only for injected faults). */
  allow500?: boolean;
}

export interface Client {
  sim: Simulator;
  request(method: string, path: string, opts?: RequestOptions): Promise<ApiResponse>;
  get(path: string, opts?: RequestOptions): Promise<ApiResponse>;
  head(path: string, opts?: RequestOptions): Promise<ApiResponse>;
  post(path: string, body?: unknown, opts?: RequestOptions): Promise<ApiResponse>;
  put(path: string, body?: unknown, opts?: RequestOptions): Promise<ApiResponse>;
  patch(path: string, body?: unknown, opts?: RequestOptions): Promise<ApiResponse>;
  del(path: string, opts?: RequestOptions): Promise<ApiResponse>;
}

export function makeClient(sim: Simulator, defaultToken: string | null = DEMO.tokens.staff): Client {
  const validator = openApiValidator();
  const validator81 = openApiValidator81();
  async function request(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...opts.headers };
    const token = opts.token === undefined ? defaultToken : opts.token;
    if (token) headers.Authorization = `Token ${token}`;
    let body: string | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (method === 'GET' || method === 'HEAD') body = undefined;
    if (body !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/json';
    const url = `${ORIGIN}${path}`;
    const res = await sim.handle(new Request(url, { method, headers, body }));
    if (!res) throw new Error(`${method} ${path}: not handled by the simulator`);
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('application/json') && text !== '') parsed = JSON.parse(text);
    if (res.status === 500 && !opts.allow500) throw new Error(`${method} ${path}: unexpected 500\n${text}`);
    const pathname = new URL(url).pathname;
    if (pathname.startsWith('/api/') || pathname.startsWith('/api-auth/')) {
      // 8.1 mode: the 8.1.3 document where it has the path, else the 8.0.5 one (login, Rancher).
      const v = sim.config.waldur === '8.1' && validator81.templateFor(pathname) ? validator81 : validator;
      v.validate(method, pathname, res.status, parsed);
    }
    return {
      status: res.status,
      headers: res.headers,
      text,
      body: parsed,
      obj(): Row {
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`not an object: ${text}`);
        return parsed as Row;
      },
      list(): Row[] {
        if (!Array.isArray(parsed)) throw new Error(`not a list: ${text}`);
        return parsed as Row[];
      },
    };
  }
  return {
    sim,
    request,
    get: (path, opts) => request('GET', path, opts),
    head: (path, opts) => request('HEAD', path, opts),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
    put: (path, body, opts) => request('PUT', path, { ...opts, body }),
    patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
    del: (path, opts) => request('DELETE', path, opts),
  };
}

let shared: Simulator | undefined;

/**
 * With SIM_TEST_KEYCLOAK_URL (set by `npm run test:keycloak` for the files that apply), the
 * simulator serves its realms from that real Keycloak.
 */
const realKeycloak = process.env.SIM_TEST_KEYCLOAK_URL ? { keycloak: realKeycloakOptions(process.env.SIM_TEST_KEYCLOAK_URL) } : {};

/** One demo simulator per test file, reset before each test by the caller. */
export function demoSim(options: SimulatorOptions = {}): Simulator {
  if (Object.keys(options).length > 0) return createSimulator({ logErrors: true, ...realKeycloak, ...options });
  shared ??= createSimulator(realKeycloak);
  return shared;
}

export const T = DEMO.tokens;
export const A = DEMO.offerings.healthyA.uuid;
export const B = DEMO.offerings.healthyB.uuid;
export const GAMMA = DEMO.offerings.unreachable.uuid;
export const DELTA = DEMO.offerings.noKeycloak.uuid;
export const EPSILON = DEMO.offerings.misconfigured.uuid;

export function dashedUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** URLs as the UI would send them in bodies. */
export const url = {
  offering: (uuid: string) => `${ORIGIN}/api/marketplace-provider-offerings/${uuid}/`,
  role: (uuid: string) => `${ORIGIN}/api/marketplace-offering-user-roles/${uuid}/`,
  resource: (uuid: string) => `${ORIGIN}/api/marketplace-resources/${uuid}/`,
  roleTemplate: (uuid: string) => `${ORIGIN}/api/rancher-role-templates/${uuid}/`,
  user: (uuid: string) => `${ORIGIN}/api/users/${uuid}/`,
};
