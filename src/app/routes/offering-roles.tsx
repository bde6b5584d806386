import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { connectionQueries } from '../../features/connection/queries';
import { RolesTab } from '../../features/offering-access/roles-tab';

export function Component() {
  const { offeringUuid = '' } = useParams();
  const me = useQuery(connectionQueries.me());
  return <RolesTab key={offeringUuid} offeringUuid={offeringUuid} isStaff={me.data ? me.data.is_staff === true : undefined} />;
}
