import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { offeringQueries } from '../../api/offering-queries';
import { connectionQueries } from '../../features/connection/queries';
import { GroupsTab } from '../../features/offering-groups/groups-tab';
import { offeringPermission } from '../../lib/offering-permission';

export function Component() {
  const { offeringUuid = '' } = useParams();
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const me = useQuery(connectionQueries.me());
  return <GroupsTab key={offeringUuid} offeringUuid={offeringUuid} permission={offeringPermission(offering.data, me.data)} />;
}
