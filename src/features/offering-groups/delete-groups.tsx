import { plural, t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Code, List, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { readBackRemoteGroup } from '../member-drift/keycloak-readback';
import { groupQueries, remoteGroupQueries } from '../../api/group-queries';
import type { OfferingGroup } from '../../api/types';
import { notifyVerdict } from '../member-drift/notify-verdict';
import {
  groupDeletionVerdict,
  tallyVerdicts,
  type AccessLevel,
  type AccessVerdict,
  type WaldurAnswer,
} from '../member-drift/access-verdicts';
import { eachGroup, failureSummary, quoted, type Outcome } from './group-outcomes';
import { useRemotePresence } from './remote-presence';
import { Bdi } from '../../components/bidi-text';

/**
 * Deleting groups, and what Keycloak shows afterwards: the code of the group actions that only a
 * delete needs (the read-back and its verdicts), loaded with its confirmation, not with the
 * groups table.
 */
export async function deleteGroups(
  queryClient: QueryClient,
  offeringUuid: string,
  groups: OfferingGroup[],
): Promise<Outcome<AccessVerdict>[]> {
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
        queryKey: remoteGroupQueries.members(offeringUuid, outcome.group.backend_id).queryKey,
        exact: true,
      });
    }
  }
  return outcomes;
}

/** Tells what the delete did to each group, after the lists have been fetched again. */
export function notifyDeleted(outcomes: Outcome<AccessVerdict>[]): void {
  const verdicts = outcomes.map(
    (outcome) => outcome.value ?? groupDeletionVerdict(outcome.group, { status: 'failed', error: outcome.error }, { kind: 'not-linked' }),
  );
  if (verdicts.length === 1) {
    notifyVerdict(verdicts[0] as AccessVerdict);
    return;
  }
  const names = (level: AccessLevel) => {
    const picked = outcomes.filter((_outcome, index) => verdicts[index]?.level === level).map((outcome) => quoted(outcome.group.name));
    const list = picked.slice(0, 5).join(', ');
    const more = picked.length - 5;
    return more > 0 ? plural(more, { one: `${list} and # more`, other: `${list} and # more` }) : list;
  };
  const tally = tallyVerdicts(verdicts);
  const confirmedNames = names('confirmed');
  const stillGrantedNames = names('still-granted');
  const uncheckedNames = names('unchecked');
  if (tally.confirmed > 0) {
    const count = tally.confirmed;
    notifications.show({
      color: 'teal',
      title: plural(count, { one: '# group deleted', other: '# groups deleted' }),
      message: t`${confirmedNames}: deleted in Waldur, and Keycloak no longer has them (or they were not linked).`,
    });
  }
  if (tally['still-granted'] > 0) {
    const count = tally['still-granted'];
    notifications.show({
      color: 'red',
      title: plural(count, { one: '# Keycloak group still exists', other: '# Keycloak groups still exist' }),
      message: t`${stillGrantedNames}: deleted in Waldur, but Keycloak still has them and their members keep the access they grant. Waldur does not try again: delete them in Keycloak, or import them here again and delete them once Test connection succeeds.`,
      autoClose: false,
    });
  }
  if (tally.unchecked > 0) {
    const count = tally.unchecked;
    notifications.show({
      color: 'orange',
      title: plural(count, {
        one: '# group deleted in Waldur only; Keycloak could not be checked',
        other: '# groups deleted in Waldur only; Keycloak could not be checked',
      }),
      message: t`${uncheckedNames}: Keycloak could not be read afterwards, so it was probably not updated and may still grant access through them. When Test connection succeeds, look for them under “Only in Keycloak” on the Sync status tab.`,
      autoClose: false,
    });
  }
  const failures = outcomes.filter((outcome) => outcome.error !== undefined);
  if (failures.length > 0) {
    const firstName = quoted(failures[0]?.group.name ?? '');
    const count = failures.length;
    notifications.show({
      color: 'red',
      title:
        failures.length === 1
          ? t`Could not delete ${firstName}`
          : plural(count, { one: 'Could not delete # group', other: 'Could not delete # groups' }),
      message: failureSummary(failures),
      autoClose: false,
    });
  }
}

/** The consequence of deleting, spelled out: the remote group and every membership go too. */
export function DeleteConsequence({ offeringUuid, groups }: { offeringUuid: string; groups: OfferingGroup[] }) {
  const single = groups.length === 1 ? groups[0] : undefined;
  const count = useQuery({ ...groupQueries.memberCount(offeringUuid, single?.uuid ?? ''), enabled: Boolean(single) });
  const presence = useRemotePresence(offeringUuid, single?.backend_id ?? '');
  const { t } = useLingui();
  if (single) {
    const backendId = single.backend_id;
    const memberships = count.data ?? 0;
    const members =
      count.data !== undefined ? (
        plural(memberships, { one: 'all # membership', other: 'all # memberships' })
      ) : count.isPending ? (
        <Skeleton component="span" display="inline-block" height={12} width={90} aria-label={t`Counting memberships`} />
      ) : (
        t`all its memberships`
      );
    return (
      <Stack gap="xs">
        {single.backend_id && presence === 'missing' ? (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Trans>
              Keycloak no longer has its remote group <Code dir="ltr">{backendId}</Code>, so nothing is deleted in Keycloak; {members} of
              this group go with it in Waldur.
            </Trans>
          </Text>
        ) : single.backend_id && presence === 'unchecked' ? (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Trans>
              Waldur also deletes its remote Keycloak group <Code dir="ltr">{backendId}</Code>, if Keycloak can be reached (it could not be
              read just now), and {members} of this group go with it.
            </Trans>
          </Text>
        ) : single.backend_id ? (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Trans>
              The remote Keycloak group <Code dir="ltr">{backendId}</Code> is deleted too, and {members} of this group go with it.
            </Trans>
          </Text>
        ) : (
          <Text size="sm">
            <Trans>All memberships of this group ({members}) go with it. It is not linked, so nothing is deleted in Keycloak.</Trans>
          </Text>
        )}
        <Text size="sm">
          <Trans>
            Its members lose the access the group gave them. This cannot be undone. Keycloak is read again afterwards, and you are told what
            it shows.
          </Trans>
        </Text>
      </Stack>
    );
  }
  const linked = groups.filter((group) => group.backend_id).length;
  const more = groups.length - 8;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {linked > 0
          ? plural(linked, {
              one: 'Their remote Keycloak groups (# linked) are deleted too, and all memberships of these groups go with them.',
              other: 'Their remote Keycloak groups (# linked) are deleted too, and all memberships of these groups go with them.',
            })
          : t`All memberships of these groups go with them. None is linked, so nothing is deleted in Keycloak.`}
      </Text>
      <List size="sm">
        {groups.slice(0, 8).map((group) => (
          <List.Item key={group.uuid} style={{ overflowWrap: 'anywhere' }}>
            <Bdi>{group.name || t`(no name)`}</Bdi>
          </List.Item>
        ))}
        {groups.length > 8 ? <List.Item>{plural(more, { one: 'and # more', other: 'and # more' })}</List.Item> : null}
      </List>
      <Text size="sm">
        <Trans>This cannot be undone.</Trans>
      </Text>
    </Stack>
  );
}
