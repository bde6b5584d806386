import { useQuery } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { connectionQueries } from '../../features/connection/queries';
import { RancherMembershipsPage } from '../../features/rancher-memberships/rancher-memberships-page';
import { membershipFilters, rancherQueries, rancherSearchSchema } from '../../features/rancher-memberships/queries';
import { parseSearchParams } from '../../lib/search-params';
import { queryClient } from '../query-client';

export function loader({ request }: LoaderFunctionArgs) {
  const state = parseSearchParams(rancherSearchSchema, new URL(request.url).searchParams);
  // Start the fetches without blocking navigation: the table shows its skeleton meanwhile.
  void queryClient.prefetchQuery(rancherQueries.list(membershipFilters(state), { page: state.page, page_size: state.page_size }));
  void queryClient.prefetchQuery(connectionQueries.capabilities());
  return null;
}

/** Rancher memberships; the server's capabilities (connection feature) say whether it has them at all. */
export function Component() {
  const capabilities = useQuery(connectionQueries.capabilities());
  const status = capabilities.data?.rancherKeycloak;
  return <RancherMembershipsPage unavailableReason={status?.state === 'missing' ? status.reason : null} />;
}
