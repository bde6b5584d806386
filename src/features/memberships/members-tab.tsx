import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { groupQueries } from '../../api/group-queries';
import { offeringQueries } from '../../api/offering-queries';
import { remoteGroupOf } from '../member-drift/keycloak-readback';
import type { OfferingMembership } from '../../api/types';
import { notifyVerdict } from '../member-drift/notify-verdict';
import { confirmDestructive } from '../../components/confirm';
import { EmptyState } from '../../components/empty-state';
import { ChosenList, ExportProgressAlert, ListBody, SelectionBar, type ListWords } from '../../components/list-page';
import { NotAllowedDialog } from '../../components/not-allowed-dialog';
import type { RowAction } from '../../components/selectable-table';
import { useListForm, useSelectableListPage } from '../../components/use-selectable-list-page';
import { isolate } from '../../lib/bidi';
import type { OfferingPermission } from '../../lib/offering-permission';
import { useUrlState } from '../../lib/use-url-state';
import { BulkRemovePanel, whoLabel } from './bulk-remove-panel';
import { exportFileName, exportMembersCsv } from './export-csv';
import { MEMBER_COLUMNS, memberRowLabel } from './member-columns';
import { MemberFormDialog, type MemberFormMode } from './member-form';
import {
  groupsEmptiedBy,
  invalidateAfterMemberChange,
  memberRef,
  memberMutations,
  removeMembers,
  removeSteps,
  type MemberRef,
  type RemoveOutcome,
} from './member-mutations';
import { MembersFilters } from './members-filters';
import { ReaddDialog } from './readd-dialog';
import {
  MEMBER_SERVER_NAMES,
  membersPages,
  hasFilters,
  memberFilters,
  memberQueries,
  membersSearchSchema,
  type MemberFilters,
} from './queries';
import { Bdi } from '../../components/bidi-text';

const memberCount = (count: number) => plural(count, { one: '# member', other: '# members' });

type Props = { offeringUuid: string; permission: OfferingPermission };

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };
const NO_FILTERS: MemberFilters = { group: '', role: '', resource: '', state: [], username: '', email: '' };

/** The members tab: filters, the server-paginated table, add / change group / remove, bulk removal and CSV export. */
export function MembersTab({ offeringUuid, permission }: Props) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const [state, setState] = useUrlState(membersSearchSchema);
  const filters = useMemo(() => memberFilters(state), [state]);
  const members = useQuery(memberQueries.list(offeringUuid, filters, { page: state.page, page_size: state.page_size }));
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const filtered = hasFilters(filters);
  const disabledReason = permission.canManage ? null : (permission.reason ?? t`Checking your permissions…`);

  const list = useSelectableListPage({
    list: members,
    paging: state,
    setState,
    toRef: memberRef,
    afterChange: () => invalidateAfterMemberChange(queryClient, offeringUuid),
    rowChange: {
      mutation: memberMutations.remove(offeringUuid),
      failed: (outcome) => outcome.status === 'failed',
      onSuccess: (outcome) => notifyVerdict(outcome.verdict),
      failedTitle: (member) => {
        const username = isolate(member.username);
        return t`Could not remove ${username}`;
      },
    },
    outcomeUuid: (outcome: RemoveOutcome) => outcome.member.uuid,
    exportCount: (count) => plural(count, { one: '# membership', other: '# memberships' }),
    filters: { filtered, none: NO_FILTERS, serverNames: MEMBER_SERVER_NAMES },
  });

  // Add member (add=1 in the URL, so the groups tab can link here) and change group.
  const form = useListForm<MemberRef>(state.add, setState, !disabledReason);
  const [readding, setReadding] = useState<MemberRef | null>(null);
  const formMode: MemberFormMode | null = form.editing ? { kind: 'change', member: form.editing } : form.adding ? { kind: 'add' } : null;

  // Remove one member: ask first, saying when the group goes with them.
  const confirmRemove = async (row: OfferingMembership) => {
    const member = memberRef(row);
    const count = await list
      .checkRow(member.uuid, () => queryClient.fetchQuery(groupQueries.memberCount(offeringUuid, member.groupUuid)))
      .catch(() => undefined);
    const last = count !== undefined && count <= 1;
    const username = isolate(member.username);
    const who = whoLabel(member);
    const groupName = <Bdi>{member.groupName}</Bdi>;
    confirmDestructive({
      title: t`Remove ${username}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm" style={clip}>
            <Trans>
              {who} is removed from the group in Waldur and from the Keycloak group. Keycloak is read again afterwards, and you are told
              what it shows.
            </Trans>
          </Text>
          {last ? (
            <Alert color="red" variant="light" role="note" title={t`The group will be deleted`}>
              <Text size="sm" style={clip}>
                <Trans>This is the last member of “{groupName}”: removing them deletes the group in Waldur and in Keycloak.</Trans>
              </Text>
            </Alert>
          ) : null}
        </Stack>
      ),
      confirmLabel: last ? t`Remove and delete group` : t`Remove`,
      onConfirm: () => list.changeRow.mutate(member),
    });
  };

  // Remove selected: one confirmation listing who, then progress and a result per member.
  const [checkingBulk, setCheckingBulk] = useState(false);
  const confirmBulk = async () => {
    const chosen = [...list.selection.values()];
    if (chosen.length === 0) return;
    setCheckingBulk(true);
    const emptied = await groupsEmptiedBy(
      chosen,
      (groupUuid) => queryClient.fetchQuery(groupQueries.memberCount(offeringUuid, groupUuid)),
      async (groupUuid) => Boolean(await remoteGroupOf(groupUuid)),
    ).catch(() => null);
    setCheckingBulk(false);
    const count = chosen.length;
    const emptiedCount = emptied?.length ?? 0;
    confirmDestructive({
      title: t`Remove ${plural(count, { one: '# member', other: '# members' })}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            <Trans>
              These memberships are removed in Waldur, and the users are removed from the Keycloak groups. Each result says what Keycloak
              shows afterwards.
            </Trans>
          </Text>
          <ChosenList
            items={chosen}
            label={t`Members to remove`}
            more={(count) => plural(count, { one: 'and # more member', other: 'and # more members' })}
            render={whoLabel}
          />
          {emptied && emptied.length > 0 ? (
            <Alert
              color="red"
              variant="light"
              role="note"
              title={plural(emptiedCount, { one: 'A group will be deleted', other: '# groups will be deleted' })}
            >
              {emptiedSentences(emptied).map((sentence) => (
                <Text key={sentence} size="sm" style={clip}>
                  {sentence}
                </Text>
              ))}
            </Alert>
          ) : null}
          {emptied === null ? (
            <Text size="sm" c="dimmed">
              <Trans>
                Could not check whether a group loses its last member; a group left without members is deleted in Waldur, and in Keycloak if
                it is linked to a Keycloak group.
              </Trans>
            </Text>
          ) : null}
        </Stack>
      ),
      confirmLabel: t`Remove ${plural(count, { one: '# member', other: '# members' })}`,
      onConfirm: () => void list.runBulk(chosen, (onOutcome) => removeMembers(chosen, removeSteps(offeringUuid), { onOutcome })),
    });
  };

  const runExport = () =>
    void list.runExport(
      (signal, onProgress) =>
        exportMembersCsv({
          fetchPage: membersPages(offeringUuid, filters),
          signal,
          onProgress,
        }),
      () => exportFileName(offering.data?.name ?? offeringUuid),
    );

  const rowActions: RowAction<OfferingMembership>[] = [
    { label: t`Change group`, onClick: (row) => form.edit(memberRef(row)) },
    // Offered for memberships Waldur flagged (`error_message`): delete and create again.
    { label: t`Re-add`, onClick: (row) => setReadding(memberRef(row)), shown: (row) => Boolean(row.error_message) },
    { label: t`Remove`, color: 'red', onClick: (row) => void confirmRemove(row) },
  ];

  const setFilters = (patch: Partial<MemberFilters>) => setState({ ...patch, page: 1 });

  const empty =
    disabledReason && permission.reason ? (
      <EmptyState
        title={t`No members you can see`}
        description={t`Waldur shows an offering’s members only to staff and to the owners of its organization.`}
      />
    ) : (
      <EmptyState title={t`No members yet`} description={t`Add a member with a role: the group is created for you, in Keycloak too.`}>
        <Button onClick={form.openAdd} disabled={Boolean(disabledReason)}>
          <Trans>Add member</Trans>
        </Button>
      </EmptyState>
    );
  const table = { columns: MEMBER_COLUMNS, rowLabel: memberRowLabel, actions: rowActions, disabledReason };
  const listWords: ListWords = {
    noun: t`members`,
    label: t`Members`,
    noMatchHint: t`Filters on username and email match exactly. Try other values, or clear the filters.`,
    count: memberCount,
    noMatch: t`No members match these filters`,
    forbidden: t`You cannot see these members`,
    loading: t`Loading members`,
    selectAll: t`Select all members on this page`,
  };
  const selectionWords = { one: t`member`, action: t`Remove selected`, count: memberCount };
  const reason = permission.reason ?? '';
  const reasonText = <>{reason}</>;

  return (
    <Stack gap="sm">
      <MembersFilters
        offeringUuid={offeringUuid}
        filters={filters}
        filtered={filtered}
        onChange={setFilters}
        onClear={() => list.clearFilters()}
      />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm">
          <Button onClick={form.openAdd} disabled={Boolean(disabledReason)}>
            <Trans>Add member</Trans>
          </Button>
          <Button variant="default" onClick={runExport} loading={list.exporting !== null} disabled={!members.data}>
            <Trans>Export CSV</Trans>
          </Button>
        </Group>
        <SelectionBar
          {...list.selectionBar}
          words={selectionWords}
          checking={checkingBulk}
          onAction={() => void confirmBulk()}
          disabledReason={disabledReason}
        />
      </Group>
      {disabledReason && permission.reason ? (
        <Text size="sm" c="dimmed" role="note">
          <Trans>{reasonText} Member actions are disabled.</Trans>
        </Text>
      ) : null}
      <ExportProgressAlert title={t`Exporting members to CSV`} progress={list.exporting} onCancel={list.cancelExport} />
      {list.bulk ? <BulkRemovePanel run={list.bulk} onDismiss={list.dismissBulk} /> : null}
      <ListBody body={list.body} words={listWords} empty={empty} table={table} />
      <MemberFormDialog offeringUuid={offeringUuid} mode={formMode} onClose={form.close} />
      <NotAllowedDialog
        opened={state.add === '1' && !permission.canManage && Boolean(permission.reason)}
        title={t`Add member`}
        reason={t`${reason} You cannot add members to this offering.`}
        onClose={form.close}
      />
      <ReaddDialog offeringUuid={offeringUuid} member={readding} onClose={() => setReadding(null)} />
    </Stack>
  );
}

/** Which emptied groups go where: an unlinked group is deleted in Waldur only. */
function emptiedSentences(emptied: readonly { groupName: string; linked: boolean }[]): string[] {
  const names = (linked: boolean) =>
    emptied
      .filter((group) => group.linked === linked)
      .map((group) => `“${isolate(group.groupName)}”`)
      .join(', ');
  const linked = emptied.filter((group) => group.linked).length;
  const unlinked = emptied.length - linked;
  const linkedNames = names(true);
  const unlinkedNames = names(false);
  return [
    linked
      ? plural(linked, {
          one: `This group loses its last member and is deleted in Waldur and in Keycloak: ${linkedNames}.`,
          other: `These groups lose their last member and are deleted in Waldur and in Keycloak: ${linkedNames}.`,
        })
      : '',
    unlinked
      ? plural(unlinked, {
          one: `This group loses its last member and is deleted in Waldur; it is not linked, so nothing is deleted in Keycloak: ${unlinkedNames}.`,
          other: `These groups lose their last member and are deleted in Waldur; they are not linked, so nothing is deleted in Keycloak: ${unlinkedNames}.`,
        })
      : '',
  ].filter(Boolean);
}
