import { Alert, Button, Group, List, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api/errors';
import { offeringQueries } from '../../api/shared-queries';
import type { OfferingMembership } from '../../api/types';
import { notifyVerdict } from '../../components/access-verdict';
import { confirmDestructive } from '../../components/confirm';
import { EmptyState } from '../../components/empty-state';
import { NotAllowedDialog } from '../../components/not-allowed-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { PaginationBar } from '../../components/pagination-bar';
import { TableSkeleton } from '../../components/table-skeleton';
import { isolate } from '../../lib/bidi';
import { downloadText } from '../../lib/csv';
import { lastPage } from '../../lib/fetch-page';
import { pluralize } from '../../lib/format';
import type { OfferingPermission } from '../../lib/offering-permission';
import { useUrlState } from '../../lib/url-state';
import { BulkRemovePanel, whoLabel, type BulkRun } from './bulk-remove-panel';
import { exportFileName, exportMembersCsv, type ExportProgress } from './export-csv';
import { MemberFormDialog, type MemberFormMode } from './member-form';
import {
  groupsEmptiedBy,
  invalidateAfterMemberChange,
  memberRef,
  removeMemberChecked,
  removeMembers,
  removeSteps,
  type MemberRef,
} from './member-mutations';
import { MembersFilters } from './members-filters';
import { MembersTable } from './members-table';
import { ReaddDialog } from './readd-dialog';
import { fetchMembersPage, hasFilters, memberFilters, memberQueries, membersSearchSchema, type MemberFilters } from './queries';

type Props = { offeringUuid: string; permission: OfferingPermission };

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };
const NO_FILTERS: MemberFilters = { group: '', role: '', resource: '', state: [], username: '', email: '' };

/** The members tab: filters, the server-paginated table, add / change group / remove, bulk removal and CSV export. */
export function MembersTab({ offeringUuid, permission }: Props) {
  const queryClient = useQueryClient();
  const [state, setState] = useUrlState(membersSearchSchema);
  const filters = useMemo(() => memberFilters(state), [state]);
  const members = useQuery(memberQueries.list(offeringUuid, filters, { page: state.page, page_size: state.page_size }));
  const offering = useQuery(offeringQueries.detail(offeringUuid));
  const filtered = hasFilters(filters);
  const disabledReason = permission.canManage ? null : (permission.reason ?? 'Checking your permissions…');

  // A page past the end (after removals, or an old bookmark) moves to the last page.
  const total = members.data?.total;
  useEffect(() => {
    if (total === undefined || members.isPlaceholderData) return;
    const last = lastPage(total, state.page_size);
    if (state.page > last) setState({ page: last }, { replace: true });
  }, [total, state.page, state.page_size, members.isPlaceholderData, setState]);

  // Selection across pages: enough of each member to say who will be removed.
  const [selection, setSelection] = useState<ReadonlyMap<string, MemberRef>>(new Map());
  const selectedIds = useMemo(() => new Set(selection.keys()), [selection]);
  const select = useCallback((rows: OfferingMembership[], on: boolean) => {
    setSelection((previous) => {
      const next = new Map(previous);
      for (const row of rows) {
        if (on) next.set(row.uuid, memberRef(row));
        else next.delete(row.uuid);
      }
      return next;
    });
  }, []);
  const unselect = useCallback((uuids: Iterable<string>) => {
    setSelection((previous) => {
      const next = new Map(previous);
      for (const uuid of uuids) next.delete(uuid);
      return next;
    });
  }, []);

  // Add member (add=1 in the URL, so the groups tab can link here) and change group.
  const [changing, setChanging] = useState<MemberRef | null>(null);
  const [readding, setReadding] = useState<MemberRef | null>(null);
  // A link with add=1 opens the form only for who may add; others get the reason.
  const formMode: MemberFormMode | null = changing
    ? { kind: 'change', member: changing }
    : state.add === '1' && !disabledReason
      ? { kind: 'add' }
      : null;
  const closeForm = () => {
    if (changing) setChanging(null);
    else setState({ add: '' }, { replace: true });
  };

  // Remove one member: ask first, saying when the group goes with them.
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const setRowBusy = (uuid: string, on: boolean) =>
    setBusy((previous) => {
      const next = new Set(previous);
      if (on) next.add(uuid);
      else next.delete(uuid);
      return next;
    });
  const removeOne = useMutation({
    mutationFn: (member: MemberRef) => removeMemberChecked(member, removeSteps(offeringUuid)),
    onMutate: (member) => setRowBusy(member.uuid, true),
    onSuccess: async (outcome, member) => {
      if (outcome.status !== 'failed') unselect([member.uuid]);
      notifyVerdict(outcome.verdict);
      await invalidateAfterMemberChange(queryClient, offeringUuid);
    },
    onError: (error, member) => {
      notifications.show({
        color: 'red',
        title: `Could not remove ${isolate(member.username)}`,
        message: errorMessage(error),
        autoClose: false,
      });
    },
    onSettled: (_data, _error, member) => setRowBusy(member.uuid, false),
  });

  const confirmRemove = async (row: OfferingMembership) => {
    const member = memberRef(row);
    setRowBusy(member.uuid, true);
    const count = await queryClient.fetchQuery(memberQueries.groupCount(offeringUuid, member.groupUuid)).catch(() => undefined);
    setRowBusy(member.uuid, false);
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
                This is the last member of “<bdi>{member.groupName}</bdi>”: removing them deletes the group in Waldur and in Keycloak.
              </Text>
            </Alert>
          ) : null}
        </Stack>
      ),
      confirmLabel: last ? 'Remove and delete group' : 'Remove',
      onConfirm: () => removeOne.mutate(member),
    });
  };

  // Remove selected: one confirmation listing who, then progress and a result per member.
  const [bulk, setBulk] = useState<BulkRun | null>(null);
  const [checkingBulk, setCheckingBulk] = useState(false);
  const runBulk = async (chosen: MemberRef[]) => {
    setBulk({ members: chosen, outcomes: [], running: true });
    const outcomes = await removeMembers(chosen, removeSteps(offeringUuid), {
      onOutcome: (outcome) => setBulk((previous) => previous && { ...previous, outcomes: [...previous.outcomes, outcome] }),
    });
    unselect(outcomes.filter((outcome) => outcome.status !== 'failed').map((outcome) => outcome.member.uuid));
    await invalidateAfterMemberChange(queryClient, offeringUuid);
    setBulk((previous) => previous && { ...previous, running: false });
  };
  const confirmBulk = async () => {
    const chosen = [...selection.values()];
    if (chosen.length === 0) return;
    setCheckingBulk(true);
    const emptied = await groupsEmptiedBy(chosen, (groupUuid) =>
      queryClient.fetchQuery(memberQueries.groupCount(offeringUuid, groupUuid)),
    ).catch(() => null);
    setCheckingBulk(false);
    const shown = chosen.slice(0, 50);
    confirmDestructive({
      title: `Remove ${pluralize(chosen.length, 'member')}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            These memberships are removed in Waldur, and the users are removed from the Keycloak groups. Each result says what Keycloak
            shows afterwards.
          </Text>
          <ScrollArea.Autosize mah={240} type="auto">
            <List size="sm" spacing={2} aria-label="Members to remove">
              {shown.map((member) => (
                <List.Item key={member.uuid}>
                  <Text size="sm" span style={clip}>
                    {whoLabel(member)}
                  </Text>
                </List.Item>
              ))}
              {chosen.length > shown.length ? <List.Item>and {pluralize(chosen.length - shown.length, 'more member')}</List.Item> : null}
            </List>
          </ScrollArea.Autosize>
          {emptied && emptied.length > 0 ? (
            <Alert
              color="red"
              variant="light"
              role="note"
              title={emptied.length === 1 ? 'A group will be deleted' : `${emptied.length} groups will be deleted`}
            >
              <Text size="sm" style={clip}>
                These groups lose their last member and are deleted in Waldur and Keycloak:{' '}
                {emptied.map((group) => `“${isolate(group.groupName)}”`).join(', ')}.
              </Text>
            </Alert>
          ) : null}
          {emptied === null ? (
            <Text size="sm" c="dimmed">
              Could not check whether a group loses its last member; a group left without members is deleted in Waldur and Keycloak.
            </Text>
          ) : null}
        </Stack>
      ),
      confirmLabel: `Remove ${pluralize(chosen.length, 'member')}`,
      onConfirm: () => void runBulk(chosen),
    });
  };

  // Export CSV: every membership matching the filters, all pages.
  const [exporting, setExporting] = useState<ExportProgress | null>(null);
  const exportController = useRef<AbortController | null>(null);
  const runExport = async () => {
    const controller = new AbortController();
    exportController.current = controller;
    setExporting({ rows: 0, total: members.data?.total ?? 0 });
    try {
      const { parts, rows } = await exportMembersCsv({
        fetchPage: (page, pageSize, signal) => fetchMembersPage(offeringUuid, filters, page, pageSize, signal),
        signal: controller.signal,
        onProgress: (progress) => setExporting(progress),
      });
      downloadText(exportFileName(offering.data?.name ?? offeringUuid), parts);
      notifications.show({ color: 'teal', title: 'Export ready', message: `${pluralize(rows, 'membership')} exported to CSV.` });
    } catch (error) {
      if (!controller.signal.aborted) {
        notifications.show({ color: 'red', title: 'Export failed', message: errorMessage(error), autoClose: false });
      }
    } finally {
      exportController.current = null;
      setExporting(null);
    }
  };
  useEffect(() => () => exportController.current?.abort(), []);

  const setFilters = (patch: Partial<MemberFilters>) => setState({ ...patch, page: 1 });

  return (
    <Stack gap="sm">
      <MembersFilters
        offeringUuid={offeringUuid}
        filters={filters}
        filtered={filtered}
        onChange={setFilters}
        onClear={() => setState({ ...NO_FILTERS, page: 1 })}
      />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm">
          <Button onClick={() => setState({ add: '1' })} disabled={Boolean(disabledReason)}>
            Add member
          </Button>
          <Button variant="default" onClick={() => void runExport()} loading={exporting !== null} disabled={!members.data}>
            Export CSV
          </Button>
        </Group>
        {selection.size > 0 ? (
          <Group gap="sm" role="group" aria-label="Selection">
            <Text size="sm" aria-live="polite">
              {pluralize(selection.size, 'member')} selected
              {[...selection.keys()].some((uuid) => !members.data?.items.some((row) => row.uuid === uuid)) ? ' (on several pages)' : ''}
            </Text>
            <Button variant="subtle" size="xs" onClick={() => setSelection(new Map())} disabled={bulk?.running}>
              Clear selection
            </Button>
            <Button
              color="red"
              variant="light"
              onClick={() => void confirmBulk()}
              loading={checkingBulk || Boolean(bulk?.running)}
              disabled={Boolean(disabledReason)}
            >
              Remove selected
            </Button>
          </Group>
        ) : null}
      </Group>
      {disabledReason && permission.reason ? (
        <Text size="sm" c="dimmed" role="note">
          {permission.reason} Member actions are disabled.
        </Text>
      ) : null}
      {exporting ? (
        <Alert color="indigo" variant="light" title="Exporting members to CSV" role="status">
          <Group gap="sm" wrap="nowrap" align="center">
            <Progress
              style={{ flex: 1 }}
              value={exporting.total ? (exporting.rows / exporting.total) * 100 : 0}
              aria-label="Export progress"
              animated
            />
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {exporting.rows.toLocaleString()} of {exporting.total.toLocaleString()}
            </Text>
            <Button size="xs" variant="default" onClick={() => exportController.current?.abort()}>
              Cancel export
            </Button>
          </Group>
        </Alert>
      ) : null}
      {bulk ? <BulkRemovePanel run={bulk} onDismiss={() => setBulk(null)} /> : null}
      {members.data ? (
        members.data.total === 0 && members.data.items.length === 0 ? (
          filtered ? (
            <EmptyState
              title="No members match these filters"
              description="Filters on username and email match exactly. Try other values, or clear the filters."
            >
              <Button variant="light" onClick={() => setState({ ...NO_FILTERS, page: 1 })}>
                Clear filters
              </Button>
            </EmptyState>
          ) : disabledReason && permission.reason ? (
            <EmptyState
              title="No members you can see"
              description="Waldur shows an offering’s members only to staff and to the owners of its organization."
            />
          ) : (
            <EmptyState title="No members yet" description="Add a member with a role: the group is created for you, in Keycloak too.">
              <Button onClick={() => setState({ add: '1' })} disabled={Boolean(disabledReason)}>
                Add member
              </Button>
            </EmptyState>
          )
        ) : (
          <>
            <MembersTable
              members={members.data.items}
              selected={selectedIds}
              onSelect={select}
              onChangeGroup={(row) => setChanging(memberRef(row))}
              onReadd={(row) => setReadding(memberRef(row))}
              onRemove={(row) => void confirmRemove(row)}
              disabledReason={disabledReason}
              busy={busy}
              dimmed={members.isPlaceholderData}
            />
            <PaginationBar
              page={state.page}
              pageSize={state.page_size}
              total={members.data.total}
              label="members"
              onChange={(next) => setState(next)}
            />
          </>
        )
      ) : members.error ? (
        <ErrorAlert
          error={members.error}
          title={members.error instanceof ApiError && members.error.isForbidden ? 'You cannot see these members' : undefined}
          onRetry={() => void members.refetch()}
        />
      ) : (
        <TableSkeleton label="Loading members" />
      )}
      <MemberFormDialog offeringUuid={offeringUuid} mode={formMode} onClose={closeForm} />
      <NotAllowedDialog
        opened={state.add === '1' && !permission.canManage && Boolean(permission.reason)}
        title="Add member"
        reason={`${permission.reason ?? ''} You cannot add members to this offering.`}
        onClose={closeForm}
      />
      <ReaddDialog offeringUuid={offeringUuid} member={readding} onClose={() => setReadding(null)} />
    </Stack>
  );
}
