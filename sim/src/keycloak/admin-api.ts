// The simulator's Keycloak, at the level of Keycloak's admin REST API (the calls Waldur 8.0.x
// makes through python-keycloak 5.x, plus the few the seed and the control API need). Two
// implementations: `in-memory.ts` (the default, no Java) and `http.ts` (a real Keycloak).

/** Keycloak's GroupRepresentation, as lists and GET /groups/{id} return it (Keycloak 23+). */
export interface GroupRepresentation {
  id: string;
  name: string;
  path: string;
  parentId?: string;
  subGroupCount?: number;
  subGroups?: GroupRepresentation[];
}

/** Keycloak's UserRepresentation (the fields Waldur reads). */
export interface UserRepresentation {
  id: string;
  username: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  enabled?: boolean;
}

export interface PageQuery {
  first?: number;
  max?: number;
}

export interface GroupQuery extends PageQuery {
  search?: string;
  exact?: boolean;
}

export interface UserQuery extends PageQuery {
  search?: string;
  username?: string;
  exact?: boolean;
}

export interface NewUser {
  username: string;
  email?: string;
  firstName?: string;
  lastName?: string;
}

/** An HTTP error answer of Keycloak (python-keycloak's KeycloakGetError & co.). */
export class KeycloakHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Keycloak answered ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
  }
}

/** No answer at all (python-keycloak's KeycloakConnectionError). */
export class KeycloakConnectionError extends Error {}

/** Either of the two: what Waldur's `except KeycloakError` catches. */
export function isKeycloakError(err: unknown): err is KeycloakHttpError | KeycloakConnectionError {
  return err instanceof KeycloakHttpError || err instanceof KeycloakConnectionError;
}

/** `/admin/realms/{realm}/...` of one realm, signed in. Every method is one REST call. */
export interface RealmAdmin {
  readonly realm: string;
  /** GET /groups (top-level groups; with `search`, the top-level groups above the matches). */
  getGroups(query?: GroupQuery): Promise<GroupRepresentation[]>;
  /** GET /groups/{id}; 404 for an unknown id. */
  getGroup(id: string): Promise<GroupRepresentation>;
  /** GET /groups/{id}/children. */
  getChildren(id: string, query?: PageQuery): Promise<GroupRepresentation[]>;
  /** POST /groups or POST /groups/{parent}/children; the new id (from Location). 409 for a same-name sibling. */
  createGroup(name: string, parentId?: string | null): Promise<string>;
  /** DELETE /groups/{id}. */
  deleteGroup(id: string): Promise<void>;
  /** GET /groups/{id}/members. */
  getMembers(id: string, query?: PageQuery): Promise<UserRepresentation[]>;
  /** GET /users. */
  getUsers(query?: UserQuery): Promise<UserRepresentation[]>;
  /** POST /users; the new id. 409 if the username exists. */
  createUser(user: NewUser): Promise<string>;
  /** PUT /users/{id}. */
  updateUser(id: string, fields: Partial<NewUser>): Promise<void>;
  /** DELETE /users/{id}. */
  deleteUser(id: string): Promise<void>;
  /** PUT /users/{userId}/groups/{groupId}. */
  addUserToGroup(userId: string, groupId: string): Promise<void>;
  /** DELETE /users/{userId}/groups/{groupId}. */
  removeUserFromGroup(userId: string, groupId: string): Promise<void>;
}

/** A Keycloak server, reached by URL. */
export interface KeycloakServer {
  readonly url: string;
  /**
   * python-keycloak's KeycloakAdmin(server_url, realm_name, user_realm_name, username, password):
   * a password grant for `admin-cli` in the user realm (401 for wrong credentials), then calls
   * on `realm` (404 on every call when that realm does not exist).
   */
  connect(realm: string, userRealm: string, username: string, password: string): Promise<RealmAdmin>;
}

/** Every page of a paged list, as python-keycloak's `__fetch_all` reads it (100 a page). */
export async function fetchAll<T>(page: (query: PageQuery) => Promise<T[]>): Promise<T[]> {
  const size = 100;
  const out: T[] = [];
  for (let first = 0; ; first += size) {
    const part = await page({ first, max: size });
    if (part.length === 0) break;
    out.push(...part);
    if (part.length < size) break;
  }
  return out;
}

/** Trailing slashes do not make another server. */
export function normalizeServerUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}
