// An in-memory Keycloak realm: a group tree (names unique among siblings, paths like
// "/base/offering/group"), users (usernames are lower-cased and unique) and group members.
import { keycloakId } from '../util/ids.ts';

export interface RemoteGroup {
  id: string;
  name: string;
  parentId: string | null;
  path: string;
  children: Set<string>;
  members: Set<string>;
}

export interface RemoteUser {
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  /** Lower-cased haystack for the `search` query. */
  haystack: string;
}

export class RealmConflict extends Error {}

const byName = (a: RemoteGroup, b: RemoteGroup): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byUsername = (a: RemoteUser, b: RemoteUser): number => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0);

export class Realm {
  readonly groups = new Map<string, RemoteGroup>();
  readonly roots = new Set<string>();
  readonly users = new Map<string, RemoteUser>();
  private readonly usernames = new Map<string, string>();
  private readonly sorted = new Map<string, RemoteGroup[]>();
  /** parent id ('' for top level) -> child name -> child id */
  private readonly childNames = new Map<string, Map<string, string>>();
  private sortedUsers: RemoteUser[] | null = null;
  private idCounter = 0;

  constructor(
    readonly key: string,
    readonly name: string,
  ) {}

  nextId(kind: 'group' | 'user'): string {
    this.idCounter += 1;
    return keycloakId(`${this.key}:${kind}:runtime:${this.idCounter}`);
  }

  // ---- groups -------------------------------------------------------------------------------

  getGroup(id: string): RemoteGroup | undefined {
    return this.groups.get(id);
  }

  private siblingsOf(parentId: string | null): Set<string> {
    if (parentId === null) return this.roots;
    const parent = this.groups.get(parentId);
    if (!parent) throw new RealmConflict('Could not find parent group');
    return parent.children;
  }

  findChild(parentId: string | null, name: string): RemoteGroup | undefined {
    this.siblingsOf(parentId);
    const id = this.childNames.get(parentId ?? '')?.get(name);
    return id === undefined ? undefined : this.groups.get(id);
  }

  /** Keycloak's POST /groups: 409 when a sibling has the same name. */
  createGroup(name: string, parentId: string | null, id?: string): RemoteGroup {
    const siblings = this.siblingsOf(parentId);
    if (this.findChild(parentId, name)) {
      throw new RealmConflict(
        parentId === null ? `Top level group named '${name}' already exists.` : `Sibling group named '${name}' already exists.`,
      );
    }
    const parent = parentId === null ? null : this.groups.get(parentId);
    const group: RemoteGroup = {
      id: id ?? this.nextId('group'),
      name,
      parentId,
      path: `${parent ? parent.path : ''}/${name}`,
      children: new Set(),
      members: new Set(),
    };
    this.groups.set(group.id, group);
    siblings.add(group.id);
    let names = this.childNames.get(parentId ?? '');
    if (!names) this.childNames.set(parentId ?? '', (names = new Map()));
    names.set(name, group.id);
    this.sorted.delete(parentId ?? '');
    return group;
  }

  /** Waldur's KeycloakClient.create_group: returns the existing sibling with that name. */
  ensureGroup(name: string, parentId: string | null): RemoteGroup {
    return this.findChild(parentId, name) ?? this.createGroup(name, parentId);
  }

  deleteGroup(id: string): boolean {
    const group = this.groups.get(id);
    if (!group) return false;
    for (const childId of [...group.children]) this.deleteGroup(childId);
    this.groups.delete(id);
    this.childNames.get(group.parentId ?? '')?.delete(group.name);
    this.childNames.delete(id);
    const siblings = group.parentId === null ? this.roots : this.groups.get(group.parentId)?.children;
    siblings?.delete(id);
    this.sorted.delete(group.parentId ?? '');
    this.sorted.delete(id);
    return true;
  }

  /** Children sorted by name (top-level groups for `null`), as Keycloak lists them. */
  children(parentId: string | null): RemoteGroup[] {
    const key = parentId ?? '';
    let list = this.sorted.get(key);
    if (!list) {
      const ids = parentId === null ? this.roots : (this.groups.get(parentId)?.children ?? new Set<string>());
      list = [];
      for (const cid of ids) {
        const g = this.groups.get(cid);
        if (g) list.push(g);
      }
      list.sort(byName);
      this.sorted.set(key, list);
    }
    return list;
  }

  /** Every group, depth first in name order (Waldur's `_flatten_groups`). */
  flatten(): RemoteGroup[] {
    const out: RemoteGroup[] = [];
    const walk = (parentId: string | null): void => {
      for (const g of this.children(parentId)) {
        out.push(g);
        if (g.children.size > 0) walk(g.id);
      }
    };
    walk(null);
    return out;
  }

  // ---- users --------------------------------------------------------------------------------

  createUser(fields: { username: string; email?: string; firstName?: string; lastName?: string }, id?: string): RemoteUser {
    const username = fields.username.toLowerCase();
    if (this.usernames.has(username)) throw new RealmConflict('User exists with same username');
    const user: RemoteUser = {
      id: id ?? this.nextId('user'),
      username,
      email: fields.email ?? '',
      firstName: fields.firstName ?? '',
      lastName: fields.lastName ?? '',
      haystack: '',
    };
    user.haystack = [user.username, user.email, user.firstName, user.lastName, `${user.firstName} ${user.lastName}`]
      .join('\u0000')
      .toLowerCase();
    this.users.set(user.id, user);
    this.usernames.set(username, user.id);
    this.sortedUsers = null;
    return user;
  }

  updateUser(user: RemoteUser, fields: { email?: string; firstName?: string; lastName?: string }): void {
    if (fields.email !== undefined) user.email = fields.email;
    if (fields.firstName !== undefined) user.firstName = fields.firstName;
    if (fields.lastName !== undefined) user.lastName = fields.lastName;
    user.haystack = [user.username, user.email, user.firstName, user.lastName, `${user.firstName} ${user.lastName}`]
      .join('\u0000')
      .toLowerCase();
  }

  deleteUser(id: string): boolean {
    const user = this.users.get(id);
    if (!user) return false;
    for (const g of this.groups.values()) g.members.delete(id);
    this.users.delete(id);
    this.usernames.delete(user.username);
    this.sortedUsers = null;
    return true;
  }

  findUser(username: string): RemoteUser | undefined {
    const id = this.usernames.get(username.toLowerCase());
    return id === undefined ? undefined : this.users.get(id);
  }

  /** Every user, ordered by username as Keycloak lists them. */
  sortedUsersList(): RemoteUser[] {
    if (!this.sortedUsers) this.sortedUsers = [...this.users.values()].sort(byUsername);
    return this.sortedUsers;
  }

  /** Keycloak's `search`: substring of username, email, first or last name; at most `max`. */
  searchUsers(query: string, max = 100): RemoteUser[] {
    const q = query.toLowerCase();
    if (!this.sortedUsers) this.sortedUsers = [...this.users.values()].sort(byUsername);
    const out: RemoteUser[] = [];
    for (const u of this.sortedUsers) {
      if (u.haystack.includes(q)) {
        out.push(u);
        if (out.length >= max) break;
      }
    }
    return out;
  }

  // ---- members ------------------------------------------------------------------------------

  addMember(groupId: string, userId: string): void {
    const g = this.groups.get(groupId);
    if (!g) throw new RealmConflict('Could not find group by id');
    if (!this.users.has(userId)) throw new RealmConflict('User not found');
    g.members.add(userId);
  }

  removeMember(groupId: string, userId: string): void {
    this.groups.get(groupId)?.members.delete(userId);
  }

  isMember(groupId: string, userId: string): boolean {
    return this.groups.get(groupId)?.members.has(userId) ?? false;
  }

  membersOf(groupId: string): RemoteUser[] {
    const g = this.groups.get(groupId);
    if (!g) return [];
    const out: RemoteUser[] = [];
    for (const id of g.members) {
      const u = this.users.get(id);
      if (u) out.push(u);
    }
    return out.sort(byUsername);
  }
}
