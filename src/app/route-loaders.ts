import { redirect, type LoaderFunctionArgs } from 'react-router';
import { getToken } from '../api/session';
import { groupQueries, remoteGroupQueries } from '../api/group-queries';
import { offeringQueries } from '../api/offering-queries';
import { connectionQueries } from '../features/connection/queries';
import { groupsSearchSchema } from '../features/offering-groups/groups-search';
import { syncStatusQueries } from '../features/sync-status/queries';
import { parseSearchParams } from '../lib/search-params';
import { queryClient } from './query-client';
import { isKeycloakEnabled } from '../api/keycloak-enabled';
import type { QueryClient } from '@tanstack/react-query';

/**
 * The loaders of the pages most visits land on, in the entry chunk rather than in their lazy
 * route modules: React Router runs a route's own loader beside its `lazy()`, so the first
 * requests go out as soon as /config.json has answered instead of after the route code.
 * The other pages' loaders stay in their route modules.
 */

/** Every page but sign-in needs a session; without one, sign in and come back here. */
export function shellLoader({ request }: LoaderFunctionArgs) {
  if (getToken()) return null;
  const url = new URL(request.url);
  return redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/**
 * The first tab of an offering: Access where the server grants offering roles (8.0.8+), as far
 * as the capabilities probe has said; else Groups (the offering page moves on once it knows).
 */
export function offeringLanding(): 'access' | 'groups' {
  const capabilities = queryClient.getQueryData(connectionQueries.capabilities().queryKey);
  return capabilities?.access.kind === 'offering-roles' ? 'access' : 'groups';
}

export async function offeringLoader({ params }: LoaderFunctionArgs) {
  // A 404 here (unknown or invisible offering) lands in the route's not-found page.
  await queryClient.ensureQueryData(offeringQueries.detail(params.offeringUuid ?? ''));
  return null;
}

export function groupsLoader({ params, request }: LoaderFunctionArgs) {
  const state = parseSearchParams(groupsSearchSchema, new URL(request.url).searchParams);
  // Start the fetch without blocking navigation: the table shows its skeleton meanwhile.
  void queryClient.prefetchQuery(
    groupQueries.list(params.offeringUuid ?? '', {
      role: state.role,
      resource: state.resource,
      page: state.page,
      page_size: state.page_size,
    }),
  );
  return null;
}

export function syncLoader({ params }: LoaderFunctionArgs) {
  const offeringUuid = params.offeringUuid ?? '';
  // Start the three fetches the join needs without blocking navigation.
  whenKeycloakEnabled(queryClient, offeringUuid, () => {
    void queryClient.prefetchQuery(syncStatusQueries.status(offeringUuid));
    void queryClient.prefetchQuery(groupQueries.everyGroup(offeringUuid));
    void queryClient.prefetchQuery(remoteGroupQueries.all(offeringUuid));
  });
  return null;
}

/**
 * Runs `prefetch` once the offering is known to have Keycloak enabled, without blocking (for
 * route loaders): Waldur answers 400 to the Keycloak views of any other offering.
 */
export function whenKeycloakEnabled(queryClient: QueryClient, offeringUuid: string, prefetch: () => void): void {
  void queryClient
    .ensureQueryData(offeringQueries.detail(offeringUuid))
    .then((offering) => {
      if (isKeycloakEnabled(offering)) prefetch();
    })
    .catch(() => {
      // The offering route's loader shows why the offering could not be loaded.
    });
}
