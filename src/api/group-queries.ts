import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap, unwrapPage } from './client';
import { offeringKeys } from './offering-keys';
import { fetchAllPages } from '../lib/fetch-all-pages';
import { fetchPage } from '../lib/fetch-page';

/**
 * The groups of an offering, in one place: Waldur's offering groups (`groupQueries`: the
 * groups Waldur keeps for the offering, their members and counts) and the Keycloak groups that
 * Waldur reads from the offering's realm (`remoteGroupQueries`).
 */

export type GroupFilters = { role: string; resource: string; page: number; page_size: number };

/** How many memberships a group has now: removing its last one deletes the group, here and in Keycloak. */
export async function groupMemberCount(groupUuid: string, signal?: AbortSignal): Promise<number> {
  const page = await unwrapPage(
    api.GET('/api/offering-keycloak-memberships/', { signal, params: { query: { group_uuid: groupUuid, page_size: 1 } } }),
  );
  return page.total;
}

/** Waldur's offering groups and their memberships. */
export const groupQueries = {
  list: (offeringUuid: string, filters: GroupFilters) =>
    queryOptions({
      queryKey: [...offeringKeys.groups(offeringUuid), 'list', filters],
      queryFn: ({ signal }) =>
        fetchPage(
          (page, pageSize) =>
            unwrapPage(
              api.GET('/api/offering-keycloak-groups/', {
                signal,
                params: {
                  query: {
                    offering_uuid: offeringUuid,
                    role_uuid: filters.role || undefined,
                    resource_uuid: filters.resource || undefined,
                    page,
                    page_size: pageSize,
                  },
                },
              }),
            ),
          filters.page,
          filters.page_size,
        ),
      placeholderData: keepPreviousData,
    }),

  detail: (offeringUuid: string, groupUuid: string) =>
    queryOptions({
      queryKey: [...offeringKeys.groups(offeringUuid), 'detail', groupUuid],
      queryFn: ({ signal }) => unwrap(api.GET('/api/offering-keycloak-groups/{uuid}/', { signal, params: { path: { uuid: groupUuid } } })),
      retry: false,
    }),

  /** Every local member of one group (all pages: the diff needs the whole set). */
  members: (offeringUuid: string, groupUuid: string) =>
    queryOptions({
      queryKey: [...offeringKeys.memberships(offeringUuid), { group: groupUuid }],
      queryFn: ({ signal }) =>
        fetchAllPages((page, pageSize) =>
          unwrapPage(
            api.GET('/api/offering-keycloak-memberships/', {
              signal,
              params: { query: { group_uuid: groupUuid, page, page_size: pageSize } },
            }),
          ),
        ),
    }),
  /** `groupMemberCount` as a query: the delete confirmation, Change group's and Remove's warnings. */
  memberCount: (offeringUuid: string, groupUuid: string) =>
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
};

/** The Keycloak groups of the offering's realm and their members, as Waldur reads them from Keycloak. */
export const remoteGroupQueries = {
  /** The realm's groups under the offering's base group, as Waldur reads them from Keycloak. */
  all: (offeringUuid: string) =>
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

  /** The members of one Keycloak group, as Waldur reads them from Keycloak. */
  members: (offeringUuid: string, groupId: string) =>
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
   * (`members`), settled one by one: whether each answered or how it failed.
   */
  membersSettled: (offeringUuid: string, groupIds: readonly string[]) =>
    queryOptions({
      queryKey: [...offeringKeys.remoteGroupMembers(offeringUuid), { settled: groupIds }],
      queryFn: ({ client }) =>
        Promise.all(
          groupIds.map((groupId) =>
            client.fetchQuery({ ...remoteGroupQueries.members(offeringUuid, groupId), retry: false }).then(
              (): { ok: true } => ({ ok: true }),
              (error: unknown): { ok: false; error: unknown } => ({ ok: false, error }),
            ),
          ),
        ),
      retry: false,
    }),
};
