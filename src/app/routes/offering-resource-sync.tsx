import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { connectionQueries } from '../../features/connection/queries';
import { SyncTab } from '../../features/offering-access/sync-tab';

export function Component() {
  const { offeringUuid = '' } = useParams();
  const me = useQuery(connectionQueries.me());
  return <SyncTab key={offeringUuid} offeringUuid={offeringUuid} isStaff={me.data ? me.data.is_staff === true : undefined} />;
}
