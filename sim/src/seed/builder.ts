// Helpers the seeds use to fill a Store: fixed base date, one step per object, so "newest first"
// is the reverse of the order objects are added in.
import type { Realm, RemoteGroup, RemoteUser } from '../keycloak/realm.ts';
import type { Store } from '../model/store.ts';
import type {
  Account,
  Customer,
  JsonObject,
  MembershipState,
  Offering,
  OfferingGroup,
  OfferingMembership,
  OfferingRole,
  RancherCluster,
  RancherGroup,
  RancherMembership,
  RancherProject,
  Resource,
  RoleTemplate,
  ServiceSettings,
} from '../model/types.ts';
import type { Micros } from '../util/time.ts';
import { parseIsoToMicros } from '../util/time.ts';
import { clip } from '../handlers/offering-keycloak-shared.ts';

export const SEED_BASE_DATE = '2025-01-06T08:00:00Z';

export class SeedBuilder {
  private t: Micros;

  constructor(
    readonly store: Store,
    base = SEED_BASE_DATE,
    private readonly stepMicros = 60_000_000 + 123_457,
  ) {
    this.t = parseIsoToMicros(base);
  }

  /** The next creation timestamp. */
  next(): Micros {
    this.t += this.stepMicros;
    return this.t;
  }

  /** Call once at the end: objects made at run time are newer than every seeded one. */
  finish(): void {
    this.store.clock.advancePast(this.t);
  }

  customer(uuid: string, name: string, slug: string): Customer {
    return this.store.customers.insert({ uuid, name, slug, created: this.next() });
  }

  account(a: Omit<Account, 'created' | 'tokenLifetime'> & { tokenKey?: string }): Account {
    const { tokenKey, ...fields } = a;
    const account = this.store.accounts.insert({ ...fields, tokenLifetime: 3600, created: this.next() });
    if (tokenKey) {
      this.store.tokens.set(tokenKey, {
        key: tokenKey,
        accountUuid: account.uuid,
        seq: this.store.nextTokenSeq(),
        lastUsed: this.store.clock.wallMs(),
      });
    }
    return account;
  }

  offering(o: Omit<Offering, 'created' | 'state' | 'description'> & { description?: string }): Offering {
    const offering = this.store.offerings.insert({ description: '', ...o, state: 'Active', created: this.next() });
    // The realm is served where the offering's settings point (no server answers an unreachable one).
    if (o.realmKey !== null && !o.unreachable) this.store.hostRealm(o.realmKey, o.secretOptions);
    return offering;
  }

  role(uuid: string, offeringUuid: string, name: string, scopeType = '', scopeTypeLabel = ''): OfferingRole {
    return this.store.roles.insert({ uuid, name, offeringUuid, scopeType, scopeTypeLabel, created: this.next() });
  }

  resource(r: {
    uuid: string;
    name: string;
    slug: string;
    offeringUuid: string;
    customerUuid: string;
    projectUuid: string;
    projectName: string;
    options?: JsonObject;
  }): Resource {
    const t = this.next();
    return this.store.resources.insert({
      backendId: `${r.slug}-backend`,
      state: 'OK',
      options: {},
      ...r,
      created: t,
      modified: t,
    });
  }

  group(g: Omit<OfferingGroup, 'created' | 'modified'>): OfferingGroup {
    const t = this.next();
    // Spelled out, not spread: V8 gave spread copies a map each, which made every scan of the
    // groups megamorphic (20,000 maps on the large seed; ~1 µs a field read).
    const { uuid, name, backendId, offeringUuid, roleUuid, resourceUuid, scopeId } = g;
    return this.store.groups.insert({ uuid, name, backendId, offeringUuid, roleUuid, resourceUuid, scopeId, created: t, modified: t });
  }

  /**
   * A membership. Active ones take their names from the remote user; `inRemoteGroup` also makes
   * the user a member of the group's remote group (the normal case for an active membership).
   */
  membership(m: {
    uuid: string;
    group: OfferingGroup;
    username: string;
    email?: string;
    state: MembershipState;
    realm?: Realm | undefined;
    inRemoteGroup?: boolean;
    firstName?: string;
    lastName?: string;
    errorMessage?: string;
    errorTraceback?: string;
    accountUuid?: string | null;
  }): OfferingMembership {
    const t = this.next();
    const remote: RemoteUser | undefined = m.realm?.findUser(m.username);
    const row: OfferingMembership = {
      uuid: m.uuid,
      username: m.username,
      email: m.email ?? remote?.email ?? '',
      firstName: m.firstName ?? (m.state === 'active' ? clip(remote?.firstName ?? '', 100) : ''),
      lastName: m.lastName ?? (m.state === 'active' ? clip(remote?.lastName ?? '', 100) : ''),
      groupUuid: m.group.uuid,
      offeringUuid: m.group.offeringUuid,
      accountUuid: m.accountUuid ?? null,
      state: m.state,
      created: t,
      modified: t,
      lastChecked: t,
      errorMessage: m.errorMessage ?? '',
      errorTraceback: m.errorTraceback ?? '',
    };
    if (m.inRemoteGroup && remote && m.realm && m.group.backendId && m.realm.getGroup(m.group.backendId)) {
      m.realm.addMember(m.group.backendId, remote.id);
    }
    return this.store.memberships.insert(row);
  }

  settings(s: ServiceSettings): ServiceSettings {
    return this.store.serviceSettings.insert(s);
  }

  cluster(c: Omit<RancherCluster, 'created' | 'modified'>): RancherCluster {
    const t = this.next();
    return this.store.clusters.insert({ ...c, created: t, modified: t });
  }

  project(p: Omit<RancherProject, 'created' | 'modified'>): RancherProject {
    const t = this.next();
    return this.store.projects.insert({ ...p, created: t, modified: t });
  }

  roleTemplate(t: RoleTemplate): RoleTemplate {
    return this.store.roleTemplates.insert(t);
  }

  rancherGroup(g: Omit<RancherGroup, 'created' | 'modified'>): RancherGroup {
    const t = this.next();
    return this.store.rancherGroups.insert({ ...g, created: t, modified: t });
  }

  rancherMembership(m: {
    uuid: string;
    group: RancherGroup;
    username: string;
    email: string;
    state: MembershipState;
    realm: Realm;
    inRemoteGroup?: boolean;
    errorMessage?: string;
    errorTraceback?: string;
  }): RancherMembership {
    const t = this.next();
    const remote = m.realm.findUser(m.username);
    if (m.inRemoteGroup && remote) m.realm.addMember(m.group.backendId, remote.id);
    return this.store.rancherMemberships.insert({
      uuid: m.uuid,
      username: m.username,
      email: m.email,
      firstName: m.state === 'active' ? clip(remote?.firstName ?? '', 100) : '',
      lastName: m.state === 'active' ? clip(remote?.lastName ?? '', 100) : '',
      groupUuid: m.group.uuid,
      state: m.state,
      created: t,
      modified: t,
      lastChecked: t,
      errorMessage: m.errorMessage ?? '',
      errorTraceback: m.errorTraceback ?? '',
    });
  }
}

/** Adds a remote group, failing loudly if the seed has a clash. */
export function remoteGroup(realm: Realm, id: string, name: string, parent: RemoteGroup | null): RemoteGroup {
  return realm.createGroup(name, parent ? parent.id : null, id);
}
