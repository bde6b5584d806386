// The periodic Celery tasks of waldur_keycloak (and the Rancher pending-member sync), run on
// demand through POST /__sim/tick. They never delete remote groups or remove remote members.
import type { AgentReport } from './agent.ts';
import type { Core } from './handlers/context.ts';
import { isKeycloakError } from './keycloak/admin-api.ts';
import { isKeycloakEnabled, KeycloakUnavailable, offeringKeycloak, settingsRealm } from './keycloak/access.ts';
import type { Offering } from './model/types.ts';
import { clip } from './handlers/offering-keycloak-shared.ts';
import type { Realm } from './keycloak/realm.ts';
import type { WaldurKeycloakClient } from './keycloak/waldur-client.ts';

export const REMOVED_EXTERNALLY = 'User was removed from the Keycloak group externally. Re-add or delete this membership.';
export const SYNC_FAILED = 'Failed to sync membership with Keycloak. Contact your administrator if this persists.';

export interface TickReport {
  activated: number;
  stillPending: number;
  flagged: number;
  unflagged: number;
  unlinkedGroups: number;
  failedOfferings: string[];
  rancherActivated: number;
  /** Waldur 8.1 mode: what the simulated site agent did. */
  agent?: AgentReport;
}

export async function runPeriodicTasks(core: Core): Promise<TickReport> {
  const { store, faults } = core;
  const report: TickReport = {
    activated: 0,
    stillPending: 0,
    flagged: 0,
    unflagged: 0,
    unlinkedGroups: 0,
    failedOfferings: [],
    rancherActivated: 0,
  };
  // One client per offering per run; an offering whose Keycloak fails once is skipped after.
  const clients = new Map<string, WaldurKeycloakClient | null>();
  const clientFor = async (offering: Offering): Promise<WaldurKeycloakClient | null> => {
    if (!clients.has(offering.uuid)) {
      clients.set(offering.uuid, await offeringKeycloak(core.keycloak, faults, offering).catch(() => null));
    }
    return clients.get(offering.uuid) ?? null;
  };
  const fail = (offering: Offering): void => void clients.set(offering.uuid, null);
  /** The remote call's value; null when Keycloak failed (the offering counts as failed). */
  const call = async <T>(offering: Offering, fn: (k: WaldurKeycloakClient) => Promise<T>): Promise<{ v: T } | null> => {
    const keycloak = await clientFor(offering);
    if (!keycloak) return null;
    try {
      return { v: await fn(keycloak) };
    } catch (err) {
      if (!(err instanceof KeycloakUnavailable) && !isKeycloakError(err)) throw err;
      fail(offering);
      return null;
    }
  };
  /** get_group: false for a 404 (or any failure). */
  const groupExists = async (offering: Offering, id: string): Promise<boolean> => {
    const keycloak = await clientFor(offering);
    if (!keycloak) return false;
    try {
      await keycloak.getGroup(id);
      return true;
    } catch (err) {
      if (!isKeycloakError(err)) throw err;
      return false;
    }
  };

  // sync_pending_memberships
  for (const m of store.memberships.all()) {
    if (m.state !== 'pending') continue;
    const offering = store.offerings.get(m.offeringUuid);
    const group = store.groups.get(m.groupUuid);
    if (!offering || !group || !isKeycloakEnabled(offering)) continue;
    const now = store.now();
    const found = await call(offering, (k) => k.findUserByUsername(m.username));
    if (!found) {
      m.errorMessage = SYNC_FAILED;
      m.errorTraceback = "keycloak.exceptions.KeycloakConnectionError: Can't connect to server";
      m.lastChecked = now;
      continue;
    }
    const user = found.v;
    m.lastChecked = now;
    const backendId = group.backendId;
    if (!user || !backendId || !(await groupExists(offering, backendId))) {
      m.errorMessage = '';
      m.errorTraceback = '';
      report.stillPending += 1;
      continue;
    }
    if (!(await call(offering, (k) => k.addUserToGroup(user.id, backendId)))) continue;
    m.firstName = clip(user.firstName ?? '', 100);
    m.lastName = clip(user.lastName ?? '', 100);
    m.state = 'active';
    m.errorMessage = '';
    m.errorTraceback = '';
    m.modified = now;
    report.activated += 1;
  }

  // cleanup_orphaned_groups: clear backend_id of groups whose remote group is gone
  for (const g of store.groups.all()) {
    if (!g.backendId) continue;
    const offering = store.offerings.get(g.offeringUuid);
    if (!offering || !isKeycloakEnabled(offering)) continue;
    if (!(await clientFor(offering))) continue;
    if (!(await groupExists(offering, g.backendId))) {
      store.groups.update(g, { backendId: '', modified: store.now() });
      report.unlinkedGroups += 1;
    }
  }

  // cleanup_orphaned_memberships: flag active members no longer in their remote group
  for (const m of store.memberships.all()) {
    if (m.state !== 'active') continue;
    const offering = store.offerings.get(m.offeringUuid);
    const group = store.groups.get(m.groupUuid);
    if (!offering || !group || !group.backendId || !isKeycloakEnabled(offering)) continue;
    const backendId = group.backendId;
    if (!(await clientFor(offering)) || !(await groupExists(offering, backendId))) continue;
    const found = await call(offering, async (k) => {
      const user = await k.findUserByUsername(m.username);
      return user !== null && (await k.listGroupMembers(backendId)).some((u) => u.id === user.id);
    });
    if (!found) continue;
    const inGroup = found.v;
    m.lastChecked = store.now();
    if (!inGroup && m.errorMessage !== REMOVED_EXTERNALLY) {
      m.errorMessage = REMOVED_EXTERNALLY;
      m.errorTraceback = '';
      report.flagged += 1;
    } else if (inGroup && m.errorMessage === REMOVED_EXTERNALLY) {
      m.errorMessage = '';
      report.unflagged += 1;
    }
  }

  for (const [uuid, client] of clients) if (client === null) report.failedOfferings.push(uuid);

  // Rancher: activate pending memberships whose user now exists in the cluster's Keycloak
  for (const m of store.rancherMemberships.all()) {
    if (m.state !== 'pending') continue;
    const group = store.rancherGroups.get(m.groupUuid);
    const role = group ? store.roleTemplates.get(group.roleUuid) : undefined;
    if (!group || !role) continue;
    const clusterUuid = role.scopeType === 'cluster' ? group.scopeUuid : store.projects.get(group.scopeUuid)?.clusterUuid;
    const cluster = clusterUuid ? store.clusters.get(clusterUuid) : undefined;
    const settings = cluster ? store.serviceSettings.get(cluster.settingsUuid) : undefined;
    if (!settings) continue;
    let realm: Realm;
    try {
      realm = settingsRealm(store, faults, settings);
    } catch (err) {
      if (err instanceof KeycloakUnavailable) continue;
      throw err;
    }
    const now = store.now();
    m.lastChecked = now;
    const user = realm.findUser(m.username);
    if (!user || !realm.getGroup(group.backendId)) continue;
    realm.addMember(group.backendId, user.id);
    m.firstName = clip(user.firstName, 100);
    m.lastName = clip(user.lastName, 100);
    m.state = 'active';
    m.modified = now;
    report.rancherActivated += 1;
  }
  return report;
}
