// The real implementation: Keycloak's admin REST API over HTTP with plain fetch. Not
// @keycloak/keycloak-admin-client: Waldur's behaviour depends on exactly which requests are
// sent (python-keycloak's paging with first/max, no `exact`, `search` as given), and that
// client adds its own defaults and token refresh logic and brings a dependency tree into a
// package that must install and run with no network; twelve fetch calls say what they send.
import type {
  GroupQuery,
  GroupRepresentation,
  KeycloakServer,
  NewUser,
  PageQuery,
  RealmAdmin,
  UserQuery,
  UserRepresentation,
} from './admin-api.ts';
import { KeycloakConnectionError, KeycloakHttpError, normalizeServerUrl } from './admin-api.ts';

type Query = Record<string, string | number | boolean | undefined>;

function qs(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  } catch (err) {
    throw new KeycloakConnectionError(`Can't connect to server: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function failure(res: Response): Promise<KeycloakHttpError> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return new KeycloakHttpError(res.status, body);
}

export class HttpRealmAdmin implements RealmAdmin {
  private readonly base: string;

  constructor(
    server: string,
    readonly realm: string,
    private readonly token: () => Promise<string>,
  ) {
    this.base = `${server}/admin/realms/${encodeURIComponent(realm)}`;
  }

  private async call(method: string, path: string, query?: Query, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${await this.token()}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await send(`${this.base}${path}${qs(query)}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!res.ok) throw await failure(res);
    return res;
  }

  private async json<T>(path: string, query?: Query): Promise<T> {
    return (await (await this.call('GET', path, query)).json()) as T;
  }

  private async created(path: string, body: unknown): Promise<string> {
    const res = await this.call('POST', path, undefined, body);
    await res.arrayBuffer();
    const location = res.headers.get('Location') ?? '';
    return location.slice(location.lastIndexOf('/') + 1);
  }

  private async done(method: string, path: string, body?: unknown): Promise<void> {
    await (await this.call(method, path, undefined, body)).arrayBuffer();
  }

  getGroups(query: GroupQuery = {}): Promise<GroupRepresentation[]> {
    return this.json('/groups', { ...query });
  }

  getGroup(id: string): Promise<GroupRepresentation> {
    return this.json(`/groups/${encodeURIComponent(id)}`);
  }

  getChildren(id: string, query: PageQuery = {}): Promise<GroupRepresentation[]> {
    return this.json(`/groups/${encodeURIComponent(id)}/children`, { ...query });
  }

  createGroup(name: string, parentId: string | null = null): Promise<string> {
    return this.created(parentId === null ? '/groups' : `/groups/${encodeURIComponent(parentId)}/children`, { name });
  }

  deleteGroup(id: string): Promise<void> {
    return this.done('DELETE', `/groups/${encodeURIComponent(id)}`);
  }

  getMembers(id: string, query: PageQuery = {}): Promise<UserRepresentation[]> {
    return this.json(`/groups/${encodeURIComponent(id)}/members`, { ...query });
  }

  getUsers(query: UserQuery = {}): Promise<UserRepresentation[]> {
    return this.json('/users', { ...query });
  }

  createUser(user: NewUser): Promise<string> {
    return this.created('/users', { ...user, enabled: true });
  }

  async updateUser(id: string, fields: Partial<NewUser>): Promise<void> {
    const current = await this.json<Record<string, unknown>>(`/users/${encodeURIComponent(id)}`);
    await this.done('PUT', `/users/${encodeURIComponent(id)}`, { ...current, ...fields });
  }

  deleteUser(id: string): Promise<void> {
    return this.done('DELETE', `/users/${encodeURIComponent(id)}`);
  }

  addUserToGroup(userId: string, groupId: string): Promise<void> {
    return this.done('PUT', `/users/${encodeURIComponent(userId)}/groups/${encodeURIComponent(groupId)}`);
  }

  removeUserFromGroup(userId: string, groupId: string): Promise<void> {
    return this.done('DELETE', `/users/${encodeURIComponent(userId)}/groups/${encodeURIComponent(groupId)}`);
  }
}

/** A password grant for `admin-cli` in `userRealm`, as python-keycloak's KeycloakOpenIDConnection. */
export async function adminToken(server: string, userRealm: string, username: string, password: string): Promise<string> {
  const res = await send(`${server}/realms/${encodeURIComponent(userRealm)}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: 'admin-cli', grant_type: 'password', username, password }),
  });
  if (!res.ok) throw await failure(res);
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new KeycloakHttpError(res.status, body);
  return body.access_token;
}

/** A real Keycloak. Tokens are cached per account for 50 s (Keycloak's admin tokens live 60 s). */
export class HttpKeycloakServer implements KeycloakServer {
  readonly url: string;
  private readonly tokens = new Map<string, { token: Promise<string>; until: number }>();

  constructor(url: string) {
    this.url = normalizeServerUrl(url);
  }

  private token(userRealm: string, username: string, password: string): Promise<string> {
    const key = JSON.stringify([userRealm, username, password]);
    const cached = this.tokens.get(key);
    if (cached && cached.until > Date.now()) return cached.token;
    const token = adminToken(this.url, userRealm, username, password);
    this.tokens.set(key, { token, until: Date.now() + 50_000 });
    token.catch(() => this.tokens.delete(key));
    return token;
  }

  async connect(realm: string, userRealm: string, username: string, password: string): Promise<RealmAdmin> {
    await this.token(userRealm, username, password);
    return new HttpRealmAdmin(this.url, realm, () => this.token(userRealm, username, password));
  }

  /**
   * Realm management for the seed: DELETE /admin/realms/{name}, then POST /admin/realms with a
   * whole RealmRepresentation (Keycloak keeps the ids of imported groups and users).
   */
  async recreateRealm(representation: { realm: string } & Record<string, unknown>, account: Account): Promise<void> {
    const token = await this.token(account.userRealm, account.username, account.password);
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const name = encodeURIComponent(representation.realm);
    const del = await send(`${this.url}/admin/realms/${name}`, { method: 'DELETE', headers });
    if (!del.ok && del.status !== 404) throw await failure(del);
    await del.arrayBuffer();
    const res = await send(`${this.url}/admin/realms`, { method: 'POST', headers, body: JSON.stringify(representation) });
    if (!res.ok) throw await failure(res);
    await res.arrayBuffer();
  }
}

export interface Account {
  userRealm: string;
  username: string;
  password: string;
}
