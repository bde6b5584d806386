import { Code, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { errorMessage } from '../../api/errors';
import type { OfferingGroup, PullAnswer } from '../../api/types';
import { confirmDestructive } from '../../components/confirm';
import { isPending } from '../../components/pending-guard';
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
  openLink: (group: OfferingGroup) => void;
  confirmUnlink: (group: OfferingGroup) => void;
  confirmDelete: (groups: OfferingGroup[], options?: { onConfirmed?: () => void }) => void;
};

export function useGroupActions(offeringUuid: string, permission: OfferingPermission): GroupActions {
  const queryClient = useQueryClient();
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
        notifications.show({ color: 'red', title: 'Could not pull members', message: errorMessage(error), autoClose: false });
        return;
      }
      const done = outcomes.filter((outcome) => outcome.value);
      const failures = outcomes.filter((outcome) => outcome.error !== undefined);
      if (done.length > 0) {
        const sum = (pick: (value: PullAnswer) => number) =>
          done.reduce((total, outcome) => total + (outcome.value ? pick(outcome.value) : 0), 0);
        notifications.show({
          color: 'teal',
          title: done.length === 1 ? `Pulled members of ${quoted(done[0]?.group.name ?? '')}` : `Pulled members of ${done.length} groups`,
          message: `${sum((value) => value.created).toLocaleString()} new, ${sum((value) => value.updated).toLocaleString()} updated, ${sum((value) => value.total_remote).toLocaleString()} in Keycloak`,
        });
      }
      if (failures.length > 0) {
        notifications.show({
          color: 'red',
          title:
            failures.length === 1
              ? `Could not pull members of ${quoted(failures[0]?.group.name ?? '')}`
              : `Could not pull members of ${failures.length} groups`,
          message: failureSummary(failures),
          autoClose: false,
        });
      }
    },
  });

  const unlink = useMutation({
    ...groupMutations.unlink(offeringUuid),
    onSuccess: (_updated, [group]) =>
      notifications.show({
        color: 'teal',
        title: 'Group unlinked',
        message: `${quoted(group?.name ?? '')} is no longer linked to a Keycloak group.`,
      }),
    onError: (error, [group]) =>
      group &&
      notifications.show({
        color: 'red',
        title: `Could not unlink ${quoted(group.name)}`,
        message: failureText({ group, error }),
        autoClose: false,
      }),
  });

  const remove = useMutation({
    ...groupMutations.delete(offeringUuid),
    onSettled: (data, error) => {
      const outcomes = settledOutcomes(data, error);
      if (outcomes.length > 0) void loadDelete().then(({ notifyDeleted }) => notifyDeleted(outcomes));
      else if (error) notifications.show({ color: 'red', title: 'Could not delete', message: errorMessage(error), autoClose: false });
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
    (group: OfferingGroup) =>
      confirmDestructive({
        title: `Unlink ${quoted(group.name)}?`,
        children: (
          <Stack gap="xs">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              The group stays in Waldur with its members, but is no longer tied to the Keycloak group <Code>{group.backend_id}</Code>.
              Nothing is deleted in Keycloak.
            </Text>
            <Text size="sm">Pull members and the sync status ignore it until you link it again.</Text>
          </Stack>
        ),
        confirmLabel: 'Unlink',
        onConfirm: () => {
          if (notBusy([group]).length) unlinkMutate([group]);
        },
      }),
    [unlinkMutate, notBusy],
  );

  const confirmDelete = useCallback(
    (groups: OfferingGroup[], options: { onConfirmed?: () => void } = {}) => {
      if (groups.length === 0) return;
      void loadDelete().then(({ DeleteConsequence }) =>
        confirmDestructive({
          title: groups.length === 1 ? `Delete the group ${quoted(groups[0]?.name ?? '')}?` : `Delete ${groups.length} groups?`,
          children: <DeleteConsequence offeringUuid={offeringUuid} groups={groups} />,
          confirmLabel: groups.length === 1 ? 'Delete group' : `Delete ${groups.length} groups`,
          onConfirm: () => {
            options.onConfirmed?.();
            const free = notBusy(groups);
            if (free.length) removeMutate(free);
          },
        }),
      );
    },
    [offeringUuid, removeMutate, notBusy],
  );

  const isBusy = useCallback((groupUuid: string) => busy.has(groupUuid), [busy]);

  const openLink = useCallback((group: OfferingGroup) => openLinkDialog(offeringUuid, group), [offeringUuid]);

  return useMemo(
    () => ({ permission, isBusy, pullMembers, openLink, confirmUnlink, confirmDelete }),
    [permission, isBusy, pullMembers, openLink, confirmUnlink, confirmDelete],
  );
}
