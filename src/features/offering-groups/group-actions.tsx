import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Code, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { errorMessage } from '../../api/errors';
import type { OfferingGroup, PullAnswer } from '../../api/types';
import { confirmDestructive } from '../../components/confirm';
import { isPending } from '../../components/pending-guard';
import { formatNumber } from '../../lib/format';
import type { OfferingPermission } from '../../lib/offering-permission';
import { failureSummary, failureText, quoted, settledOutcomes } from './group-outcomes';
import { openLinkDialog } from './link-dialog-host';
import { groupMutationKeys, groupMutations, loadDelete } from './mutations';

/**
 * The actions on offering groups (pull members, link, unlink, delete), shared by the groups
 * table and, through the route, the sync status. Each keeps its group "busy" until the lists it
 * changed have been fetched again (the MutationCache awaits them), and reports the outcome in a
 * notification. The link dialog is drawn by `LinkDialogHost`, not by the caller.
 */
export type GroupActions = {
  permission: OfferingPermission;
  isBusy: (groupUuid: string) => boolean;
  pullMembers: (groups: OfferingGroup[]) => void;
  /** `remoteId`: the remote group chosen when the dialog opens (see openLinkDialog). */
  openLink: (group: OfferingGroup, remoteId?: string) => void;
  confirmUnlink: (group: OfferingGroup) => void;
  confirmDelete: (groups: OfferingGroup[], options?: { onConfirmed?: () => void }) => void;
};

export function useGroupActions(offeringUuid: string, permission: OfferingPermission): GroupActions {
  const queryClient = useQueryClient();
  const { t } = useLingui();
  // A group is busy while a pull, unlink or delete of it is pending, including the refetch of
  // the lists it changed.
  const pendingGroups = useMutationState({
    filters: { mutationKey: groupMutationKeys.action(offeringUuid), status: 'pending' },
    select: (mutation) => (mutation.state.variables as OfferingGroup[] | undefined) ?? [],
  });
  const busy = useMemo(() => new Set(pendingGroups.flat().map((group) => group.uuid)), [pendingGroups]);

  // The outcomes are told once the lists are fetched again (onSettled runs after the
  // MutationCache's invalidation), what succeeded beside what failed.
  const pull = useMutation({
    ...groupMutations.pullMembers(offeringUuid),
    onSettled: (data, error) => {
      const outcomes = settledOutcomes(data, error);
      if (outcomes.length === 0 && error) {
        notifications.show({ color: 'red', title: t`Could not pull members`, message: errorMessage(error), autoClose: false });
        return;
      }
      const done = outcomes.filter((outcome) => outcome.value);
      const failures = outcomes.filter((outcome) => outcome.error !== undefined);
      if (done.length > 0) {
        const sum = (pick: (value: PullAnswer) => number) =>
          done.reduce((total, outcome) => total + (outcome.value ? pick(outcome.value) : 0), 0);
        const doneName = quoted(done[0]?.group.name ?? '');
        const count = done.length;
        const created = formatNumber(sum((value) => value.created));
        const updated = formatNumber(sum((value) => value.updated));
        const inKeycloak = formatNumber(sum((value) => value.total_remote));
        notifications.show({
          color: 'teal',
          title:
            done.length === 1
              ? t`Pulled members of ${doneName}`
              : plural(count, { one: 'Pulled members of # group', other: 'Pulled members of # groups' }),
          message: t`${created} new, ${updated} updated, ${inKeycloak} in Keycloak`,
        });
      }
      if (failures.length > 0) {
        const failedName = quoted(failures[0]?.group.name ?? '');
        const count = failures.length;
        notifications.show({
          color: 'red',
          title:
            failures.length === 1
              ? t`Could not pull members of ${failedName}`
              : plural(count, { one: 'Could not pull members of # group', other: 'Could not pull members of # groups' }),
          message: failureSummary(failures),
          autoClose: false,
        });
      }
    },
  });

  const unlink = useMutation({
    ...groupMutations.unlink(offeringUuid),
    onSuccess: (_updated, [group]) => {
      const unlinkedName = quoted(group?.name ?? '');
      notifications.show({
        color: 'teal',
        title: t`Group unlinked`,
        message: t`${unlinkedName} is no longer linked to a Keycloak group.`,
      });
    },
    onError: (error, [group]) => {
      if (!group) return;
      const unlinkedName = quoted(group.name);
      notifications.show({
        color: 'red',
        title: t`Could not unlink ${unlinkedName}`,
        message: failureText({ group, error }),
        autoClose: false,
      });
    },
  });

  const remove = useMutation({
    ...groupMutations.delete(offeringUuid),
    onSettled: (data, error) => {
      const outcomes = settledOutcomes(data, error);
      if (outcomes.length > 0) void loadDelete().then(({ notifyDeleted }) => notifyDeleted(outcomes));
      else if (error) notifications.show({ color: 'red', title: t`Could not delete`, message: errorMessage(error), autoClose: false });
    },
  });

  const { mutate: pullMutate } = pull;
  const { mutate: unlinkMutate } = unlink;
  const { mutate: removeMutate } = remove;
  // A group with a pull, unlink or delete under way is left out of the next one (a double click).
  const notBusy = useCallback(
    (groups: OfferingGroup[]) =>
      groups.filter(
        (group) =>
          !isPending<OfferingGroup[]>(queryClient, groupMutationKeys.action(offeringUuid), (pending) =>
            pending.some((other) => other.uuid === group.uuid),
          ),
      ),
    [queryClient, offeringUuid],
  );
  const pullMembers = useCallback(
    (groups: OfferingGroup[]) => {
      const free = notBusy(groups);
      if (free.length) pullMutate(free);
    },
    [pullMutate, notBusy],
  );

  const confirmUnlink = useCallback(
    (group: OfferingGroup) => {
      const unlinkedName = quoted(group.name);
      const backendId = group.backend_id;
      confirmDestructive({
        title: t`Unlink ${unlinkedName}?`,
        children: (
          <Stack gap="xs">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Trans>
                The group stays in Waldur with its members, but is no longer tied to the Keycloak group <Code dir="ltr">{backendId}</Code>.
                Nothing is deleted in Keycloak.
              </Trans>
            </Text>
            <Text size="sm">
              <Trans>Pull members and the sync status ignore it until you link it again.</Trans>
            </Text>
          </Stack>
        ),
        confirmLabel: t`Unlink`,
        onConfirm: () => {
          if (notBusy([group]).length) unlinkMutate([group]);
        },
      });
    },
    [unlinkMutate, notBusy, t],
  );

  const confirmDelete = useCallback(
    (groups: OfferingGroup[], options: { onConfirmed?: () => void } = {}) => {
      if (groups.length === 0) return;
      const firstName = quoted(groups[0]?.name ?? '');
      const count = groups.length;
      void loadDelete().then(({ DeleteConsequence }) =>
        confirmDestructive({
          title:
            groups.length === 1 ? t`Delete the group ${firstName}?` : plural(count, { one: 'Delete # group?', other: 'Delete # groups?' }),
          children: <DeleteConsequence offeringUuid={offeringUuid} groups={groups} />,
          confirmLabel: groups.length === 1 ? t`Delete group` : plural(count, { one: 'Delete # group', other: 'Delete # groups' }),
          onConfirm: () => {
            options.onConfirmed?.();
            const free = notBusy(groups);
            if (free.length) removeMutate(free);
          },
        }),
      );
    },
    [offeringUuid, removeMutate, notBusy, t],
  );

  const isBusy = useCallback((groupUuid: string) => busy.has(groupUuid), [busy]);

  const openLink = useCallback((group: OfferingGroup, remoteId?: string) => openLinkDialog(offeringUuid, group, remoteId), [offeringUuid]);

  return useMemo(
    () => ({ permission, isBusy, pullMembers, openLink, confirmUnlink, confirmDelete }),
    [permission, isBusy, pullMembers, openLink, confirmUnlink, confirmDelete],
  );
}
