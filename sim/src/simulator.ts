// The simulator: a fetch-style handler that behaves like Waldur 8.0.5 with Keycloak-enabled
// offerings behind it. `handle` answers null for paths that are not the simulator's, so a host
// can fall through to static files.
import { authenticate } from './auth.ts';
import type { ControlHost, ResetRequest } from './control.ts';
import { handleControl } from './control.ts';
import { applyFaults, Faults } from './faults.ts';
import { Ctx } from './handlers/context.ts';
import type { Core, SimConfig, WaldurLine } from './handlers/context.ts';
import { buildAccess81 } from './seed/demo-8-1.ts';
import { runAgent } from './agent.ts';
import type { AccessState } from './model/access-8-1.ts';
import type { JsonValue } from './http/errors.ts';
import {
  DJANGO_NOT_FOUND_HTML,
  DJANGO_SERVER_ERROR_HTML,
  HttpError,
  MESSAGES,
  PROXY_ERROR_HTML,
  htmlError,
  methodNotAllowed,
} from './http/errors.ts';
import { CORS_HEADERS, PREFLIGHT_HEADERS, errorToResponse, toResponse } from './http/result.ts';
import type { Method, RouteDef } from './http/router.ts';
import { Router } from './http/router.ts';
import { Store } from './model/store.ts';
import { ROUTES } from './routes.ts';
import { buildDemo } from './seed/demo.ts';
import { buildShowcase } from './seed/showcase.ts';
import type { SeedName } from './seed/seeds.ts';
import type { LargeSeedOptions } from './seed/large.ts';
import { buildLarge, DEFAULT_LARGE } from './seed/large.ts';
import type { TickReport } from './tasks.ts';
import { runPeriodicTasks } from './tasks.ts';
import type { KeycloakDirectory } from './keycloak/access.ts';
import { inMemoryDirectory } from './keycloak/access.ts';
import type { RealKeycloakOptions } from './keycloak/real.ts';
import { RealKeycloak } from './keycloak/real.ts';
import { QueryParams } from './util/query.ts';
import { waldurVersion } from './handlers/core.ts';

export type { LargeSeedOptions } from './seed/large.ts';
export type { TickReport } from './tasks.ts';

export interface SimulatorOptions {
  /** Which Waldur to answer as: '8.0' (8.0.5, the default) or '8.1' (8.1.3: offering roles, no offering Keycloak). */
  waldur?: WaldurLine;
  seed?: SeedName;
  large?: Partial<LargeSeedOptions>;
  /** Behave like Waldur 8.0.8+: version "8.0.8", offering Keycloak endpoints answer 404. */
  withoutOfferingKeycloak?: boolean;
  /** Sliding token lifetime for the seeded accounts (seconds; default 3600). */
  tokenLifetimeSeconds?: number;
  /** Wall clock in ms (tests may freeze or advance it). */
  clock?: () => number;
  /** Log unexpected errors (simulator bugs) to the console; default true. */
  logErrors?: boolean;
  /** Serve the offerings' realms from this real Keycloak (seeded into it) instead of memory. */
  keycloak?: RealKeycloakOptions;
}

/** Fault settings, as accepted by POST /__sim/faults. */
export interface FaultConfig {
  latencyMs?: number;
  errorRate?: number;
  keycloakDown?: boolean | string[];
  /** Waldur 8.1 mode: the site agent's operator fails (all resources, or these resource uuids). */
  agentError?: boolean | string[];
  keycloakRejects?: Array<{ username?: string; group_id?: string }>;
  expireTokens?: boolean;
  slow?: Array<{ path: string; method?: string; query?: Record<string, string>; ms: number }>;
  fail?: Array<{
    path: string;
    method?: string;
    query?: Record<string, string>;
    skip?: number;
    times?: number | null;
    status?: number;
  }>;
}

export interface Simulator {
  /** Answers a request, or null when the path is not under /api/, /api-auth/ or /__sim/. */
  handle(request: Request): Promise<Response | null>;
  /** Back to the seed (the construction options, or the ones given here). Clears faults. */
  reset(options?: ResetRequest): Promise<void>;
  /** Settles once the seed is in place (at once in memory; after seeding a real Keycloak). */
  readonly ready: Promise<void>;
  /** Runs the periodic backend tasks once. */
  tick(): Promise<TickReport>;
  /** Replaces all faults (`{}` clears them). Throws on invalid input. */
  setFaults(faults: FaultConfig): void;
  /** Current state (for tests that want to look behind the API). */
  readonly store: Store;
  /** Waldur 8.1 state (offering roles, grants, sync rows, the agent's CRs); null in 8.0 mode. */
  readonly access: AccessState | null;
  readonly faults: Faults;
  readonly config: Readonly<SimConfig>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const METHOD_ORDER: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function allowHeader(handlers: Partial<Record<Method, unknown>>): string {
  const methods: string[] = METHOD_ORDER.filter((m) => handlers[m] !== undefined);
  if (handlers.GET) methods.push('HEAD');
  methods.push('OPTIONS');
  return methods.join(', ');
}

function isSimPath(pathname: string): boolean {
  return pathname.startsWith('/api/') || pathname.startsWith('/api-auth/') || pathname.startsWith('/__sim/');
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const router = new Router(ROUTES);
  const faults = new Faults();
  const logErrors = options.logErrors ?? true;
  // Offerings find their Keycloak servers by URL in the current store (see keycloak/access.ts).
  const real = options.keycloak ? new RealKeycloak(options.keycloak) : null;
  const keycloak: KeycloakDirectory = real ? real.directory(() => core.store) : inMemoryDirectory(() => core.store);
  let core: Core = build(options);
  let ready: Promise<void> = real ? real.seed(core.store) : Promise.resolve();

  function build(opts: SimulatorOptions): Core {
    const store = new Store(opts.clock);
    const waldur = opts.waldur ?? '8.0';
    let access = null;
    // 8.1 mode has its own seeds; the 8.1 demo is written as a story already (demo-8-1.ts).
    if (waldur === '8.1') access = buildAccess81(store, opts.seed === 'large' ? 'large' : 'demo');
    else if (opts.seed === 'large') buildLarge(store, { ...DEFAULT_LARGE, ...opts.large });
    else if (opts.seed === 'showcase') buildShowcase(store);
    else buildDemo(store);
    const lifetime = opts.tokenLifetimeSeconds ?? 3600;
    for (const a of store.accounts.all()) if (a.tokenLifetime !== null) a.tokenLifetime = lifetime;
    return {
      store,
      faults,
      config: {
        waldur,
        withoutOfferingKeycloak: waldur === '8.1' || (opts.withoutOfferingKeycloak ?? false),
        tokenLifetimeSeconds: lifetime,
      },
      keycloak,
      access,
    };
  }

  function reset(request: ResetRequest = {}): Promise<void> {
    faults.clear();
    const opts: SimulatorOptions = { ...options };
    if (request.waldur !== undefined) opts.waldur = request.waldur;
    if (request.seed !== undefined) opts.seed = request.seed;
    if (request.large !== undefined) opts.large = { ...options.large, ...request.large };
    if (request.withoutOfferingKeycloak !== undefined) opts.withoutOfferingKeycloak = request.withoutOfferingKeycloak;
    core = build(opts);
    if (real) ready = ready.catch(() => undefined).then(() => real.seed(core.store));
    return ready;
  }

  async function tick(): Promise<TickReport> {
    const report = await runPeriodicTasks(core);
    if (core.access) report.agent = await runAgent(core, core.access);
    return report;
  }

  function describe(): Record<string, JsonValue> {
    const s = core.store;
    return {
      version: waldurVersion(core.config),
      counts: {
        offerings: s.offerings.size,
        groups: s.groups.size,
        memberships: s.memberships.size,
        rancherGroups: s.rancherGroups.size,
        rancherMemberships: s.rancherMemberships.size,
        realms: s.realms.size,
        remoteGroups: [...s.realms.values()].reduce((n, r) => n + r.groups.size, 0),
        remoteUsers: [...s.realms.values()].reduce((n, r) => n + r.users.size, 0),
        ...(core.access
          ? {
              offeringRoles: core.access.roles.size,
              resourceProjects: core.access.resourceProjects.size,
              grants: [...core.access.grants.all()].filter((g) => g.isActive).length,
            }
          : {}),
      },
      faults: faults.describe() as JsonValue,
    };
  }

  const host: ControlHost = { core: () => core, reset, tick, describe };

  /** Whether a route exists in the Waldur version the simulator answers as. */
  function enabledRoute(route: RouteDef): boolean {
    const v81 = core.config.waldur === '8.1';
    return !(route.offeringKeycloak && core.config.withoutOfferingKeycloak) && !(route.since81 && !v81) && !(route.removedIn808 && v81);
  }

  async function handle(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    const pathname = url.pathname;
    if (!isSimPath(pathname)) return null;
    const method = request.method.toUpperCase();
    let allow = '';
    try {
      if (method === 'OPTIONS') {
        // A CORS preflight always passes; a plain OPTIONS (the spec's section 1 probe of a
        // route) is answered by Django's URL resolver: 404 where no view is mounted.
        const preflight = request.headers.has('access-control-request-method');
        if (preflight || !pathname.startsWith('/api/') || router.match(pathname, enabledRoute)) {
          return new Response(null, { status: 200, headers: PREFLIGHT_HEADERS });
        }
        throw htmlError(404, DJANGO_NOT_FOUND_HTML);
      }
      await ready;
      if (pathname.startsWith('/__sim/')) return toResponse(await handleControl(host, request, url), method);

      const query = new QueryParams(url.search);
      const delay = faults.delayFor(method, pathname, query);
      if (delay > 0) await sleep(delay);
      const injected = faults.failureFor(method, pathname, query, pathname.startsWith('/api/'));
      if (injected !== null) {
        if (injected === 500) throw htmlError(500, PROXY_ERROR_HTML);
        throw new HttpError(injected, { detail: MESSAGES.simulatedFailure });
      }

      const enabled = enabledRoute;
      const match = router.match(pathname, enabled);
      if (!match) {
        if (!pathname.endsWith('/') && router.match(`${pathname}/`, enabled)) {
          return new Response(null, {
            status: 301,
            headers: { ...CORS_HEADERS, Location: `${pathname}/${url.search}` },
          });
        }
        throw htmlError(404, DJANGO_NOT_FOUND_HTML);
      }
      // DRF sends `Allow` with every answer of a view.
      allow = allowHeader(match.route.handlers);
      const ctx = new Ctx(core, request);
      ctx.params = match.params;
      if (!match.route.anonymous) ctx.setUser(authenticate(core, request));
      const handler = match.route.handlers[(method === 'HEAD' ? 'GET' : method) as Method];
      if (!handler) throw methodNotAllowed(method);
      const result = await handler(ctx);
      result.headers = { Allow: allow, ...result.headers };
      return toResponse(result, method);
    } catch (err) {
      if (err instanceof HttpError) {
        const response = errorToResponse(err, method);
        if (allow && err.body !== undefined) response.headers.set('Allow', allow);
        return response;
      }
      if (logErrors) console.error('[sim] unexpected error', err);
      return errorToResponse(htmlError(500, DJANGO_SERVER_ERROR_HTML), method);
    }
  }

  return {
    handle,
    reset,
    tick,
    setFaults(config: FaultConfig): void {
      let maxSeq = 0;
      for (const t of core.store.tokens.values()) maxSeq = Math.max(maxSeq, t.seq);
      const errors = applyFaults(faults, config, maxSeq);
      if (errors) throw new Error(`invalid faults: ${JSON.stringify(errors)}`);
    },
    get store() {
      return core.store;
    },
    get access() {
      return core.access;
    },
    get ready() {
      return ready;
    },
    faults,
    get config() {
      return core.config;
    },
  };
}
