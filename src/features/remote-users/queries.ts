import { queryOptions } from '@tanstack/react-query';
import { api, unwrapPage } from '../../api/client';
import { param, searchSchema } from '../../lib/url-state';
import { offeringKeys } from '../../api/shared-queries';

/** The remote users tab's URL: the search text (as sent) and the page of results. */
export const remoteUsersSearchSchema = searchSchema({
  q: param.string(),
  page: param.int(1, 1, 100),
});

export const RESULTS_PAGE_SIZE = 20;

export const remoteUserMemberQueries = {
  /** The memberships one Keycloak user already has in this offering (their local groups). */
  byUsername: (offeringUuid: string, username: string) =>
    queryOptions({
      queryKey: [...offeringKeys.memberships(offeringUuid), 'by-username', username],
      queryFn: ({ signal }) =>
        unwrapPage(
          api.GET('/api/offering-keycloak-memberships/', {
            signal,
            params: { query: { offering_uuid: offeringUuid, username, page_size: 300 } },
          }),
        ),
      staleTime: 30_000,
    }),
};
