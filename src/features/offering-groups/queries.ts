import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap, unwrapPage } from '../../api/client';
import { fetchAllPages } from '../../lib/fetch-all-pages';
import { pagingShape, param, searchSchema, type SearchState } from '../../lib/url-state';
import { fetchPage } from '../../lib/fetch-page';
import { offeringKeys } from '../../api/shared-queries';

/** The groups tab's URL: filters, search, page, page size and the group whose detail is open. */
export const GROUP_SHOWS = ['', 'linked', 'not-linked', 'missing'] as const;
export type GroupShow = (typeof GROUP_SHOWS)[number];

export const groupsSearchSchema = searchSchema({
  role: param.string(),
  resource: param.string(),
  group: param.string(),
  /** Name search: over every group of the offering (Waldur's list has no name filter). */
  q: param.string(),
  /** Quick filter: linked, not linked, missing in Keycloak (none = all). */
  show: param.oneOf(GROUP_SHOWS, ''),
  ...pagingShape,
});

export type GroupsSearch = SearchState<typeof groupsSearchSchema>;
export type GroupFilters = { role: string; resource: string; page: number; page_size: number };

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
};
