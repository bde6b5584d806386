import type { Faults } from '../faults.ts';
import type { KeycloakDirectory } from '../keycloak/access.ts';
import type { BodyData } from '../http/body.ts';
import { readBody } from '../http/body.ts';
import type { ApiResult } from '../http/result.ts';
import type { Store } from '../model/store.ts';
import type { Account } from '../model/types.ts';
import type { AccessState } from '../model/access-8-1.ts';
import { QueryParams } from '../util/query.ts';

/** Which Waldur the simulator answers as: 8.0.5 (the default) or 8.1.3 (offering roles). */
export type WaldurLine = '8.0' | '8.1';

export interface SimConfig {
  waldur: WaldurLine;
  withoutOfferingKeycloak: boolean;
  tokenLifetimeSeconds: number;
}

/** Shared, mutable simulator state the handlers work on. */
export interface Core {
  store: Store;
  faults: Faults;
  config: SimConfig;
  /** Where offerings' Keycloak servers are found by URL (in memory, or a real Keycloak). */
  keycloak: KeycloakDirectory;
  /** Waldur 8.1 state (offering roles, grants, sync reports); null in 8.0 mode. */
  access: AccessState | null;
}

export class Ctx {
  readonly url: URL;
  readonly origin: string;
  readonly method: string;
  readonly query: QueryParams;
  params: Record<string, string> = {};
  private account: Account | null = null;
  private bodyPromise: Promise<BodyData> | null = null;

  constructor(
    readonly core: Core,
    readonly request: Request,
  ) {
    this.url = new URL(request.url);
    this.origin = this.url.origin;
    this.method = request.method.toUpperCase();
    this.query = new QueryParams(this.url.search);
  }

  get store(): Store {
    return this.core.store;
  }

  get faults(): Faults {
    return this.core.faults;
  }

  get keycloak(): KeycloakDirectory {
    return this.core.keycloak;
  }

  setUser(account: Account): void {
    this.account = account;
  }

  /** The authenticated account (routes run only after authentication). */
  get user(): Account {
    if (!this.account) throw new Error('route used without authentication');
    return this.account;
  }

  body(): Promise<BodyData> {
    this.bodyPromise ??= readBody(this.request);
    return this.bodyPromise;
  }

  abs(path: string): string {
    return `${this.origin}${path}`;
  }

  param(name: string): string {
    return this.params[name] ?? '';
  }
}

export type Handler = (ctx: Ctx) => ApiResult | Promise<ApiResult>;
