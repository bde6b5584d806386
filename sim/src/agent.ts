// The simulated site agent of Waldur 8.1 offerings: waldur-site-agent with the rancher-kc-crd
// backend and the rancher-keycloak-operator behind it (waldur-access-8.1.md sections 5.5 and 6).
//
// Each tick, per resource of an offering that has an agent (`AccessState.agents`):
//   1. the operator reconciles every CR the agent wrote before: it makes the groups in Keycloak
//      (parent `c_${cluster_id}`, children `c_${cluster_id}_${rp_uuid}_${role_name}` and
//      `c_${cluster_id}_cluster_${role_name}`), sets their members to the users it finds by exact
//      username, and marks the CR Ready with the members it found (or Error under a fault);
//   2. the agent reads the grants and writes the CRs again; a CR whose groups changed goes back
//      to Pending (the operator applies it on the next tick);
//   3. if the offering has `enable_membership_sync_status` (and the resource does not restrict
//      member access), the agent reports every grant of a mapped role as `_derive_grant_states`
//      does, through the same code as POST set_membership_sync_statuses, then refresh_last_sync.
// So a grant made between ticks is reported `pending` by the next tick and `synced` by the one
// after; a username the realm does not have is `missing_in_idp`; roles outside the maps are not
// reported (their `sync_state` stays null).
import type { Core } from './handlers/context.ts';
import type { RealmAdmin } from './keycloak/admin-api.ts';
import { fetchAll } from './keycloak/admin-api.ts';
import type { AccessState, AgentConfig, AgentCr, ContentType, SyncRow, SyncState } from './model/access-8-1.ts';
import { syncKey } from './model/access-8-1.ts';
import type { Store } from './model/store.ts';
import type { Resource } from './model/types.ts';
import type { Micros } from './util/time.ts';

export const MSG_RECONCILE_FAILED = 'Reconciliation failed on the provider side';
export const MSG_MISSING_IN_IDP = 'User not confirmed in the identity provider; access activates after their first login';
/** The CR key of a resource's own (cluster-level) role bindings. */
export const CLUSTER_CR = 'cluster';

export interface AgentReport {
  /** Resources the agent synced. */
  resources: number;
  /** Sync reports it posted (one per resource with membership sync status on). */
  reports: number;
  /** Keycloak writes made by the operator (groups created, members added or removed). */
  keycloakWrites: number;
  /** Resources whose operator run failed (injected fault or seeded failure). */
  errors: string[];
}

export function parentGroupName(clusterId: string): string {
  return `c_${clusterId}`;
}

export function rpGroupName(clusterId: string, rpUuid: string, roleName: string): string {
  return `c_${clusterId}_${rpUuid}_${roleName}`;
}

export function clusterGroupName(clusterId: string, roleName: string): string {
  return `c_${clusterId}_cluster_${roleName}`;
}

/** One grant the agent would report, with the group it lives in. */
export interface AgentGrant {
  userUuid: string;
  username: string;
  scopeType: ContentType;
  rpUuid: string | null;
  roleName: string;
  crKey: string;
  group: string;
}

/** The grants of a resource the agent maps, and the CRs (group -> usernames) they make. */
export function desiredState(
  store: Store,
  access: AccessState,
  config: AgentConfig,
  resource: Resource,
): { grants: AgentGrant[]; crs: Map<string, Map<string, Set<string>>> } {
  const cluster = resource.backendId;
  const grants: AgentGrant[] = [];
  const crs = new Map<string, Map<string, Set<string>>>();
  // Every live RP has a CR, grants or not (the agent writes one per resource project).
  for (const rp of access.resourceProjects.by('resource', resource.uuid)) if (!rp.isRemoved) crs.set(rp.uuid, new Map());
  const add = (g: AgentGrant): void => {
    grants.push(g);
    let cr = crs.get(g.crKey);
    if (!cr) crs.set(g.crKey, (cr = new Map()));
    let members = cr.get(g.group);
    if (!members) cr.set(g.group, (members = new Set()));
    members.add(g.username);
  };
  for (const grant of access.grants.by('resource', resource.uuid)) {
    const role = access.roles.get(grant.roleUuid);
    const user = store.accounts.get(grant.userUuid);
    if (!role || !user) continue;
    if (grant.scopeType === 'resource') {
      if (!(role.name in config.clusterRoleMap)) continue;
      add({
        userUuid: user.uuid,
        username: user.username,
        scopeType: 'resource',
        rpUuid: null,
        roleName: role.name,
        crKey: CLUSTER_CR,
        group: clusterGroupName(cluster, role.name),
      });
    } else {
      const rp = access.resourceProjects.get(grant.scopeUuid);
      if (!rp || rp.isRemoved || !(role.name in config.roleMap)) continue;
      add({
        userUuid: user.uuid,
        username: user.username,
        scopeType: 'resource_project',
        rpUuid: rp.uuid,
        roleName: role.name,
        crKey: rp.uuid,
        group: rpGroupName(cluster, rp.uuid, role.name),
      });
    }
  }
  return { grants, crs };
}

function fingerprint(groups: Map<string, Set<string>>): string {
  return JSON.stringify([...groups].map(([name, members]) => [name, [...members].sort()]).sort());
}

/**
 * Step 2: the agent writes the CRs of a resource. A CR whose groups changed goes to Pending;
 * groups that lost every grant stay in the CR, empty, so the operator removes their members.
 */
export function writeCrs(access: AccessState, resourceUuid: string, desired: Map<string, Map<string, Set<string>>>): Map<string, AgentCr> {
  let crs = access.crs.get(resourceUuid);
  if (!crs) access.crs.set(resourceUuid, (crs = new Map()));
  for (const [key, groups] of desired) {
    const old = crs.get(key);
    if (old) for (const name of old.groups.keys()) if (!groups.has(name)) groups.set(name, new Set());
    const spec = fingerprint(groups);
    if (old && old.spec === spec) continue;
    crs.set(key, {
      groups,
      spec,
      applied: old?.applied ?? null,
      phase: 'Pending',
      syncedMembers: old?.syncedMembers ?? new Map(),
    });
  }
  // CRs of resource projects that are gone are pruned (the operator keeps the groups).
  for (const key of [...crs.keys()]) if (!desired.has(key)) crs.delete(key);
  return crs;
}

/** rancher-kc-crd's `_derive_grant_states` for one grant. */
export function deriveState(cr: AgentCr | undefined, grant: AgentGrant): { state: SyncState; message: string } {
  if (!cr || cr.phase === 'Pending') return { state: 'pending', message: '' };
  if (cr.phase === 'Error') return { state: 'error', message: MSG_RECONCILE_FAILED };
  if (cr.syncedMembers.get(grant.group)?.has(grant.username)) return { state: 'synced', message: '' };
  return { state: 'missing_in_idp', message: MSG_MISSING_IN_IDP };
}

/** One entry of a report, as stored (a `SyncRow` without its time). */
export type ReportEntry = Omit<SyncRow, 'modified'>;

/**
 * The diff build of set_membership_sync_statuses (8.1.3): afterwards the stored rows equal the
 * report; unchanged rows keep their `modified`, changed ones are updated, dropped ones deleted,
 * a grant listed twice is stored once (last wins); the report time is recorded either way.
 */
export function storeReport(access: AccessState, resourceUuid: string, entries: ReportEntry[], now: Micros): number {
  const old = access.syncRows.get(resourceUuid) ?? new Map<string, SyncRow>();
  const next = new Map<string, SyncRow>();
  for (const e of entries) {
    const key = syncKey(e.userUuid, e.scopeType, e.rpUuid, e.roleName);
    const prev = old.get(key) ?? next.get(key);
    if (prev && prev.state === e.state && prev.message === e.message) next.set(key, prev);
    else next.set(key, { ...e, modified: now });
  }
  access.syncRows.set(resourceUuid, next);
  access.syncReportedAt.set(resourceUuid, now);
  return next.size;
}

export function isSyncStatusEnabled(pluginOptions: Record<string, unknown>): boolean {
  return pluginOptions.enable_membership_sync_status === true;
}

/** The agent's report for a resource from its current CRs. */
export function reportEntries(grants: AgentGrant[], crs: Map<string, AgentCr>): ReportEntry[] {
  return grants.map((g) => ({
    userUuid: g.userUuid,
    scopeType: g.scopeType,
    rpUuid: g.rpUuid,
    roleName: g.roleName,
    ...deriveState(crs.get(g.crKey), g),
  }));
}

/** Whether the operator fails for this resource or resource project (injected or seeded). */
function operatorFails(core: Core, access: AccessState, resourceUuid: string, crKey: string): boolean {
  return core.faults.agentFailsFor(resourceUuid) || access.operatorFailures.has(crKey) || access.operatorFailures.has(resourceUuid);
}

class GroupWriter {
  writes = 0;
  private readonly users = new Map<string, string | null>();
  private readonly top = new Map<string, string>();

  constructor(private readonly admin: RealmAdmin) {}

  async userId(username: string): Promise<string | null> {
    if (!this.users.has(username)) {
      const found = (await this.admin.getUsers({ username, exact: true })).find((u) => u.username === username.toLowerCase());
      this.users.set(username, found?.id ?? null);
    }
    return this.users.get(username) ?? null;
  }

  async parent(name: string): Promise<string> {
    let id = this.top.get(name);
    if (id) return id;
    const found = (await this.admin.getGroups({ search: name, exact: true })).find((g) => g.name === name);
    if (found) id = found.id;
    else {
      id = await this.admin.createGroup(name, null);
      this.writes += 1;
    }
    this.top.set(name, id);
    return id;
  }

  async child(parentId: string, name: string): Promise<string> {
    const children = await fetchAll((q) => this.admin.getChildren(parentId, q));
    const found = children.find((g) => g.name === name);
    if (found) return found.id;
    this.writes += 1;
    return this.admin.createGroup(name, parentId);
  }

  /** Sets the group's members to `usernames` that exist; returns the ones found. */
  async setMembers(groupId: string, usernames: Set<string>): Promise<Set<string>> {
    const current = await fetchAll((q) => this.admin.getMembers(groupId, q));
    const have = new Map(current.map((u) => [u.username, u.id]));
    const found = new Set<string>();
    for (const username of usernames) {
      const id = await this.userId(username);
      if (id === null) continue;
      found.add(username);
      if (!have.has(username.toLowerCase())) {
        await this.admin.addUserToGroup(id, groupId);
        this.writes += 1;
      }
    }
    for (const [username, id] of have) {
      if (usernames.has(username)) continue;
      await this.admin.removeUserFromGroup(id, groupId);
      this.writes += 1;
    }
    return found;
  }
}

/** Step 1: the operator reconciles a resource's CRs into Keycloak. */
async function reconcile(core: Core, access: AccessState, resource: Resource, writer: GroupWriter): Promise<boolean> {
  const crs = access.crs.get(resource.uuid);
  if (!crs) return true;
  let ok = true;
  for (const [key, cr] of crs) {
    if (operatorFails(core, access, resource.uuid, key)) {
      cr.phase = 'Error';
      ok = false;
      continue;
    }
    const parentId = await writer.parent(parentGroupName(resource.backendId));
    const synced = new Map<string, Set<string>>();
    for (const [name, members] of cr.groups) {
      const groupId = await writer.child(parentId, name);
      synced.set(name, await writer.setMembers(groupId, members));
    }
    cr.syncedMembers = synced;
    cr.applied = cr.spec;
    cr.phase = 'Ready';
  }
  // The agent sets each resource project's state from its CR's phase.
  for (const [key, cr] of crs) {
    const rp = access.resourceProjects.get(key);
    if (!rp) continue;
    const state = cr.phase === 'Error' ? 'Erred' : 'OK';
    if (rp.state !== state)
      Object.assign(rp, { state, errorMessage: cr.phase === 'Error' ? MSG_RECONCILE_FAILED : '', modified: core.store.now() });
  }
  return ok;
}

/** Revokes grants whose expiration time has passed (`check_expired_permissions`). */
export function revokeExpired(access: AccessState, now: Micros): number {
  let n = 0;
  for (const g of [...access.grants.all()]) {
    if (g.isActive && g.expirationTime !== null && g.expirationTime <= now) {
      access.grants.update(g, { isActive: false, revokedAt: now });
      n += 1;
    }
  }
  return n;
}

/** One cycle of every offering's agent. */
export async function runAgent(core: Core, access: AccessState): Promise<AgentReport> {
  const { store } = core;
  const report: AgentReport = { resources: 0, reports: 0, keycloakWrites: 0, errors: [] };
  revokeExpired(access, store.now());
  for (const [offeringUuid, config] of access.agents) {
    const offering = store.offerings.get(offeringUuid);
    const realm = store.realms.get(config.realmKey);
    if (!offering || !realm) continue;
    const writer = new GroupWriter(await core.keycloak.realmAdmin(realm));
    for (const resource of store.resources.by('offering', offeringUuid)) {
      // processors.py: no cluster id -> no CR; restricted member access -> the user sync returns early.
      if (!resource.backendId || resource.state !== 'OK' || access.restrictMemberAccess.has(resource.uuid)) continue;
      report.resources += 1;
      if (!(await reconcile(core, access, resource, writer))) report.errors.push(resource.uuid);
      const { grants, crs } = desiredState(store, access, config, resource);
      const written = writeCrs(access, resource.uuid, crs);
      const now = store.now();
      if (isSyncStatusEnabled(offering.pluginOptions)) {
        storeReport(access, resource.uuid, reportEntries(grants, written), now);
        report.reports += 1;
      }
      access.lastSync.set(resource.uuid, now);
    }
    report.keycloakWrites += writer.writes;
  }
  return report;
}
