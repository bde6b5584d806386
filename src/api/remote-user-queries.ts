import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { offeringKeys } from './offering-keys';
import type { RemoteUser } from './types';

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
