// Django-style URL resolution: patterns end with "/", `{name}` matches `[^/.]+` (DRF's default
// lookup regex). No match -> Django's HTML 404; a match without the trailing slash -> 301.
import type { Handler } from '../handlers/context.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDef {
  path: string;
  /** Anonymous routes skip token authentication (only /api-auth/password/). */
  anonymous?: boolean;
  /** Routes that exist only while the offering Keycloak feature is present (Waldur <= 8.0.7). */
  offeringKeycloak?: boolean;
  /** Routes of Waldur 8.1 only (absent in the default 8.0.5 mode). */
  since81?: boolean;
  /** Routes Waldur deleted in 8.0.8 (absent in 8.1 mode). */
  removedIn808?: boolean;
  handlers: Partial<Record<Method, Handler>>;
}

interface CompiledRoute extends RouteDef {
  segments: string[];
}

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: RouteDef[]) {
    this.routes = routes.map((r) => ({ ...r, segments: r.path.split('/').filter(Boolean) }));
  }

  match(pathname: string, enabled: (route: RouteDef) => boolean): RouteMatch | null {
    if (!pathname.endsWith('/')) return null;
    const parts = pathname.split('/').filter(Boolean);
    let decoded: string[];
    try {
      decoded = parts.map((p) => decodeURIComponent(p));
    } catch {
      return null;
    }
    for (const route of this.routes) {
      if (route.segments.length !== decoded.length || !enabled(route)) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < route.segments.length; i++) {
        const seg = route.segments[i] ?? '';
        const part = decoded[i] ?? '';
        if (seg.startsWith('{')) {
          if (!/^[^/.]+$/.test(part)) {
            ok = false;
            break;
          }
          params[seg.slice(1, -1)] = part;
        } else if (seg !== part) {
          ok = false;
          break;
        }
      }
      if (ok) return { route, params };
    }
    return null;
  }
}
