// All simulator state: Waldur's tables plus the Keycloak realms behind offerings and Rancher.
import { normalizeServerUrl } from '../keycloak/admin-api.ts';
import { InMemoryKeycloakServer } from '../keycloak/in-memory.ts';
import { Realm } from '../keycloak/realm.ts';
import { uuidHex } from '../util/ids.ts';
import { Clock } from '../util/time.ts';
import type { Micros } from '../util/time.ts';
import { Table } from './table.ts';
import type {
  Account,
  JsonObject,
  Customer,
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
  Token,
} from './types.ts';

export class Store {
  readonly customers = new Table<Customer>();
  readonly accounts = new Table<Account>();
  readonly tokens = new Map<string, Token>();
  readonly offerings = new Table<Offering>();
  readonly roles = new Table<OfferingRole>({ offering: (r) => r.offeringUuid });
  readonly resources = new Table<Resource>({ offering: (r) => r.offeringUuid });
  readonly groups = new Table<OfferingGroup>({
    offering: (g) => g.offeringUuid,
    role: (g) => g.roleUuid,
    backend: (g) => g.backendId || null,
    scope: scopeKey,
  });
  readonly memberships = new Table<OfferingMembership>({
    group: (m) => m.groupUuid,
    offering: (m) => m.offeringUuid,
  });
  readonly serviceSettings = new Table<ServiceSettings>();
  readonly clusters = new Table<RancherCluster>();
  readonly projects = new Table<RancherProject>({ cluster: (p) => p.clusterUuid });
  readonly roleTemplates = new Table<RoleTemplate>({ settings: (t) => t.settingsUuid });
  readonly rancherGroups = new Table<RancherGroup>({ role: (g) => g.roleUuid });
  readonly rancherMemberships = new Table<RancherMembership>({ group: (m) => m.groupUuid });
  /** Every seeded realm by its key (the data; also the realms no server answers for). */
  readonly realms = new Map<string, Realm>();
  /** The in-memory Keycloak servers by URL (without trailing slashes). */
  readonly keycloakServers = new Map<string, InMemoryKeycloakServer>();
  readonly clock: Clock;
  private runtimeCounter = 0;
  private tokenSeq = 0;

  constructor(wall: () => number = Date.now) {
    this.clock = new Clock(wall);
  }

  /** A fresh uuid for an object made at run time (deterministic per store). */
  newUuid(kind: string): string {
    this.runtimeCounter += 1;
    return uuidHex(`runtime:${kind}:${this.runtimeCounter}`);
  }

  now(): Micros {
    return this.clock.now();
  }

  nextTokenSeq(): number {
    this.tokenSeq += 1;
    return this.tokenSeq;
  }

  addRealm(key: string, name: string): Realm {
    const realm = new Realm(key, name);
    this.realms.set(key, realm);
    return realm;
  }

  /**
   * Serves the realm `key` at the server, realm name and admin account that `secret`
   * (an offering's secret_options) names, so that offerings resolve it from their settings.
   */
  hostRealm(key: string, secret: JsonObject): void {
    const realm = this.realms.get(key);
    const url = secret.keycloak_url;
    if (!realm || typeof url !== 'string') throw new Error(`seed: cannot host realm ${key}`);
    const normalized = normalizeServerUrl(url);
    let server = this.keycloakServers.get(normalized);
    if (!server) this.keycloakServers.set(normalized, (server = new InMemoryKeycloakServer(normalized)));
    server.realms.set(String(secret.keycloak_realm), realm);
    const userRealm = typeof secret.keycloak_user_realm === 'string' && secret.keycloak_user_realm ? secret.keycloak_user_realm : 'master';
    server.addAdmin({ userRealm, username: String(secret.keycloak_username), password: String(secret.keycloak_password) });
  }

  realmOf(offering: Offering): Realm | undefined {
    return offering.realmKey === null ? undefined : this.realms.get(offering.realmKey);
  }

  accountByUsername(username: string): Account | undefined {
    for (const a of this.accounts.all()) if (a.username === username) return a;
    return undefined;
  }

  /** Customers the account holds any role in (Waldur's `get_connected_customers`). */
  connectedCustomers(account: Account): Set<string> {
    return new Set(account.ownerOf);
  }

  /** `Offering.objects.filter_for_user(user)`: staff and support see all. */
  canSeeOffering(account: Account, offering: Offering): boolean {
    if (account.isStaff || account.isSupport) return true;
    return this.connectedCustomers(account).has(offering.customerUuid);
  }

  /** `has_permission(request, MANAGE_RESOURCE_USERS, customer)`: staff or customer owner. */
  canManageCustomer(account: Account, customerUuid: string): boolean {
    return account.isStaff || account.ownerOf.includes(customerUuid);
  }

  canManageOffering(account: Account, offering: Offering): boolean {
    return this.canManageCustomer(account, offering.customerUuid);
  }

  /** The offering's groups linked to the remote group `backendId` (Waldur's `filter(offering=, backend_id=)`). */
  groupsLinkedTo(offeringUuid: string, backendId: string): OfferingGroup[] {
    return [...this.groups.by('backend', backendId)].filter((g) => g.offeringUuid === offeringUuid);
  }

  /** The offering's groups with this role, resource and scope ID (a set the database keeps unique). */
  groupsWithScope(group: Pick<OfferingGroup, 'offeringUuid' | 'roleUuid' | 'resourceUuid' | 'scopeId'>): ReadonlySet<OfferingGroup> {
    return this.groups.by('scope', scopeKey(group));
  }

  /** Deletes a local group and its memberships (no remote side effects here). */
  dropGroup(group: OfferingGroup): void {
    for (const m of [...this.memberships.by('group', group.uuid)]) this.memberships.delete(m.uuid);
    this.groups.delete(group.uuid);
  }
}

/** Key of the (offering, role, resource, scope_id) set of a group. */
function scopeKey(g: Pick<OfferingGroup, 'offeringUuid' | 'roleUuid' | 'resourceUuid' | 'scopeId'>): string {
  return JSON.stringify([g.offeringUuid, g.roleUuid, g.resourceUuid, g.scopeId]);
}
