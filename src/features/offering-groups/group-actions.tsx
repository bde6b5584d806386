import { Code, List, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useMutationState, useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError, errorMessage } from '../../api/errors';
import type { OfferingGroup, PullAnswer } from '../../api/types';
import { readBackRemoteGroup } from '../../api/keycloak-readback';
import { invalidateOffering, keycloakQueries } from '../../api/shared-queries';
import { notifyVerdict } from '../../components/access-verdict';
import { confirmDestructive } from '../../components/confirm';
import { groupDeletionVerdict, tallyVerdicts, type AccessLevel, type AccessVerdict, type WaldurAnswer } from '../../lib/access-check';
import { isolate } from '../../lib/bidi';
import { mapLimit } from '../../lib/map-limit';
import { pluralize } from '../../lib/format';
import type { OfferingPermission } from '../../lib/offering-permission';
import { whenIdle } from '../../lib/when-idle';
import { goneMessage } from './group-messages';
import { groupQueries } from './queries';

// The form and its libraries (react-hook-form, zod) load after the first screen, not with it.
const loadLinkDialog = () => import('./link-dialog');
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

type Outcome<T> = { group: OfferingGroup; value?: T; error?: unknown };

/** Runs one request per group, a few at a time, and keeps every outcome. */
function eachGroup<T>(groups: OfferingGroup[], run: (group: OfferingGroup) => Promise<T>, concurrency = 3): Promise<Outcome<T>[]> {
  return mapLimit(groups, concurrency, async (group): Promise<Outcome<T>> => {
    try {
      return { group, value: await run(group) };
    } catch (error) {
      return { group, error };
    }
  });
}

function failureText(outcome: Outcome<unknown>): string {
  if (outcome.error instanceof ApiError && outcome.error.isNotFound) return goneMessage(outcome.group.name);
  return errorMessage(outcome.error);
}

function failureSummary(failures: Outcome<unknown>[]): string {
  if (failures.length === 1) return failureText(failures[0] as Outcome<unknown>);
  return failures
    .slice(0, 3)
    .map((outcome) => `“${outcome.group.name}”: ${failureText(outcome)}`)
    .concat(failures.length > 3 ? [`and ${failures.length - 3} more`] : [])
    .join(' ');
}

const quoted = (name: string) => `“${isolate(name)}”`;

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
    mutationFn: async (groups: OfferingGroup[]) => {
      // Waldur answers 204 even when Keycloak kept the group: each linked one is read again.
      const outcomes = await eachGroup(groups, async (group) => {
        let waldur: WaldurAnswer;
        try {
          await unwrap(api.DELETE('/api/offering-keycloak-groups/{uuid}/', { params: { path: { uuid: group.uuid } } }));
          waldur = { status: 'removed' };
        } catch (error) {
          // Deleted by someone else meanwhile: the group is gone, which is what was asked.
          if (!(error instanceof ApiError && error.isNotFound)) throw error;
          waldur = { status: 'gone' };
        }
        return groupDeletionVerdict(group, waldur, await readBackRemoteGroup(offeringUuid, group.backend_id));
      });
      // A deleted group's own queries go, not refetched: a refetch would only answer 404 and
      // raise a false "Could not refresh" over the detail that was just closed.
      for (const outcome of outcomes) {
        if (!outcome.value) continue;
        queryClient.removeQueries({ queryKey: groupQueries.detail(offeringUuid, outcome.group.uuid).queryKey, exact: true });
        queryClient.removeQueries({ queryKey: groupQueries.members(offeringUuid, outcome.group.uuid).queryKey, exact: true });
        if (outcome.group.backend_id) {
          queryClient.removeQueries({
            queryKey: keycloakQueries.remoteGroupMembers(offeringUuid, outcome.group.backend_id).queryKey,
            exact: true,
          });
        }
      }
      await invalidateOffering(queryClient, offeringUuid, 'members');
      const verdicts = outcomes.map(
        (outcome) =>
          outcome.value ?? groupDeletionVerdict(outcome.group, { status: 'failed', error: outcome.error }, { kind: 'not-linked' }),
      );
      if (verdicts.length === 1) {
        notifyVerdict(verdicts[0] as AccessVerdict);
        return;
      }
      const names = (level: AccessLevel) => {
        const picked = outcomes.filter((_outcome, index) => verdicts[index]?.level === level).map((outcome) => quoted(outcome.group.name));
        return `${picked.slice(0, 5).join(', ')}${picked.length > 5 ? ` and ${picked.length - 5} more` : ''}`;
      };
      const tally = tallyVerdicts(verdicts);
      if (tally.confirmed > 0) {
        notifications.show({
          color: 'teal',
          title: `${pluralize(tally.confirmed, 'group')} deleted`,
          message: `${names('confirmed')}: deleted in Waldur, and Keycloak no longer has them (or they were not linked).`,
        });
      }
      if (tally['still-granted'] > 0) {
        notifications.show({
          color: 'red',
          title: `${pluralize(tally['still-granted'], 'Keycloak group')} still ${tally['still-granted'] === 1 ? 'exists' : 'exist'}`,
          message: `${names('still-granted')}: deleted in Waldur, but Keycloak still has them and their members keep the access they grant. Waldur does not try again: delete them in Keycloak, or import them here again and delete them once Test connection succeeds.`,
          autoClose: false,
        });
      }
      if (tally.unchecked > 0) {
        notifications.show({
          color: 'orange',
          title: `${pluralize(tally.unchecked, 'group')} deleted in Waldur only; Keycloak could not be checked`,
          message: `${names('unchecked')}: Keycloak could not be read afterwards, so it was probably not updated and may still grant access through them. When Test connection succeeds, look for them under “Only in Keycloak” on the Sync status tab.`,
          autoClose: false,
        });
      }
      const failures = outcomes.filter((outcome) => outcome.error !== undefined);
      if (failures.length > 0) {
        notifications.show({
          color: 'red',
          title:
            failures.length === 1
              ? `Could not delete ${quoted(failures[0]?.group.name ?? '')}`
              : `Could not delete ${failures.length} groups`,
          message: failureSummary(failures),
          autoClose: false,
        });
      }
    },
  });
  const { mutateAsync: pullAsync } = pull;
  const { mutate: unlinkMutate } = unlink;
  const { mutate: removeMutate } = remove;
  const pullMembers = useCallback((groups: OfferingGroup[]) => pullAsync(groups), [pullAsync]);

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
        onConfirm: () => unlinkMutate([group]),
      }),
    [unlinkMutate],
  );

  const confirmDelete = useCallback(
    (groups: OfferingGroup[], options: { onConfirmed?: () => void } = {}) => {
      if (groups.length === 0) return;
      confirmDestructive({
        title: groups.length === 1 ? `Delete the group ${quoted(groups[0]?.name ?? '')}?` : `Delete ${groups.length} groups?`,
        children: <DeleteConsequence offeringUuid={offeringUuid} groups={groups} />,
        confirmLabel: groups.length === 1 ? 'Delete group' : `Delete ${groups.length} groups`,
        onConfirm: () => {
          options.onConfirmed?.();
          removeMutate(groups);
        },
      });
    },
    [offeringUuid, removeMutate],
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
    const cancel = whenIdle(() => void loadLinkDialog().then(() => current && setLinkLoaded(true)));
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

/** The consequence of deleting, spelled out: the remote group and every membership go too. */
function DeleteConsequence({ offeringUuid, groups }: { offeringUuid: string; groups: OfferingGroup[] }) {
  const single = groups.length === 1 ? groups[0] : undefined;
  const count = useQuery({ ...keycloakQueries.groupMemberCount(offeringUuid, single?.uuid ?? ''), enabled: Boolean(single) });
  if (single) {
    const members =
      count.data !== undefined ? (
        `all ${pluralize(count.data, 'membership')}`
      ) : count.isPending ? (
        <Skeleton component="span" display="inline-block" height={12} width={90} aria-label="Counting memberships" />
      ) : (
        'all its memberships'
      );
    return (
      <Stack gap="xs">
        {single.backend_id ? (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            The remote Keycloak group <Code>{single.backend_id}</Code> is deleted too, and {members} of this group go with it.
          </Text>
        ) : (
          <Text size="sm">All memberships of this group ({members}) go with it. It is not linked, so nothing is deleted in Keycloak.</Text>
        )}
        <Text size="sm">
          Its members lose the access the group gave them. This cannot be undone. Keycloak is read again afterwards, and you are told what
          it shows.
        </Text>
      </Stack>
    );
  }
  const linked = groups.filter((group) => group.backend_id).length;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {linked > 0
          ? `Their remote Keycloak groups (${linked} linked) are deleted too, and all memberships of these groups go with them.`
          : 'All memberships of these groups go with them. None is linked, so nothing is deleted in Keycloak.'}
      </Text>
      <List size="sm">
        {groups.slice(0, 8).map((group) => (
          <List.Item key={group.uuid} style={{ overflowWrap: 'anywhere' }}>
            <bdi>{group.name || '(no name)'}</bdi>
          </List.Item>
        ))}
        {groups.length > 8 ? <List.Item>and {groups.length - 8} more</List.Item> : null}
      </List>
      <Text size="sm">This cannot be undone.</Text>
    </Stack>
  );
}
