import { plural, t } from '@lingui/core/macro';
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
import { pluralize } from '../../lib/format';
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

type Props = { offeringUuid: string; permission: OfferingPermission };

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };
const NO_FILTERS: MemberFilters = { group: '', role: '', resource: '', state: [], username: '', email: '' };
const memberCount = (count: number) => plural(count, { one: '# member', other: '# members' });
const LIST_WORDS: ListWords = {
  noun: 'members',
  label: 'Members',
  noMatchHint: 'Filters on username and email match exactly. Try other values, or clear the filters.',
  count: memberCount,
  get noMatch() {
    return t`No members match these filters`;
  },
  get forbidden() {
    return t`You cannot see these members`;
  },
  get loading() {
    return t`Loading members`;
  },
  get selectAll() {
    return t`Select all members on this page`;
  },
};
const SELECTION_WORDS = { one: 'member', action: 'Remove selected', count: memberCount };

/** The members tab: filters, the server-paginated table, add / change group / remove, bulk removal and CSV export. */
export function MembersTab({ offeringUuid, permission }: Props) {
  const queryClient = useQueryClient();
  const [state, setState] = useUrlState(membersSearchSchema);
  const filters = useMemo(() => memberFilters(state), [state]);
  const members = useQuery(memberQueries.list(offeringUuid, filters, { page: state.page, page_size: state.page_size }));
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const filtered = hasFilters(filters);
  const disabledReason = permission.canManage ? null : (permission.reason ?? 'Checking your permissions…');

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
      failedTitle: (member) => `Could not remove ${isolate(member.username)}`,
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
    confirmDestructive({
      title: `Remove ${isolate(member.username)}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm" style={clip}>
            {whoLabel(member)} is removed from the group in Waldur and from the Keycloak group. Keycloak is read again afterwards, and you
            are told what it shows.
          </Text>
          {last ? (
            <Alert color="red" variant="light" role="note" title="The group will be deleted">
              <Text size="sm" style={clip}>
                This is the last member of “<Bdi>{member.groupName}</Bdi>”: removing them deletes the group in Waldur and in Keycloak.
              </Text>
            </Alert>
          ) : null}
        </Stack>
      ),
      confirmLabel: last ? 'Remove and delete group' : 'Remove',
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
    confirmDestructive({
      title: `Remove ${pluralize(chosen.length, 'member')}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            These memberships are removed in Waldur, and the users are removed from the Keycloak groups. Each result says what Keycloak
            shows afterwards.
          </Text>
          <ChosenList
            items={chosen}
            label="Members to remove"
            more={(count) => plural(count, { one: 'and # more member', other: 'and # more members' })}
            render={whoLabel}
          />
          {emptied && emptied.length > 0 ? (
            <Alert
              color="red"
              variant="light"
              role="note"
              title={emptied.length === 1 ? 'A group will be deleted' : `${emptied.length} groups will be deleted`}
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
              Could not check whether a group loses its last member; a group left without members is deleted in Waldur, and in Keycloak if
              it is linked to a Keycloak group.
            </Text>
          ) : null}
        </Stack>
      ),
      confirmLabel: `Remove ${pluralize(chosen.length, 'member')}`,
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
    { label: 'Change group', onClick: (row) => form.edit(memberRef(row)) },
    // Offered for memberships Waldur flagged (`error_message`): delete and create again.
    { label: 'Re-add', onClick: (row) => setReadding(memberRef(row)), shown: (row) => Boolean(row.error_message) },
    { label: 'Remove', color: 'red', onClick: (row) => void confirmRemove(row) },
  ];

  const setFilters = (patch: Partial<MemberFilters>) => setState({ ...patch, page: 1 });

  const empty =
    disabledReason && permission.reason ? (
      <EmptyState
        title="No members you can see"
        description="Waldur shows an offering’s members only to staff and to the owners of its organization."
      />
    ) : (
      <EmptyState title="No members yet" description="Add a member with a role: the group is created for you, in Keycloak too.">
        <Button onClick={form.openAdd} disabled={Boolean(disabledReason)}>
          Add member
        </Button>
      </EmptyState>
    );
  const table = { columns: MEMBER_COLUMNS, rowLabel: memberRowLabel, actions: rowActions, disabledReason };

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
            Add member
          </Button>
          <Button variant="default" onClick={runExport} loading={list.exporting !== null} disabled={!members.data}>
            Export CSV
          </Button>
        </Group>
        <SelectionBar
          {...list.selectionBar}
          words={SELECTION_WORDS}
          checking={checkingBulk}
          onAction={() => void confirmBulk()}
          disabledReason={disabledReason}
        />
      </Group>
      {disabledReason && permission.reason ? (
        <Text size="sm" c="dimmed" role="note">
          {permission.reason} Member actions are disabled.
        </Text>
      ) : null}
      <ExportProgressAlert title="Exporting members to CSV" progress={list.exporting} onCancel={list.cancelExport} />
      {list.bulk ? <BulkRemovePanel run={list.bulk} onDismiss={list.dismissBulk} /> : null}
      <ListBody body={list.body} words={LIST_WORDS} empty={empty} table={table} />
      <MemberFormDialog offeringUuid={offeringUuid} mode={formMode} onClose={form.close} />
      <NotAllowedDialog
        opened={state.add === '1' && !permission.canManage && Boolean(permission.reason)}
        title="Add member"
        reason={`${permission.reason ?? ''} You cannot add members to this offering.`}
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
  return [
    linked
      ? `${linked === 1 ? 'This group loses its last member and is' : 'These groups lose their last member and are'} deleted in Waldur and in Keycloak: ${names(true)}.`
      : '',
    unlinked
      ? `${unlinked === 1 ? 'This group loses its last member and is' : 'These groups lose their last member and are'} deleted in Waldur; ${unlinked === 1 ? 'it is' : 'they are'} not linked, so nothing is deleted in Keycloak: ${names(false)}.`
      : '',
  ].filter(Boolean);
}
