import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, baseUrl, unwrapPage, type Page } from '../../api/client';
import type { OfferingMembership } from '../../api/types';
import { fetchPage } from '../../lib/fetch-page';
import { hexUuid } from '../../lib/format';
import { pagingShape, param, searchSchema, type SearchState } from '../../lib/url-state';

export const MEMBER_STATES = ['pending', 'active'] as const;
export type MemberState = (typeof MEMBER_STATES)[number];

/** The members tab's URL: filters, page, page size, and `add=1` while the Add member form is open. */
export const membersSearchSchema = searchSchema({
  group: param.string(),
  role: param.string(),
  resource: param.string(),
  state: param.list(),
  username: param.string(),
  email: param.string(),
  add: param.string(),
  ...pagingShape,
});

export type MembersSearch = SearchState<typeof membersSearchSchema>;

/** What the server filters on (exact matches, states combined with "or"). */
export type MemberFilters = {
  group: string;
  role: string;
  resource: string;
  state: MemberState[];
  username: string;
  email: string;
};

export function memberFilters(search: MembersSearch): MemberFilters {
  return {
    group: search.group,
    role: search.role,
    resource: search.resource,
    state: MEMBER_STATES.filter((state) => search.state.includes(state)),
    username: search.username.trim(),
    email: search.email.trim(),
  };
}

export function hasFilters(filters: MemberFilters): boolean {
  return Boolean(filters.group || filters.role || filters.resource || filters.state.length || filters.username || filters.email);
}

/** One page of the offering's memberships; the list and the CSV export share it. */
export function fetchMembersPage(
  offeringUuid: string,
  filters: MemberFilters,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<Page<OfferingMembership>> {
  return unwrapPage(
    api.GET('/api/offering-keycloak-memberships/', {
      signal,
      params: {
        query: {
          offering_uuid: offeringUuid,
          group_uuid: filters.group || undefined,
          role_uuid: filters.role || undefined,
          resource_uuid: filters.resource || undefined,
          state: filters.state.length ? filters.state : undefined,
          username: filters.username || undefined,
          email: filters.email || undefined,
          page,
          page_size: pageSize,
        },
      },
    }),
  );
}

export const memberQueries = {
  list: (offeringUuid: string, filters: MemberFilters, paging: { page: number; page_size: number }) =>
    queryOptions({
      queryKey: ['offering-keycloak-memberships', offeringUuid, 'list', filters, paging],
      // A page past the end (its last members just removed) comes back empty with the real total.
      queryFn: ({ signal }) =>
        fetchPage((page, pageSize) => fetchMembersPage(offeringUuid, filters, page, pageSize, signal), paging.page, paging.page_size),
      placeholderData: keepPreviousData,
    }),

  /** How many members a group has now: removing the last one deletes the group. */
  groupCount: (offeringUuid: string, groupUuid: string) =>
    queryOptions({
      queryKey: ['offering-keycloak-memberships', offeringUuid, 'group-count', groupUuid],
      queryFn: async ({ signal }) =>
        (
          await unwrapPage(
            api.GET('/api/offering-keycloak-memberships/', {
              signal,
              params: { query: { group_uuid: groupUuid, page_size: 1 } },
            }),
          )
        ).total,
      staleTime: 0,
    }),
};

/** The uuid at the end of an API object's URL (…/offering-keycloak-groups/<uuid>/), or "". */
export function uuidFromUrl(url: string | null | undefined): string {
  const match = /\/([0-9a-fA-F-]{32,36})\/?(?:[?#].*)?$/.exec(url ?? '');
  return match?.[1] ? hexUuid(match[1]) : '';
}

/** The group's uuid, read from the membership's `group` URL. */
export function groupUuidOf(membership: Pick<OfferingMembership, 'group'>): string {
  return uuidFromUrl(membership.group);
}

/** An API object's URL: the one the server sent, else built from its uuid (DRF resolves the path). */
export function objectUrl(sent: string | undefined | null, collection: string, uuid: string): string {
  return sent || `${baseUrl()}/api/${collection}/${uuid}/`;
}
