import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, baseUrl, unwrapPage } from '../../api/client';
import type { OfferingMembership } from '../../api/types';
import { fetchPage, type PageReader } from '../../lib/fetch-page';
import { uuidFromUrl } from '../../lib/format';
import { anyFilter, filterQuery, membershipFilterShape, membershipStates, type MembershipState } from '../../lib/list-filters';
import { pagingShape, param, searchSchema, type SearchState } from '../../lib/search-params';
import { offeringKeys } from '../../api/offering-keys';

export type MemberState = MembershipState;

/** The members tab's URL: filters, page, page size, and `add=1` while the Add member form is open. */
export const membersSearchSchema = searchSchema({
  group: param.string(),
  role: param.string(),
  resource: param.string(),
  ...membershipFilterShape,
  add: param.string(),
  ...pagingShape,
});

export type MembersSearch = SearchState<typeof membersSearchSchema>;

/** What the server filters on (exact matches, states combined with "or"). */
export type MemberFilters = Omit<MembersSearch, 'add' | 'page' | 'page_size' | 'state'> & { state: MemberState[] };

export function memberFilters(search: MembersSearch): MemberFilters {
  return {
    group: search.group,
    role: search.role,
    resource: search.resource,
    state: membershipStates(search.state),
    username: search.username.trim(),
    email: search.email.trim(),
  };
}

export const hasFilters: (filters: MemberFilters) => boolean = anyFilter;

/** The filters' names on the server, where they are not the URL's. */
export const MEMBER_SERVER_NAMES = { group: 'group_uuid', role: 'role_uuid', resource: 'resource_uuid' } as const;

/** Pages of the offering's memberships matching the filters. */
export const membersPages =
  (offeringUuid: string, filters: MemberFilters): PageReader<OfferingMembership> =>
  (page, pageSize, signal) =>
    unwrapPage(
      api.GET('/api/offering-keycloak-memberships/', {
        signal,
        params: { query: { offering_uuid: offeringUuid, ...filterQuery(filters, MEMBER_SERVER_NAMES), page, page_size: pageSize } },
      }),
    );

export const memberQueries = {
  list: (offeringUuid: string, filters: MemberFilters, paging: { page: number; page_size: number }) =>
    queryOptions({
      queryKey: [...offeringKeys.memberships(offeringUuid), 'list', filters, paging],
      // A page past the end (its last members just removed) comes back empty with the real total.
      queryFn: ({ signal }) =>
        fetchPage((page, pageSize) => membersPages(offeringUuid, filters)(page, pageSize, signal), paging.page, paging.page_size),
      placeholderData: keepPreviousData,
    }),
};

export { uuidFromUrl };

/** The group's uuid, read from the membership's `group` URL. */
export function groupUuidOf(membership: Pick<OfferingMembership, 'group'>): string {
  return uuidFromUrl(membership.group);
}

/** An API object's URL: the one the server sent, else built from its uuid (DRF resolves the path). */
export function objectUrl(sent: string | undefined | null, collection: string, uuid: string): string {
  return sent || `${baseUrl()}/api/${collection}/${uuid}/`;
}
