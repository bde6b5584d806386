import { Code, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { OfferingGroup, PullAnswer } from '../../api/types';
import { invalidateOffering } from '../../api/offering-keys';
import { confirmDestructive } from '../../components/confirm';
import { isPending } from '../../components/pending-guard';
import type { OfferingPermission } from '../../lib/offering-permission';
import { whenIdle } from '../../lib/when-idle';
import { eachGroup, failureSummary, failureText, quoted } from './group-outcomes';

// The form and its libraries (react-hook-form, zod) load after the first screen, not with it.
const loadLinkDialog = () => import('./link-dialog');
// A delete's code (its Keycloak read-back and verdicts) loads with its confirmation, or ahead of
// it with the link dialog's.
const loadDelete = () => import('./delete-groups');
const LinkGroupDialog = lazy(() => loadLinkDialog().then((module) => ({ default: module.LinkGroupDialog })));

/**
 * The actions on offering groups (pull members, link, unlink, delete), shared by the groups
 * table and, through the route, the sync status. Each keeps its group "busy" until the lists it
 * changed have been fetched again, and reports the outcome in a notification.
 */
export type GroupActions = {
  permission: OfferingPermission;
  isBusy: (groupUuid: string) => boolean;
  pullMembers: (groups: OfferingGroup[]) => Promise<void>;
  openLink: (group: OfferingGroup) => void;
  confirmUnlink: (group: OfferingGroup) => void;
  confirmDelete: (groups: OfferingGroup[], options?: { onConfirmed?: () => void }) => void;
  /** The link dialog's state: render `<GroupActionDialogs actions={…} />` once wherever the actions are used. */
  link: { offeringUuid: string; target: OfferingGroup | null; mounted: boolean; close: () => void };
};

/** The group actions' writes, so that a group's busy state is what the mutation cache says. */
const groupActionKey = (offeringUuid: string) => ['group-action', offeringUuid];

/**
 * `preload`: when the link dialog's code may be fetched ahead of its first opening (the groups
 * tab waits for its first rows, so that the fetch does not compete with them).
 */
export function useGroupActions(
  offeringUuid: string,
  permission: OfferingPermission,
  { preload = true }: { preload?: boolean } = {},
): GroupActions {
  const queryClient = useQueryClient();
  const [linkTarget, setLinkTarget] = useState<OfferingGroup | null>(null);
  // A group is busy while a pull, unlink or delete of it is pending, including the refetch of
  // the lists it changed (each action awaits its invalidation).
  const pendingGroups = useMutationState({
    filters: { mutationKey: groupActionKey(offeringUuid), status: 'pending' },
    select: (mutation) => (mutation.state.variables as OfferingGroup[] | undefined) ?? [],
  });
  const busy = useMemo(() => new Set(pendingGroups.flat().map((group) => group.uuid)), [pendingGroups]);

  const pull = useMutation({
    mutationKey: groupActionKey(offeringUuid),
    mutationFn: async (groups: OfferingGroup[]) => {
      const outcomes = await eachGroup(groups, (group) =>
        unwrap(api.POST('/api/offering-keycloak-groups/{uuid}/pull_members/', { params: { path: { uuid: group.uuid } } })),
      );
      const done = outcomes.filter((outcome) => outcome.value);
      const failures = outcomes.filter((outcome) => outcome.error !== undefined);
      await Promise.all([
        invalidateOffering(queryClient, offeringUuid, 'pulled'),
        failures.some((outcome) => outcome.error instanceof ApiError && outcome.error.isNotFound)
          ? invalidateOffering(queryClient, offeringUuid, 'groups')
          : null,
      ]);
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
    mutationKey: groupActionKey(offeringUuid),
    mutationFn: async ([group]: OfferingGroup[]) => {
      if (!group) return;
      try {
        await unwrap(
          api.POST('/api/offering-keycloak-groups/{uuid}/set_backend_id/', {
            params: { path: { uuid: group.uuid } },
            // scope_id goes back unchanged: Waldur resets it to "" when it is absent.
            body: { backend_id: null, scope_id: group.scope_id ?? '' },
          }),
        );
        await invalidateOffering(queryClient, offeringUuid, 'groups');
        notifications.show({
          color: 'teal',
          title: 'Group unlinked',
          message: `${quoted(group.name)} is no longer linked to a Keycloak group.`,
        });
      } catch (error) {
        if (error instanceof ApiError && error.isNotFound) await invalidateOffering(queryClient, offeringUuid, 'groups');
        notifications.show({
          color: 'red',
          title: `Could not unlink ${quoted(group.name)}`,
          message: failureText({ group, error }),
          autoClose: false,
        });
      }
    },
  });

  const remove = useMutation({
    mutationKey: groupActionKey(offeringUuid),
    mutationFn: async (groups: OfferingGroup[]) => (await loadDelete()).deleteGroups(queryClient, offeringUuid, groups),
  });

  const { mutateAsync: pullAsync } = pull;
  const { mutate: unlinkMutate } = unlink;
  const { mutate: removeMutate } = remove;
  // A group with a pull, unlink or delete under way is left out of the next one (a double click).
  const notBusy = useCallback(
    (groups: OfferingGroup[]) =>
      groups.filter(
        (group) =>
          !isPending<OfferingGroup[]>(queryClient, groupActionKey(offeringUuid), (pending) =>
            pending.some((other) => other.uuid === group.uuid),
          ),
      ),
    [queryClient, offeringUuid],
  );
  const pullMembers = useCallback(
    async (groups: OfferingGroup[]) => {
      const free = notBusy(groups);
      if (free.length) await pullAsync(free);
    },
    [pullAsync, notBusy],
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

  const closeLink = useCallback(() => setLinkTarget(null), []);
  // Fetched once the page has its rows and is idle (managers only), then mounted closed, so that it opens at
  // once and keeps its transitions; opened before that, it mounts as soon as its code is there.
  const [linkLoaded, setLinkLoaded] = useState(false);
  useEffect(() => {
    if (!permission.canManage || !preload) return;
    let current = true;
    // After the rows are painted and the browser is idle: its code (zod, react-hook-form, the
    // form fields) must not compete with the first rows' scripts (bench figure 3).
    const cancel = whenIdle(() => {
      void loadDelete();
      void loadLinkDialog().then(() => current && setLinkLoaded(true));
    });
    return () => {
      current = false;
      cancel();
    };
  }, [permission.canManage, preload]);
  const mounted = linkLoaded || linkTarget !== null;
  const link = useMemo(
    () => ({ offeringUuid, target: linkTarget, mounted, close: closeLink }),
    [offeringUuid, linkTarget, mounted, closeLink],
  );

  return useMemo(
    () => ({ permission, isBusy, pullMembers, openLink: setLinkTarget, confirmUnlink, confirmDelete, link }),
    [permission, isBusy, pullMembers, confirmUnlink, confirmDelete, link],
  );
}

/** The actions' dialogs (the link dialog), rendered once wherever the actions are used. */
export function GroupActionDialogs({ actions }: { actions: Pick<GroupActions, 'link'> }) {
  const { offeringUuid, target, mounted, close } = actions.link;
  if (!mounted) return null;
  return (
    <Suspense fallback={null}>
      <LinkGroupDialog offeringUuid={offeringUuid} group={target} onClose={close} />
    </Suspense>
  );
}
