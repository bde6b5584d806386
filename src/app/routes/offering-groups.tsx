import { useQuery } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { offeringQueries } from '../../api/shared-queries';
import { connectionQueries } from '../../features/connection/queries';
import { GroupsTab } from '../../features/offering-groups/groups-tab';
import { groupQueries, groupsSearchSchema } from '../../features/offering-groups/queries';
import { offeringPermission } from '../../lib/offering-permission';
import { parseSearchParams } from '../../lib/url-state';
import { queryClient } from '../query-client';

export function loader({ params, request }: LoaderFunctionArgs) {
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

export function Component() {
  const { offeringUuid = '' } = useParams();
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const me = useQuery(connectionQueries.me());
  return <GroupsTab key={offeringUuid} offeringUuid={offeringUuid} permission={offeringPermission(offering.data, me.data)} />;
}
