import { useParams, type LoaderFunctionArgs } from 'react-router';
import { MembersTab } from '../../features/memberships/members-tab';
import { memberFilters, memberQueries, membersSearchSchema } from '../../features/memberships/queries';
import { useOfferingPermission } from '../use-offering-permission';
import { parseSearchParams } from '../../lib/search-params';
import { queryClient } from '../query-client';

export function loader({ params, request }: LoaderFunctionArgs) {
  const state = parseSearchParams(membersSearchSchema, new URL(request.url).searchParams);
  // Start the fetch without blocking navigation: the table shows its skeleton meanwhile.
  void queryClient.prefetchQuery(
    memberQueries.list(params.offeringUuid ?? '', memberFilters(state), { page: state.page, page_size: state.page_size }),
  );
  return null;
}

export function Component() {
  const { offeringUuid = '' } = useParams();
  const permission = useOfferingPermission(offeringUuid);
  return <MembersTab key={offeringUuid} offeringUuid={offeringUuid} permission={permission} />;
}
