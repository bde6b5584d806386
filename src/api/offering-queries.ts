import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap, unwrapPage } from './client';
import { offeringKeys } from './offering-keys';
import { fetchAllPages, MAX_PAGE_SIZE } from '../lib/fetch-all-pages';
import { fetchPage } from '../lib/fetch-page';

/** The offering itself, its roles and its resources: what every page of an offering reads. */
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
