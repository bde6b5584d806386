// The simulator in front of a real Keycloak (`npm run sim -- --keycloak URL`). The seed still
// builds its realms in memory; `seed` copies every realm an offering's settings reach into the
// real server (groups and users with their ids, then memberships), and from then on every
// Keycloak call of the Waldur layer and of the control API goes to the real server.
//
// What stays the simulator's: which URLs are Keycloak servers (the seeded ones; any other URL is
// unreachable, as in memory) and which admin accounts they accept. All seeded servers are one
// real Keycloak, so the per-offering integration accounts are checked here, as the in-memory
// server checks them, and the calls then run as the real server's bootstrap admin. Realm names,
// groups, users, paging, search, 404s and 409s are the real server's.
import type { KeycloakServer, RealmAdmin } from './admin-api.ts';
import { normalizeServerUrl } from './admin-api.ts';
import type { KeycloakDirectory } from './access.ts';
import type { Account } from './http.ts';
import { HttpKeycloakServer } from './http.ts';
import type { InMemoryKeycloakServer } from './in-memory.ts';
import { InMemoryRealmAdmin } from './in-memory.ts';
import type { Realm, RemoteGroup } from './realm.ts';
import type { Store } from '../model/store.ts';
import { mapLimit } from '../../../src/lib/map-limit.ts';

export interface RealKeycloakOptions {
  url: string;
  /** The real server's admin account in its master realm (the bootstrap admin). */
  admin: string;
  password: string;
}

/** Options for a real Keycloak at `url`: the admin account given, else from the environment, else admin/admin. */
export function realKeycloakOptions(url: string, given: { admin?: string; password?: string } = {}): RealKeycloakOptions {
  return {
    url,
    admin: given.admin ?? process.env.KEYCLOAK_ADMIN ?? 'admin',
    password: given.password ?? process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
  };
}

type GroupImport = { id: string; name: string; subGroups: GroupImport[] };

function groupTree(realm: Realm, parentId: string | null): GroupImport[] {
  return realm.children(parentId).map((g: RemoteGroup) => ({ id: g.id, name: g.name, subGroups: groupTree(realm, g.id) }));
}

/** Marks a realm changed on every call that writes, so that a reset re-seeds only what changed. */
function tracking(admin: RealmAdmin, changed: () => void): RealmAdmin {
  const writes = new Set(['createGroup', 'deleteGroup', 'createUser', 'updateUser', 'deleteUser', 'addUserToGroup', 'removeUserFromGroup']);
  return new Proxy(admin, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        if (typeof key === 'string' && writes.has(key)) changed();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

export class RealKeycloak {
  readonly http: HttpKeycloakServer;
  private readonly account: Account;
  /** Realm names as seeded into the real server, by the in-memory realm they came from. */
  private hosted = new Map<Realm, string>();
  /** Realms written to since they were seeded (by name). */
  private readonly changed = new Set<string>();
  /** The seed each realm name was last copied from (a different store means seed again). */
  private readonly seededFrom = new Map<string, Realm>();

  constructor(readonly options: RealKeycloakOptions) {
    this.http = new HttpKeycloakServer(normalizeServerUrl(options.url));
    this.account = { userRealm: 'master', username: options.admin, password: options.password };
  }

  private admin(realm: string): Promise<RealmAdmin> {
    return this.http.connect(realm, this.account.userRealm, this.account.username, this.account.password);
  }

  private async trackedAdmin(realm: string): Promise<RealmAdmin> {
    return tracking(await this.admin(realm), () => this.changed.add(realm));
  }

  /** Offerings reach the real server through the seeded URLs and accounts. */
  directory(store: () => Store): KeycloakDirectory {
    return {
      server: (url): KeycloakServer | undefined => {
        const seeded: InMemoryKeycloakServer | undefined = store().keycloakServers.get(normalizeServerUrl(url));
        if (!seeded) return undefined;
        return {
          url: seeded.url,
          connect: async (realm, userRealm, username, password) => {
            seeded.checkAdmin(userRealm, username, password);
            return this.trackedAdmin(realm);
          },
        };
      },
      realmAdmin: (realm) => {
        const name = this.hosted.get(realm);
        return name === undefined ? Promise.resolve(new InMemoryRealmAdmin(realm)) : this.trackedAdmin(name);
      },
    };
  }

  /**
   * Copies the store's hosted realms into the real server: each realm whose seed is new or that
   * was written to is deleted and imported again; the others are left as they are.
   */
  async seed(store: Store): Promise<void> {
    const byName = new Map<string, Realm>();
    for (const server of store.keycloakServers.values()) {
      for (const [name, realm] of server.realms) {
        const other = byName.get(name);
        if (other && other !== realm) throw new Error(`seed: two realms named "${name}" cannot share one real Keycloak`);
        byName.set(name, realm);
      }
    }
    this.hosted = new Map([...byName].map(([name, realm]) => [realm, name]));
    for (const [name, realm] of byName) {
      const previous = this.seededFrom.get(name);
      this.seededFrom.set(name, realm);
      if (previous && !this.changed.has(name) && sameSeed(previous, realm)) continue;
      await this.importRealm(name, realm);
      this.changed.delete(name);
    }
  }

  private async importRealm(name: string, realm: Realm): Promise<void> {
    const users = [...realm.users.values()].map((u) => ({
      id: u.id,
      username: u.username,
      enabled: true,
      ...(u.email ? { email: u.email } : {}),
      ...(u.firstName ? { firstName: u.firstName } : {}),
      ...(u.lastName ? { lastName: u.lastName } : {}),
    }));
    await this.http.recreateRealm(
      // Seeded people may share an email; Waldur never relies on Keycloak refusing that.
      { realm: name, enabled: true, duplicateEmailsAllowed: true, groups: groupTree(realm, null), users },
      this.account,
    );
    const admin = await this.admin(name);
    const memberships: Array<[string, string]> = [];
    for (const g of realm.groups.values()) for (const userId of g.members) memberships.push([userId, g.id]);
    await mapLimit(memberships, 8, ([userId, groupId]) => admin.addUserToGroup(userId, groupId));
  }
}

/** Two seeds of a realm are alike when they hold the same groups, users and members. */
function sameSeed(a: Realm, b: Realm): boolean {
  return fingerprint(a) === fingerprint(b);
}

const fingerprints = new WeakMap<Realm, string>();

function fingerprint(realm: Realm): string {
  let value = fingerprints.get(realm);
  if (value === undefined) {
    const groups = [...realm.groups.values()].map((g) => `${g.id}|${g.name}|${g.parentId ?? ''}|${[...g.members].sort().join(',')}`);
    const users = [...realm.users.values()].map((u) => `${u.id}|${u.username}|${u.email}|${u.firstName}|${u.lastName}`);
    value = `${groups.sort().join('\n')}\n--\n${users.sort().join('\n')}`;
    fingerprints.set(realm, value);
  }
  return value;
}
