import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap, unwrapPage } from '../../api/client';
import { fetchAllPages } from '../../lib/fetch-all-pages';
import { fetchPage } from '../../lib/fetch-page';
import { offeringKeys } from '../../api/shared-queries';

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
