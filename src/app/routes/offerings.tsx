import { useQuery } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { connectionQueries } from '../../features/connection/queries';
import { queryClient } from '../query-client';
import { OfferingsTable, offeringsListQuery, offeringsSearchSchema } from '../../features/offerings/offerings-table';
import { parseSearchParams } from '../../lib/search-params';

export function loader({ request }: LoaderFunctionArgs) {
  const state = parseSearchParams(offeringsSearchSchema, new URL(request.url).searchParams);
  // Start the fetch without blocking navigation: the table shows its skeleton meanwhile.
  void queryClient.prefetchQuery(offeringsListQuery(state));
  return null;
}

export function Component() {
  const capabilities = useQuery(connectionQueries.capabilities());
  return <OfferingsTable rolesModel={capabilities.data?.access.kind === 'offering-roles'} />;
}
