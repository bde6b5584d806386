import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, unwrapPage } from '../../api/client';
import { param, searchSchema } from '../../lib/search-params';
import { offeringKeys } from '../../api/offering-keys';
import { type RemoteSearchAnswer } from '../../api/remote-user-queries';
import type { OfferingMembership } from '../../api/types';

/** The remote users tab's URL: the search text (as sent) and the page of results. */
export const remoteUsersSearchSchema = searchSchema({
  q: param.string(),
  page: param.int(1, 1, 100),
});

export const RESULTS_PAGE_SIZE = 20;

export type MembershipsByUsername = Record<string, OfferingMembership[]>;

export const remoteUserMemberQueries = {
  /**
   * Which of these Keycloak users already belong to this offering's groups, and to which: one
   * query for a page of results. Waldur filters memberships by one exact username, so it asks
   * once per user, all together; the page shows one answer (or one error) for all of them.
   */
  membersAmong: (offeringUuid: string, usernames: readonly string[]) =>
    queryOptions({
      queryKey: [...offeringKeys.memberships(offeringUuid), 'by-usernames', [...usernames].sort()],
      queryFn: async ({ signal }): Promise<MembershipsByUsername> =>
        Object.fromEntries(
          await Promise.all(
            usernames.map(async (username) => {
              const page = await unwrapPage(
                api.GET('/api/offering-keycloak-memberships/', {
                  signal,
                  params: { query: { offering_uuid: offeringUuid, username, page_size: 300 } },
                }),
              );
              return [username, page.items] as const;
            }),
          ),
        ),
      enabled: usernames.length > 0,
      staleTime: 30_000,
    }),
};

/**
 * The newest answer of any search of this offering's remote users that is in the cache: shown,
 * marked stale, while a later search fails (the cache keeps it; no copy is made).
 */
export function latestSearch(queryClient: QueryClient, offeringUuid: string): RemoteSearchAnswer | null {
  let latest: RemoteSearchAnswer | null = null;
  for (const [, data] of queryClient.getQueriesData<RemoteSearchAnswer>({ queryKey: offeringKeys.remoteUsers(offeringUuid) })) {
    if (data && (!latest || data.at > latest.at)) latest = data;
  }
  return latest;
}
