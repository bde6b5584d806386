// The periodic Celery tasks of waldur_keycloak (and the Rancher pending-member sync), run on
// demand through POST /__sim/tick. They never delete remote groups or remove remote members.
import type { Faults } from './faults.ts';
import { isKeycloakEnabled, KeycloakUnavailable, settingsRealm } from './keycloak/access.ts';
import type { Store } from './model/store.ts';
import type { Offering } from './model/types.ts';
import { clip, tryRealm } from './handlers/offering-keycloak-shared.ts';
import type { Realm } from './keycloak/realm.ts';

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
}

export function runPeriodicTasks(store: Store, faults: Faults): TickReport {
  const report: TickReport = {
    activated: 0,
    stillPending: 0,
    flagged: 0,
    unflagged: 0,
    unlinkedGroups: 0,
    failedOfferings: [],
    rancherActivated: 0,
  };
  const realms = new Map<string, Realm | null>();
  const realmFor = (offering: Offering): Realm | null => {
    if (!realms.has(offering.uuid)) realms.set(offering.uuid, tryRealm(store, faults, offering));
    return realms.get(offering.uuid) ?? null;
  };

  // sync_pending_memberships
  for (const m of store.memberships.all()) {
    if (m.state !== 'pending') continue;
    const offering = store.offerings.get(m.offeringUuid);
    const group = store.groups.get(m.groupUuid);
    if (!offering || !group || !isKeycloakEnabled(offering)) continue;
    const realm = realmFor(offering);
    const now = store.now();
    if (!realm) {
      m.errorMessage = SYNC_FAILED;
      m.errorTraceback = "keycloak.exceptions.KeycloakConnectionError: Can't connect to server";
      m.lastChecked = now;
      continue;
    }
    const user = realm.findUser(m.username);
    m.lastChecked = now;
    if (!user || !group.backendId || !realm.getGroup(group.backendId)) {
      m.errorMessage = '';
      m.errorTraceback = '';
      report.stillPending += 1;
      continue;
    }
    realm.addMember(group.backendId, user.id);
    m.firstName = clip(user.firstName, 100);
    m.lastName = clip(user.lastName, 100);
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
    const realm = realmFor(offering);
    if (!realm) continue;
    if (!realm.getGroup(g.backendId)) {
      g.backendId = '';
      g.modified = store.now();
      report.unlinkedGroups += 1;
    }
  }

  // cleanup_orphaned_memberships: flag active members no longer in their remote group
  for (const m of store.memberships.all()) {
    if (m.state !== 'active') continue;
    const offering = store.offerings.get(m.offeringUuid);
    const group = store.groups.get(m.groupUuid);
    if (!offering || !group || !group.backendId || !isKeycloakEnabled(offering)) continue;
    const realm = realmFor(offering);
    if (!realm || !realm.getGroup(group.backendId)) continue;
    const user = realm.findUser(m.username);
    const inGroup = user !== undefined && realm.isMember(group.backendId, user.id);
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

  for (const [uuid, realm] of realms) if (realm === null) report.failedOfferings.push(uuid);

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
