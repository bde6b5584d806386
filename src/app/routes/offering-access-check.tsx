import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { connectionQueries } from '../../features/connection/queries';
import { MembersCheck } from '../../features/offering-access/members-check';

export function Component() {
  const { offeringUuid = '' } = useParams();
  const me = useQuery(connectionQueries.me());
  return <MembersCheck key={offeringUuid} offeringUuid={offeringUuid} isStaff={me.data ? me.data.is_staff === true : undefined} />;
}
