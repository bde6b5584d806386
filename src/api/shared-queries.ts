import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapPage } from './client';
import type { ProviderResource, RemoteUser } from './types';
import { fetchAllPages } from '../lib/fetch-all-pages';
import { isKeycloakEnabled } from './keycloak-enabled';
import { fetchPage } from '../lib/fetch-page';

/**
 * Queries more than one feature needs (the offering, its roles, resources, groups and remote
 * groups). Keys start with the resource and hold every variable the fetch uses; mutations
 * invalidate the narrowest prefix, e.g. ['offering-keycloak-groups', offeringUuid].
 */
export const MAX_PAGE_SIZE = 300;

/**
 * The key prefixes of an offering's server state. Every query key below, and in the features'
 * queries.ts, starts with one of them; invalidation names a prefix, never a literal.
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

export function invalidateOffering(queryClient: QueryClient, offeringUuid: string, change: OfferingChange): Promise<void> {
  return Promise.all(STALE_AFTER[change].map((part) => queryClient.invalidateQueries({ queryKey: offeringKeys[part](offeringUuid) }))).then(
    () => undefined,
  );
}

export const offeringQueries = {
  detail: (offeringUuid: string) =>
    queryOptions({
      queryKey: offeringKeys.offering(offeringUuid),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/marketplace-provider-offerings/{uuid}/', { signal, params: { path: { uuid: offeringUuid } } })),
      staleTime: 60_000,
    }),

  list: (filters: { name: string; page: number; page_size: number }) =>
    queryOptions({
      queryKey: ['offerings', 'list', filters],
      // A page past the end comes back empty with the real total (fetchPage): the table moves
      // to the last page, as every list does, instead of showing "Invalid page".
      queryFn: ({ signal }) =>
        fetchPage(
          (page, pageSize) =>
            unwrapPage(
              api.GET('/api/marketplace-provider-offerings/', {
                signal,
                params: { query: { name: filters.name || undefined, page, page_size: pageSize, o: ['name'] } },
              }),
            ),
          filters.page,
          filters.page_size,
        ),
      placeholderData: keepPreviousData,
    }),

  /** Every role of the offering, all pages (pickers, the import review). */
  everyRole: (offeringUuid: string) =>
    queryOptions({
      queryKey: [...offeringKeys.roles(offeringUuid), 'every'],
      queryFn: async ({ signal }) =>
        (
          await fetchAllPages((page, pageSize) =>
            unwrapPage(
              api.GET('/api/marketplace-offering-user-roles/', {
                signal,
                params: { query: { offering_uuid: [offeringUuid], page, page_size: pageSize } },
              }),
            ),
          )
        ).items,
      staleTime: 5 * 60_000,
    }),

  /**
   * The first page (300) of the offering's resources, for name look-ups of rows on screen. An
   * HPC offering can have thousands: pickers search with `resourceSearch` instead.
   */
  firstPageResources: (offeringUuid: string) =>
    queryOptions({
      queryKey: [...offeringKeys.resources(offeringUuid), 'first-page'],
      queryFn: ({ signal }) =>
        unwrap(
          api.GET('/api/marketplace-provider-resources/', {
            signal,
            params: { query: { offering_uuid: [offeringUuid], page_size: MAX_PAGE_SIZE } },
          }),
        ),
      staleTime: 5 * 60_000,
    }),

  /** Resources whose name contains `name` (the server's `name` filter), by name; one page. */
  resourceSearch: (offeringUuid: string, name: string) =>
    queryOptions({
      queryKey: [...offeringKeys.resources(offeringUuid), 'search', name],
      queryFn: ({ signal }) =>
        unwrapPage(
          api.GET('/api/marketplace-provider-resources/', {
            signal,
            params: { query: { offering_uuid: [offeringUuid], name: name || undefined, o: ['name'], page_size: 50 } },
          }),
        ),
      placeholderData: keepPreviousData,
      staleTime: 60_000,
    }),

  /** One resource (a chosen one that the current matches may not hold; its scopes). */
  resource: (offeringUuid: string, resourceUuid: string) =>
    queryOptions({
      queryKey: [...offeringKeys.resources(offeringUuid), 'detail', resourceUuid],
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/marketplace-provider-resources/{uuid}/', { signal, params: { path: { uuid: resourceUuid } } })),
      enabled: resourceUuid !== '',
      staleTime: 5 * 60_000,
    }),
};

/** How many memberships a group has now: removing its last one deletes the group, here and in Keycloak. */
export async function groupMemberCount(groupUuid: string, signal?: AbortSignal): Promise<number> {
  const page = await unwrapPage(
    api.GET('/api/offering-keycloak-memberships/', { signal, params: { query: { group_uuid: groupUuid, page_size: 1 } } }),
  );
  return page.total;
}

export const keycloakQueries = {
  /** `groupMemberCount` as a query: the delete confirmation, Change group's and Remove's warnings. */
  groupMemberCount: (offeringUuid: string, groupUuid: string) =>
    queryOptions({
      queryKey: [...offeringKeys.memberships(offeringUuid), 'group-count', groupUuid],
      queryFn: ({ signal }) => groupMemberCount(groupUuid, signal),
      staleTime: 0,
    }),

  /** Every local group of the offering, all pages (pickers, matchers, sync status join, "already linked" marks). */
  // `onProgress` (pages loaded) is not part of the key: it changes nothing in the answer.
  everyGroup: (offeringUuid: string, onProgress?: (loaded: number, total: number) => void) =>
    queryOptions({
      queryKey: [...offeringKeys.groups(offeringUuid), 'every'],
      queryFn: ({ signal }) =>
        fetchAllPages(
          (page, pageSize) =>
            unwrapPage(
              api.GET('/api/offering-keycloak-groups/', {
                signal,
                params: { query: { offering_uuid: offeringUuid, page, page_size: pageSize } },
              }),
            ),
          { onProgress },
        ),
    }),

  remoteGroups: (offeringUuid: string) =>
    queryOptions({
      queryKey: offeringKeys.remoteGroups(offeringUuid),
      queryFn: ({ signal }) =>
        unwrap(
          api.GET('/api/offering-keycloak-groups/remote_groups/', {
            signal,
            params: { query: { offering_uuid: offeringUuid } },
          }),
        ),
      staleTime: 30_000,
    }),

  remoteGroupMembers: (offeringUuid: string, groupId: string) =>
    queryOptions({
      queryKey: [...offeringKeys.remoteGroupMembers(offeringUuid), groupId],
      queryFn: ({ signal }) =>
        unwrap(
          api.GET('/api/offering-keycloak-groups/remote_group_members/', {
            signal,
            params: { query: { offering_uuid: offeringUuid, group_id: groupId } },
          }),
        ),
    }),

  /**
   * The members look-ups of several groups at once, each still its own cached query
   * (`remoteGroupMembers`), settled one by one: whether each answered or how it failed.
   */
  remoteGroupsMembersSettled: (offeringUuid: string, groupIds: readonly string[]) =>
    queryOptions({
      queryKey: [...offeringKeys.remoteGroupMembers(offeringUuid), { settled: groupIds }],
      queryFn: ({ client }) =>
        Promise.all(
          groupIds.map((groupId) =>
            client.fetchQuery({ ...keycloakQueries.remoteGroupMembers(offeringUuid, groupId), retry: false }).then(
              (): { ok: true } => ({ ok: true }),
              (error: unknown): { ok: false; error: unknown } => ({ ok: false, error }),
            ),
          ),
        ),
      retry: false,
    }),
};

/** Remote user searches shorter than this are not sent (Waldur rejects an empty `q`). */
export const REMOTE_SEARCH_MIN_LENGTH = 2;

/** Waldur's `search_users` asks Keycloak for at most this many users (`max: 25`). */
export const REMOTE_SEARCH_CAP = 25;

/** A remote user search's answer: the text it is for, the users, and when it came. */
export type RemoteSearchAnswer = { q: string; users: RemoteUser[]; at: number };

export const remoteUserQueries = {
  /**
   * Keycloak users matching `q` (username, email, first or last name), at most 100. Keyed by the
   * trimmed text, so an older search can never answer for a newer one; the AbortSignal cancels
   * a search the user has typed past. The answer says which text it is for (placeholders).
   */
  search: (offeringUuid: string, q: string) =>
    queryOptions({
      queryKey: [...offeringKeys.remoteUsers(offeringUuid), 'search', q],
      queryFn: async ({ signal }): Promise<RemoteSearchAnswer> => ({
        q,
        users: await unwrap(
          api.GET('/api/offering-keycloak-groups/search_remote_users/', {
            signal,
            params: { query: { offering_uuid: offeringUuid, q } },
          }),
        ),
        at: Date.now(),
      }),
      enabled: q.trim().length >= REMOTE_SEARCH_MIN_LENGTH,
      staleTime: 30_000,
      retry: false,
    }),
};

/** One entry of `options.keycloak_available_scopes` (free-form JSON in the schema). */
export type AvailableScope = { scope_type: string; scope_id: string; label: string };

const textOr = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The scope IDs a resource accepts (`options.keycloak_available_scopes`), ignoring junk. */
export function availableScopes(resource: Pick<ProviderResource, 'options'> | undefined | null): AvailableScope[] {
  const options = resource?.options as { keycloak_available_scopes?: unknown } | null | undefined;
  const raw = options?.keycloak_available_scopes;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return [];
    const entry = item as Record<string, unknown>;
    if (typeof entry.scope_id !== 'string') return [];
    return [{ scope_type: textOr(entry.scope_type), scope_id: entry.scope_id, label: textOr(entry.label) }];
  });
}

export { isKeycloakEnabled } from './keycloak-enabled';

/**
 * Runs `prefetch` once the offering is known to have Keycloak enabled, without blocking (for
 * route loaders): Waldur answers 400 to the Keycloak views of any other offering.
 */
export function whenKeycloakEnabled(queryClient: QueryClient, offeringUuid: string, prefetch: () => void): void {
  void queryClient
    .ensureQueryData(offeringQueries.detail(offeringUuid))
    .then((offering) => {
      if (isKeycloakEnabled(offering)) prefetch();
    })
    .catch(() => {
      // The offering route's loader shows why the offering could not be loaded.
    });
}

/**
 * The scope IDs a role can use on a resource. Waldur takes a scope ID for a new membership only
 * when the resource offers it for the role's scope type ("The scope ID '…' is not configured
 * for scope type '…' on this resource."); an offering-wide role only those with no scope type.
 */
export function scopesForRole(
  resource: Pick<ProviderResource, 'options'> | undefined | null,
  scopeType: string | null | undefined,
): AvailableScope[] {
  return availableScopes(resource).filter((scope) => scope.scope_type === (scopeType ?? ''));
}

/** Why a scope ID does not go with a role on a resource, in the user's words; null when it does. */
export function scopeMismatch(
  resource: Pick<ProviderResource, 'options'> | undefined | null,
  scopeId: string | null | undefined,
  role: { scope_type?: string | null; scope_type_label?: string | null } | undefined,
): string | null {
  if (!scopeId || !role) return null;
  const offered = availableScopes(resource).filter((scope) => scope.scope_id === scopeId);
  if (offered.length === 0) return `This resource does not offer the scope ID “${scopeId}”.`;
  if (offered.some((scope) => scope.scope_type === (role.scope_type ?? ''))) return null;
  const types = [...new Set(offered.map((scope) => scope.scope_type || 'offering-wide'))].join(', ');
  const wanted = role.scope_type_label || role.scope_type || 'offering-wide';
  return `“${scopeId}” is offered for ${types} roles, not for this role (${wanted}): Waldur refuses to add members with it.`;
}
