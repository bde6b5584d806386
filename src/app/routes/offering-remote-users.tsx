import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { offeringQueries } from '../../api/offering-queries';
import type { RemoteUser } from '../../api/types';
import { connectionQueries } from '../../features/connection/queries';
import { MemberFormDialog } from '../../features/memberships/member-form';
import { RemoteUsersTab, fullName } from '../../features/remote-users/remote-users-tab';
import { offeringPermission } from '../../lib/offering-permission';

/** Remote user search; its row action opens the memberships feature's form for that user. */
export function Component() {
  const { offeringUuid = '' } = useParams();
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const me = useQuery(connectionQueries.me());
  const [target, setTarget] = useState<RemoteUser | null>(null);
  return (
    <>
      <RemoteUsersTab
        key={offeringUuid}
        offeringUuid={offeringUuid}
        permission={offeringPermission(offering.data, me.data)}
        onAddToGroup={setTarget}
      />
      <MemberFormDialog
        offeringUuid={offeringUuid}
        mode={target ? { kind: 'user', username: target.username, email: target.email, fullName: fullName(target) } : null}
        onClose={() => setTarget(null)}
      />
    </>
  );
}
