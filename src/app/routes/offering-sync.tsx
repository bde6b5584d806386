import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { connectionQueries } from '../../features/connection/queries';
import { MembersCheck } from '../../features/member-drift/members-check';
import { useGroupActions } from '../../features/offering-groups/group-actions';
import { LinkDialogHost } from '../../features/offering-groups/link-dialog-host';
import { MissingGroupFixes } from '../../features/offering-groups/missing-group-fixes';
import { SyncStatusTab } from '../../features/sync-status/sync-status-tab';
import type { SyncActions } from '../../features/sync-status/sync-actions';
import { useOfferingPermission } from '../use-offering-permission';

/** The sync status, with the group actions of the groups feature (link dialog, delete, pull). */
export function Component() {
  const { offeringUuid = '' } = useParams();
  const navigate = useNavigate();
  const permission = useOfferingPermission(offeringUuid);
  const me = useQuery(connectionQueries.me());
  const groupActions = useGroupActions(offeringUuid, permission);
  const actions = useMemo<SyncActions>(
    () => ({
      canManage: groupActions.permission.canManage,
      reason: groupActions.permission.reason,
      isBusy: groupActions.isBusy,
      pullMembers: groupActions.pullMembers,
      link: groupActions.openLink,
      remove: (groups) => groupActions.confirmDelete(groups),
      importRemote: (ids) => {
        const params = new URLSearchParams();
        for (const id of ids) params.append('select', id);
        void navigate(`/offerings/${offeringUuid}/import?${params.toString()}`);
      },
    }),
    [groupActions, navigate, offeringUuid],
  );
  return (
    <>
      <SyncStatusTab key={`status:${offeringUuid}`} offeringUuid={offeringUuid} actions={actions} />
      {me.data ? (
        <MembersCheck
          key={`members:${offeringUuid}`}
          offeringUuid={offeringUuid}
          userUuid={me.data.uuid ?? me.data.username ?? ''}
          canManage={groupActions.permission.canManage}
          missingFixes={(group) => (
            <MissingGroupFixes offeringUuid={offeringUuid} groupUuid={group.uuid} backendId={group.backend_id} actions={groupActions} />
          )}
        />
      ) : null}
      <LinkDialogHost offeringUuid={offeringUuid} preload={groupActions.permission.canManage} />
    </>
  );
}
