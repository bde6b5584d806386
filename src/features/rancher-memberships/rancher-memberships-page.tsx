import { Alert, Anchor, Button, Group, List, Progress, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../api/errors';
import type { RancherMembership } from '../../api/types';
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
import { useUrlState } from '../../lib/url-state';
import { BulkDeletePanel, whoLabel, type BulkRun } from './bulk-delete-panel';
import { exportFileName, exportMembershipsCsv, type ExportProgress } from './export-csv';
import { MembershipFormDialog, type MembershipFormMode } from './membership-form';
import { MembershipsFilters } from './memberships-filters';
import { MembershipsTable } from './memberships-table';
import { deleteMembership, deleteMemberships, invalidateMemberships, membershipRef, type MembershipRef } from './mutations';
import {
  NO_FILTERS,
  fetchMembershipsPage,
  hasFilters,
  membershipFilters,
  rancherQueries,
  rancherSearchSchema,
  type MembershipFilters,
} from './queries';

type Props = {
  /** Why this server cannot show the page (its capabilities probe), or null. */
  unavailableReason: string | null;
};

/** Rancher's API has no view of Keycloak: what Waldur did is all that can be said. */
const RANCHER_UNCHECKED =
  'Waldur removes the user from the Keycloak group too, but its Rancher API cannot show Keycloak, so that was not checked.';

const clip: React.CSSProperties = { overflowWrap: 'anywhere' };

const GENERIC_MISSING =
  'This server does not offer Rancher Keycloak memberships (HTTP 404 on /api/keycloak-user-group-memberships/): the Rancher plugin is not enabled.';

export function RancherMembershipsPage({ unavailableReason }: Props) {
  return (
    <Stack>
      <Title order={1}>Rancher memberships</Title>
      {unavailableReason ? <Unavailable reason={unavailableReason} /> : <MembershipsSection />}
    </Stack>
  );
}

function Unavailable({ reason }: { reason: string }) {
  return (
    <Alert color="gray" variant="light" title="Not available on this server" role="note">
      <Stack gap="xs">
        <Text size="sm" style={clip}>
          {reason}
        </Text>
        <Text size="sm">
          <Anchor component={Link} to="/server">
            See what this server offers
          </Anchor>
        </Text>
      </Stack>
    </Alert>
  );
}

function MembershipsSection() {
  const queryClient = useQueryClient();
  const [state, setState] = useUrlState(rancherSearchSchema);
  const filters = useMemo(() => membershipFilters(state), [state]);
  const memberships = useQuery(rancherQueries.list(filters, { page: state.page, page_size: state.page_size }));
  const clusters = useQuery(rancherQueries.clusters());
  const roles = useQuery(rancherQueries.allRoleTemplates());
  const filtered = hasFilters(filters);
  const disabledReason =
    clusters.data && clusters.data.length === 0
      ? 'You cannot see any Rancher cluster: memberships are managed by staff and by the owners of a cluster’s organization.'
      : null;

  // A page past the end (after deletions, or an old bookmark) moves to the last page.
  const total = memberships.data?.total;
  useEffect(() => {
    if (total === undefined || memberships.isPlaceholderData) return;
    const last = lastPage(total, state.page_size);
    if (state.page > last) setState({ page: last }, { replace: true });
  }, [total, state.page, state.page_size, memberships.isPlaceholderData, setState]);

  // Selection across pages: enough of each membership to say what will be deleted.
  const [selection, setSelection] = useState<ReadonlyMap<string, MembershipRef>>(new Map());
  const selectedIds = useMemo(() => new Set(selection.keys()), [selection]);
  const select = useCallback(
    (rows: RancherMembership[], on: boolean) => {
      setSelection((previous) => {
        const next = new Map(previous);
        for (const row of rows) {
          if (on) next.set(row.uuid, membershipRef(row, roles.data));
          else next.delete(row.uuid);
        }
        return next;
      });
    },
    [roles.data],
  );
  const unselect = useCallback((uuids: Iterable<string>) => {
    setSelection((previous) => {
      const next = new Map(previous);
      for (const uuid of uuids) next.delete(uuid);
      return next;
    });
  }, []);

  // Add (add=1 in the URL, so a sign-in round trip comes back to the form) and edit.
  const [editing, setEditing] = useState<Extract<MembershipFormMode, { membership: RancherMembership }> | null>(null);
  // A link with add=1 opens the form only for who may add; others get the reason.
  const formMode: MembershipFormMode | null = editing ? editing : state.add === '1' && !disabledReason ? { kind: 'add' } : null;
  const closeForm = () => {
    if (editing) setEditing(null);
    else setState({ add: '' }, { replace: true });
  };

  // Delete one: ask first, then a notification with the outcome.
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const setRowBusy = (uuid: string, on: boolean) =>
    setBusy((previous) => {
      const next = new Set(previous);
      if (on) next.add(uuid);
      else next.delete(uuid);
      return next;
    });
  const deleteOne = useMutation({
    mutationFn: (membership: MembershipRef) => deleteMembership(membership.uuid),
    onMutate: (membership) => setRowBusy(membership.uuid, true),
    onSuccess: async (status, membership) => {
      unselect([membership.uuid]);
      notifications.show({
        color: 'teal',
        title: status === 'gone' ? 'Already deleted' : `Membership of ${isolate(membership.username)} deleted`,
        message:
          status === 'gone'
            ? `${isolate(membership.username)}’s membership had already been deleted. The list has been refreshed.`
            : `Waldur deleted the membership of ${isolate(membership.username)} in “${isolate(membership.groupName)}”. ${RANCHER_UNCHECKED}`,
      });
      await invalidateMemberships(queryClient);
    },
    onError: (error, membership) => {
      notifications.show({
        color: 'red',
        title: `Could not delete the membership of ${isolate(membership.username)}`,
        message: errorMessage(error),
        autoClose: false,
      });
    },
    onSettled: (_data, _error, membership) => setRowBusy(membership.uuid, false),
  });

  const confirmDelete = (row: RancherMembership) => {
    const membership = membershipRef(row, roles.data);
    confirmDestructive({
      title: `Delete the membership of ${isolate(membership.username)}?`,
      children: (
        <Text size="sm" style={clip}>
          {whoLabel(membership)}: the user is removed from the Keycloak group “<bdi>{membership.groupName}</bdi>” and loses this role in
          Rancher.
        </Text>
      ),
      confirmLabel: 'Delete membership',
      onConfirm: () => deleteOne.mutate(membership),
    });
  };

  // Delete selected: one confirmation listing which, then progress and a result per membership.
  const [bulk, setBulk] = useState<BulkRun | null>(null);
  const runBulk = async (chosen: MembershipRef[]) => {
    setBulk({ memberships: chosen, outcomes: [], running: true });
    const outcomes = await deleteMemberships(chosen, {
      onOutcome: (outcome) => setBulk((previous) => previous && { ...previous, outcomes: [...previous.outcomes, outcome] }),
    });
    unselect(outcomes.filter((outcome) => outcome.status !== 'failed').map((outcome) => outcome.membership.uuid));
    await invalidateMemberships(queryClient);
    setBulk((previous) => previous && { ...previous, running: false });
  };
  const confirmBulk = () => {
    const chosen = [...selection.values()];
    if (chosen.length === 0) return;
    const shown = chosen.slice(0, 50);
    confirmDestructive({
      title: `Delete ${pluralize(chosen.length, 'membership')}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm">These users are removed from their Keycloak groups and lose these roles in Rancher:</Text>
          <ScrollArea.Autosize mah={240} type="auto">
            <List size="sm" spacing={2} aria-label="Memberships to delete">
              {shown.map((membership) => (
                <List.Item key={membership.uuid}>
                  <Text size="sm" span style={clip}>
                    {whoLabel(membership)}
                  </Text>
                </List.Item>
              ))}
              {chosen.length > shown.length ? (
                <List.Item>and {pluralize(chosen.length - shown.length, 'more membership')}</List.Item>
              ) : null}
            </List>
          </ScrollArea.Autosize>
        </Stack>
      ),
      confirmLabel: `Delete ${pluralize(chosen.length, 'membership')}`,
      onConfirm: () => void runBulk(chosen),
    });
  };

  // Export CSV: every membership matching the filters, all pages.
  const [exporting, setExporting] = useState<ExportProgress | null>(null);
  const exportController = useRef<AbortController | null>(null);
  const runExport = async () => {
    const controller = new AbortController();
    exportController.current = controller;
    setExporting({ rows: 0, total: memberships.data?.total ?? 0 });
    try {
      const { parts, rows } = await exportMembershipsCsv({
        fetchPage: (page, pageSize, signal) => fetchMembershipsPage(filters, page, pageSize, signal),
        signal: controller.signal,
        onProgress: setExporting,
      });
      downloadText(exportFileName(), parts);
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

  const setFilters = (patch: Partial<MembershipFilters>) => setState({ ...patch, page: 1 });

  // A 404 on the collection: this server has no Rancher plugin (the probe may not have said so yet).
  if (!memberships.data && memberships.error instanceof ApiError && memberships.error.isNotFound) {
    return <Unavailable reason={GENERIC_MISSING} />;
  }

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" c="dimmed" maw={640}>
          Keycloak group memberships that give users a role in a Rancher cluster or project. Text filters match exactly.
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() => void runExport()}
            loading={exporting !== null}
            disabled={!memberships.data || memberships.data.total === 0}
          >
            Export CSV
          </Button>
          <Button onClick={() => setState({ add: '1' })} disabled={Boolean(disabledReason)}>
            Add membership
          </Button>
        </Group>
      </Group>
      {disabledReason ? (
        <Text size="sm" c="dimmed" role="note">
          {disabledReason}
        </Text>
      ) : null}
      <MembershipsFilters
        filters={filters}
        onChange={setFilters}
        onClear={() => setState({ ...NO_FILTERS, page: 1 })}
        filtered={filtered}
      />
      {selection.size > 0 ? (
        <Group gap="sm" wrap="wrap">
          <Text size="sm" fw={500} aria-live="polite">
            {pluralize(selection.size, 'membership')} selected
          </Text>
          <Button size="xs" variant="default" onClick={() => setSelection(new Map())} disabled={Boolean(bulk?.running)}>
            Clear selection
          </Button>
          <Button size="xs" color="red" onClick={confirmBulk} loading={Boolean(bulk?.running)} disabled={Boolean(disabledReason)}>
            Delete selected
          </Button>
        </Group>
      ) : null}
      {exporting ? (
        <Alert color="indigo" variant="light" title="Exporting memberships to CSV" role="status">
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
      {bulk ? <BulkDeletePanel run={bulk} onDismiss={() => setBulk(null)} /> : null}
      {memberships.data ? (
        memberships.data.total === 0 && memberships.data.items.length === 0 ? (
          filtered ? (
            <EmptyState
              title="No memberships match these filters"
              description="Text filters match exactly. Try other values, or clear the filters."
            >
              <Button variant="light" onClick={() => setState({ ...NO_FILTERS, page: 1 })}>
                Clear filters
              </Button>
            </EmptyState>
          ) : disabledReason ? (
            <EmptyState title="No memberships you can see" description={disabledReason} />
          ) : (
            <EmptyState title="No Rancher memberships yet" description="Add a membership: the Keycloak groups are created for you.">
              <Button onClick={() => setState({ add: '1' })}>Add membership</Button>
            </EmptyState>
          )
        ) : (
          <>
            <MembershipsTable
              memberships={memberships.data.items}
              roles={roles.data}
              selected={selectedIds}
              onSelect={select}
              onEdit={(membership) => setEditing({ kind: 'edit', membership })}
              onMove={(membership) => setEditing({ kind: 'move', membership })}
              onDelete={confirmDelete}
              disabledReason={disabledReason}
              busy={busy}
              dimmed={memberships.isPlaceholderData}
            />
            <PaginationBar
              page={state.page}
              pageSize={state.page_size}
              total={memberships.data.total}
              label="memberships"
              onChange={(next) => setState(next)}
            />
          </>
        )
      ) : memberships.error ? (
        <ErrorAlert
          error={memberships.error}
          title={memberships.error instanceof ApiError && memberships.error.isForbidden ? 'You cannot see these memberships' : undefined}
          onRetry={() => void memberships.refetch()}
        />
      ) : (
        <TableSkeleton label="Loading memberships" />
      )}
      <MembershipFormDialog mode={formMode} onClose={closeForm} />
      <NotAllowedDialog
        opened={state.add === '1' && Boolean(disabledReason)}
        title="Add membership"
        reason={disabledReason ?? ''}
        onClose={closeForm}
      />
    </>
  );
}
