import type { LoaderFunctionArgs } from 'react-router';
import { queryClient } from '../query-client';
import { OfferingsTable, offeringsListQuery, offeringsSearchSchema } from '../../features/offerings/offerings-table';
import { parseSearchParams } from '../../lib/url-state';

export function loader({ request }: LoaderFunctionArgs) {
  const state = parseSearchParams(offeringsSearchSchema, new URL(request.url).searchParams);
  // Start the fetch without blocking navigation: the table shows its skeleton meanwhile.
  void queryClient.prefetchQuery(offeringsListQuery(state));
  return null;
}

export function Component() {
  return <OfferingsTable />;
}
