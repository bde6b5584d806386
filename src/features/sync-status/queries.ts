import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { offeringKeys } from '../../api/offering-keys';

export const syncStatusQueries = {
  status: (offeringUuid: string) =>
    queryOptions({
      queryKey: offeringKeys.syncStatus(offeringUuid),
      queryFn: ({ signal }) =>
        unwrap(api.GET('/api/offering-keycloak-groups/sync_status/', { signal, params: { query: { offering_uuid: offeringUuid } } })),
      // Each check asks Keycloak; the user refreshes on purpose.
      staleTime: 60_000,
      retry: false,
    }),
};
