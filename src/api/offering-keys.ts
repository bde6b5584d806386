import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * The key prefixes of an offering's server state. Every query key in api/*-queries.ts and in the
 * features' queries.ts starts with one of them; invalidation names a prefix, never a literal.
 */
export const offeringKeys = {
  offering: (offeringUuid: string) => ['offerings', offeringUuid] as const,
  roles: (offeringUuid: string) => ['offering-roles', offeringUuid] as const,
  resources: (offeringUuid: string) => ['offering-resources', offeringUuid] as const,
  groups: (offeringUuid: string) => ['offering-keycloak-groups', offeringUuid] as const,
  memberships: (offeringUuid: string) => ['offering-keycloak-memberships', offeringUuid] as const,
  syncStatus: (offeringUuid: string) => ['sync-status', offeringUuid] as const,
  remoteGroups: (offeringUuid: string) => ['remote-groups', offeringUuid] as const,
  remoteGroupMembers: (offeringUuid: string) => ['remote-group-members', offeringUuid] as const,
  remoteUsers: (offeringUuid: string) => ['remote-users', offeringUuid] as const,
};

/** What a write changed, for `invalidateOffering`. */
export type OfferingChange = 'groups' | 'members' | 'pulled' | 'imported' | 'settings' | 'scopes';

/**
 * The one table of what each kind of write makes stale:
 * - groups: a group linked, unlinked or deleted (its lists and the sync status);
 * - members: memberships added or removed, or groups deleted with them (a membership may create
 *   or delete its group, here and in Keycloak);
 * - pulled: members pulled from Keycloak into a group;
 * - imported: remote groups imported (with their members);
 * - settings: the integration settings saved (the offering's options, and what Keycloak shows,
 *   since the URL or realm may point elsewhere now);
 * - scopes: a resource's scope options saved (the Add member form and the wizard read them).
 */
const STALE_AFTER: Record<OfferingChange, readonly (keyof typeof offeringKeys)[]> = {
  groups: ['groups', 'syncStatus'],
  members: ['memberships', 'groups', 'syncStatus', 'remoteGroups', 'remoteGroupMembers'],
  pulled: ['memberships', 'remoteGroupMembers'],
  imported: ['groups', 'memberships', 'syncStatus'],
  settings: ['offering', 'resources', 'remoteGroups'],
  scopes: ['resources'],
};

/** The key prefixes a change of an offering makes stale (the table above). */
export function staleAfter(offeringUuid: string, change: OfferingChange): QueryKey[] {
  return STALE_AFTER[change].map((part) => offeringKeys[part](offeringUuid));
}

/**
 * Invalidates what a change made stale, for writes that are not mutations (the import run);
 * a mutation says it in `meta.invalidates` instead (see api/mutation-meta.ts).
 */
export function invalidateOffering(queryClient: QueryClient, offeringUuid: string, change: OfferingChange): Promise<void> {
  return Promise.all(staleAfter(offeringUuid, change).map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(() => undefined);
}
