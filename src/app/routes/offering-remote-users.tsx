import { useState } from 'react';
import { useParams } from 'react-router';
import type { RemoteUser } from '../../api/types';
import { MemberFormDialog } from '../../features/memberships/member-form';
import { RemoteUsersTab } from '../../features/remote-users/remote-users-tab';
import { personName } from '../../lib/person-fields';
import { useOfferingPermission } from '../use-offering-permission';

/** Remote user search; its row action opens the memberships feature's form for that user. */
export function Component() {
  const { offeringUuid = '' } = useParams();
  const permission = useOfferingPermission(offeringUuid);
  const [target, setTarget] = useState<RemoteUser | null>(null);
  return (
    <>
      <RemoteUsersTab key={offeringUuid} offeringUuid={offeringUuid} permission={permission} onAddToGroup={setTarget} />
      <MemberFormDialog
        offeringUuid={offeringUuid}
        mode={target ? { kind: 'user', username: target.username, email: target.email, fullName: personName(target) } : null}
        onClose={() => setTarget(null)}
      />
    </>
  );
}
