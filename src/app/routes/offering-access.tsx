import { useQuery } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { connectionQueries } from '../../features/connection/queries';
import { AccessTab } from '../../features/offering-access/access-tab';
import { accessQueries } from '../../features/offering-access/queries';
import { prefetchOfferingAccess } from '../../features/offering-access/use-offering-access';
import { queryClient } from '../query-client';

export function loader({ params }: LoaderFunctionArgs) {
  const offeringUuid = params.offeringUuid ?? '';
  // Start every read without blocking navigation: the table shows its progress meanwhile. The
  // roles (for their descriptions) wait until the grants are read: those hold every connection.
  const isStaff = queryClient.ensureQueryData(connectionQueries.me()).then((me) => me.is_staff === true);
  prefetchOfferingAccess(queryClient, offeringUuid, isStaff)
    .catch(() => {
      // The tab shows what failed, with a Retry.
    })
    .finally(() => void queryClient.prefetchQuery(accessQueries.roles(offeringUuid)));
  return null;
}

export function Component() {
  const { offeringUuid = '' } = useParams();
  const me = useQuery(connectionQueries.me());
  return <AccessTab key={offeringUuid} offeringUuid={offeringUuid} isStaff={me.data ? me.data.is_staff === true : undefined} />;
}
