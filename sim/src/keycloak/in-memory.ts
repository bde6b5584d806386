// The in-memory implementation of the Keycloak admin REST API over a `Realm`, answering as
// Keycloak 26 does (checked by `npm run test:keycloak` against a real server): lists carry
// `subGroupCount` and no nested groups, paging with `first`/`max`, `search` and `username`
// matching as Keycloak's, lower-cased usernames, 409 for a same-name sibling, 404 for unknown ids.
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
import { KeycloakHttpError, normalizeServerUrl } from './admin-api.ts';
import type { Realm, RemoteGroup, RemoteUser } from './realm.ts';
import { RealmConflict } from './realm.ts';

/** Keycloak's default page sizes when `max` is not sent. */
const DEFAULT_MAX = { groups: undefined, children: 10, members: 100, users: 100 } as const;

function page<T>(items: T[], query: PageQuery | undefined, defaultMax: number | undefined): T[] {
  const first = Math.max(0, query?.first ?? 0);
  const max = query?.max ?? defaultMax;
  return max === undefined || max < 0 ? items.slice(first) : items.slice(first, first + max);
}

function notFound(error: string): KeycloakHttpError {
  return new KeycloakHttpError(404, { error });
}

function userRep(u: RemoteUser): UserRepresentation {
  const rep: UserRepresentation = { id: u.id, username: u.username, enabled: true };
  if (u.email) rep.email = u.email;
  if (u.firstName) rep.firstName = u.firstName;
  if (u.lastName) rep.lastName = u.lastName;
  return rep;
}

/** Keycloak's `search` on users: each word a prefix of username, email, first or last name. */
export function userMatchesSearch(u: RemoteUser, search: string): boolean {
  const trimmed = search.trim();
  if (trimmed === '' || trimmed === '*') return true;
  const fields = [u.username, u.email, u.firstName, u.lastName].map((f) => f.toLowerCase());
  return trimmed
    .toLowerCase()
    .split(/\s+/)
    .every((word) => {
      if (word.length > 1 && word.startsWith('"') && word.endsWith('"')) return fields.includes(word.slice(1, -1));
      const infix = word.startsWith('*');
      const needle = word.replace(/^\*+|\*+$/g, '');
      return fields.some((f) => (infix ? f.includes(needle) : f.startsWith(needle)));
    });
}

export class InMemoryRealmAdmin implements RealmAdmin {
  constructor(private readonly r: Realm | undefined) {}

  get realm(): string {
    return this.r?.name ?? '';
  }

  private get data(): Realm {
    if (!this.r) throw notFound('Realm not found.');
    return this.r;
  }

  private group(id: string): RemoteGroup {
    const g = this.data.getGroup(id);
    if (!g) throw notFound('Could not find group by id');
    return g;
  }

  private user(id: string): RemoteUser {
    const u = this.data.users.get(id);
    if (!u) throw notFound('User not found');
    return u;
  }

  private rep(g: RemoteGroup): GroupRepresentation {
    const rep: GroupRepresentation = { id: g.id, name: g.name, path: g.path, subGroupCount: g.children.size, subGroups: [] };
    if (g.parentId !== null) rep.parentId = g.parentId;
    return rep;
  }

  /** With `search`: the tree pruned to the groups whose name matches (and their ancestors). */
  private pruned(g: RemoteGroup, matches: (g: RemoteGroup) => boolean): GroupRepresentation | null {
    const subGroups: GroupRepresentation[] = [];
    for (const child of this.data.children(g.id)) {
      const sub = this.pruned(child, matches);
      if (sub) subGroups.push(sub);
    }
    if (subGroups.length === 0 && !matches(g)) return null;
    return { ...this.rep(g), subGroups };
  }

  getGroups(query: GroupQuery = {}): Promise<GroupRepresentation[]> {
    const roots = this.data.children(null);
    if (query.search === undefined || query.search === '') {
      return Promise.resolve(page(roots, query, DEFAULT_MAX.groups).map((g) => this.rep(g)));
    }
    const needle = query.search.toLowerCase();
    const matches = query.exact ? (g: RemoteGroup) => g.name === query.search : (g: RemoteGroup) => g.name.toLowerCase().includes(needle);
    const found: GroupRepresentation[] = [];
    for (const g of roots) {
      const sub = this.pruned(g, matches);
      if (sub) found.push(sub);
    }
    return Promise.resolve(page(found, query, DEFAULT_MAX.groups));
  }

  getGroup(id: string): Promise<GroupRepresentation> {
    return Promise.resolve(this.rep(this.group(id)));
  }

  getChildren(id: string, query?: PageQuery): Promise<GroupRepresentation[]> {
    this.group(id);
    return Promise.resolve(page(this.data.children(id), query, DEFAULT_MAX.children).map((g) => this.rep(g)));
  }

  createGroup(name: string, parentId: string | null = null): Promise<string> {
    if (parentId !== null) this.group(parentId);
    try {
      return Promise.resolve(this.data.createGroup(name, parentId).id);
    } catch (err) {
      if (err instanceof RealmConflict) throw new KeycloakHttpError(409, { errorMessage: err.message });
      throw err;
    }
  }

  deleteGroup(id: string): Promise<void> {
    this.group(id);
    this.data.deleteGroup(id);
    return Promise.resolve();
  }

  getMembers(id: string, query?: PageQuery): Promise<UserRepresentation[]> {
    this.group(id);
    return Promise.resolve(page(this.data.membersOf(id), query, DEFAULT_MAX.members).map(userRep));
  }

  getUsers(query: UserQuery = {}): Promise<UserRepresentation[]> {
    const all = this.data.sortedUsersList();
    let hits: RemoteUser[];
    if (query.search !== undefined) {
      hits = all.filter((u) => userMatchesSearch(u, query.search ?? ''));
    } else if (query.username !== undefined) {
      const needle = query.username.toLowerCase();
      hits = all.filter((u) => (query.exact ? u.username === needle : u.username.includes(needle)));
    } else {
      hits = all;
    }
    return Promise.resolve(page(hits, query, DEFAULT_MAX.users).map(userRep));
  }

  createUser(user: NewUser): Promise<string> {
    try {
      return Promise.resolve(this.data.createUser(user).id);
    } catch (err) {
      if (err instanceof RealmConflict) throw new KeycloakHttpError(409, { errorMessage: 'User exists with same username' });
      throw err;
    }
  }

  updateUser(id: string, fields: Partial<NewUser>): Promise<void> {
    const { username: _ignored, ...rest } = fields;
    this.data.updateUser(this.user(id), rest);
    return Promise.resolve();
  }

  deleteUser(id: string): Promise<void> {
    this.user(id);
    this.data.deleteUser(id);
    return Promise.resolve();
  }

  addUserToGroup(userId: string, groupId: string): Promise<void> {
    this.user(userId);
    if (!this.data.getGroup(groupId)) throw notFound('Group not found');
    this.data.addMember(groupId, userId);
    return Promise.resolve();
  }

  removeUserFromGroup(userId: string, groupId: string): Promise<void> {
    this.user(userId);
    this.group(groupId);
    this.data.removeMember(groupId, userId);
    return Promise.resolve();
  }
}

export interface AdminAccount {
  userRealm: string;
  username: string;
  password: string;
}

/** A Keycloak server held in memory: its realms by name and the admin accounts that may sign in. */
export class InMemoryKeycloakServer implements KeycloakServer {
  readonly url: string;
  readonly realms = new Map<string, Realm>();
  readonly admins: AdminAccount[] = [];

  constructor(url: string) {
    this.url = normalizeServerUrl(url);
  }

  addAdmin(account: AdminAccount): void {
    if (!this.admins.some((a) => a.userRealm === account.userRealm && a.username === account.username.toLowerCase())) {
      this.admins.push({ ...account, username: account.username.toLowerCase() });
    }
  }

  /** The password grant's check: 400 invalid_grant for an account this server does not know. */
  checkAdmin(userRealm: string, username: string, password: string): void {
    const ok = this.admins.some((a) => a.userRealm === userRealm && a.username === username.toLowerCase() && a.password === password);
    if (!ok) throw new KeycloakHttpError(400, { error: 'invalid_grant', error_description: 'Invalid user credentials' });
  }

  connect(realm: string, userRealm: string, username: string, password: string): Promise<RealmAdmin> {
    try {
      this.checkAdmin(userRealm, username, password);
    } catch (err) {
      return Promise.reject(err as Error);
    }
    return Promise.resolve(new InMemoryRealmAdmin(this.realms.get(realm)));
  }
}
