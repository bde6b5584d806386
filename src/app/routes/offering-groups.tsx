import { useParams } from 'react-router';
import { GroupsTab } from '../../features/offering-groups/groups-tab';
import { useOfferingPermission } from '../use-offering-permission';

export function Component() {
  const { offeringUuid = '' } = useParams();
  const permission = useOfferingPermission(offeringUuid);
  return <GroupsTab key={offeringUuid} offeringUuid={offeringUuid} permission={permission} />;
}
