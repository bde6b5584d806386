import { Trans } from '@lingui/react/macro';
import { Button, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/errors';
import { groupQueries } from '../../api/group-queries';
import type { GroupActions } from './group-actions';

type Props = {
  offeringUuid: string;
  groupUuid: string;
  /** The remote id Keycloak answered it does not have. */
  backendId: string;
  actions: GroupActions;
};

/**
 * What mends a group whose remote group Keycloak no longer has, where such a group is listed
 * outside the groups table (the members check): the group's own actions (link to another remote
 * group, unlink, delete), on the group as Waldur has it now. Once one of them has changed it,
 * this says what Waldur now has instead of offering them again.
 */
export function MissingGroupFixes({ offeringUuid, groupUuid, backendId, actions }: Props) {
  const detail = useQuery(groupQueries.detail(offeringUuid, groupUuid));
  const group = detail.data;
  if (detail.error instanceof ApiError && detail.error.isNotFound) {
    return (
      <Text size="xs" c="dimmed">
        <Trans>Waldur no longer has this group.</Trans>
      </Text>
    );
  }
  if (!group) return detail.isPending ? <Loader size="xs" aria-hidden="true" /> : null;
  if (group.backend_id !== backendId) {
    return (
      <Text size="xs" c="dimmed">
        {group.backend_id ? (
          <Trans>Now linked to another remote group: check again to read its members.</Trans>
        ) : (
          <Trans>Unlinked: no longer tied to the missing remote group.</Trans>
        )}
      </Text>
    );
  }
  const { canManage, reason } = actions.permission;
  const busy = actions.isBusy(group.uuid);
  return (
    <>
      <Button size="compact-xs" variant="light" disabled={!canManage || busy} onClick={() => actions.openLink(group)}>
        <Trans>Link to remote group</Trans>
      </Button>
      <Button size="compact-xs" variant="light" disabled={!canManage || busy} onClick={() => actions.confirmUnlink(group)}>
        <Trans>Unlink</Trans>
      </Button>
      <Button size="compact-xs" variant="light" color="red" disabled={!canManage || busy} onClick={() => actions.confirmDelete([group])}>
        <Trans>Delete</Trans>
      </Button>
      {!canManage && reason ? (
        <Text size="xs" c="dimmed">
          {reason}
        </Text>
      ) : null}
    </>
  );
}
